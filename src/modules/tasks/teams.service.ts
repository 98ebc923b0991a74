/**
 * Teams and their members. Members are users of the auth module, read through its `getUsers`.
 * `getTeamRecipients` and `getTeamChatTarget` are how the notifications module reaches a team.
 */
import { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { getUsers, type User } from '../../platform/auth/auth.service.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { TASK_EVENTS as E, type ChatFormat, type TaskEvent, type TaskEventPayloads } from './events.js';
import { NewTeamInput, TeamPatchInput, type NewTeam, type Team, type TeamMember, type TeamPatch } from './tasks.schema.js';

type TeamRow = Omit<Team, 'members'>;
const COLUMNS = `id, code, name_zh AS "nameZh", name_en AS "nameEn", chat_webhook_url IS NOT NULL AS "chatWebhookConfigured",
  chat_format AS "chatFormat", created_at AS "createdAt", updated_at AS "updatedAt"`;
const IdCursor = z.object({ id: z.number().int().positive() });

/** Inputs from other modules get the same checks as the API's. */
export function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new Invalid(issue.path.join('.') || 'body', issue.message);
}

async function recordTeamEvent<T extends TaskEvent>(tx: Tx, actor: string, teamId: number, type: T, payload: TaskEventPayloads[T]) {
  await appendEvent(tx, actor, { type, entityType: 'team', entityId: teamId, payload });
}

async function membersOf(q: Queryable, teamIds: number[]): Promise<Map<number, TeamMember[]>> {
  const { rows } = await q.query<{ teamId: number; userId: number; addedAt: string }>(
    `SELECT team_id AS "teamId", user_id AS "userId", added_at AS "addedAt" FROM team_members WHERE team_id = ANY($1::bigint[]) ORDER BY team_id, user_id`,
    [teamIds],
  );
  const users = new Map((await getUsers(q, [...new Set(rows.map((r) => r.userId))])).map((u) => [u.id, u]));
  const out = new Map<number, TeamMember[]>(teamIds.map((id) => [id, []]));
  for (const r of rows) {
    const u = users.get(r.userId);
    if (u) out.get(r.teamId)!.push({ userId: r.userId, name: u.name, email: u.email, addedAt: r.addedAt });
  }
  return out;
}

async function withMembers(q: Queryable, rows: TeamRow[]): Promise<Team[]> {
  const members = await membersOf(q, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, members: members.get(r.id) ?? [] }));
}

async function teamRow(q: Queryable, code: string, lock = false): Promise<TeamRow> {
  const { rows } = await q.query<TeamRow>(`SELECT ${COLUMNS} FROM teams WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`, [code]);
  if (!rows[0]) throw new NotFound('team', code);
  return rows[0];
}

export async function listTeams(q: Queryable, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, IdCursor);
  const { rows } = await q.query<TeamRow>(`SELECT ${COLUMNS} FROM teams WHERE id > $1 ORDER BY id LIMIT $2`, [after?.id ?? 0, page.limit + 1]);
  const p = pageOf(rows, page.limit, (last) => ({ id: last.id }));
  return { ...p, items: await withMembers(q, p.items) };
}

export async function getTeam(q: Queryable, code: string): Promise<Team> {
  return (await withMembers(q, [await teamRow(q, code)]))[0]!;
}

/** Whether a team with this code exists (a task's or a rule's team is checked with it). */
export async function teamExists(q: Queryable, code: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM teams WHERE code = $1', [code])).rowCount > 0;
}

export async function createTeam(tx: Tx, actor: string, input: NewTeam): Promise<Team> {
  const t = check(NewTeamInput, input);
  const { rows } = await tx.query<TeamRow>(
    `INSERT INTO teams (code, name_zh, name_en, chat_webhook_url, chat_format) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code) DO NOTHING RETURNING ${COLUMNS}`,
    [t.code, t.nameZh, t.nameEn, t.chatWebhookUrl ?? null, t.chatFormat],
  );
  if (!rows[0]) throw new Conflict(`a team ${t.code} already exists`, { field: 'code', code: t.code });
  await recordTeamEvent(tx, actor, rows[0].id, E.teamCreated, { code: t.code });
  return { ...rows[0], members: [] };
}

export async function updateTeam(tx: Tx, actor: string, code: string, patch: TeamPatch): Promise<Team> {
  const p = check(TeamPatchInput, patch);
  const current = await tx.query<{ id: number; nameZh: string; nameEn: string; chatWebhookUrl: string | null; chatFormat: ChatFormat }>(
    `SELECT id, name_zh AS "nameZh", name_en AS "nameEn", chat_webhook_url AS "chatWebhookUrl", chat_format AS "chatFormat" FROM teams WHERE code = $1 FOR UPDATE`,
    [code],
  );
  const row = current.rows[0];
  if (!row) throw new NotFound('team', code);
  const columns = { nameZh: 'name_zh', nameEn: 'name_en', chatWebhookUrl: 'chat_webhook_url', chatFormat: 'chat_format' } as const;
  const changed = (Object.keys(columns) as Array<keyof typeof columns>).filter((f) => p[f] !== undefined && p[f] !== row[f]);
  if (changed.length) {
    const sets = changed.map((f, i) => `${columns[f]} = $${i + 2}`);
    await tx.query(`UPDATE teams SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [row.id, ...changed.map((f) => p[f])]);
    await recordTeamEvent(tx, actor, row.id, E.teamUpdated, { code, changed });
  }
  return getTeam(tx, code);
}

/** Adds an active user to the team; one already in it is no change. */
export async function addTeamMember(tx: Tx, actor: string, code: string, userId: number): Promise<Team> {
  const team = await teamRow(tx, code, true);
  const [user] = await getUsers(tx, [userId]);
  if (!user) throw new Invalid('userId', `user ${userId} does not exist`);
  if (!user.active) throw new Invalid('userId', `user ${userId} is deactivated`);
  const r = await tx.query('INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [team.id, userId]);
  if (r.rowCount) await recordTeamEvent(tx, actor, team.id, E.teamMemberAdded, { code, userId });
  return getTeam(tx, code);
}

export async function removeTeamMember(tx: Tx, actor: string, code: string, userId: number): Promise<Team> {
  const team = await teamRow(tx, code, true);
  const r = await tx.query('DELETE FROM team_members WHERE team_id = $1 AND user_id = $2', [team.id, userId]);
  if (!r.rowCount) throw new NotFound('team member', `${userId} in ${code}`);
  await recordTeamEvent(tx, actor, team.id, E.teamMemberRemoved, { code, userId });
  return getTeam(tx, code);
}

/** The codes of the teams a user belongs to. */
export async function teamsOfUser(q: Queryable, userId: number): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    'SELECT t.code FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 ORDER BY t.code',
    [userId],
  );
  return rows.map((r) => r.code);
}

export type TeamRecipients = { code: string; nameZh: string; nameEn: string; members: User[] };

/** A team and its active members (id, e-mail, name, locale): whom a notice to the team reaches. */
export async function getTeamRecipients(q: Queryable, code: string): Promise<TeamRecipients> {
  const team = await teamRow(q, code);
  const { rows } = await q.query<{ userId: number }>('SELECT user_id AS "userId" FROM team_members WHERE team_id = $1', [team.id]);
  const members = (await getUsers(q, rows.map((r) => r.userId))).filter((u) => u.active);
  return { code: team.code, nameZh: team.nameZh, nameEn: team.nameEn, members };
}

export type TeamChatTarget = { url: string; format: ChatFormat };

/** Where the team's group chat is reached, or undefined when it has no chat robot. */
export async function getTeamChatTarget(q: Queryable, code: string): Promise<TeamChatTarget | undefined> {
  const { rows } = await q.query<{ url: string | null; format: ChatFormat }>(
    'SELECT chat_webhook_url AS url, chat_format AS format FROM teams WHERE code = $1',
    [code],
  );
  const r = rows[0];
  if (!r) throw new NotFound('team', code);
  return r.url ? { url: r.url, format: r.format } : undefined;
}
