/**
 * The one way a command on one record is served: `POST <base>/{id}/<verb>`, with the permission,
 * the body schema and the summary the OpenAPI document shows; the caller must see the record
 * (`guard`), the work runs in one idempotent transaction, and the answer is the record as it is
 * afterwards (`answer`). Orders, returns, transfers and the flows declare their commands with it.
 */
import type { z } from 'zod';
import type { Principal } from '../auth/auth.service.js';
import type { Permission } from '../auth/permissions.js';
import type { Db, Tx } from '../db/client.js';
import { principal, type App } from './app.js';
import { idempotent } from './idempotency.js';

type Body<B> = B extends z.ZodType ? z.output<B> : undefined;

export type CommandRecord<R> = {
  /** `/api/v1/orders`: the commands are `POST /api/v1/orders/:id/<verb>`. */
  base: string;
  tags: string[];
  params: z.ZodType<{ id: number }>;
  response: z.ZodType;
  /** Refuses a caller who may not see the record (as an unknown id), before any work. */
  guard(tx: Tx, caller: Principal, id: number): Promise<void>;
  /** The record as the command leaves it, with what `run` answered (when it has the record already). */
  answer(tx: Tx, id: number, ran: R): Promise<unknown>;
};

export function commandRoutes<R>(app: App, db: Db, record: CommandRecord<R>) {
  return <B extends z.ZodType | undefined>(
    verb: string,
    opts: { permission: Permission; summary: string; body: B; status?: number; guard?: CommandRecord<R>['guard'] },
    run: (tx: Tx, actor: string, id: number, body: Body<B>, caller: Principal) => Promise<R>,
  ) => {
    const status = opts.status ?? 200;
    return app.post(
      `${record.base}/:id/${verb}`,
      {
        config: { permission: opts.permission },
        schema: { tags: record.tags, summary: opts.summary, params: record.params, ...(opts.body ? { body: opts.body } : {}), response: { [status]: record.response } },
      },
      async (req, reply) =>
        idempotent(db, req, reply, status, async (tx) => {
          const id = (req.params as { id: number }).id;
          await (opts.guard ?? record.guard)(tx, principal(req), id);
          return record.answer(tx, id, await run(tx, principal(req).actor, id, req.body as Body<B>, principal(req)));
        }),
    );
  };
}
