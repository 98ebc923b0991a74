/**
 * The notifications module's vocabularies: channels, delivery statuses, and the events it writes.
 * Delivery events of a customer's notice carry the customer's id, so it shows on their timeline;
 * those of a staff notice (to a user or a team's chat) carry the user id or team code.
 */
export const CHANNELS = ['email', 'sms', 'in_app', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TEMPLATE_LOCALES = ['zh-CN', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
/** Tried after the customer's own locale, in this order. */
export const FALLBACK_LOCALES: readonly TemplateLocale[] = ['zh-CN', 'en'];

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'skipped_opt_out', 'skipped_no_recipient'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const NOTIFICATION_EVENTS = {
  queued: 'notification.queued',
  sent: 'notification.sent',
  failed: 'notification.failed',
  skipped: 'notification.skipped',
  templateCreated: 'notification_template.created',
  templateUpdated: 'notification_template.updated',
  preferencesUpdated: 'notification_preferences.updated',
} as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[keyof typeof NOTIFICATION_EVENTS];

type DeliveryRef = {
  deliveryId: number;
  templateKey: string;
  channel: Channel;
  entityType: string | null;
  entityId: string | null;
  /** Set on a staff notice: the user it goes to, or the team whose chat it goes to. */
  userId?: number;
  team?: string;
};

export type NotificationEventPayloads = {
  'notification.queued': DeliveryRef & { locale: TemplateLocale; subject: string | null };
  'notification.sent': DeliveryRef & { attempts: number };
  'notification.failed': DeliveryRef & { attempts: number; error: string };
  'notification.skipped': DeliveryRef & { reason: 'opt_out' | 'no_recipient' };
  'notification_template.created': { key: string; channel: Channel; locale: TemplateLocale };
  'notification_template.updated': { key: string; channel: Channel; locale: TemplateLocale; version: number; changed: string[] };
  'notification_preferences.updated': { optedOut: Channel[] };
};
