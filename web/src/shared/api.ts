/**
 * The one way the screens reach the server: `/api/v1` through a client typed from /openapi.json
 * (api-schema.d.ts). Every error answer is RFC 9457 problem+json; `call` turns it into an
 * `ApiError` that names the field, so a form can show the message where it belongs.
 */
import createClient from 'openapi-fetch';
import type { paths } from './api-schema';

export type { paths };

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

export type Problem = { type?: string; title?: string; status: number; detail?: string; field?: string; currentState?: string; [k: string]: unknown };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status() {
    return this.problem.status;
  }
  get field() {
    return this.problem.field;
  }
}

/** The network could not be reached at all (offline, server down): the request may be retried. */
export class NetworkError extends Error {}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws ApiError / NetworkError. */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const body = (error && typeof error === 'object' ? error : {}) as Partial<Problem>;
    throw new ApiError({ ...body, status: response.status });
  }
  return data as T;
}

/** A fresh Idempotency-Key: a retried command is answered with its first result, never done twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Whether a failed read is worth one more try: a network failure or a server error may pass, a
 * refusal (4xx: not found, not allowed) will not.
 */
export function retryRead(failures: number, error: unknown): boolean {
  return failures < 1 && !(error instanceof ApiError && error.status < 500);
}
