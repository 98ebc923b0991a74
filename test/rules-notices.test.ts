/**
 * The built-in rules for after-sales and storage: every step reaches the customer in their
 * language, and exceptions land in a team's queue. Rendered through the real templates.
 */
import { describe, expect, it } from 'vitest';
import { runAutomationOnce } from '../src/modules/automation/worker.js';
import { raiseStorageAlerts } from '../src/modules/storage/alerts.js';
import { shippedOrder } from './returns.fixtures.js';
import { checkIn, ok, SIGNATURE, storageWorld } from './storage.fixtures.js';
import { useTestContext } from './support/context.js';

const ctx = await useTestContext();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the rules until every committed event is handled. */
async function run(): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await runAutomationOnce(ctx.db, { timeZone: 'Asia/Shanghai' });
    const { rows } = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events e, consumer_cursors c WHERE c.name = 'automation' AND (e.tx_id, e.id) > (c.tx_id, c.event_id)`,
    );
    if (rows[0]!.n === 0) return;
    await sleep(20);
  }
  throw new Error('the rules engine did not catch up');
}

async function notices(customerId: number) {
  const res = await ctx.api.get(`/api/v1/notifications?customerId=${customerId}&limit=200`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{ templateKey: string; channel: string; status: string; subject: string | null; body: string }>;
}

describe('after-sales notices', () => {
  it('tells the customer each step of a return, with the RMA and the instructions', async () => {
    const { order, products } = await shippedOrder(ctx.api, [{ price: 40, quantity: 1 }]);
    await run();
    const created = await ok(ctx.api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: products[0]!.sku, quantity: 1 }] }));
    expect(created.status).toBe('approved');
    await run();
    const sent = (await notices(order.customerId)).filter((d) => d.templateKey.startsWith('return.'));
    expect(sent.map((d) => `${d.templateKey}/${d.channel}`).sort()).toEqual([
      'return.approved/email',
      'return.approved/in_app',
      'return.approved/sms',
      'return.requested/email',
      'return.requested/in_app',
    ]);
    const email = sent.find((d) => d.templateKey === 'return.approved' && d.channel === 'email')!;
    // The fixture customer's locale is the default, zh-CN.
    expect(email.subject).toContain(created.rmaNumber);
    expect(email.body).toContain(created.instructions.zh);
    const sms = sent.find((d) => d.channel === 'sms')!;
    expect(sms.body).toContain(created.rmaNumber);
    expect(sms.body).toContain(order.number);
  });

  it('asks after-sales to approve a request above the automatic limit', async () => {
    const { order, products } = await shippedOrder(ctx.api, [{ price: 900, quantity: 1 }]);
    const created = await ok(ctx.api.post('/api/v1/returns', { orderId: order.id, type: 'return', reasonCode: 'changed_mind', lines: [{ sku: products[0]!.sku, quantity: 1 }] }));
    expect(created.status).toBe('requested');
    await run();
    const tasks = await ctx.api.get(`/api/v1/tasks?team=after_sales&entityType=return&entityId=${created.id}`);
    expect(tasks.body.items.map((t: any) => t.title)).toEqual([expect.stringContaining(order.number)]);
  });
});

describe('storage notices', () => {
  it('sends the voucher at check-in without writing it to the log, reminds when overdue, thanks at collection', async () => {
    const world = await storageWorld(ctx.api);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const deposit = await checkIn(ctx.api, world, { expectedPickupAt: tomorrow });
    await run();
    const customerId = deposit.customer.id;
    const voucher = (await notices(customerId)).filter((d) => d.templateKey === 'storage_deposit.checked_in');
    expect(voucher.map((d) => d.channel).sort()).toEqual(['email', 'in_app', 'sms']);
    // The log keeps it masked (test/secrets.test.ts follows it to the SMS itself).
    expect(voucher.find((d) => d.channel === 'sms')!.body).toContain(`••••${deposit.voucherCode.slice(-2)}`);
    expect(JSON.stringify(voucher)).not.toContain(deposit.voucherCode);
    // A walk-in with only a phone: the e-mail is logged as skipped, not lost silently.
    expect(voucher.find((d) => d.channel === 'email')!.status).toBe('skipped_no_recipient');
    const log = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE payload::text LIKE $1`, [`%${deposit.voucherCode}%`]);
    expect(log.rows[0]!.n).toBe(0);

    expect(await raiseStorageAlerts(ctx.db, new Date(Date.now() + 3 * 86_400_000))).toBeGreaterThan(0);
    await run();
    const item = deposit.items[0];
    const overdue = (await notices(customerId)).filter((d) => d.templateKey === 'storage_item.overdue');
    expect(overdue.find((d) => d.channel === 'sms')!.body).toContain(item.code);
    const tasks = await ctx.api.get(`/api/v1/tasks?team=warehouse&entityType=storage_item&entityId=${item.code}`);
    expect(tasks.body.items.map((t: any) => t.title)).toEqual([expect.stringContaining(`Item ${item.code}`)]);

    await ok(ctx.api.post('/api/v1/storage/check-outs', { voucherCode: deposit.voucherCode, itemCodes: [item.code], receivedBy: 'Zhang Min', signature: SIGNATURE }));
    await run();
    const closed = (await notices(customerId)).filter((d) => d.templateKey === 'storage_deposit.closed');
    expect(closed.map((d) => d.channel).sort()).toEqual(['in_app', 'sms']);
    expect(closed.find((d) => d.channel === 'in_app')!.body).toContain(deposit.depositNumber);
  });
});
