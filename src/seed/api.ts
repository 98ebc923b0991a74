/**
 * The demo seed's HTTP client: every call goes through the app's public API (`app.inject`), so the
 * demo depends only on the API contract. A call that does not answer 2xx stops the seed with the
 * route, the status and the problem body.
 */
import type { App } from '../platform/http/app.js';

export type SeedApi = {
  get<T>(url: string): Promise<T>;
  post<T>(url: string, body?: object): Promise<T>;
  put<T>(url: string, body: object): Promise<T>;
  patch<T>(url: string, body: object): Promise<T>;
};

export class SeedCallFailed extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly problem: string,
  ) {
    super(`demo seed: ${route} answered ${status}: ${problem}`);
  }
}

export function seedApi(app: App, key: string): SeedApi {
  const call = async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: object): Promise<T> => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(body === undefined ? {} : { payload: body }),
    });
    if (res.statusCode < 200 || res.statusCode > 299) throw new SeedCallFailed(`${method} ${url}`, res.statusCode, res.body);
    return (res.body ? JSON.parse(res.body) : undefined) as T;
  };
  return {
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body),
    put: (url, body) => call('PUT', url, body),
    patch: (url, body) => call('PATCH', url, body),
  };
}
