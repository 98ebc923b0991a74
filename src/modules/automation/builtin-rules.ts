/**
 * The rules every installation starts with: the service the product promises, as data that a
 * manager can read, change or disable (not delete). Seeded once by key; a changed built-in
 * rule is never overwritten by a later start.
 */
import type { Tx } from '../../platform/db/client.js';
import { createRule } from './rules.service.js';
import type { z } from 'zod';
import { RuleInput } from './rules.schema.js';

const CUSTOMER = ['email', 'in_app'] as const;

export const BUILTIN_RULES: Array<z.input<typeof RuleInput> & { key: string }> = [
  {
    key: 'builtin.order-confirmed-notice',
    name: 'Order confirmed → tell the customer the promised ship date',
    enabled: true,
    trigger: { type: 'event', events: ['order.confirmed'] },
    actions: [{ type: 'notify_customer', template: 'order.confirmed', channels: [...CUSTOMER] }],
  },
  {
    key: 'builtin.order-shipped-notice',
    name: 'Order shipped → tell the customer the carrier and tracking link',
    enabled: true,
    trigger: { type: 'event', events: ['order.shipped'] },
    actions: [{ type: 'notify_customer', template: 'order.shipped', channels: [...CUSTOMER] }],
  },
  {
    key: 'builtin.order-delivered-notice',
    name: 'Order delivered → tell the customer',
    enabled: true,
    trigger: { type: 'event', events: ['order.delivered'] },
    actions: [{ type: 'notify_customer', template: 'order.delivered', channels: ['in_app'] }],
  },
  {
    key: 'builtin.pick-sla',
    name: 'Not picked within 24 hours of confirmation → task for customer service, notice to the customer',
    description: 'The SLA is the delay of the timer: change `after` to change it.',
    enabled: true,
    trigger: {
      type: 'timer',
      start: ['order.confirmed'],
      after: { hours: 24 },
      unless: ['order.picked', 'order.packed', 'order.shipped', 'order.cancelled', 'order.exception'],
    },
    actions: [
      {
        type: 'create_task',
        title: 'Order {{ order.number }} not picked within 24 h / 订单 {{ order.number }} 24 小时内未拣货',
        description: 'Confirmed at {{ order.confirmedAt }}, promised ship date {{ order.promisedShipDate }}, status {{ order.status }}.',
        team: 'customer_service',
        dueIn: { hours: 4 },
        priority: 'high',
      },
      { type: 'notify_customer', template: 'order.delayed', channels: [...CUSTOMER] },
    ],
  },
  {
    key: 'builtin.short-pick',
    name: 'Short pick → task for customer service, notice to the customer',
    enabled: true,
    trigger: { type: 'event', events: ['order.exception'] },
    condition: { '==': [{ var: 'event.cause' }, 'short_pick'] },
    actions: [
      {
        type: 'create_task',
        title: 'Order {{ order.number }} short-picked: decide with the customer / 订单 {{ order.number }} 拣货短缺',
        description: '{{ event.reason }}',
        team: 'customer_service',
        dueIn: { hours: 4 },
        priority: 'high',
      },
      { type: 'notify_customer', template: 'order.exception', channels: [...CUSTOMER] },
    ],
  },
  {
    key: 'builtin.stock-out',
    name: 'Stock-out (order backordered) → task for customer service, notice to the customer',
    enabled: true,
    trigger: { type: 'event', events: ['order.backordered'] },
    actions: [
      {
        type: 'create_task',
        title: 'Order {{ order.number }} is waiting for stock / 订单 {{ order.number }} 缺货等待',
        team: 'customer_service',
        dueIn: { hours: 8 },
      },
      { type: 'notify_customer', template: 'order.backordered', channels: [...CUSTOMER] },
    ],
  },
  {
    key: 'builtin.stock-low',
    name: 'Stock below safety level → task for purchasing',
    enabled: true,
    trigger: { type: 'event', events: ['stock.low'] },
    actions: [
      {
        type: 'create_task',
        title: 'Reorder {{ product.sku }} {{ product.name }}: {{ event.available }} available, safety stock {{ event.safetyStock }} / 补货',
        team: 'purchasing',
        dueIn: { days: 1 },
      },
    ],
  },
  {
    key: 'builtin.transfer-proposed',
    name: 'Transfer proposed (one warehouse short, another in surplus) → task for the warehouse',
    enabled: true,
    trigger: { type: 'event', events: ['transfer.proposed'] },
    actions: [
      {
        type: 'create_task',
        title: 'Transfer {{ event.quantity }} × {{ product.sku }} from warehouse {{ event.fromWarehouseId }} to {{ event.toWarehouseId }} / 调拨建议',
        description: 'Proposal {{ event.proposalId }} ({{ event.reason }}): accept it with POST /api/v1/transfers {"fromProposal": {{ event.proposalId }}} or dismiss it.',
        team: 'warehouse',
        dueIn: { hours: 8 },
      },
    ],
  },
  {
    key: 'builtin.delivery-failed',
    name: 'Failed delivery → task for customer service',
    enabled: true,
    trigger: { type: 'event', events: ['order.delivery_failed'] },
    actions: [
      {
        type: 'create_task',
        title: 'Delivery of order {{ order.number }} failed: contact the customer / 订单 {{ order.number }} 派送失败',
        team: 'customer_service',
        dueIn: { hours: 4 },
        priority: 'high',
      },
    ],
  },
  {
    key: 'builtin.promised-date-missed',
    name: 'Promised ship date passed without shipping → urgent task for the warehouse',
    enabled: true,
    trigger: { type: 'date', entityType: 'order', field: 'promisedShipDate', offset: {}, before: false, unless: ['order.shipped', 'order.cancelled'] },
    actions: [
      {
        type: 'create_task',
        title: 'Order {{ order.number }} missed its promised ship date {{ order.promisedShipDate }} / 订单超过承诺发货日',
        team: 'warehouse',
        dueIn: { hours: 2 },
        priority: 'urgent',
      },
    ],
  },
];

/** A customer notice from the template of the same name as the event. */
const notice = (key: string, event: string, name: string, channels: Array<'email' | 'sms' | 'in_app' | 'chat'>) => ({
  key,
  name,
  enabled: true,
  trigger: { type: 'event' as const, events: [event] },
  actions: [{ type: 'notify_customer' as const, template: event, channels }],
});

/** After-sales and storage: the customer hears of every step; exceptions land in a team's queue. */
BUILTIN_RULES.push(
  notice('builtin.return-requested-notice', 'return.requested', 'Return requested → tell the customer it is being reviewed', ['email', 'in_app']),
  notice('builtin.return-approved-notice', 'return.approved', 'Return approved → RMA number and return instructions to the customer', ['email', 'sms', 'in_app']),
  notice('builtin.return-rejected-notice', 'return.rejected', 'Return rejected → tell the customer why', ['email', 'in_app']),
  notice('builtin.return-received-notice', 'return.received', 'Return received → tell the customer it is being inspected', ['email', 'in_app']),
  {
    ...notice('builtin.return-inspected-notice', 'return.inspected', 'Return inspected (every level done) → tell the customer', ['email', 'in_app']),
    condition: { '==': [{ var: 'event.complete' }, true] },
  },
  notice('builtin.return-resolved-notice', 'return.resolved', 'Return resolved → refund, replacement, repair or compensation to the customer', ['email', 'in_app']),
  notice('builtin.refund-paid-notice', 'refund.paid', 'Refund paid → tell the customer', ['email', 'sms', 'in_app']),
  {
    key: 'builtin.return-approval-task',
    name: 'Return waiting for a manual approval → task for after-sales',
    enabled: true,
    trigger: { type: 'event', events: ['return.requested', 'return.first_approved'] },
    condition: { in: [{ var: 'event.status' }, ['requested', 'awaiting_second_approval']] },
    actions: [
      {
        type: 'create_task',
        title: 'Approve the {{ type }} request for order {{ orderNumber }} ({{ value }} {{ currency }}) / 售后审批',
        team: 'after_sales',
        dueIn: { hours: 4 },
      },
    ],
  },
  notice('builtin.storage-voucher', 'storage_deposit.checked_in', 'Items checked in → the voucher code to the customer', ['sms', 'email', 'in_app']),
  {
    key: 'builtin.storage-overdue',
    name: 'Stored item overdue → reminder to the customer, task for the storage counter',
    enabled: true,
    trigger: { type: 'event', events: ['storage_item.overdue'] },
    actions: [
      { type: 'notify_customer', template: 'storage_item.overdue', channels: ['sms', 'email', 'in_app'] },
      {
        type: 'create_task',
        title: 'Item {{ code }} ({{ description }}) of deposit {{ depositNumber }} is overdue: call {{ customer.name }} / 寄存逾期',
        team: 'warehouse',
        dueIn: { days: 1 },
      },
    ],
  },
  notice('builtin.storage-closed-notice', 'storage_deposit.closed', 'Deposit collected → thank the customer, with the fees', ['sms', 'in_app']),
);

/** Adds the built-in rules a database does not have yet (by key); leaves edited ones alone. Under the migration lock (`prepareDatabase`): two at once would both add them. */
export async function ensureBuiltinRules(tx: Tx): Promise<number> {
  const { rows } = await tx.query<{ key: string }>(`SELECT key FROM rules WHERE key LIKE 'builtin.%'`);
  const have = new Set(rows.map((r) => r.key));
  let added = 0;
  for (const rule of BUILTIN_RULES) {
    if (have.has(rule.key)) continue;
    await createRule(tx, 'system', RuleInput.parse(rule), { builtin: true });
    added++;
  }
  return added;
}
