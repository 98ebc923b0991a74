/**
 * The demo's orders, each driven through the API to the status it is to show: confirmed,
 * backordered, picking, picked, packed, shipped (manual carrier, some already in transit),
 * delivered (by the carrier's tracking events or by hand), cancelled, and exceptions (short
 * picks and interceptions). An order can only be placed confirmed or backordered, so the demo
 * has no pending order.
 */
import type { SeedApi } from './api.js';
import type { DemoCustomer } from './customers.js';
import type { DemoProduct } from './products.js';
import type { Random } from './random.js';
import type { DemoStock } from './stock.js';
import type { DemoWarehouse } from './warehouses.js';

type Status = 'confirmed' | 'backordered' | 'picking' | 'picked' | 'packed' | 'shipped' | 'delivered' | 'cancelled' | 'exception';
type Line = { sku: string; quantity: number };
type Order = { id: number; number: string; status: Status; warehouseId: number; shipTo: { city: string | null; district: string | null } };
type PickItem = { sku: string; locationCode: string; lot: string; quantity: number; status: 'open' | 'picked' };
type PickList = { items: PickItem[]; unallocated: Array<{ sku: string; quantity: number }> };

/** How an order gets to where the demo shows it. */
type Story =
  | { to: 'confirmed'; addressChange?: boolean }
  | { to: 'backordered'; waitingFor: 'out_of_stock' | 'quarantine' }
  | { to: 'picking'; partly?: boolean }
  | { to: 'picked' }
  | { to: 'packed' }
  | { to: 'shipped'; tracking: Array<'in_transit' | 'out_for_delivery'> }
  | { to: 'delivered'; by: 'carrier' | 'hand' }
  | { to: 'cancelled'; from: 'confirmed' | 'backordered' | 'picking'; reason: string }
  | { to: 'exception'; cause: 'short_pick' | 'intercept_confirmed' | 'intercept_picking' };

// Oldest first: the orders placed earliest are the furthest along, as in a real warehouse.
const STORIES: Story[] = [
  ...Array.from({ length: 4 }, () => ({ to: 'delivered', by: 'carrier' }) as const),
  { to: 'delivered', by: 'hand' },
  { to: 'delivered', by: 'carrier' },
  { to: 'shipped', tracking: ['in_transit', 'out_for_delivery'] },
  { to: 'shipped', tracking: ['in_transit'] },
  { to: 'shipped', tracking: ['in_transit'] },
  { to: 'shipped', tracking: [] },
  { to: 'shipped', tracking: [] },
  { to: 'cancelled', from: 'confirmed', reason: '客户取消：重复下单 Duplicate order' },
  { to: 'exception', cause: 'short_pick' },
  ...Array.from({ length: 4 }, () => ({ to: 'packed' }) as const),
  { to: 'cancelled', from: 'picking', reason: '支付风控未通过 Payment failed the fraud check' },
  { to: 'exception', cause: 'intercept_picking' },
  ...Array.from({ length: 4 }, () => ({ to: 'picked' }) as const),
  { to: 'exception', cause: 'short_pick' },
  { to: 'picking' },
  { to: 'picking', partly: true },
  { to: 'picking' },
  { to: 'picking', partly: true },
  { to: 'cancelled', from: 'backordered', reason: '缺货，客户不愿等待 Out of stock; customer would not wait' },
  { to: 'exception', cause: 'intercept_confirmed' },
  { to: 'cancelled', from: 'confirmed', reason: 'Customer changed their mind before picking' },
  ...Array.from({ length: 5 }, () => ({ to: 'confirmed' }) as const),
  { to: 'confirmed', addressChange: true },
  { to: 'backordered', waitingFor: 'out_of_stock' },
  { to: 'backordered', waitingFor: 'out_of_stock' },
  { to: 'backordered', waitingFor: 'quarantine' },
  { to: 'backordered', waitingFor: 'out_of_stock' },
];

const CHANNELS = ['web', 'tmall', 'jd', 'wechat', 'phone'] as const;
const SOUTH = new Set(['广东省', '福建省', '四川省', '湖北省', '湖南省', '重庆市']);
const COURIERS = [
  { service: '顺丰标快 SF Express', prefix: 'SF', base: 1_400_012_345_000 },
  { service: '中通快递 ZTO Express', prefix: '', base: 73_100_012_340_000 },
  { service: '京东快递 JD Logistics', prefix: 'JDVA', base: 20_512_345_000 },
] as const;
const NOTES = ['请用礼品包装，不要放发票。Gift wrap, no invoice in the parcel.', '工作日白天送货，前台代收。', 'Call before delivery, please.'];

export async function seedOrders(
  api: SeedApi,
  random: Random,
  world: { warehouses: DemoWarehouse[]; products: DemoProduct[]; customers: DemoCustomer[]; stock: DemoStock },
): Promise<Record<Status, number>> {
  const eanOf = new Map(world.products.map((p) => [p.sku, p.ean]));
  const bySku = new Map(world.products.map((p) => [p.sku, p]));
  const scan = (sku: string) => eanOf.get(sku) ?? sku;
  const counts = Object.fromEntries(STORIES.map((s) => [s.to, 0])) as Record<Status, number>;
  let shipments = 0;

  const expect = (order: Order, status: Status, what: string) => {
    if (order.status !== status) throw new Error(`demo seed: ${what} left ${order.number} ${order.status}, expected ${status}`);
    return order;
  };
  const act = async (order: Order, action: string, body?: object) => api.post<Order>(`/api/v1/orders/${order.id}/${action}`, body);

  const pickList = (order: Order) => api.post<PickList>(`/api/v1/orders/${order.id}/pick-list`);
  const pick = (order: Order, item: PickItem) =>
    api.post<PickList>(`/api/v1/orders/${order.id}/picks`, { locationCode: item.locationCode, code: scan(item.sku), quantity: item.quantity, lot: item.lot });
  // Units picked for an order that was then stopped wait, unreserved, at the dock: back to the shelf.
  const putBack = (order: Order, item: PickItem) =>
    api.post('/api/v1/stock/moves', {
      sku: item.sku,
      warehouseId: order.warehouseId,
      fromLocationCode: world.warehouses.find((w) => w.id === order.warehouseId)!.shipping,
      toLocationCode: item.locationCode,
      quantity: item.quantity,
      lot: item.lot,
      reference: `RETURN-TO-STOCK ${order.number}`,
    });
  const pickAll = async (order: Order, list: PickList) => {
    if (list.unallocated.length) throw new Error(`demo seed: ${order.number} has unallocated units ${JSON.stringify(list.unallocated)}`);
    for (const item of list.items.filter((i) => i.status === 'open')) await pick(order, item);
  };
  const pack = (order: Order, lines: Line[]) => {
    const items = lines.map((l) => ({ ...l, p: bySku.get(l.sku)! }));
    return act(order, 'pack', {
      scans: lines.map((l) => ({ code: scan(l.sku), quantity: l.quantity })),
      parcel: {
        weightG: 150 + items.reduce((g, i) => g + i.p.weightG * i.quantity, 0),
        lengthMm: Math.min(10_000, 20 + Math.max(...items.map((i) => i.p.lengthMm))),
        widthMm: Math.min(10_000, 20 + Math.max(...items.map((i) => i.p.widthMm))),
        heightMm: Math.min(10_000, 20 + items.reduce((h, i) => h + i.p.heightMm * i.quantity, 0)),
      },
    });
  };
  const ship = (order: Order) => {
    const courier = COURIERS[shipments % COURIERS.length]!;
    const trackingNumber = `${courier.prefix}${courier.base + ++shipments * 7919}`;
    return act(order, 'ship', { carrier: 'manual', trackingNumber, service: courier.service }).then((o) => ({ order: o, trackingNumber }));
  };
  const track = async (order: Order, trackingNumber: string, status: 'in_transit' | 'out_for_delivery' | 'delivered') => {
    const hub = order.warehouseId === world.warehouses[0]!.id ? '上海转运中心 Shanghai hub' : '广州白云集散中心 Guangzhou hub';
    const local = `${order.shipTo.city ?? ''}${order.shipTo.district ?? ''}营业部`;
    const event = {
      in_transit: { description: '快件已从转运中心发出 Departed the sorting hub', location: hub },
      out_for_delivery: { description: '快件正在派送中 Out for delivery', location: local },
      delivered: { description: '已签收，本人签收 Delivered, signed by the recipient', location: local },
    }[status];
    await api.post('/api/v1/carriers/manual/tracking-events', { trackingNumber, status, occurredAt: new Date().toISOString(), ...event });
  };

  for (const [k, story] of STORIES.entries()) {
    const customer = world.customers[(k * 7) % world.customers.length]!;
    const warehouse = world.warehouses[SOUTH.has(customer.province) ? 1 : 0]!;
    const wholesale = customer.name.endsWith('公司');
    // A walk that stops half-way needs a second line to stop before.
    const halfWalked = (story.to === 'picking' && story.partly) || (story.to === 'cancelled' && story.from === 'picking') || (story.to === 'exception' && story.cause === 'intercept_picking');
    const skus = random.sample(world.stock.orderable[warehouse.code]!, random.int(halfWalked ? 2 : 1, 3));
    const lines: Line[] = skus.map((sku) => ({ sku, quantity: wholesale ? random.int(4, 8) : random.int(1, 3) }));
    if (story.to === 'backordered' || (story.to === 'cancelled' && story.from === 'backordered')) {
      const waitingFor = story.to === 'backordered' ? story.waitingFor : 'out_of_stock';
      lines.push({ sku: waitingFor === 'quarantine' ? world.stock.quarantined : world.stock.outOfStock, quantity: random.int(1, 2) });
    }
    if (story.to === 'exception' && story.cause === 'short_pick') lines[0]!.quantity = Math.max(2, lines[0]!.quantity);
    const channel = CHANNELS[k % CHANNELS.length]!;
    const externalRef = { web: undefined, phone: undefined, tmall: `TM${3_912_000_000 + k * 4_721}`, jd: `JD${284_000_000 + k * 3_313}`, wechat: `WX${20_000 + k * 17}` }[channel];
    const note = k % 9 === 4 ? NOTES[(k / 9) % NOTES.length | 0] : undefined;

    let order = await api.post<Order>('/api/v1/orders', {
      customerId: customer.id,
      channel,
      warehouseId: warehouse.id,
      lines,
      ...(externalRef ? { externalRef } : {}),
      ...(note ? { note } : {}),
    });
    const placedAs: Status = story.to === 'backordered' || (story.to === 'cancelled' && story.from === 'backordered') ? 'backordered' : 'confirmed';
    expect(order, placedAs, 'placing it');

    switch (story.to) {
      case 'confirmed':
        if (story.addressChange) {
          order = await api.patch<Order>(`/api/v1/orders/${order.id}/address`, { line2: '快递柜 Parcel locker 12', phone: '13900001111' });
        }
        break;
      case 'backordered':
        break;
      case 'picking': {
        const list = await pickList(order);
        if (story.partly) await pick(order, list.items[0]!);
        break;
      }
      case 'picked':
      case 'packed':
      case 'shipped':
      case 'delivered': {
        await pickAll(order, await pickList(order));
        if (story.to === 'picked') break;
        order = await pack(order, lines);
        if (story.to === 'packed') break;
        const shipped = await ship(order);
        order = shipped.order;
        if (story.to === 'shipped') {
          for (const status of story.tracking) await track(order, shipped.trackingNumber, status);
          break;
        }
        if (story.by === 'hand') {
          order = await act(order, 'deliver');
        } else {
          for (const status of ['in_transit', 'out_for_delivery', 'delivered'] as const) await track(order, shipped.trackingNumber, status);
        }
        break;
      }
      case 'cancelled': {
        const list = story.from === 'picking' ? await pickList(order) : undefined;
        if (list) await pick(order, list.items[0]!);
        order = await act(order, 'cancel', { reason: story.reason });
        if (list) await putBack(order, list.items[0]!);
        break;
      }
      case 'exception': {
        if (story.cause === 'intercept_confirmed') {
          order = await act(order, 'intercept', { reason: '客户来电要求暂停发货 Customer called to hold the parcel' });
          break;
        }
        const list = await pickList(order);
        if (story.cause === 'intercept_picking') {
          await pick(order, list.items[0]!);
          order = await act(order, 'intercept', { reason: 'Address under review: customer is moving house' });
          await putBack(order, list.items[0]!);
          break;
        }
        // The picker finds one unit fewer than the books say at the first bin; the rest is there.
        const [first, ...rest] = list.items;
        await api.post(`/api/v1/orders/${order.id}/picks/short`, { locationCode: first!.locationCode, code: scan(first!.sku), found: first!.quantity - 1, lot: first!.lot });
        for (const item of rest) await pick(order, item);
        break;
      }
    }
    order = await api.get<Order>(`/api/v1/orders/${order.id}`);
    expect(order, story.to, `the ${story.to} story`);
    counts[story.to]++;
  }
  return counts;
}
