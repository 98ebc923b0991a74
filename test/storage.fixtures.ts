/**
 * A small storage world for the storage tests, built through the API: a warehouse with storage
 * locations (one for small items only, one for luggage only, one of any kind), a receiving dock,
 * and a tariff; plus helpers to check items in and read the storage events.
 */
import { expect } from 'vitest';
import { saveAttachment } from '../src/modules/attachments/attachments.service.js';
import type { Api, TestContext } from './support/context.js';

let seq = 0;
export const unique = (prefix: string) => `${prefix}${process.pid % 1000}${++seq}`;

/** A 1×1 PNG, what a signature pad's canvas.toDataURL() gives (smaller). */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const SIGNATURE = { dataUrl: `data:image/png;base64,${PNG_BASE64}` };

export async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export type StorageWorld = { warehouseId: number; warehouseCode: string; locations: Record<string, number> };

export async function storageWorld(api: Api): Promise<StorageWorld> {
  const code = unique('ST');
  const warehouse = await ok(api.post('/api/v1/warehouses', { code, name: `Left luggage ${code}` }));
  const locations: Record<string, number> = {};
  const bins: Array<[string, string, number]> = [
    ['S-SMALL', 'storage', 1],
    ['S-LUGGAGE', 'storage', 2],
    ['S-ANY', 'storage', 3],
    ['RECV', 'receiving', 9],
  ];
  for (const [c, type, pickSequence] of bins) {
    const loc = await ok(api.post(`/api/v1/warehouses/${warehouse.id}/locations`, { code: c, level: 'bin', type, pickSequence }));
    locations[c] = loc.id;
  }
  await ok(api.put(`/api/v1/storage/locations/${locations['S-SMALL']}`, { acceptedSizeClasses: ['S'], itemCapacity: 2 }), 200);
  await ok(api.put(`/api/v1/storage/locations/${locations['S-LUGGAGE']}`, { acceptedCategories: ['luggage'], itemCapacity: 10 }), 200);
  return { warehouseId: warehouse.id, warehouseCode: code, locations };
}

export async function photo(ctx: TestContext): Promise<number> {
  const a = await ctx.db.transaction((tx) => saveAttachment(tx, 'user:test', { contentType: 'image/png', bytes: Buffer.from(PNG_BASE64, 'base64'), filename: 'bag.png' }));
  return a.id;
}

export const phoneOf = () => `+86 139 ${String(1000 + (seq++ % 9000)).padStart(4, '0')} ${String(process.pid % 10000).padStart(4, '0')}`;

export async function checkIn(api: Api, world: StorageWorld, body: Record<string, unknown> = {}) {
  return ok(
    api.post('/api/v1/storage/check-ins', {
      warehouseId: world.warehouseId,
      customerPhone: phoneOf(),
      customerName: 'Zhang Min',
      items: [{ category: 'luggage', sizeClass: 'M', description: 'Blue suitcase' }],
      ...body,
    }),
  );
}

export async function storageEvents(ctx: TestContext, entityId: string | number, entityType = 'storage_%') {
  const { rows } = await ctx.db.query<{ type: string; customerId: number | null; payload: any; actor: string }>(
    `SELECT type, customer_id AS "customerId", payload, actor FROM events WHERE entity_type LIKE $2 AND entity_id = $1 ORDER BY id`,
    [String(entityId), entityType],
  );
  return rows;
}

export function expectProblem(res: { status: number; body: any }, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (field !== undefined) expect(res.body.field).toBe(field);
}
