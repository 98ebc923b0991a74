/**
 * Bad input, for every operation of the live OpenAPI document (so a route added later is covered
 * without touching this file): malformed JSON, a wrong content type, an oversized body, each
 * property of the body schema broken one at a time, missing required properties, bad path
 * parameters and bad query values. None may answer 5xx; schema violations answer 4xx
 * problem+json naming the `field`; and none of it may change the database: no row added, removed
 * or changed in place.
 *
 * Every case runs first and the assertions come after, so one run lists every offending case.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestContext } from '../support/context.js';

const ctx = await useTestContext();

// ---------------------------------------------------------------- the OpenAPI document

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  description?: string;
};
type Parameter = { $ref?: string; name: string; in: string; required?: boolean; schema?: JsonSchema };
type MediaType = { schema?: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, { $ref?: string; description?: string; content?: Record<string, MediaType> }>;
};
type OpenApi = { paths: Record<string, Record<string, unknown>>; components?: Record<string, unknown> };

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

let doc: OpenApi;

function pointer(ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node;
}

function deref<T extends { $ref?: string }>(node: T): T {
  let n = node;
  for (let hops = 0; n?.$ref; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${n.$ref}`);
    n = pointer(n.$ref) as T;
  }
  return n;
}

/** One schema node with its $ref resolved, allOf merged and a union narrowed to its first non-null branch. */
function norm(input: JsonSchema | undefined): JsonSchema {
  if (!input) return {};
  let s = deref(input);
  if (s.allOf?.length) {
    const merged: JsonSchema = { ...s, allOf: undefined, properties: { ...s.properties }, required: [...(s.required ?? [])] };
    for (const part of s.allOf.map(norm)) {
      Object.assign(merged, { ...part, properties: { ...merged.properties, ...part.properties }, required: [...(merged.required ?? []), ...(part.required ?? [])] });
    }
    s = merged;
  }
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) {
    const branch = union.map(norm).find((b) => typeOf(b) !== 'null') ?? {};
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    s = { ...rest, ...branch };
  }
  return s;
}

function typeOf(s: JsonSchema): string {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') ?? 'null' : s.type;
  if (t) return t;
  if (s.const !== undefined) return typeof s.const;
  if (s.enum?.length) return typeof s.enum[0];
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return 'unknown';
}

// ---------------------------------------------------------------- plausible values

const FORMAT_SAMPLES: Record<string, string> = {
  email: 'x@example.com',
  date: '2024-01-02',
  'date-time': '2024-01-02T03:04:05.000Z',
  time: '03:04:05',
  uri: 'https://example.com/x',
  url: 'https://example.com/x',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '127.0.0.1',
};
const STRING_CANDIDATES = ['x', 'X', 'x1', 'X1', '1', 'ab', 'AB', 'x@example.com', '+8613800000000', '2024-01-02', 'x.y', 'x_y', 'x-y', '*', 'abc', 'ABC123'];

function sampleString(s: JsonSchema): string {
  const min = Math.max(s.minLength ?? 1, 1);
  const max = s.maxLength ?? Infinity;
  const fits = (v: string) => v.length >= min && v.length <= max && (!s.pattern || new RegExp(s.pattern, 'u').test(v));
  const formatted = s.format ? FORMAT_SAMPLES[s.format] : undefined;
  const candidates = [formatted, ...STRING_CANDIDATES].filter((v): v is string => v !== undefined);
  for (const c of candidates) {
    for (const v of [c, c.padEnd(min, c.slice(-1))]) if (fits(v)) return v;
  }
  return 'x'.repeat(min);
}

function sampleNumber(s: JsonSchema, integer: boolean): number {
  let lo = s.minimum ?? -Infinity;
  if (s.exclusiveMinimum !== undefined) lo = Math.max(lo, s.exclusiveMinimum + (integer ? 1 : 0.5));
  let hi = s.maximum ?? Infinity;
  if (s.exclusiveMaximum !== undefined) hi = Math.min(hi, s.exclusiveMaximum - (integer ? 1 : 0.5));
  let v = Math.min(Math.max(1, lo), hi);
  if (integer) v = Math.ceil(v);
  if (s.multipleOf) v = Math.ceil(v / s.multipleOf) * s.multipleOf;
  return v;
}

/** A plausible value: every required property (or, with `all`, every property) filled. */
function sample(input: JsonSchema | undefined, all: boolean, depth = 0): unknown {
  const s = norm(input);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'string':
      return sampleString(s);
    case 'integer':
      return sampleNumber(s, true);
    case 'number':
      return sampleNumber(s, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      if (depth > 5) return [];
      const one = sample(s.items, all, depth + 1);
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => structuredClone(one));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 5) return out;
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        if (all || s.required?.includes(name)) out[name] = sample(prop, all, depth + 1);
      }
      return out;
    }
    default:
      return 'x';
  }
}

type Leaf = { path: Array<string | number>; schema: JsonSchema };
type RequiredProp = { path: Array<string | number> };

/** Every property of a body schema (array items as index 0), every required one, and every array (leaves too). */
function walk(input: JsonSchema | undefined, path: Array<string | number> = [], leaves: Leaf[] = [], required: RequiredProp[] = [], arrays: Leaf[] = []) {
  const s = norm(input);
  if (path.length > 6) return { leaves, required, arrays };
  const t = typeOf(s);
  if (t === 'object') {
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      if (s.required?.includes(name)) required.push({ path: [...path, name] });
      walk(prop, [...path, name], leaves, required, arrays);
    }
  } else if (t === 'array') {
    if (path.length > 0) arrays.push({ path, schema: s });
    walk(s.items, [...path, 0], leaves, required, arrays);
  } else if (path.length > 0) {
    leaves.push({ path, schema: s });
  }
  return { leaves, required, arrays };
}

/** The schema of the property at `key` of an object, or of the items of an array. */
function child(schema: JsonSchema | undefined, key: string | number): JsonSchema | undefined {
  const s = norm(schema);
  return typeof key === 'number' ? s.items : s.properties?.[key];
}

/** `base` with the value at `path` replaced (or deleted); a parent missing from `base` gets its minimal sample. */
function edit(schema: JsonSchema | undefined, base: unknown, path: Array<string | number>, value: unknown, remove = false): unknown {
  const out = structuredClone(base) as Record<string | number, unknown>;
  let node = out;
  let nodeSchema = schema;
  for (const [i, key] of path.entries()) {
    const keySchema = child(nodeSchema, key);
    if (i === path.length - 1) {
      if (!remove) node[key] = value;
      else if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete node[key];
      break;
    }
    if (node[key] === null || typeof node[key] !== 'object') node[key] = sample(keySchema, false);
    node = node[key] as Record<string | number, unknown>;
    nodeSchema = keySchema;
  }
  return out;
}

// ---------------------------------------------------------------- requests

type Reply = { status: number; contentType: string; text: string; json: Record<string, unknown> | undefined };

const TIMEOUT_MS = 15_000;

async function send(method: string, url: string, opts: { payload?: string; contentType?: string; streaming?: boolean } = {}): Promise<Reply> {
  const headers: Record<string, string> = { authorization: `Bearer ${ctx.adminKey}` };
  if (opts.payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const request = ctx.app.inject({
    method: method.toUpperCase() as 'GET',
    url,
    headers,
    ...(opts.payload === undefined ? {} : { payload: opts.payload }),
    // A stream never ends: take the status and headers, then let go.
    ...(opts.streaming ? { payloadAsStream: true } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), TIMEOUT_MS)));
  const res = await Promise.race([request, timeout]).finally(() => clearTimeout(timer));
  if (!res) return { status: 0, contentType: '', text: `no answer within ${TIMEOUT_MS} ms`, json: undefined };
  const contentType = String(res.headers['content-type'] ?? '');
  let text = '';
  if (opts.streaming) {
    const stream = res.stream();
    if (contentType.includes('text/event-stream')) stream.destroy();
    else for await (const chunk of stream) text += String(chunk);
  } else text = res.body;
  let json: Record<string, unknown> | undefined;
  if (contentType.includes('json') && text) {
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
  }
  return { status: res.statusCode, contentType, text, json };
}

// ---------------------------------------------------------------- expectations and findings

type Finding = { method: string; path: string; case: string; input: string; status: number; body: string };

const serverErrors: Finding[] = [];
const ruleBreaks: Finding[] = [];
const notes: string[] = [];
const everything: Finding[] = [];
const covered = new Map<string, number>();

/** What a case must answer: a 4xx (naming a field if 400/422, or always), an exact status, or anything but 5xx. */
type Expect = { kind: 'any' } | { kind: '4xx'; field?: 'if-400-422' | 'always'; fieldIs?: string } | { kind: 'status'; status: number; fieldIs?: string };

const short = (v: string, n = 300) => (v.length > n ? `${v.slice(0, n)}… (${v.length} chars)` : v);

function check(op: Op, name: string, input: string, reply: Reply, expected: Expect) {
  covered.set(op.key, (covered.get(op.key) ?? 0) + 1);
  const finding = { method: op.method.toUpperCase(), path: op.path, case: name, input: short(input, 160), status: reply.status, body: short(reply.text) };
  if (process.env.BAD_INPUT_REPORT) everything.push(finding);
  if (reply.status >= 500 || reply.status === 0) return serverErrors.push(finding);
  // The customer portal authenticates customers, not staff: refusing the admin key is right there.
  if (op.path.startsWith('/api/v1/portal') && (reply.status === 401 || reply.status === 403)) return;
  const why: string[] = [];
  if (expected.kind === 'status' && reply.status !== expected.status) why.push(`expected ${expected.status}`);
  if (expected.kind === '4xx' && (reply.status < 400 || reply.status > 499)) why.push('expected a 4xx');
  if (reply.status >= 400 && reply.status <= 499) {
    const p = reply.json;
    if (!reply.contentType.includes('application/problem+json')) why.push(`content-type ${reply.contentType || 'none'}, not application/problem+json`);
    else if (!p || p.status !== reply.status || typeof p.title !== 'string' || typeof p.detail !== 'string') why.push('problem without status/title/detail');
    const field = typeof p?.field === 'string' && p.field ? p.field : undefined;
    const wantField = expected.kind === '4xx' && (expected.field === 'always' || (expected.field === 'if-400-422' && (reply.status === 400 || reply.status === 422)));
    if (wantField && !field) why.push('no `field`');
    const fieldIs = expected.kind === 'any' ? undefined : expected.fieldIs;
    if (fieldIs && reply.status === 400 && field !== fieldIs) why.push(`field ${field ?? 'none'}, expected ${fieldIs}`);
  }
  if (why.length) ruleBreaks.push({ ...finding, case: `${name} — ${why.join('; ')}` });
}

// ---------------------------------------------------------------- operations

type Op = {
  key: string;
  method: string;
  path: string;
  params: Parameter[];
  bodySchema: JsonSchema | undefined;
  hasJsonBody: boolean;
  /** Declares a 201: it creates something, so the seed may call it with a valid body. */
  creates: boolean;
  streaming: boolean;
};

function operations(): Op[] {
  const ops: Op[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref(rawItem as { $ref?: string } & Record<string, unknown>);
    const shared = ((item.parameters ?? []) as Parameter[]).map(deref);
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const own = (op.parameters ?? []).map(deref);
      const params = [...own, ...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in))];
      const body = op.requestBody ? deref(op.requestBody) : undefined;
      const media = body?.content?.['application/json'];
      const responses = Object.values(op.responses ?? {}).map(deref);
      const streaming = responses.some(
        (r) => r.description?.includes('text/event-stream') || Object.entries(r.content ?? {}).some(([type, m]) => type.includes('event-stream') || m.schema?.description?.includes('text/event-stream')),
      );
      ops.push({ key: `${method.toUpperCase()} ${path}`, method, path, params, bodySchema: media?.schema, hasJsonBody: !!media && ['post', 'put', 'patch'].includes(method), creates: '201' in (op.responses ?? {}), streaming });
    }
  }
  return ops;
}

function paramValue(p: Parameter): string {
  return String(sample(p.schema, false));
}

function urlOf(op: Op, pathValues: Record<string, string> = {}, query: Array<[string, string]> = []): string {
  let url = op.path;
  for (const p of op.params.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, encodeURIComponent(pathValues[p.name] ?? paramValue(p)));
  const required = op.params.filter((x) => x.in === 'query' && x.required && !query.some(([n]) => n === x.name)).map((x): [string, string] => [x.name, paramValue(x)]);
  const all = [...required, ...query];
  return all.length ? `${url}?${all.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')}` : url;
}

const isNumeric = (s: JsonSchema) => ['integer', 'number'].includes(typeOf(s));

/** Whether `v` breaks the declared type or bounds of a numeric schema. */
function breaksNumber(s: JsonSchema, v: unknown): boolean {
  if (typeof v !== 'number' || !Number.isFinite(v)) return true;
  if (typeOf(s) === 'integer' && !Number.isInteger(v)) return true;
  if (s.minimum !== undefined && v < s.minimum) return true;
  if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return true;
  if (s.maximum !== undefined && v > s.maximum) return true;
  if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) return true;
  return false;
}

// ---------------------------------------------------------------- the database, before and after

// Bookkeeping that refused requests write by design: sign-in sessions, replay keys, and the
// portal's rate-limit counters (a failed guess must count, or guessing would be free).
const IGNORED_TABLES = new Set(['sessions', 'idempotency_keys', 'rate_limit_attempts']);
// Columns a refused request still writes by design: when a credential was last used (it was, to
// be refused).
const IGNORED_COLUMNS = ['last_used_at'];

/**
 * Each table's row count and a digest of its contents (every row as JSON, bookkeeping columns left
 * out, order-independent): a refused request that changed a value in place, not only one that
 * added or removed a row, shows here.
 */
async function tableDigests(): Promise<Record<string, string>> {
  const tables = await ctx.db.query<{ name: string }>(
    `SELECT c.relname AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (IGNORED_TABLES.has(name)) continue;
    const r = await ctx.db.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS "n", md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS "digest"
         FROM (SELECT md5((to_jsonb(t) - $1::text[])::text) AS h FROM "${name.replace(/"/g, '""')}" t) rows`,
      [IGNORED_COLUMNS],
    );
    digests[name] = `${r.rows[0]?.n ?? 0} rows, ${r.rows[0]?.digest ?? ''}`;
  }
  return digests;
}

/** Digests once they stop moving: what a request set off after commit (dispatchers, webhooks) has landed. */
async function settledDigests(): Promise<Record<string, string>> {
  let previous = await tableDigests();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const current = await tableDigests();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  return previous;
}

async function lastEventId(): Promise<number> {
  const r = await ctx.db.query<{ id: number | null }>('SELECT max(id) AS "id" FROM events');
  return Number(r.rows[0]?.id ?? 0);
}

// ---------------------------------------------------------------- the run

const HUGE = 'x'.repeat(1_000_000);
const OVER_1MIB = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 16) });
const BAD_PATH_VALUES = ['0', '-1', 'abc', '99999999999999999999'];

let ops: Op[] = [];
let before: Record<string, string> = {};
let after: Record<string, string> = {};
let eventsBefore = 0;
let eventsAfter = 0;

/** The body each operation's cases start from: the sample that got furthest in the seed, else the minimal one. */
const bases = new Map<string, unknown>();

/** How far a valid-looking body got: created > refused by state or a missing entity > refused by a rule > refused by the schema. */
const rank = (status: number) => (status >= 200 && status < 300 ? 4 : status === 404 || status === 409 ? 3 : status === 422 ? 2 : 1);

async function seed() {
  // Every create operation, twice in document order, with the first body that gets through
  // (the minimal one, then with one optional property more, then with all), so that entity 1 of
  // each kind exists and the bad cases below really reach the handlers.
  for (let pass = 0; pass < 2; pass++) {
    for (const op of ops.filter((o) => o.hasJsonBody)) {
      const minimal = sample(op.bodySchema, false);
      const full = sample(op.bodySchema, true);
      if (!op.creates) {
        bases.set(op.key, minimal);
        continue;
      }
      const candidates: unknown[] = [minimal];
      if (minimal && typeof minimal === 'object' && !Array.isArray(minimal)) {
        for (const [name, prop] of Object.entries(norm(op.bodySchema).properties ?? {})) if (!(name in minimal)) candidates.push({ ...minimal, [name]: sample(prop, false) });
      }
      candidates.push(full);
      let best = { base: minimal, rank: 0, text: '' };
      for (const [i, body] of candidates.entries()) {
        const reply = await send(op.method, urlOf(op), { payload: JSON.stringify(body), streaming: op.streaming });
        check(op, `seed: valid-looking body #${i + 1}`, JSON.stringify(body), reply, { kind: 'any' });
        if (rank(reply.status) > best.rank) best = { base: body, rank: rank(reply.status), text: reply.text };
        if (best.rank === 4) break;
      }
      if (pass === 1 && best.rank === 1) notes.push(`${op.key}: no sample body passes validation (${short(best.text, 200)})`);
      bases.set(op.key, best.base);
    }
  }
}

async function bodyCases(op: Op) {
  const url = urlOf(op);
  const base = bases.get(op.key) ?? sample(op.bodySchema, false);
  const s = op.streaming;
  const json = (b: unknown) => JSON.stringify(b);

  check(op, 'invalid JSON', '{"a":', await send(op.method, url, { payload: '{"a":', streaming: s }), { kind: 'status', status: 400 });
  check(op, 'text/plain body', 'hello', await send(op.method, url, { payload: 'hello', contentType: 'text/plain', streaming: s }), { kind: 'status', status: 415 });
  check(op, 'body over 1 MiB', `{"padding":"x…"} (${OVER_1MIB.length} bytes)`, await send(op.method, url, { payload: OVER_1MIB, streaming: s }), { kind: 'status', status: 413 });
  check(op, 'body is a JSON array', '[]', await send(op.method, url, { payload: '[]', streaming: s }), { kind: '4xx', field: 'if-400-422' });

  const { leaves, required, arrays } = walk(op.bodySchema);
  for (const { path } of required) {
    const body = edit(op.bodySchema, base, path, undefined, true);
    const field = `body.${path.join('.')}`;
    check(op, `missing required ${field}`, json(body), await send(op.method, url, { payload: json(body), streaming: s }), { kind: 'status', status: 400, fieldIs: field });
  }
  // Lists shorter or longer than allowed: the checks that run after the length check (which Zod
  // runs even when it failed) must not read an element that is not there.
  for (const { path, schema } of arrays) {
    const field = `body.${path.join('.')}`;
    const cases: Array<[string, unknown[]]> = [];
    if ((schema.minItems ?? 0) > 0) cases.push(['an empty list', []]);
    if (schema.maxItems !== undefined && schema.maxItems < 1000) {
      const one = sample(schema.items, false);
      cases.push([`${schema.maxItems + 1} items`, Array.from({ length: schema.maxItems + 1 }, () => structuredClone(one))]);
    }
    for (const [name, value] of cases) {
      const payload = json(edit(op.bodySchema, base, path, value));
      check(op, `${field} = ${name}`, payload, await send(op.method, url, { payload, streaming: s }), { kind: '4xx', field: 'if-400-422' });
    }
  }
  for (const { path, schema } of leaves) {
    const field = `body.${path.join('.')}`;
    const cases: Array<[string, unknown, Expect]> = [];
    const t = typeOf(schema);
    if (schema.enum?.length || schema.const !== undefined) {
      cases.push(['not one of the enum', 'zz-not-in-enum', { kind: '4xx', field: 'if-400-422' }]);
    } else if (t === 'string') {
      cases.push(['1,000,000-character string', HUGE, { kind: '4xx', field: 'always' }]);
      cases.push(['string with a NUL character', 'x\u0000y', { kind: 'any' }]);
    } else if (isNumeric(schema)) {
      const candidates: unknown[] = [-1, 1e12, ...(t === 'integer' ? [1.5] : []), 'abc'];
      for (const v of candidates) {
        // A negative value the schema explicitly allows (a signed delta) is valid input, not bad input.
        if (v === -1 && !breaksNumber(schema, v)) continue;
        cases.push([`${JSON.stringify(v)}`, v, { kind: '4xx', field: 'if-400-422' }]);
      }
    } else if (t === 'boolean') {
      cases.push(['"abc" for a boolean', 'abc', { kind: '4xx', field: 'if-400-422' }]);
    }
    for (const [name, value, expected] of cases) {
      const body = edit(op.bodySchema, base, path, value);
      const payload = json(body);
      check(op, `${field} = ${name}`, payload, await send(op.method, url, { payload, streaming: s }), expected);
    }
  }
}

async function pathCases(op: Op) {
  const payload = op.hasJsonBody ? JSON.stringify(bases.get(op.key) ?? sample(op.bodySchema, false)) : undefined;
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const numeric = isNumeric(norm(p.schema));
    const values = numeric ? BAD_PATH_VALUES : [...BAD_PATH_VALUES, 'x'.repeat(2000), 'x\u0000y'];
    for (const v of values) {
      const url = urlOf(op, { [p.name]: v });
      const expected: Expect = numeric ? { kind: '4xx', field: 'if-400-422' } : { kind: 'any' };
      check(op, `path ${p.name} = ${JSON.stringify(short(v, 40))}`, url, await send(op.method, url, { payload, streaming: op.streaming }), expected);
    }
  }
}

async function queryCases(op: Op) {
  const payload = op.hasJsonBody ? JSON.stringify(bases.get(op.key) ?? sample(op.bodySchema, false)) : undefined;
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const s = norm(p.schema);
    const t = typeOf(s);
    const cases: Array<[string, Array<[string, string]>, Expect]> = [];
    if (s.enum?.length) cases.push(['not one of the enum', [[p.name, 'zz-not-in-enum']], { kind: '4xx', field: 'if-400-422' }]);
    else if (t === 'string') {
      cases.push(['100,000-character string', [[p.name, 'x'.repeat(100_000)]], { kind: '4xx', field: 'if-400-422' }]);
      cases.push(['garbage', [[p.name, "'\"%;\\"]], { kind: 'any' }]);
      cases.push(['string with a NUL character', [[p.name, 'x\u0000y']], { kind: 'any' }]);
    } else if (isNumeric(s)) {
      for (const v of [-1, 1e12, ...(t === 'integer' ? [1.5] : []), 'abc']) {
        const bad = typeof v === 'string' || breaksNumber(s, v);
        cases.push([JSON.stringify(v), [[p.name, String(v)]], bad ? { kind: '4xx', field: 'if-400-422' } : { kind: 'any' }]);
      }
    } else if (t === 'boolean') cases.push(['"abc" for a boolean', [[p.name, 'abc']], { kind: 'any' }]);
    cases.push(['given twice', [[p.name, paramValue(p)], [p.name, paramValue(p)]], { kind: 'any' }]);
    for (const [name, query, expected] of cases) {
      const url = urlOf(op, {}, query);
      check(op, `query ${p.name} = ${name}`, url, await send(op.method, url, { payload, streaming: op.streaming }), expected);
    }
  }
}

describe('bad input, for every operation of /openapi.json', () => {
  beforeAll(async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    doc = res.json() as OpenApi;
    ops = operations();
    await seed();
    before = await settledDigests();
    eventsBefore = await lastEventId();
    for (const op of ops) {
      if (op.hasJsonBody) await bodyCases(op);
      if (op.params.some((p) => p.in === 'path')) await pathCases(op);
      if (op.params.some((p) => p.in === 'query')) await queryCases(op);
    }
    after = await settledDigests();
    eventsAfter = await lastEventId();
    if (notes.length) console.info(`bad-input notes:\n  ${notes.join('\n  ')}`);
    // BAD_INPUT_REPORT=/tmp/report.json writes every finding, to triage a long list.
    const report = process.env.BAD_INPUT_REPORT;
    if (report) writeFileSync(report, JSON.stringify({ serverErrors, ruleBreaks, notes, everything }, null, 2));
  }, 600_000);

  it('covers every operation that takes a body, path parameters or a querystring', () => {
    expect(ops.length).toBeGreaterThan(0);
    const missed = ops.filter((o) => (o.hasJsonBody || o.params.some((p) => p.in === 'path' || p.in === 'query')) && !covered.get(o.key)).map((o) => o.key);
    expect(missed).toEqual([]);
  });

  it('never answers 5xx (or hangs)', () => {
    expect(serverErrors).toEqual([]);
  });

  it('answers bad input with the expected 4xx problem+json naming the field', () => {
    expect(ruleBreaks).toEqual([]);
  });

  it('leaves the database unchanged and appends no event', () => {
    const changed = Object.keys({ ...before, ...after })
      .filter((t) => before[t] !== after[t])
      .map((t) => `${t}: ${before[t]} → ${after[t]}`);
    expect(changed).toEqual([]);
    expect(eventsAfter).toBe(eventsBefore);
  });
});
