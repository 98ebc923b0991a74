/** The webhook API's shapes: what an integrator sends and gets back. */
import { z } from 'zod';
import { DELIVERY_STATUSES } from './events.js';
import { Id } from '../../../platform/http/schemas.js';
export { Id };

// One type is `order.packed`, a family is `order.*`, everything is `*` (as the events API).
export const EventTypePattern = z
  .string()
  .max(200)
  .regex(/^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/, 'an event type (order.packed), a family (order.*) or *');

export const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'an http or https URL' })
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return !u.username && !u.password;
    } catch {
      return true; // already refused as a URL
    }
  }, 'a URL without credentials (user:password@)');


export const WebhookInput = z.object({
  url: WebhookUrl,
  eventTypes: z.array(EventTypePattern).min(1).max(100),
  description: z.string().max(500).default(''),
  active: z.boolean().default(true),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

export const WebhookPatch = z
  .object({
    url: WebhookUrl,
    eventTypes: z.array(EventTypePattern).min(1).max(100),
    description: z.string().max(500),
    active: z.boolean(),
  })
  .partial();
export type WebhookPatch = z.infer<typeof WebhookPatch>;

export const WebhookDto = z.object({
  id: z.number(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string(),
  active: z.boolean(),
  consecutiveFailures: z.number(),
  lastSuccessAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDto = z.infer<typeof WebhookDto>;

export const WebhookWithSecretDto = WebhookDto.extend({
  secret: z.string().describe('The signing secret (Standard Webhooks, whsec_…). Shown only now: store it.'),
});

export const AttemptDto = z.object({
  attempt: z.number(),
  attemptedAt: z.string(),
  statusCode: z.number().nullable(),
  latencyMs: z.number(),
  responseExcerpt: z.string().describe('The first KB of the response body'),
  error: z.string().nullable(),
  succeeded: z.boolean(),
});

export const DeliveryDto = z.object({
  id: z.number(),
  webhookId: z.number(),
  eventId: z.number(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.array(AttemptDto),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryDto = z.infer<typeof DeliveryDto>;

export const DeliveryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
});
