/**
 * Importing open orders from a spreadsheet: one row per order line; the rows with the same channel
 * and external number are one order (its customer, warehouse and ship-to on its first row, later
 * rows may repeat them but not change them). Each order is placed as intake places it: created,
 * then confirmed with its stock reserved and a promised ship date, or backordered — all or nothing
 * per order, in file order, against the stock as it is when the import commits. Warehouse: the
 * row's, else the first active one holding every line (before this file's own reservations), else
 * the first active one. Ship-to: the row's address, else the customer's default address.
 *
 * An order whose channel and external number already exist is skipped, so the file can be sent again.
 */
import { z } from 'zod';
import type { WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/client.js';
import { Conflict } from '../../platform/http/errors.js';
import { appendEvents } from '../../platform/imports/bulk-events.js';
import { cell, inBatches, rowSchema, stagedRows, type ImportKind } from '../../platform/imports/kind.js';
import { resolveSkus, type ProductRef } from '../catalog/index.js';
import { findCustomersByKeys, getDefaultAddresses, type CustomerRef } from '../customers/index.js';
import { availableByWarehouse, listWarehouses, lockAvailability, pairKey, reserveBatch } from '../inventory/index.js';
import { shipToOf } from './address.js';
import { ORDER_CHANNELS, ORDER_EVENTS as E, type OrderEventType } from './events.js';
import { RESERVATION_REF_TYPE, type Missing } from './holds.js';
import { ShipToInput, type ShipTo } from './orders.schema.js';
import { promisedShipDate } from './promised-date.js';

type Header = {
  channel: string;
  externalRef: string;
  customerCode: string | null;
  customerPhone: string | null;
  warehouse: string | null;
  currency: string;
  note: string | null;
  shipTo: z.output<typeof ShipToInput> | null;
};
type OrderRow = { header: Header; sku: string; quantity: number; unitPrice: number | null };

const COLUMNS = [
  { field: 'externalRef', headers: ['external_number', '外部单号', 'external_ref', '平台单号', 'order_number'], required: true, example: 'TM20260301001', note: "the channel's order number; rows with the same number are one order" },
  { field: 'channel', headers: ['channel', '渠道', '平台'], example: 'tmall', note: `${ORDER_CHANNELS.join(', ')} (or 天猫, 淘宝, 京东, …); other when empty` },
  { field: 'customerCode', headers: ['customer_code', '客户编码'], example: 'C-SH-0001', note: 'the customer code or phone is required' },
  { field: 'customerPhone', headers: ['customer_phone', '客户电话'], example: '13800138000' },
  { field: 'warehouse', headers: ['warehouse', '仓库编码', '发货仓'], example: 'SH01', note: 'empty: the first active warehouse holding every line' },
  { field: 'sku', headers: ['sku', '商品编码', 'SKU编码', '货号'], required: true, example: 'TEA-LJ-250' },
  { field: 'quantity', headers: ['quantity', '数量'], required: true, example: '2' },
  { field: 'unitPrice', headers: ['unit_price', '单价', 'price', '成交价'], example: '168.00', note: "the catalog's price when empty" },
  { field: 'currency', headers: ['currency', '币种'], example: 'CNY' },
  { field: 'note', headers: ['note', '备注'], example: '' },
  { field: 'recipientName', headers: ['recipient', '收件人', 'recipient_name'], example: '王小明', note: "empty address columns: the customer's default address" },
  { field: 'recipientPhone', headers: ['recipient_phone', '收件电话', '收件人电话'], example: '13800138000' },
  { field: 'country', headers: ['country', '国家'], example: 'CN' },
  { field: 'province', headers: ['province', '省份', '省'], example: '上海市' },
  { field: 'city', headers: ['city', '城市', '市'], example: '上海市' },
  { field: 'district', headers: ['district', '区县', '区'], example: '浦东新区' },
  { field: 'line1', headers: ['address', '详细地址', 'address_line1', '地址'], example: '世纪大道 100 号' },
  { field: 'line2', headers: ['address_line2', '地址2'], example: '' },
  { field: 'postalCode', headers: ['postal_code', '邮编'], example: '200120' },
] as const;

const CHANNEL_WORDS: Record<string, string> = { 天猫: 'tmall', 淘宝: 'taobao', 京东: 'jd', 拼多多: 'pinduoduo', 抖音: 'douyin', 微信: 'wechat', 电话: 'phone', 门店: 'store', 其他: 'other' };
const SHIP_TO_FIELD: Record<string, string> = { phone: 'recipientPhone' };
const SHIP_TO_COLUMNS = ['recipientName', 'recipientPhone', 'province', 'city', 'district', 'line1', 'line2', 'postalCode'];
const MAX_LINES = 200;
/** Far below numeric(16, 2)'s limit, as in place-order. */
const MAX_TOTAL_CENTS = 100_000_000_000_000;

// Built once: a Zod schema is compiled on its first use, so one built per row costs milliseconds.
const Ref = cell.text(64);
const Currency = z.string().regex(/^[A-Za-z]{3}$/, 'currency is an ISO 4217 code such as CNY').transform((c) => c.toUpperCase());
const Sku = cell.text(64).regex(/^[A-Za-z0-9._-]{1,64}$/, 'SKU is 1 to 64 letters, digits, "-", "_" or "."');
const Quantity = cell.int(1, 1_000_000);
const Price = cell.amount(10_000_000);
const Note = cell.text(2000);

const row = rowSchema<OrderRow>((cells, r) => {
  const channel = cells.channel === undefined ? 'other' : (CHANNEL_WORDS[cells.channel] ?? cells.channel.toLowerCase());
  if (!(ORDER_CHANNELS as readonly string[]).includes(channel)) r.fail('channel', `channel is one of ${ORDER_CHANNELS.join(', ')}`);
  const externalRef = r.get('externalRef', Ref);
  const currency = r.get('currency', Currency) ?? 'CNY';
  const sku = r.get('sku', Sku);
  const quantity = r.get('quantity', Quantity);
  const unitPrice = r.get('unitPrice', Price) ?? null;
  const note = r.get('note', Note) ?? null;
  const customerCode = cells.customerCode ?? null;
  const customerPhone = cells.customerPhone ?? null;
  if (!customerCode && !customerPhone) r.fail('customerCode', 'give the customer code or phone');
  let shipTo: Header['shipTo'] = null;
  if (SHIP_TO_COLUMNS.some((f) => cells[f] !== undefined)) {
    shipTo =
      r.check(
        ShipToInput,
        {
          recipientName: cells.recipientName,
          phone: cells.recipientPhone,
          country: cells.country ?? 'CN',
          province: cells.province,
          city: cells.city,
          district: cells.district,
          line1: cells.line1,
          line2: cells.line2,
          postalCode: cells.postalCode,
        },
        (path) => SHIP_TO_FIELD[String(path[0])] ?? String(path[0] ?? 'line1'),
      ) ?? null;
  }
  if (externalRef === undefined || sku === undefined || quantity === undefined) return undefined;
  return {
    header: { channel, externalRef, customerCode, customerPhone, warehouse: cells.warehouse?.toUpperCase() ?? null, currency, note, shipTo },
    sku,
    quantity,
    unitPrice,
  };
});

const refOf = (h: Pick<Header, 'channel' | 'externalRef'>) => `${h.channel}:${h.externalRef}`;

type Order = { ref: string; header: Header; firstRow: number; lines: Array<{ row: number; sku: string; quantity: number; unitPrice: number | null }> };

function ordersOf(staged: Array<{ row: number; data: OrderRow }>): Order[] {
  const orders = new Map<string, Order>();
  for (const { row, data } of staged) {
    const ref = refOf(data.header);
    const order = orders.get(ref) ?? { ref, header: data.header, firstRow: row, lines: [] };
    order.lines.push({ row, sku: data.sku, quantity: data.quantity, unitPrice: data.unitPrice });
    orders.set(ref, order);
  }
  return [...orders.values()];
}

type Placed = Order & { customer: CustomerRef; shipTo: ShipTo; products: ProductRef[]; warehouseId: number | null };
type Refusal = { row: number; field: string; message: string };

/** The orders the file adds (those not there yet), with what they refer to resolved, or why the database refuses them. */
/**
 * What the database refuses and the orders to place. `scope`: the importer's warehouses (null:
 * every one); an order for a warehouse outside them is a row error, and an order that names none
 * ships from one of theirs.
 */
async function resolve(q: Queryable, staged: Array<{ row: number; data: OrderRow }>, scope: WarehouseScope): Promise<{ errors: Refusal[]; placed: Placed[]; skipped: number }> {
  const orders = ordersOf(staged);
  const products = await resolveSkus(q, staged.map((s) => s.data.sku));
  const customers = await findCustomersByKeys(q, {
    codes: orders.flatMap((o) => (o.header.customerCode ? [o.header.customerCode] : [])),
    phones: orders.flatMap((o) => (!o.header.customerCode && o.header.customerPhone ? [o.header.customerPhone] : [])),
  });
  const warehouses = await listWarehouses(q);
  const usable = warehouses.filter((w) => w.active && (scope === null || scope.includes(w.id)));
  const { rows: existing } = await q.query<{ ref: string }>(
    `SELECT channel || ':' || external_ref AS ref FROM orders WHERE (channel, external_ref) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [orders.map((o) => o.header.channel), orders.map((o) => o.header.externalRef)],
  );
  const known = new Set(existing.map((e) => e.ref));
  const fresh = orders.filter((o) => !known.has(o.ref));

  const errors: Refusal[] = [];
  const found: Array<Omit<Placed, 'shipTo'> & { shipTo: ShipTo | null }> = [];
  for (const o of fresh) {
    const h = o.header;
    let customer: CustomerRef | undefined;
    if (h.customerCode) {
      customer = customers.byCode.get(h.customerCode);
      if (!customer) errors.push({ row: o.firstRow, field: 'customerCode', message: `unknown customer ${h.customerCode}` });
    } else {
      const matches = customers.byPhone.get(h.customerPhone!) ?? [];
      if (matches.length === 0) errors.push({ row: o.firstRow, field: 'customerPhone', message: `no customer has the phone ${h.customerPhone}` });
      if (matches.length > 1) errors.push({ row: o.firstRow, field: 'customerPhone', message: `${matches.length} customers have the phone ${h.customerPhone}; give the customer code` });
      if (matches.length === 1) customer = matches[0];
    }
    let warehouseId: number | null = null;
    if (h.warehouse) {
      const w = warehouses.find((x) => x.code === h.warehouse);
      if (!w) errors.push({ row: o.firstRow, field: 'warehouse', message: `unknown warehouse ${h.warehouse}` });
      else if (!w.active) errors.push({ row: o.firstRow, field: 'warehouse', message: `warehouse ${w.code} is not active` });
      else if (scope !== null && !scope.includes(w.id)) errors.push({ row: o.firstRow, field: 'warehouse', message: `warehouse ${w.code} is outside the warehouses you may work in` });
      else warehouseId = w.id;
    } else if (usable.length === 0) {
      errors.push({ row: o.firstRow, field: 'warehouse', message: scope === null ? 'there is no active warehouse to fulfil orders from' : 'none of the warehouses you may work in is active' });
    }
    const lineProducts: ProductRef[] = [];
    for (const l of o.lines) {
      const p = products.get(l.sku);
      if (!p) errors.push({ row: l.row, field: 'sku', message: `unknown SKU ${l.sku}` });
      else if (!p.active) errors.push({ row: l.row, field: 'sku', message: `SKU ${l.sku} is not active` });
      else lineProducts.push(p);
    }
    const cents = o.lines.reduce((n, l, i) => n + Math.round((l.unitPrice ?? lineProducts[i]?.unitPrice ?? 0) * 100) * l.quantity, 0);
    if (cents > MAX_TOTAL_CENTS) errors.push({ row: o.firstRow, field: 'quantity', message: 'the order total is too large' });
    if (customer && lineProducts.length === o.lines.length) {
      found.push({ ...o, customer, products: lineProducts, warehouseId, shipTo: h.shipTo ? shipToOf({ ...h.shipTo, phone: h.shipTo.phone ?? customer.phone, province: h.shipTo.province ?? null, city: h.shipTo.city ?? null, district: h.shipTo.district ?? null, line2: h.shipTo.line2 ?? null, postalCode: h.shipTo.postalCode ?? null }) : null });
    }
  }
  const addresses = await getDefaultAddresses(q, found.filter((o) => !o.shipTo).map((o) => o.customer.id));
  const placed: Placed[] = [];
  for (const o of found) {
    const address = addresses.get(o.customer.id);
    if (o.shipTo) placed.push({ ...o, shipTo: o.shipTo });
    else if (address) placed.push({ ...o, shipTo: shipToOf({ ...address, phone: address.phone ?? o.customer.phone }) });
    else errors.push({ row: o.firstRow, field: 'line1', message: `customer ${o.customer.code} has no default address; give the ship-to address` });
  }
  return { errors: errors.sort((a, b) => a.row - b.row), placed, skipped: orders.length - fresh.length };
}

type Need = { productId: number; sku: string; quantity: number };

/** The warehouse an order without one ships from: the first active one holding every line, else the first active one. */
export function chooseWarehouse(lines: readonly Need[], active: readonly number[], available: ReadonlyMap<string, number>): number {
  return active.find((w) => lines.every((l) => (available.get(pairKey({ productId: l.productId, warehouseId: w })) ?? 0) >= l.quantity)) ?? active[0]!;
}

/**
 * Whether each order is confirmed: a plain function over the locked available stock, in file
 * order, each order all or nothing — what placing them one by one does. `available` is taken down
 * by what each confirmed order holds.
 */
export function decideOrders(orders: ReadonlyArray<{ warehouseId: number; lines: readonly Need[] }>, available: Map<string, number>): Array<{ confirmed: boolean; missing: Missing[] }> {
  return orders.map((o) => {
    const key = (l: Need) => pairKey({ productId: l.productId, warehouseId: o.warehouseId });
    const missing = o.lines.map((l) => ({ sku: l.sku, needed: l.quantity, available: available.get(key(l)) ?? 0 })).filter((m) => m.available < m.needed);
    if (missing.length === 0) for (const l of o.lines) available.set(key(l), available.get(key(l))! - l.quantity);
    return { confirmed: missing.length === 0, missing };
  });
}

export const orderImport: ImportKind<OrderRow> = {
  name: 'orders',
  title: { en: 'Open orders', 'zh-CN': '未完成订单' },
  permission: 'orders.write',
  columns: COLUMNS,
  row,

  fileChecker() {
    const orders = new Map<string, { row: number; header: Header; skus: Set<string>; lines: number }>();
    const same = (a: Header, b: Header) =>
      (['customerCode', 'customerPhone', 'warehouse', 'currency', 'note'] as const).filter((f) => b[f] !== null && b[f] !== a[f] && !(f === 'currency' && b[f] === 'CNY'));
    return (o, rowNumber) => {
      const ref = refOf(o.header);
      const first = orders.get(ref);
      if (!first) {
        orders.set(ref, { row: rowNumber, header: o.header, skus: new Set([o.sku]), lines: 1 });
        return [];
      }
      const errors: Array<{ field: string; message: string }> = same(first.header, o.header).map((f) => ({ field: f, message: `differs from row ${first.row}, the order's first row` }));
      if (o.header.shipTo && JSON.stringify(o.header.shipTo) !== JSON.stringify(first.header.shipTo)) errors.push({ field: 'line1', message: `the ship-to differs from row ${first.row}, the order's first row` });
      if (first.skus.has(o.sku)) errors.push({ field: 'sku', message: `SKU ${o.sku} is already a line of this order; order it once with the total quantity` });
      if (++first.lines > MAX_LINES) errors.push({ field: 'sku', message: `an order has at most ${MAX_LINES} lines` });
      first.skus.add(o.sku);
      return errors;
    };
  },

  async check({ q, jobId, scope }) {
    return (await resolve(q, await stagedRows<OrderRow>(q, jobId), scope)).errors;
  },

  async apply({ tx, jobId, actor, config, scope }) {
    const { errors, placed, skipped } = await resolve(tx, await stagedRows<OrderRow>(tx, jobId), scope);
    if (errors[0]) throw new Conflict(`row ${errors[0].row}: ${errors[0].message} (found when checked again at commit)`, { field: errors[0].field });
    const active = (await listWarehouses(tx)).filter((w) => w.active && (scope === null || scope.includes(w.id))).map((w) => w.id);
    const withIds = placed.map((o) => ({ ...o, lines: o.lines.map((l, i) => ({ ...l, productId: o.products[i]!.id, product: o.products[i]! })) }));
    const atStart = await availableByWarehouse(tx, withIds.flatMap((o) => o.lines.map((l) => l.productId)));
    // Lock what each order could take, then decide in file order from the locked figures.
    const chosen = withIds.map((o) => o.warehouseId ?? chooseWarehouse(o.lines, active, atStart));
    const locked = await lockAvailability(tx, withIds.flatMap((o, i) => o.lines.map((l) => ({ productId: l.productId, warehouseId: chosen[i]! }))));
    const decisions = decideOrders(withIds.map((o, i) => ({ warehouseId: chosen[i]!, lines: o.lines })), locked).map((d, i) => ({ ...d, warehouseId: chosen[i]! }));

    const now = new Date();
    const promised = promisedShipDate(now, { cutoff: config.shipCutoff, workingDays: config.workingDays, timeZone: config.timeZone });
    const priced = withIds.map((o) => o.lines.map((l) => ({ ...l, unitPrice: l.unitPrice ?? l.product.unitPrice })));
    const totals = priced.map((lines) => lines.reduce((n, l) => n + Math.round(l.unitPrice * 100) * l.quantity, 0) / 100);
    // A batch of orders per statement (see applyBatch), in file order.
    const created: Array<{ id: number; number: string; ref: string }> = [];
    await inBatches(withIds.map((_o, i) => i), async (batch) => {
      const { rows } = await tx.query<{ id: number; number: string; ref: string }>(
        `INSERT INTO orders (customer_id, channel, external_ref, warehouse_id, ship_to, currency, total, note, status, confirmed_at, promised_ship_date)
         SELECT c, ch, x, w, s::jsonb, cur, t, n, st, CASE WHEN st = 'confirmed' THEN $11::timestamptz END, CASE WHEN st = 'confirmed' THEN $12::date END
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::text[], $10::int[])
             AS u(c, ch, x, w, s, cur, t, n, st, i) ORDER BY i
         RETURNING id, number, channel || ':' || external_ref AS ref`,
        [
          batch.map((i) => withIds[i]!.customer.id),
          batch.map((i) => withIds[i]!.header.channel),
          batch.map((i) => withIds[i]!.header.externalRef),
          batch.map((i) => decisions[i]!.warehouseId),
          batch.map((i) => JSON.stringify(withIds[i]!.shipTo)),
          batch.map((i) => withIds[i]!.header.currency),
          batch.map((i) => totals[i]!.toFixed(2)),
          batch.map((i) => withIds[i]!.header.note),
          batch.map((i) => (decisions[i]!.confirmed ? 'confirmed' : 'backordered')),
          batch,
          now.toISOString(),
          promised,
        ],
      );
      created.push(...rows);
    });
    const orderOf = new Map(created.map((c) => [c.ref, c]));
    const lines = withIds.flatMap((o, i) => priced[i]!.map((l, n) => ({ order: orderOf.get(o.ref)!, lineNo: n + 1, ...l, confirmed: decisions[i]!.confirmed, warehouseId: decisions[i]!.warehouseId })));
    const lineIds: Array<{ id: number; orderId: number; lineNo: number }> = [];
    await inBatches(lines, async (batch) => {
      const { rows } = await tx.query<{ id: number; orderId: number; lineNo: number }>(
        `INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::numeric[])
         RETURNING id, order_id AS "orderId", line_no AS "lineNo"`,
        [
          batch.map((l) => l.order.id),
          batch.map((l) => l.lineNo),
          batch.map((l) => l.productId),
          batch.map((l) => l.product.sku),
          batch.map((l) => l.product.name),
          batch.map((l) => l.quantity),
          batch.map((l) => l.unitPrice.toFixed(2)),
        ],
      );
      lineIds.push(...rows);
    });
    const lineIdOf = new Map(lineIds.map((l) => [`${l.orderId} ${l.lineNo}`, l.id]));

    const orderEvent = (type: OrderEventType, o: (typeof withIds)[number], payload: Record<string, unknown>) => {
      const c = orderOf.get(o.ref)!;
      return { type, entityType: 'order', entityId: c.id, customerId: o.customer.id, payload: { number: c.number, ...payload } };
    };
    await appendEvents(
      tx,
      actor,
      withIds.map((o, i) =>
        orderEvent(E.created, o, {
          channel: o.header.channel,
          externalRef: o.header.externalRef,
          warehouseId: decisions[i]!.warehouseId,
          currency: o.header.currency,
          total: totals[i],
          lines: priced[i]!.map((l) => ({ sku: l.product.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
        }),
      ),
    );
    const holds = lines
      .filter((l) => l.confirmed)
      .map((l) => ({ lineId: lineIdOf.get(`${l.order.id} ${l.lineNo}`)!, productId: l.productId, warehouseId: l.warehouseId, quantity: l.quantity }));
    const reservationOf = await reserveBatch(tx, actor, holds.map((h) => ({ ...h, refType: RESERVATION_REF_TYPE, refId: String(h.lineId) })));
    await inBatches(holds, (batch) =>
      tx.query(`INSERT INTO order_line_reservations (reservation_id, order_line_id, ref_id) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])`, [
        batch.map((h) => reservationOf.get(String(h.lineId))),
        batch.map((h) => h.lineId),
        batch.map((h) => String(h.lineId)),
      ]),
    );
    await appendEvents(
      tx,
      actor,
      withIds.map((o, i) => {
        const d = decisions[i]!;
        return d.confirmed
          ? orderEvent(E.confirmed, o, { warehouseId: d.warehouseId, promisedShipDate: promised, trigger: 'placed' })
          : orderEvent(E.backordered, o, { warehouseId: d.warehouseId, missing: d.missing });
      }),
    );
    const confirmed = decisions.filter((d) => d.confirmed).length;
    return { created: { orders: created.length, lines: lines.length, confirmed, backordered: created.length - confirmed }, skipped: { orders: skipped } };
  },
};
