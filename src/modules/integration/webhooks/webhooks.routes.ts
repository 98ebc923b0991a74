/**
 * Webhook subscriptions, their deliveries with every attempt, and replay (permission
 * webhooks.manage). A webhook receives the events of every warehouse and its deliveries log
 * them, so managing or reading webhooks needs a caller with every warehouse.
 */
import { z } from 'zod';
import { everyWarehouseHook } from '../../../platform/auth/scope.js';
import type { App, AppContext } from '../../../platform/http/app.js';
import { principal } from '../../../platform/http/app.js';
import { idempotent } from '../../../platform/http/idempotency.js';
import { page, PageQuery } from '../../../platform/http/pagination.js';
import { destinationPolicy } from '../../../platform/http/destination.js';
import * as webhooks from './webhooks.service.js';
import { DeliveryDto, DeliveryQuery, Id, WebhookDto, WebhookInput, WebhookPatch, WebhookWithSecretDto } from './webhooks.schema.js';

const tags = ['webhooks'];
// Every route: the permission, and a caller with every warehouse (a route hook, so the module's other routes are left alone).
const config = { permission: 'webhooks.manage' as const };
const onRequest = everyWarehouseHook('Webhooks');
const params = z.object({ id: Id });

export function webhookRoutes(app: App, { db, config: settings }: AppContext) {
  const destination = destinationPolicy(settings);

  app.post(
    '/api/v1/webhooks',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Subscribe a URL to event types',
        description:
          'Each matching event committed from now on is POSTed to the URL as JSON `{id, type, timestamp, data}`, signed per ' +
          'Standard Webhooks (`webhook-id` = the event id, `webhook-timestamp`, `webhook-signature`). The secret is returned only here. ' +
          'A URL whose host is (or resolves to) a private, loopback, link-local, CGNAT, multicast or reserved address is refused (422 on `url`) ' +
          'unless the server allows it (WEBHOOK_ALLOW_PRIVATE_NETWORKS, WEBHOOK_ALLOWED_HOSTS); every delivery checks again.',
        body: WebhookInput,
        response: { 201: WebhookWithSecretDto },
      },
    },
    async (req, reply) => {
      await webhooks.checkDestination(destination, req.body.url);
      return idempotent(db, req, reply, 201, (tx) => webhooks.createWebhook(tx, principal(req).actor, req.body));
    },
  );

  app.get(
    '/api/v1/webhooks',
    { config, onRequest, schema: { tags, summary: 'Webhook subscriptions', querystring: PageQuery, response: { 200: page(WebhookDto) } } },
    async (req) => webhooks.listWebhooks(db, req.query),
  );

  app.get(
    '/api/v1/webhooks/:id',
    { config, onRequest, schema: { tags, summary: 'A webhook subscription', params, response: { 200: WebhookDto } } },
    async (req) => webhooks.getWebhook(db, req.params.id),
  );

  app.patch(
    '/api/v1/webhooks/:id',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Change the URL, event types, description, or switch a webhook on or off (on again after it was disabled)',
        params,
        body: WebhookPatch,
        response: { 200: WebhookDto },
      },
    },
    async (req) => {
      await webhooks.checkDestination(destination, req.body.url);
      return db.transaction((tx) => webhooks.updateWebhook(tx, principal(req).actor, req.params.id, req.body));
    },
  );

  app.delete(
    '/api/v1/webhooks/:id',
    { config, onRequest, schema: { tags, summary: 'Delete a webhook with its deliveries', params, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction((tx) => webhooks.deleteWebhook(tx, principal(req).actor, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/webhooks/:id/rotate-secret',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'A new signing secret, returned only here',
        description: `For ${webhooks.PREVIOUS_SECRET_VALID_HOURS} h deliveries carry a signature with the old secret too, so the receiver can switch without losing any.`,
        params,
        response: { 200: WebhookWithSecretDto },
      },
    },
    async (req) => db.transaction((tx) => webhooks.rotateSecret(tx, principal(req).actor, req.params.id)),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: "A webhook's deliveries, newest first, each with its attempts (time, HTTP status, latency, response excerpt, error)",
        params,
        querystring: DeliveryQuery,
        response: { 200: page(DeliveryDto) },
      },
    },
    async (req) => webhooks.listDeliveries(db, req.params.id, req.query),
  );

  app.post(
    '/api/v1/webhooks/deliveries/:id/replay',
    {
      config,
      onRequest,
      schema: {
        tags,
        summary: 'Send a delivery again now (with a fresh retry window), whatever its status',
        description: 'Sent once, at once, even while an earlier attempt is still in flight: that attempt is still logged, but its result no longer decides the delivery.',
        params,
        response: { 200: DeliveryDto },
      },
    },
    async (req) => db.transaction((tx) => webhooks.replayDelivery(tx, req.params.id, settings.now)),
  );
}
