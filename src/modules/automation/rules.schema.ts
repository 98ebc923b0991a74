/** What a rule is made of, as the API takes and gives it. The same schemas validate stored rules. */
import { LogicEngine } from 'json-logic-engine';
import { Liquid as LiquidEngine } from 'liquidjs';
import { z } from 'zod';

const EventPattern = z
  .string()
  .max(100)
  .regex(/^(\*|[a-z][a-z0-9_]*\.(\*|[a-z][a-z0-9_]*))$/, 'an event type such as order.confirmed, a family such as order.*, or *');
const EventType = z.string().max(100).regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'an event type such as order.confirmed');
const EntityType = z.string().max(64).regex(/^[a-z][a-z0-9_]*$/, 'an entity type such as order');

export const Delay = z
  .object({
    seconds: z.number().int().min(0).max(59).optional(),
    minutes: z.number().int().min(0).max(100_000).optional(),
    hours: z.number().int().min(0).max(10_000).optional(),
    days: z.number().int().min(0).max(365).optional(),
  })
  .strict()
  .refine((d) => delayMs(d) > 0, 'a delay of at least one second')
  .refine((d) => delayMs(d) <= 366 * 86_400_000, 'a delay of at most a year');
export type Delay = z.infer<typeof Delay>;

export function delayMs(d: { seconds?: number; minutes?: number; hours?: number; days?: number }): number {
  return ((d.days ?? 0) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)) * 1000;
}

export const EventTrigger = z.object({ type: z.literal('event'), events: z.array(EventPattern).min(1).max(20) }).strict();

export const TimerTrigger = z
  .object({
    type: z.literal('timer'),
    /** The event that starts the clock for its entity. */
    start: z.array(EventPattern).min(1).max(20),
    after: Delay,
    /** Events for the same entity that stop the clock before it runs out. */
    unless: z.array(EventPattern).max(20).default([]),
  })
  .strict();

export const DateTrigger = z
  .object({
    type: z.literal('date'),
    entityType: EntityType,
    /** A date (end of that day in the warehouse's time zone) or a time on the current entity. */
    field: z.string().max(64).regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, 'a field of the entity, such as promisedShipDate'),
    /** Fires this long after the date passes (or before it, with `before: true`). */
    offset: z
      .object({ minutes: z.number().int().min(0).max(100_000).optional(), hours: z.number().int().min(0).max(10_000).optional(), days: z.number().int().min(0).max(365).optional() })
      .strict()
      .default({}),
    before: z.boolean().default(false),
    unless: z.array(EventPattern).max(20).default([]),
  })
  .strict();

export const Trigger = z.discriminatedUnion('type', [EventTrigger, TimerTrigger, DateTrigger]);
export type Trigger = z.infer<typeof Trigger>;

const liquid = new LiquidEngine({ strictFilters: true });
/** Text with Liquid placeholders ({{ order.number }}), refused when saved if it will not render. */
const Liquid = z
  .string()
  .min(1)
  .max(2000)
  .superRefine((text, ctx) => {
    try {
      liquid.parse(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not a valid template: ${(err as Error).message.split('\n')[0]}` });
    }
  });
const Channel = z.enum(['email', 'sms', 'chat', 'in_app']);
const TeamCode = z.string().max(64).regex(/^[a-z][a-z0-9_]*$/, 'a team code such as customer_service');
const TemplateKey = z.string().min(1).max(100);

export const Action = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('notify_customer'),
      template: TemplateKey,
      channels: z.array(Channel).min(1).max(4),
    })
    .strict(),
  z.object({ type: z.literal('notify_team'), team: TeamCode, template: TemplateKey, channel: Channel.default('email') }).strict(),
  z
    .object({
      type: z.literal('create_task'),
      title: Liquid.max(500),
      description: Liquid.optional(),
      team: TeamCode.optional(),
      assigneeId: z.number().int().positive().optional(),
      dueIn: Delay.optional(),
      priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
    })
    .strict()
    .refine((a) => a.team !== undefined || a.assigneeId !== undefined, { message: 'a task goes to a team or an assignee', path: ['team'] }),
  z.object({ type: z.literal('add_customer_tag'), tag: z.string().trim().min(1).max(50) }).strict(),
  z.object({ type: z.literal('remove_customer_tag'), tag: z.string().trim().min(1).max(50) }).strict(),
  z.object({ type: z.literal('hold_order'), reason: Liquid.max(500) }).strict(),
  z.object({ type: z.literal('set_order_priority'), priority: z.number().int().min(0).max(9) }).strict(),
  z.object({ type: z.literal('call_webhook'), webhookId: z.number().int().positive() }).strict(),
  z
    .object({
      type: z.literal('emit_event'),
      /** Custom events live under `custom.`, so a rule cannot forge the system's own events. */
      event: z.string().max(100).regex(/^custom\.[a-z][a-z0-9_]*$/, 'a custom event type such as custom.vip_order'),
      payload: z
        .record(z.string().max(100), Liquid)
        .refine((p) => Object.keys(p).length <= 50, 'at most 50 fields')
        .default({}),
    })
    .strict(),
]);
export type Action = z.infer<typeof Action>;

const engine = new LogicEngine();

/** JSON Logic, checked by compiling it: an unknown operator is refused when the rule is saved. */
export const Condition = z
  .unknown()
  .refine((v) => JSON.stringify(v ?? null).length <= 20_000, 'a condition is at most 20 000 characters of JSON')
  .superRefine((v, ctx) => {
    if (v === null || v === undefined) return;
    try {
      engine.build(v);
    } catch (err) {
      const e = err as { type?: string; key?: string; message?: string };
      ctx.addIssue({ code: 'custom', message: `not valid JSON Logic: ${e.type ?? e.message ?? 'unreadable'}${e.key ? ` ${e.key}` : ''}` });
    }
  })
  .describe('JSON Logic over { event, entity, order, customer, product }; null means always');

export const RuleInput = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, dot, dash, underscore').optional(),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    enabled: z.boolean().default(true),
    trigger: Trigger,
    condition: Condition.optional(),
    actions: z.array(Action).min(1).max(20),
  })
  .strict();
export type RuleInput = z.infer<typeof RuleInput>;

export const RulePatch = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    enabled: z.boolean().optional(),
    trigger: Trigger.optional(),
    condition: Condition.optional(),
    actions: z.array(Action).min(1).max(20).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');
export type RulePatch = z.infer<typeof RulePatch>;

export const RuleDto = z.object({
  id: z.number(),
  key: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  builtin: z.boolean(),
  version: z.number(),
  trigger: Trigger,
  condition: z.unknown(),
  actions: z.array(Action),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Rule = z.infer<typeof RuleDto>;

export const RuleVersionDto = z.object({
  ruleId: z.number(),
  version: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  trigger: Trigger,
  condition: z.unknown(),
  actions: z.array(Action),
  changedBy: z.string(),
  changedAt: z.string(),
});

export const ActionOutcome = z.object({
  type: z.string(),
  status: z.enum(['done', 'skipped', 'failed', 'would_run']),
  detail: z.string().optional(),
  result: z.record(z.string(), z.unknown()).optional(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const RunDto = z.object({
  id: z.number(),
  ruleId: z.number(),
  version: z.number(),
  eventId: z.number(),
  timerId: z.number().nullable(),
  matched: z.boolean(),
  outcome: z.enum(['succeeded', 'failed', 'not_matched']),
  actions: z.array(ActionOutcome),
  error: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  ranAt: z.string(),
});
export type Run = z.infer<typeof RunDto>;

export const TimerDto = z.object({
  id: z.number(),
  ruleId: z.number(),
  entityType: z.string(),
  entityId: z.string(),
  startEventId: z.number(),
  dueAt: z.string(),
  status: z.enum(['pending', 'fired', 'cancelled']),
  cancelledBy: z.number().nullable(),
  firedAt: z.string().nullable(),
});
