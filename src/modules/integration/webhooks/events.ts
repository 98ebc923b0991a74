/** Events the webhooks part of the integration module writes, and its vocabularies. */
export const WEBHOOK_EVENTS = {
  created: 'webhook.created',
  updated: 'webhook.updated',
  deleted: 'webhook.deleted',
  disabled: 'webhook.disabled',
} as const;

/** A delivery is pending until a 2xx (delivered) or until its retry window has passed (failed). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The payload of every webhook.* event: never the secret. */
export type WebhookEventPayload = { url: string; eventTypes: string[]; active: boolean; reason?: string; secretRotated?: boolean };
