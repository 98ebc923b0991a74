/** The notifications API's shapes: validation, the OpenAPI document and the DTO types. */
import { z } from 'zod';
import { CHANNELS, DELIVERY_STATUSES, TEMPLATE_LOCALES } from './events.js';
import { Id, NO_CONTROL } from '../../platform/http/schemas.js';
export { Id };

export const tags = ['notifications'];
export const ChannelSchema = z.enum(CHANNELS);
export const LocaleSchema = z.enum(TEMPLATE_LOCALES);
export const TemplateKey = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'a template key is dotted lower-case words, e.g. order.confirmed');
export const Subject = z.string().trim().min(1).max(500).regex(/^[^\u0000-\u001F\u007F]*$/, 'a subject is one line without control characters');
export const Body = z.string().min(1).max(20_000).regex(NO_CONTROL, 'no control characters but line breaks and tabs');

const MAX_VARIABLES_JSON = 64 * 1024;
/** What a template renders with: any JSON object, up to 64 KiB. */
export const Variables = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_VARIABLES_JSON, `variables are at most ${MAX_VARIABLES_JSON} bytes of JSON`)
  .default({});

export const TemplateDto = z.object({
  id: z.number(),
  key: z.string(),
  channel: ChannelSchema,
  locale: LocaleSchema,
  subject: z.string().nullable(),
  body: z.string(),
  version: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof TemplateDto>;

export const NewTemplateInput = z
  .object({
    key: TemplateKey,
    channel: ChannelSchema,
    locale: LocaleSchema,
    subject: Subject.nullable().optional().describe('Liquid; required for e-mail'),
    body: Body.describe('Liquid'),
    active: z.boolean().default(true),
  })
  .strict();
export type NewTemplate = z.output<typeof NewTemplateInput>;

export const TemplatePatchInput = z
  .object({ subject: Subject.nullable().optional(), body: Body.optional(), active: z.boolean().optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one of subject, body, active' });
export type TemplatePatch = z.output<typeof TemplatePatchInput>;

export const PreviewInput = z
  .object({
    key: TemplateKey,
    channel: ChannelSchema,
    locale: LocaleSchema,
    variables: Variables,
    subject: Subject.nullable().optional().describe('Render this draft subject instead of the stored one'),
    body: Body.optional().describe('Render this draft body instead of the stored one'),
  })
  .strict();
export const PreviewDto = z.object({ subject: z.string().nullable(), body: z.string(), templateId: z.number().nullable(), version: z.number().nullable() });

export const DeliveryDto = z.object({
  id: z.number(),
  customerId: z.number().nullable().describe('the customer it goes to; null for a notice to staff'),
  userId: z.number().nullable().describe('the staff user it goes to (e-mail or in-app)'),
  team: z.string().nullable().describe('the team whose group chat it goes to'),
  templateId: z.number(),
  templateKey: z.string(),
  templateVersion: z.number(),
  channel: ChannelSchema,
  locale: LocaleSchema,
  recipient: z.string().nullable().describe('the e-mail address, phone or chat id it went to; null for in-app and team chat'),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Delivery = z.infer<typeof DeliveryDto>;

export const PreferencesDto = z.object({
  customerId: z.number(),
  optedOut: z.array(ChannelSchema).describe('Channels the customer receives nothing on'),
});
export const PreferencesInput = z.object({ optedOut: z.array(ChannelSchema).max(CHANNELS.length) }).strict();
