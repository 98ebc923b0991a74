/**
 * The tasks module's vocabularies: task statuses and priorities, team chat formats, and the
 * events it writes. Task events carry the customer's id when the task has one (the customer's
 * timeline shows it).
 */
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Statuses in which a task is still someone's work (and holds its dedupe key). */
export const ACTIVE_STATUSES: readonly TaskStatus[] = ['open', 'in_progress'];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How a team's chat robot wants its message: WeCom, DingTalk, Feishu, or a gateway taking {to, text}. */
export const CHAT_FORMATS = ['wecom', 'dingtalk', 'feishu', 'generic'] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];

export const TASK_EVENTS = {
  created: 'task.created',
  assigned: 'task.assigned',
  statusChanged: 'task.status_changed',
  updated: 'task.updated',
  commented: 'task.commented',
  teamCreated: 'team.created',
  teamUpdated: 'team.updated',
  teamMemberAdded: 'team.member_added',
  teamMemberRemoved: 'team.member_removed',
} as const;
export type TaskEvent = (typeof TASK_EVENTS)[keyof typeof TASK_EVENTS];

type Owner = { team: string | null; assigneeId: number | null };

export type TaskEventPayloads = {
  'task.created': Owner & {
    title: string;
    priority: Priority;
    dueAt: string | null;
    source: string;
    entityType: string | null;
    entityId: string | null;
  };
  'task.assigned': Owner & { previous: Owner };
  'task.status_changed': { from: TaskStatus; to: TaskStatus };
  'task.updated': { changed: string[] };
  'task.commented': { commentId: number };
  'team.created': { code: string };
  'team.updated': { code: string; changed: string[] };
  'team.member_added': { code: string; userId: number };
  'team.member_removed': { code: string; userId: number };
};
