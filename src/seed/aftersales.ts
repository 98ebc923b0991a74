/**
 * After-sales and storage in the demo: a returns area in each warehouse, return requests on
 * delivered orders (one approved at once, one waiting for a manager), and a left-luggage counter
 * with a tariff, deposits in storage and one collected with a signature.
 */
import type { SeedApi } from './api.js';
import type { DemoCustomer } from './customers.js';
import type { DemoWarehouse } from './warehouses.js';

type Order = { id: number; lines: Array<{ sku: string; quantity: number; unitPrice: number }> };

export async function seedAfterSales(api: SeedApi, warehouses: DemoWarehouse[]): Promise<number> {
  for (const w of warehouses) {
    await api.post(`/api/v1/warehouses/${w.id}/locations`, { code: 'RET', level: 'zone', type: 'returns', pickSequence: 8500 });
  }
  const delivered = await api.get<{ items: Array<{ id: number }> }>('/api/v1/orders?status=delivered&limit=5');
  let requests = 0;
  for (const [i, { id }] of delivered.items.slice(0, 2).entries()) {
    const order = await api.get<Order>(`/api/v1/orders/${id}`);
    const line = order.lines[0]!;
    // The first: one unit back (approved by the rules when small); the second: all of it, for an exchange.
    await api.post('/api/v1/returns', {
      orderId: id,
      type: i === 0 ? 'return' : 'exchange',
      reasonCode: i === 0 ? 'changed_mind' : 'wrong_size',
      description: i === 0 ? '颜色与图片不符 / colour differs from the photo' : '尺码偏小，换大一号 / too small, one size up',
      lines: [{ sku: line.sku, quantity: i === 0 ? 1 : line.quantity }],
    });
    requests++;
  }
  return requests;
}

// A 1×1 PNG: the demo's "signature".
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export async function seedStorage(api: SeedApi, warehouses: DemoWarehouse[], customers: DemoCustomer[]): Promise<number> {
  const w = warehouses[0]!;
  const zone = await api.post<{ id: number }>(`/api/v1/warehouses/${w.id}/locations`, { code: 'LL', level: 'zone', type: 'storage', pickSequence: 7000 });
  const shelves: Array<{ code: string; sizes: string[] }> = [
    { code: 'LL-01', sizes: ['XS', 'S', 'M'] },
    { code: 'LL-02', sizes: ['M', 'L'] },
    { code: 'LL-03', sizes: ['L', 'XL', 'XXL'] },
  ];
  for (const [i, s] of shelves.entries()) {
    const loc = await api.post<{ id: number }>(`/api/v1/warehouses/${w.id}/locations`, { code: s.code, level: 'bin', type: 'storage', pickSequence: 7001 + i, parentId: zone.id, capacity: 20 });
    await api.put(`/api/v1/storage/locations/${loc.id}`, { acceptedSizeClasses: s.sizes, acceptedCategories: [], itemCapacity: 20 });
  }
  await api.post('/api/v1/storage/tariffs', { sizeClass: null, category: null, unit: 'day', rate: 1500, graceMinutes: 120, minimumCharge: 500, cap: 30000 });
  await api.post('/api/v1/storage/tariffs', { sizeClass: null, category: 'luggage', unit: 'hour', rate: 300, graceMinutes: 30, minimumCharge: 500, cap: 5000 });

  const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const deposits = [
    { customerId: customers[0]!.id, items: [{ category: 'luggage', sizeClass: 'L', description: '黑色 28 寸行李箱 / black 28" suitcase', declaredValue: 80_000 }], expectedPickupAt: soon(1) },
    {
      customerPhone: '+86 139 1234 5678',
      customerName: '赵敏 Zhao Min',
      items: [
        { category: 'luggage', sizeClass: 'M', description: '蓝色双肩包 / blue backpack' },
        { category: 'documents', sizeClass: 'XS', description: '文件袋 / document folder' },
      ],
      expectedPickupAt: soon(3),
    },
    { customerId: customers[1]!.id, items: [{ category: 'consignment', sizeClass: 'XL', description: '寄售：折叠自行车 / consignment: folding bicycle', declaredValue: 150_000 }], expectedPickupAt: soon(30) },
  ];
  let created = 0;
  for (const [i, d] of deposits.entries()) {
    const deposit = await api.post<{ voucherCode: string; items: Array<{ code: string }> }>('/api/v1/storage/check-ins', { warehouseId: w.id, ...d });
    created++;
    for (const item of deposit.items) {
      const { items: [best] } = await api.get<{ items: Array<{ code: string }> }>(`/api/v1/storage/items/${item.code}/put-away-recommendations`);
      if (best) await api.post(`/api/v1/storage/items/${item.code}/put-away`, { locationCode: best.code });
    }
    // The second customer has already collected the document folder (partial pick-up).
    if (i === 1) {
      await api.post('/api/v1/storage/check-outs', { voucherCode: deposit.voucherCode, itemCodes: [deposit.items[1]!.code], receivedBy: '赵敏', signature: { dataUrl: SIGNATURE } });
    }
  }
  return created;
}
