/**
 * Tasks: create, list (filters, queue order), get, change (status, assignment, due, priority), comments.
 * A caller limited to some warehouses works only the tasks about their warehouses' things and
 * about no warehouse thing at all; another warehouse's task is answered as an unknown one.
 */
import { z } from 'zod';
import { eventScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { CommentDto, CommentInput, Id, NewTaskInput, TaskDto, TaskPatchInput, TaskQuery, tags } from './tasks.schema.js';
import * as tasks from './tasks.service.js';
import { teamRoutes } from './teams.routes.js';

const Params = z.object({ id: Id });

export function taskRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  teamRoutes(app, ctx);

  app.post(
    '/api/v1/tasks',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Create a task for a team and/or a user; with a dedupeKey an open task holds, that task is returned instead',
        body: NewTaskInput,
        response: { 201: TaskDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => tasks.createTask(tx, principal(req).actor, req.body, eventScope(principal(req)))),
  );

  app.get(
    '/api/v1/tasks',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'Tasks in queue order: earliest due first (none last), then most urgent; filter by team, assignee, my queue, status, entity, customer, overdue',
        querystring: PageQuery.extend(TaskQuery.shape),
        response: { 200: page(TaskDto) },
      },
    },
    async (req) => {
      const { limit, cursor, mine, ...filter } = req.query;
      let mineOf: number | undefined;
      if (mine) {
        const who = principal(req);
        if (who.kind !== 'user') throw new Invalid('querystring.mine', 'mine=true needs a signed-in user; an API key has no queue of its own');
        mineOf = who.id;
      }
      return tasks.listTasks(db, { ...filter, mineOf, warehouseScope: eventScope(principal(req)) }, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/tasks/:id',
    {
      config: { permission: 'tasks.read' },
      schema: { tags, summary: 'A task', params: Params, response: { 200: TaskDto } },
    },
    async (req) => {
      await tasks.assertTaskVisible(db, principal(req), req.params.id);
      return tasks.getTask(db, req.params.id);
    },
  );

  app.patch(
    '/api/v1/tasks/:id',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'Change a task: status (open → in_progress → done | cancelled, reopen from done; 409 names the current state), team, assignee, due time, priority, title, description',
        params: Params,
        body: TaskPatchInput,
        response: { 200: TaskDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        await tasks.assertTaskVisible(tx, principal(req), req.params.id);
        return tasks.updateTask(tx, principal(req).actor, req.params.id, req.body);
      }),
  );

  app.get(
    '/api/v1/tasks/:id/comments',
    {
      config: { permission: 'tasks.read' },
      schema: { tags, summary: 'A task’s comments, oldest first', params: Params, querystring: PageQuery, response: { 200: page(CommentDto) } },
    },
    async (req) => {
      await tasks.assertTaskVisible(db, principal(req), req.params.id);
      return tasks.listComments(db, req.params.id, req.query);
    },
  );

  app.post(
    '/api/v1/tasks/:id/comments',
    {
      config: { permission: 'tasks.write' },
      schema: { tags, summary: 'Comment on a task', params: Params, body: CommentInput, response: { 201: CommentDto } },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        await tasks.assertTaskVisible(tx, principal(req), req.params.id);
        return tasks.addComment(tx, principal(req).actor, req.params.id, req.body.body);
      }),
  );
}
