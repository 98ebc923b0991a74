/**
 * What a rule's actions do. Each runs in the rule's transaction, inside its own savepoint, so a
 * failing action (a template that does not exist, an order already shipped) is logged as failed
 * and undoes only itself; the others and the run log still commit.
 */
import type { Tx } from '../../platform/db/client.js';
import { appendEvent, EVENTS_CHANNEL, type StoredEvent } from '../../platform/events/log.js';
import { DomainError } from '../../platform/http/errors.js';
import { addCustomerTags, removeCustomerTag } from '../customers/index.js';
import { enqueueWebhookDelivery } from '../integration/index.js';
import { notifyTeam, sendNotification } from '../notifications/index.js';
import { holdOrder, setOrderPriority } from '../orders/index.js';
import { createTask } from '../tasks/index.js';
import { customerSecretsOf, renderText, type RuleContext } from './context.js';
import { delayMs, type Action, type ActionOutcome, type Rule } from './rules.schema.js';

export type ActionRun = { tx: Tx; rule: Pick<Rule, 'id' | 'name'>; event: StoredEvent; ctx: RuleContext; dryRun: boolean; now: Date };

const actorOf = (rule: Pick<Rule, 'id'>) => `rule:${rule.id}`;

function customerIdOf(r: ActionRun): number | undefined {
  const id = r.event.customerId ?? r.ctx.customer?.id;
  return typeof id === 'number' ? id : undefined;
}

function orderIdOf(r: ActionRun): number | undefined {
  const id = r.ctx.order?.id;
  return typeof id === 'number' ? id : undefined;
}

/** What templates see: the event's payload fields (`reason`), and the rule's context by name. */
function variablesOf(r: ActionRun): Record<string, unknown> {
  const { event, entity, order, customer, product } = r.ctx;
  // The entity also goes by its own name (`task`, `transfer_proposal`), as its templates call it.
  return { ...r.event.payload, [r.event.entityType]: entity, event, entity, order, customer, product, rule: { id: r.rule.id, name: r.rule.name } };
}

const skipped = (type: string, detail: string): ActionOutcome => ({ type, status: 'skipped', detail });

async function perform(r: ActionRun, a: Action): Promise<ActionOutcome> {
  const { tx } = r;
  const actor = actorOf(r.rule);
  switch (a.type) {
    case 'notify_customer': {
      const customerId = customerIdOf(r);
      if (customerId === undefined) return skipped(a.type, 'the event concerns no customer');
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `${a.template} to customer ${customerId} by ${a.channels.join(', ')}` };
      // The customer's own secret (a deposit's voucher) goes into their notice, and only there, as a
      // Secret: the message sent carries it, the notice log is rendered with its mask.
      const secrets = await customerSecretsOf(tx, r.event.entityType, r.event.entityId);
      const variables = variablesOf(r);
      const entity = r.ctx.entity && { ...r.ctx.entity, ...secrets };
      const deliveries = [];
      for (const channel of a.channels) {
        const d = await sendNotification(tx, actor, {
          customerId,
          templateKey: a.template,
          channel,
          variables: { ...variables, [r.event.entityType]: entity, entity },
          entityType: r.event.entityType,
          entityId: r.event.entityId,
        });
        deliveries.push({ id: d.id, channel, status: d.status });
      }
      return { type: a.type, status: 'done', result: { deliveries } };
    }
    case 'notify_team': {
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `${a.template} to team ${a.team} by ${a.channel}` };
      const deliveries = await notifyTeam(tx, actor, {
        team: a.team,
        templateKey: a.template,
        channel: a.channel,
        variables: variablesOf(r),
        entityType: r.event.entityType,
        entityId: r.event.entityId,
      });
      return { type: a.type, status: 'done', result: { deliveries: deliveries.map((d) => ({ id: d.id, status: d.status })) } };
    }
    case 'create_task': {
      const title = await renderText(a.title, variablesOf(r));
      const description = a.description ? (await renderText(a.description, variablesOf(r))).slice(0, 5000) || undefined : undefined;
      const dueAt = a.dueIn ? new Date(r.now.getTime() + delayMs(a.dueIn)).toISOString() : undefined;
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `task "${title}" for ${a.team ?? `user ${a.assigneeId}`}` };
      const task = await createTask(tx, actor, {
        title: title.slice(0, 500) || r.rule.name,
        description,
        entityType: r.event.entityType,
        entityId: r.event.entityId,
        customerId: customerIdOf(r),
        team: a.team,
        assigneeId: a.assigneeId,
        dueAt,
        priority: a.priority,
        source: `rule:${r.rule.id}`,
        // One open task per rule and entity, however often the rule fires for it.
        dedupeKey: `rule:${r.rule.id}:${r.event.entityType}:${r.event.entityId}`,
      });
      return { type: a.type, status: 'done', result: { taskId: task.id } };
    }
    case 'add_customer_tag':
    case 'remove_customer_tag': {
      const customerId = customerIdOf(r);
      if (customerId === undefined) return skipped(a.type, 'the event concerns no customer');
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `${a.type === 'add_customer_tag' ? 'add' : 'remove'} tag ${a.tag} on customer ${customerId}` };
      const tags = a.type === 'add_customer_tag' ? await addCustomerTags(tx, actor, customerId, [a.tag]) : await removeCustomerTag(tx, actor, customerId, a.tag);
      return { type: a.type, status: 'done', result: { customerId, tags } };
    }
    case 'hold_order': {
      const orderId = orderIdOf(r);
      if (orderId === undefined) return skipped(a.type, 'the event concerns no order');
      const reason = (await renderText(a.reason, variablesOf(r))).slice(0, 500) || r.rule.name;
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `hold order ${orderId}: ${reason}` };
      const { changed } = await holdOrder(tx, actor, orderId, reason);
      return changed ? { type: a.type, status: 'done', result: { orderId } } : skipped(a.type, `order ${orderId} is on hold already`);
    }
    case 'set_order_priority': {
      const orderId = orderIdOf(r);
      if (orderId === undefined) return skipped(a.type, 'the event concerns no order');
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `order ${orderId} priority ${a.priority}` };
      const { changed } = await setOrderPriority(tx, actor, orderId, a.priority);
      return changed ? { type: a.type, status: 'done', result: { orderId, priority: a.priority } } : skipped(a.type, `order ${orderId} has priority ${a.priority} already`);
    }
    case 'call_webhook': {
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `POST event ${r.event.id} to webhook ${a.webhookId}` };
      const { deliveryId, queued } = await enqueueWebhookDelivery(tx, a.webhookId, r.event);
      return { type: a.type, status: queued ? 'done' : 'skipped', detail: queued ? undefined : 'the webhook receives this event already', result: { deliveryId } };
    }
    case 'emit_event': {
      const payload: Record<string, unknown> = { ruleId: r.rule.id, sourceEventId: r.event.id };
      for (const [k, v] of Object.entries(a.payload)) payload[k] = await renderText(v, variablesOf(r));
      if (r.dryRun) return { type: a.type, status: 'would_run', detail: `${a.event} ${JSON.stringify(payload)}` };
      const ev = await appendEvent(tx, actor, { type: a.event, entityType: r.event.entityType, entityId: r.event.entityId, customerId: r.event.customerId, payload });
      return { type: a.type, status: 'done', result: { eventId: ev.id } };
    }
  }
}

let savepoints = 0;

/** Runs the actions in order; each failure is caught, undone and reported, never thrown. */
export async function runActions(r: ActionRun, actions: Action[]): Promise<ActionOutcome[]> {
  const out: ActionOutcome[] = [];
  for (const a of actions) {
    const sp = `rule_action_${++savepoints}`;
    if (!r.dryRun) await r.tx.query(`SAVEPOINT ${sp}`);
    try {
      out.push(await perform(r, a));
      if (!r.dryRun) await r.tx.query(`RELEASE SAVEPOINT ${sp}`);
    } catch (err) {
      if (!r.dryRun) {
        await r.tx.query(`ROLLBACK TO SAVEPOINT ${sp}`);
        // The transaction's one NOTIFY may have gone with the savepoint; followers must still wake.
        await r.tx.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`);
      }
      const detail = err instanceof DomainError ? err.message : `unexpected error: ${(err as Error).message}`;
      if (!(err instanceof DomainError) && r.dryRun) throw err;
      out.push({ type: a.type, status: 'failed', detail: detail.slice(0, 1000) });
    }
  }
  return out;
}
