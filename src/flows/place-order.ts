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
import { confirmOrBackorder, createOrder, getOrder, shipToOf } from '../modules/orders/index.js';
import type { NewOrder, Order, ShipCalendar, ShipTo } from '../modules/orders/index.js';

/** `scope`: the warehouses the caller may place orders in (null: every one). */
export async function placeOrder(tx: Tx, actor: string, input: NewOrder, calendar: ShipCalendar, scope: WarehouseScope = null): Promise<Order> {
  if (input.warehouseId !== undefined) assertInScope({ warehouseIds: scope }, input.warehouseId, 'warehouseId');
  const products = await productsOf(tx, input.lines);
  const customer = await getCustomerRef(tx, input.customerId);
  if (!customer) throw new Invalid('customerId', `customer ${input.customerId} does not exist`);
  const shipTo = await shipToFor(tx, input, customer.phone);
  const warehouseId = await chooseWarehouse(tx, input, products, scope);

  const order = await createOrder(tx, actor, {
    customerId: customer.id,
    channel: input.channel,
    externalRef: input.externalRef ?? null,
    warehouseId,
    shipTo,
    currency: input.currency,
    note: input.note ?? null,
    lines: input.lines.map((l, i) => ({ productId: products[i]!.id, sku: products[i]!.sku, name: products[i]!.name, quantity: l.quantity, unitPrice: l.unitPrice ?? products[i]!.unitPrice })),
  });
  await confirmOrBackorder(tx, actor, order, calendar, 'placed');
  return getOrder(tx, order.id);
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
