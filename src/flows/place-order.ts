/**
 * Placing an order: catalog (SKUs and prices) + customers (who, and where to) + inventory (which
 * warehouse, and holding the stock) + orders. One transaction: the order is created pending,
 * then confirmed if every line's stock could be reserved, else backordered until it arrives.
 */
import { assertInScope, type WarehouseScope } from '../platform/auth/scope.js';
import type { Tx } from '../platform/db/client.js';
import { Conflict, Invalid, NotFound } from '../platform/http/errors.js';
import { resolveSkus, type ProductRef } from '../modules/catalog/index.js';
import { getCustomerAddress, getCustomerRef } from '../modules/customers/index.js';
import { getWarehouse, listBalances, listWarehouses } from '../modules/inventory/index.js';
import { confirmOrBackorder, getOrder, lockOrder, ORDER_EVENTS as E, recordOrderEvent, shipToOf } from '../modules/orders/index.js';
import type { NewOrder, Order, ShipCalendar, ShipTo } from '../modules/orders/index.js';

/** Far below numeric(16, 2)'s limit, and exact in a double when summed in cents. */
const MAX_TOTAL = 1_000_000_000_000;

/** `scope`: the warehouses the caller may place orders in (null: every one). */
export async function placeOrder(tx: Tx, actor: string, input: NewOrder, calendar: ShipCalendar, scope: WarehouseScope = null): Promise<Order> {
  if (input.warehouseId !== undefined) assertInScope({ warehouseIds: scope }, input.warehouseId, 'warehouseId');
  const products = await productsOf(tx, input.lines);
  const customer = await getCustomerRef(tx, input.customerId);
  if (!customer) throw new Invalid('customerId', `customer ${input.customerId} does not exist`);
  const shipTo = await shipToFor(tx, input, customer.phone);
  const warehouseId = await chooseWarehouse(tx, input, products, scope);

  if (input.externalRef) {
    const dup = (await tx.query<{ number: string }>('SELECT number FROM orders WHERE channel = $1 AND external_ref = $2', [input.channel, input.externalRef])).rows[0];
    if (dup) throw new Conflict(`${input.channel} order ${input.externalRef} is already ${dup.number}`, { field: 'externalRef', number: dup.number });
  }
  const priced = input.lines.map((l, i) => ({ ...l, product: products[i]!, unitPrice: l.unitPrice ?? products[i]!.unitPrice }));
  const totalCents = priced.reduce((n, l) => n + Math.round(l.unitPrice * 100) * l.quantity, 0);
  if (totalCents / 100 > MAX_TOTAL) throw new Invalid('lines', `the order total may not exceed ${MAX_TOTAL}`);

  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO orders (customer_id, channel, external_ref, warehouse_id, ship_to, currency, total, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [customer.id, input.channel, input.externalRef ?? null, warehouseId, JSON.stringify(shipTo), input.currency, (totalCents / 100).toFixed(2), input.note ?? null],
  );
  const orderId = rows[0]!.id;
  await tx.query(
    `INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price)
     SELECT $1, n, p, s, nm, q, u FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::numeric[]) AS t(n, p, s, nm, q, u)`,
    [
      orderId,
      priced.map((_l, i) => i + 1),
      priced.map((l) => l.product.id),
      priced.map((l) => l.product.sku),
      priced.map((l) => l.product.name),
      priced.map((l) => l.quantity),
      priced.map((l) => l.unitPrice.toFixed(2)),
    ],
  );
  const order = await lockOrder(tx, orderId);
  // Written before any reservation is tried, so the timeline reads created → confirmed | backordered.
  await recordOrderEvent(tx, actor, order, E.created, {
    channel: order.channel,
    externalRef: order.externalRef,
    warehouseId,
    currency: order.currency,
    total: order.total,
    lines: priced.map((l) => ({ sku: l.product.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
  });
  await confirmOrBackorder(tx, actor, order, calendar, 'placed');
  return getOrder(tx, orderId);
}

/** Each line's product; an unknown, inactive or repeated SKU is a 422 naming its line. */
async function productsOf(tx: Tx, lines: NewOrder['lines']): Promise<ProductRef[]> {
  const bySku = await resolveSkus(tx, lines.map((l) => l.sku));
  const firstLine = new Map<string, number>();
  return lines.map((l, i) => {
    const product = bySku.get(l.sku);
    if (!product) throw new Invalid(`lines.${i}.sku`, `unknown SKU ${l.sku}`);
    if (!product.active) throw new Invalid(`lines.${i}.sku`, `SKU ${l.sku} is not active`);
    const first = firstLine.get(product.sku);
    // One line per SKU: picks, pack scans and reservations then name a line by its product.
    if (first !== undefined) throw new Invalid(`lines.${i}.sku`, `SKU ${l.sku} is already on line ${first}; order it once with the total quantity`);
    firstLine.set(product.sku, i);
    return product;
  });
}

async function shipToFor(tx: Tx, input: NewOrder, customerPhone: string | null): Promise<ShipTo> {
  if (input.shipTo) {
    const s = input.shipTo;
    return shipToOf({ ...s, phone: s.phone ?? customerPhone, province: s.province ?? null, city: s.city ?? null, district: s.district ?? null, line2: s.line2 ?? null, postalCode: s.postalCode ?? null });
  }
  const address = await getCustomerAddress(tx, input.customerId, input.addressId);
  if (!address) {
    throw input.addressId !== undefined
      ? new Invalid('addressId', `customer ${input.customerId} has no address ${input.addressId}`)
      : new Invalid('shipTo', `customer ${input.customerId} has no default address; give shipTo`);
  }
  return shipToOf({ ...address, phone: address.phone ?? customerPhone });
}

/** The requested warehouse; else the first active one in scope with every line in stock; else the first active one in scope. */
async function chooseWarehouse(tx: Tx, input: NewOrder, products: ProductRef[], scope: WarehouseScope): Promise<number> {
  if (input.warehouseId !== undefined) {
    const w = await getWarehouse(tx, input.warehouseId).catch((err: unknown) => {
      if (err instanceof NotFound) return undefined;
      throw err;
    });
    if (!w) throw new Invalid('warehouseId', `warehouse ${input.warehouseId} does not exist`);
    if (!w.active) throw new Invalid('warehouseId', `warehouse ${w.code} is not active`);
    return w.id;
  }
  const active = (await listWarehouses(tx, scope)).filter((w) => w.active);
  if (active.length === 0) throw new Conflict('there is no active warehouse to fulfil orders from', { currentState: 'no_warehouse' });
  const balances = await listBalances(tx, { productIds: products.map((p) => p.id), warehouseIds: scope });
  const covering = active.find((w) =>
    input.lines.every((l, i) => {
      const b = balances.find((x) => x.warehouseId === w.id && x.productId === products[i]!.id);
      return b !== undefined && b.available >= l.quantity;
    }),
  );
  return (covering ?? active[0]!).id;
}
