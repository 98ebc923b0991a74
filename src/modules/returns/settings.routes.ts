/** The configuration of after-sales: reason codes, policies and checklists per category, thresholds and mappings. */
import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { Category, ChecklistDto, ChecklistInput, NewReasonInput, PolicyDto, PolicyInput, ReasonCode, ReasonDto, ReasonPatchInput, SettingsDto, SettingsPatchInput, tags } from './returns.schema.js';
import {
  createReason,
  deleteReason,
  deletePolicy,
  getReason,
  getSettings,
  listChecklists,
  listPolicies,
  listReasons,
  saveChecklist,
  savePolicy,
  updateReason,
  updateSettings,
} from './settings.service.js';

const CodeParams = z.object({ code: ReasonCode });
const CategoryParams = z.object({ category: Category.describe("A product category, or * for every other category") });

export function settingsRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/returns/reasons',
    { config: { permission: 'returns.read' }, schema: { tags, summary: 'Reason codes with their zh-CN and en labels', querystring: z.object({ active: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(ReasonDto) }) } } },
    async (req) => ({ items: await listReasons(db, req.query.active === 'true') }),
  );
  app.get(
    '/api/v1/returns/reasons/:code',
    { config: { permission: 'returns.read' }, schema: { tags, summary: 'A reason code', params: CodeParams, response: { 200: ReasonDto } } },
    async (req) => {
      const r = await getReason(db, req.params.code);
      if (!r) throw new NotFound('return reason', req.params.code);
      return r;
    },
  );
  app.post(
    '/api/v1/returns/reasons',
    { config: { permission: 'returns.approve' }, schema: { tags, summary: 'Add a reason code. Accepts Idempotency-Key.', body: NewReasonInput, response: { 201: ReasonDto } } },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => createReason(tx, principal(req).actor, req.body)),
  );
  app.patch(
    '/api/v1/returns/reasons/:code',
    { config: { permission: 'returns.approve' }, schema: { tags, summary: 'Change labels, order or activate / deactivate a reason code', params: CodeParams, body: ReasonPatchInput, response: { 200: ReasonDto } } },
    async (req) => db.transaction((tx) => updateReason(tx, principal(req).actor, req.params.code, req.body)),
  );
  app.delete(
    '/api/v1/returns/reasons/:code',
    { config: { permission: 'returns.approve' }, schema: { tags, summary: 'Delete a reason code no request uses (409 otherwise: deactivate it)', params: CodeParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction((tx) => deleteReason(tx, principal(req).actor, req.params.code));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/returns/policies',
    { config: { permission: 'returns.read' }, schema: { tags, summary: 'Return policies per category (* = default): returnable, return and repair windows in days', response: { 200: z.object({ items: z.array(PolicyDto) }) } } },
    async () => ({ items: await listPolicies(db) }),
  );
  app.put(
    '/api/v1/returns/policies/:category',
    { config: { permission: 'returns.approve' }, schema: { tags, summary: 'Set the policy of a category', params: CategoryParams, body: PolicyInput, response: { 200: PolicyDto } } },
    async (req) => db.transaction((tx) => savePolicy(tx, principal(req).actor, { category: req.params.category, ...req.body })),
  );
  app.delete(
    '/api/v1/returns/policies/:category',
    { config: { permission: 'returns.approve' }, schema: { tags, summary: "Remove a category's policy (it then follows *)", params: CategoryParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction((tx) => deletePolicy(tx, principal(req).actor, req.params.category));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/returns/checklists',
    { config: { permission: 'returns.read' }, schema: { tags, summary: 'Inspection checklists per category (* = default)', response: { 200: z.object({ items: z.array(ChecklistDto) }) } } },
    async () => ({ items: await listChecklists(db) }),
  );
  app.put(
    '/api/v1/returns/checklists/:category',
    { config: { permission: 'returns.approve' }, schema: { tags, summary: 'Set the inspection checklist of a category', params: CategoryParams, body: ChecklistInput, response: { 200: ChecklistDto } } },
    async (req) => db.transaction((tx) => saveChecklist(tx, principal(req).actor, { category: req.params.category, items: req.body.items })),
  );

  app.get(
    '/api/v1/returns/settings',
    { config: { permission: 'returns.read' }, schema: { tags, summary: 'Approval thresholds, resolution promise, inspection levels and grade → disposition', response: { 200: SettingsDto } } },
    async () => getSettings(db),
  );
  app.patch(
    '/api/v1/returns/settings',
    { config: { permission: 'returns.approve' }, schema: { tags, summary: 'Change approval thresholds, the promise in days, inspection levels or grade → disposition', body: SettingsPatchInput, response: { 200: SettingsDto } } },
    async (req) => db.transaction((tx) => updateSettings(tx, principal(req).actor, req.body)),
  );
}
