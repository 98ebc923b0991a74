/** Notifications: templates (list, get, create, change, preview), deliveries, a customer's opt-outs. */
import { z } from 'zod';
import { eventScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { DELIVERY_STATUSES } from './events.js';
import {
  ChannelSchema,
  DeliveryDto,
  Id,
  LocaleSchema,
  NewTemplateInput,
  PreferencesDto,
  PreferencesInput,
  PreviewDto,
  PreviewInput,
  tags,
  TemplateDto,
  TemplateKey,
  TemplatePatchInput,
} from './notifications.schema.js';
import * as notifications from './notifications.service.js';
import * as templates from './templates.service.js';

const Params = z.object({ id: Id });

export function notificationRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/notification-templates',
    {
      config: { permission: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Notification templates, by key, channel and locale',
        querystring: PageQuery.extend({
          key: TemplateKey.optional(),
          channel: ChannelSchema.optional(),
          locale: LocaleSchema.optional(),
          active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        }),
        response: { 200: page(TemplateDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return templates.listTemplates(db, filter, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/notification-templates/:id',
    {
      config: { permission: 'notifications.manage' },
      schema: { tags, summary: 'A notification template', params: Params, response: { 200: TemplateDto } },
    },
    async (req) => templates.getTemplate(db, req.params.id),
  );

  app.post(
    '/api/v1/notification-templates',
    {
      config: { permission: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Create a template for a key, channel and locale (subject and body are Liquid); 422 names the field with bad Liquid',
        body: NewTemplateInput,
        response: { 201: TemplateDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => templates.createTemplate(tx, principal(req).actor, req.body)),
  );

  app.patch(
    '/api/v1/notification-templates/:id',
    {
      config: { permission: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Change a template’s subject, body or active flag; each change is a new version',
        params: Params,
        body: TemplatePatchInput,
        response: { 200: TemplateDto },
      },
    },
    async (req) => db.transaction((tx) => templates.updateTemplate(tx, principal(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/notification-templates/preview',
    {
      config: { permission: 'notifications.manage' },
      schema: {
        tags,
        summary: 'Render a template (the stored one, or a draft subject/body) with the given variables; 422 names the field with bad Liquid',
        body: PreviewInput,
        response: { 200: PreviewDto },
      },
    },
    async (req) => templates.previewTemplate(db, req.body),
  );

  app.get(
    '/api/v1/notifications',
    {
      config: { permission: 'customers.read' },
      schema: {
        tags,
        summary: 'Notification deliveries, newest first: what was sent to whom (a customer, a staff user or a team’s chat), its status, attempts and last error',
        querystring: PageQuery.extend({
          customerId: Id.optional(),
          userId: Id.optional(),
          team: z.string().trim().min(1).max(50).optional(),
          status: z.enum(DELIVERY_STATUSES).optional(),
          entityType: z.string().trim().min(1).max(64).optional(),
          entityId: z.string().trim().min(1).max(64).optional(),
        }),
        response: { 200: page(DeliveryDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return notifications.listDeliveries(db, { ...filter, warehouseScope: eventScope(principal(req)) }, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/notifications/:id',
    {
      config: { permission: 'customers.read' },
      schema: { tags, summary: 'One notification delivery', params: Params, response: { 200: DeliveryDto } },
    },
    async (req) => notifications.getDelivery(db, req.params.id, eventScope(principal(req))),
  );

  app.get(
    '/api/v1/customers/:id/notification-preferences',
    {
      config: { permission: 'customers.read' },
      schema: { tags: ['customers', ...tags], summary: 'The channels a customer has opted out of', params: Params, response: { 200: PreferencesDto } },
    },
    async (req) => notifications.getPreferences(db, req.params.id),
  );

  app.put(
    '/api/v1/customers/:id/notification-preferences',
    {
      config: { permission: 'customers.write' },
      schema: {
        tags: ['customers', ...tags],
        summary: 'Set the channels a customer has opted out of (the whole list)',
        params: Params,
        body: PreferencesInput,
        response: { 200: PreferencesDto },
      },
    },
    async (req) => db.transaction((tx) => notifications.setPreferences(tx, principal(req).actor, req.params.id, req.body.optedOut)),
  );
}
