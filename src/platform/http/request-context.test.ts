/** Which events get a request's credential and address: its caller's, and not the machine's. */
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { identifyRequest, sourceOf, trackRequestSources } from './request-context.js';

const app = Fastify();
let base = '';

beforeAll(async () => {
  trackRequestSources(app);
  app.addHook('onRequest', async (req) => {
    if (req.headers['x-caller']) identifyRequest(String(req.headers['x-caller']), 'session:0123456789ab');
  });
  // A POST with a body: the handler runs once the body has been read, still in the request's context.
  app.post('/probe', async () => ({
    caller: sourceOf('user:1'),
    someoneElse: sourceOf('user:2'),
    rule: sourceOf('rule:3'),
    system: sourceOf('system:storage-alerts'),
    customer: sourceOf('customer:9'),
  }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

const probe = async (headers: Record<string, string>) =>
  (await fetch(`${base}/probe`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ pad: 'x'.repeat(70_000) }) })).json();

it("gives a signed-in request's credential and address to its caller's events only", async () => {
  const r = await probe({ 'x-caller': 'user:1' });
  expect(r.caller).toEqual({ credential: 'session:0123456789ab', address: '127.0.0.1' });
  // Work the request set off but another actor does (a rule, the system) is not the caller's.
  for (const other of [r.someoneElse, r.rule, r.system, r.customer]) expect(other).toEqual({ credential: null, address: null });
});

it('gives a public request’s address to anyone but the machine', async () => {
  const r = await probe({});
  expect(r.customer).toEqual({ credential: null, address: '127.0.0.1' });
  expect(r.rule).toEqual({ credential: null, address: null });
  expect(r.system).toEqual({ credential: null, address: null });
});

it('has nothing to give outside a request', () => {
  expect(sourceOf('user:1')).toEqual({ credential: null, address: null });
});
