/**
 * Rules through the API: edit them as data, test them on recent events, read what they did.
 * Rules act on the events of every warehouse and their runs, timers and dry runs show them, so
 * every route here needs a caller with every warehouse.
 */
import { z } from 'zod';
import { everyWarehouseHook } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { dryRun } from './engine.js';
import { ActionOutcome, RuleDto, RuleInput, RulePatch, RuleVersionDto, RunDto, TimerDto, type Rule } from './rules.schema.js';
import { createRule, deleteRule, getRule, listRules, listRuns, listTimers, listVersions, restoreVersion, updateRule } from './rules.service.js';
import { Id } from '../../platform/http/schemas.js';

const tags = ['rules'];
const Params = z.object({ id: Id });

const DryRunQuery = z
  .object({
    limit: z.number().int().min(1).max(500).default(50).describe('How many recent triggering events to test against'),
    since: z.iso.datetime({ offset: true }).optional().describe('Only events at or after this time'),
  })
  .strict();

const DryRunResultDto = z.object({
  eventId: z.number(),
  eventType: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  occurredAt: z.string(),
  stoppedBy: z.number().nullable().describe('Timers: the event that stopped the clock in time'),
  dueAt: z.string().nullable(),
  matched: z.boolean(),
  error: z.string().nullable(),
  actions: z.array(ActionOutcome),
});
const DryRunResponse = z.object({ items: z.array(DryRunResultDto), matched: z.number(), tested: z.number() });

/** `If-Match: 3` (or `"3"`): change the rule only if it is still at version 3. */
function expectedVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const v = String(header).replace(/^W\//, '').replace(/"/g, '').trim();
  if (!/^\d{1,9}$/.test(v)) throw new Invalid('headers.if-match', 'If-Match is the version number the change is based on');
  return Number(v);
}

export function automationRoutes(app: App, { db, config }: AppContext) {
  const engine = { timeZone: config.timeZone };
  // The module's routes are in a scope of their own (src/server.ts): this hook is theirs alone.
  app.addHook('onRequest', everyWarehouseHook('Rules'));

  app.get(
    '/api/v1/rules',
    {
      config: { permission: 'rules.read' },
      schema: {
        tags,
        summary: 'Rules, oldest first',
        querystring: PageQuery.extend({
          enabled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          trigger: z.enum(['event', 'timer', 'date']).optional(),
          event: z.string().max(100).optional().describe('Rules started by this exact event type'),
        }),
        response: { 200: page(RuleDto) },
      },
    },
    async (req) => listRules(db, req.query, req.query),
  );

  app.post(
    '/api/v1/rules',
    { config: { permission: 'rules.manage' }, schema: { tags, summary: 'Create a rule: a trigger, an optional JSON Logic condition and actions', body: RuleInput, response: { 201: RuleDto } } },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => createRule(tx, principal(req).actor, req.body)),
  );

  app.get(
    '/api/v1/rules/:id',
    { config: { permission: 'rules.read' }, schema: { tags, summary: 'One rule, as it is now', params: Params, response: { 200: RuleDto } } },
    async (req) => getRule(db, req.params.id),
  );

  app.patch(
    '/api/v1/rules/:id',
    {
      config: { permission: 'rules.manage' },
      schema: {
        tags,
        summary: 'Change a rule (a new version); with If-Match: <version>, only if nobody changed it since',
        params: Params,
        headers: z.object({ 'if-match': z.string().max(20).optional() }),
        body: RulePatch,
        response: { 200: RuleDto },
      },
    },
    async (req) => {
      const version = expectedVersion(req.headers['if-match']);
      return db.transaction((tx) => updateRule(tx, principal(req).actor, req.params.id, req.body, version));
    },
  );

  app.delete(
    '/api/v1/rules/:id',
    { config: { permission: 'rules.manage' }, schema: { tags, summary: 'Delete a rule (built-in rules are disabled instead)', params: Params, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction((tx) => deleteRule(tx, principal(req).actor, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/rules/:id/versions',
    { config: { permission: 'rules.read' }, schema: { tags, summary: "Every version of the rule, newest first", params: Params, response: { 200: z.object({ items: z.array(RuleVersionDto) }) } } },
    async (req) => ({ items: (await listVersions(db, req.params.id)) as z.infer<typeof RuleVersionDto>[] }),
  );

  app.post(
    '/api/v1/rules/:id/versions/:version/restore',
    {
      config: { permission: 'rules.manage' },
      schema: { tags, summary: 'Make an earlier version current again (as a new version)', params: Params.extend({ version: Id }), response: { 200: RuleDto } },
    },
    async (req) => db.transaction((tx) => restoreVersion(tx, principal(req).actor, req.params.id, req.params.version)),
  );

  const answer = (items: Awaited<ReturnType<typeof dryRun>>) => ({ items, matched: items.filter((i) => i.matched).length, tested: items.length });

  app.post(
    '/api/v1/rules/:id/dry-run',
    {
      config: { permission: 'rules.read' },
      schema: { tags, summary: 'Test the rule against recent events without acting: what would it have done?', params: Params, body: DryRunQuery, response: { 200: DryRunResponse } },
    },
    async (req) => answer(await dryRun(db, await getRule(db, req.params.id), { ...engine, ...req.body })),
  );

  app.post(
    '/api/v1/rules/dry-run',
    {
      config: { permission: 'rules.read' },
      schema: {
        tags,
        summary: 'Test a rule before saving it: the same answer as a saved rule’s dry run',
        body: DryRunQuery.extend({ rule: RuleInput }),
        response: { 200: DryRunResponse },
      },
    },
    async (req) => {
      const { rule: input, ...q } = req.body;
      const draft: Rule = {
        id: 0,
        key: input.key ?? null,
        name: input.name,
        description: input.description ?? null,
        enabled: input.enabled,
        builtin: false,
        version: 0,
        trigger: input.trigger,
        condition: input.condition ?? null,
        actions: input.actions,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        updatedBy: principal(req).actor,
      };
      return answer(await dryRun(db, draft, { ...engine, ...q }));
    },
  );

  const RunQuery = PageQuery.extend({
    eventId: Id.optional(),
    outcome: z.enum(['succeeded', 'failed', 'not_matched']).optional(),
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(64).optional(),
  });

  app.get(
    '/api/v1/rules/:id/runs',
    { config: { permission: 'rules.read' }, schema: { tags, summary: "The rule's runs, newest first", params: Params, querystring: RunQuery, response: { 200: page(RunDto) } } },
    async (req) => {
      await getRule(db, req.params.id);
      return listRuns(db, { ...req.query, ruleId: req.params.id }, req.query);
    },
  );

  app.get(
    '/api/v1/rule-runs',
    {
      config: { permission: 'rules.read' },
      schema: { tags, summary: 'Every rule run, newest first: which rule, which event, whether it matched, what each action did', querystring: RunQuery.extend({ ruleId: Id.optional() }), response: { 200: page(RunDto) } },
    },
    async (req) => listRuns(db, req.query, req.query),
  );

  app.get(
    '/api/v1/rule-timers',
    {
      config: { permission: 'rules.read' },
      schema: {
        tags,
        summary: 'Timers rules have armed: pending, fired or cancelled (and by which event)',
        querystring: PageQuery.extend({
          ruleId: Id.optional(),
          status: z.enum(['pending', 'fired', 'cancelled']).optional(),
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
        }),
        response: { 200: page(TimerDto) },
      },
    },
    async (req) => listTimers(db, req.query, req.query) as Promise<{ items: z.infer<typeof TimerDto>[]; nextCursor: string | null }>,
  );
}
