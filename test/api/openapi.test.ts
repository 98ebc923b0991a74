/**
 * The live OpenAPI document: valid OpenAPI 3.1 for a real validator, every operation described
 * (summary, tag, a 2xx response), and every operation that is not public both declares security
 * and really refuses a request without credentials. It walks /openapi.json, so a route added
 * later is covered without touching this file.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../support/context.js';

const ctx = await useTestContext();

type Operation = {
  summary?: string;
  tags?: string[];
  responses?: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
};
type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  security?: Array<Record<string, string[]>>;
  components?: { securitySchemes?: Record<string, unknown> };
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'] as const;

/** Reachable without credentials, by design. */
const PUBLIC = new Set(['/health', '/health/ready', '/health/live', '/openapi.json', '/docs', '/api/v1/auth/login', '/api/v1/auth/logout']);
const isPublic = (path: string) => PUBLIC.has(path) || path.startsWith('/docs/');
/** The customer portal authenticates customers its own way. */
const isPortal = (path: string) => path.startsWith('/api/v1/portal');

let doc: OpenApi;
let ops: Array<{ key: string; method: string; path: string; op: Operation }> = [];

beforeAll(async () => {
  const res = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as OpenApi;
  ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op: item[method] as Operation })),
  );
});

async function validate(spec: unknown) {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(spec) as Record<string, unknown>);
  return { ...result, version: result.valid ? validator.version : undefined };
}

describe('GET /openapi.json', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.version).toBe('3.1');
  });

  it('is checked by a validator that does refuse broken documents', async () => {
    const anOperation = ops.find((o) => o.path.includes('{'));
    expect(anOperation).toBeDefined();
    const { path, method } = anOperation!;
    const breakages: Array<[string, (d: Record<string, any>) => void]> = [
      ['no info', (d) => delete d.info],
      ['a response without description', (d) => (d.paths[path][method].responses = { '200': { content: {} } })],
      ['a path parameter that is not required', (d) => (d.paths[path][method].parameters = [{ name: 'id', in: 'path', required: false, schema: { type: 'integer' } }])],
      ['an unknown security requirement shape', (d) => (d.security = 'everyone')],
    ];
    for (const [name, breakIt] of breakages) {
      const broken = structuredClone(doc) as unknown as Record<string, any>;
      breakIt(broken);
      expect((await validate(broken)).valid, name).toBe(false);
    }
  });

  it('describes every operation with a summary, a tag and a 2xx response', () => {
    expect(ops.length).toBeGreaterThan(0);
    const problems = ops.flatMap(({ key, op }) => [
      ...(typeof op.summary === 'string' && op.summary.trim() ? [] : [`${key}: no summary`]),
      ...(Array.isArray(op.tags) && op.tags.some((t) => typeof t === 'string' && t.trim()) ? [] : [`${key}: no tag`]),
      ...(Object.keys(op.responses ?? {}).some((code) => /^2(\d\d|XX)$/.test(code)) ? [] : [`${key}: no 2xx response`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('declares security on every operation that is not public', () => {
    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    expect(schemes.length).toBeGreaterThan(0);
    const problems = ops
      .filter(({ path }) => !isPublic(path))
      .flatMap(({ key, op }) => {
        const security = op.security ?? doc.security;
        // The portal's customers prove who they are with what they hold (order number and phone, a voucher).
        if (isPortal(key.split(' ')[1]!)) return Array.isArray(op.security) && op.security.length === 0 ? [] : [`${key}: a portal route that asks for staff credentials`];
        if (!Array.isArray(security) || security.length === 0) return [`${key}: no security requirement`];
        // `{}` among the alternatives means "or anonymous".
        if (security.some((r) => Object.keys(r).length === 0)) return [`${key}: security allows anonymous access`];
        const unknown = security.flatMap((r) => Object.keys(r)).filter((name) => !schemes.includes(name));
        return unknown.length ? [`${key}: unknown security scheme ${unknown.join(', ')}`] : [];
      });
    expect(problems).toEqual([]);
  });

  it('refuses every operation that is not public without credentials: 401 problem+json', async () => {
    const problems: Array<{ method: string; path: string; url: string; status: number; contentType: string; body: string }> = [];
    for (const { method, path } of ops.filter((o) => !isPublic(o.path) && !isPortal(o.path))) {
      const url = path.replace(/\{[^}]+\}/g, '1');
      // payloadAsStream: a stream that wrongly opened would otherwise never end.
      const res = await ctx.app.inject({ method: method.toUpperCase() as 'GET', url, payloadAsStream: true });
      const contentType = String(res.headers['content-type'] ?? '');
      let body = '';
      if (contentType.includes('event-stream')) res.stream().destroy();
      else for await (const chunk of res.stream()) body += String(chunk);
      let problem: { status?: unknown; title?: unknown } | undefined;
      try {
        problem = JSON.parse(body) as typeof problem;
      } catch {
        problem = undefined;
      }
      const ok = res.statusCode === 401 && contentType.includes('application/problem+json') && problem?.status === 401 && typeof problem.title === 'string';
      if (!ok) problems.push({ method: method.toUpperCase(), path, url, status: res.statusCode, contentType, body: body.slice(0, 300) });
    }
    expect(problems).toEqual([]);
  });
});
