/** The tasks and teams API's shapes: validation, the OpenAPI document and the DTO types. */
import { z } from 'zod';
import { CHAT_FORMATS, PRIORITIES, TASK_STATUSES } from './events.js';
import { Id, NO_CONTROL } from '../../platform/http/schemas.js';
export { Id };

export const tags = ['tasks'];
export const teamTags = ['teams'];
export const TeamCode = z
  .string()
  .trim()
  .max(50)
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'a team code is lower-case letters, digits and _, starting with a letter (customer_service)');
const Text = (max: number) => z.string().trim().min(1).max(max);
const LongText = z.string().trim().min(1).max(5000).regex(NO_CONTROL, 'no control characters but line breaks and tabs');
const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/ }))
  .describe('the group-chat robot’s URL (http or https)');
export const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with a time zone, e.g. 2026-11-24T09:00:00+08:00');

// ---- teams ---------------------------------------------------------------------------------

export const TeamMemberDto = z.object({ userId: z.number(), name: z.string(), email: z.string(), addedAt: z.string() });
export const TeamDto = z.object({
  id: z.number(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  chatWebhookConfigured: z.boolean().describe('whether the team has a group-chat robot; its URL (which holds the robot key) is never shown'),
  chatFormat: z.enum(CHAT_FORMATS),
  members: z.array(TeamMemberDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof TeamDto>;
export type TeamMember = z.infer<typeof TeamMemberDto>;

export const NewTeamInput = z
  .object({
    code: TeamCode,
    nameZh: Text(100),
    nameEn: Text(100),
    chatWebhookUrl: WebhookUrl.nullable().optional(),
    chatFormat: z.enum(CHAT_FORMATS).default('generic'),
  })
  .strict();
export type NewTeam = z.input<typeof NewTeamInput>;

export const TeamPatchInput = z
  .object({ nameZh: Text(100), nameEn: Text(100), chatWebhookUrl: WebhookUrl.nullable(), chatFormat: z.enum(CHAT_FORMATS) })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one of nameZh, nameEn, chatWebhookUrl, chatFormat' });
export type TeamPatch = z.input<typeof TeamPatchInput>;

export const MemberInput = z.object({ userId: Id }).strict();

// ---- tasks ---------------------------------------------------------------------------------

export const TaskDto = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  customerId: z.number().nullable(),
  team: z.string().nullable(),
  assigneeId: z.number().nullable(),
  dueAt: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  status: z.enum(TASK_STATUSES),
  source: z.string(),
  dedupeKey: z.string().nullable(),
  overdue: z.boolean().describe('still open or in progress after its due time'),
  createdBy: z.string(),
  updatedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Task = z.infer<typeof TaskDto>;

export const NewTaskInput = z
  .object({
    title: Text(500),
    description: LongText.optional(),
    entityType: z.string().trim().regex(/^[a-z][a-z0-9_]{0,63}$/, 'an entity type is a lower-case word such as order').optional(),
    entityId: Text(64).optional(),
    customerId: Id.optional(),
    team: TeamCode.optional(),
    assigneeId: Id.optional(),
    dueAt: Instant.optional(),
    priority: z.enum(PRIORITIES).default('normal'),
    source: Text(100).default('user').describe('`user`, or `rule:<id>` for the rules engine'),
    dedupeKey: Text(200).optional().describe('while a task with this key is open, creating another returns it instead'),
  })
  .strict();
export type NewTask = z.input<typeof NewTaskInput>;

export const TaskPatchInput = z
  .object({
    status: z.enum(TASK_STATUSES),
    team: TeamCode.nullable(),
    assigneeId: Id.nullable(),
    dueAt: Instant.nullable(),
    priority: z.enum(PRIORITIES),
    title: Text(500),
    description: LongText.nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one field to change' });
export type TaskPatch = z.input<typeof TaskPatchInput>;

export const TaskQuery = z.object({
  team: TeamCode.optional(),
  assigneeId: Id.optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('my queue: assigned to me, or to one of my teams and to nobody'),
  status: z.enum(TASK_STATUSES).optional(),
  entityType: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  customerId: Id.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type TaskFilter = Omit<z.output<typeof TaskQuery>, 'mine'> & { mineOf?: number };

export const CommentDto = z.object({ id: z.number(), taskId: z.number(), body: z.string(), author: z.string(), createdAt: z.string() });
export type Comment = z.infer<typeof CommentDto>;
export const CommentInput = z.object({ body: LongText }).strict();
