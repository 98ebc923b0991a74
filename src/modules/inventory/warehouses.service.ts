/** Warehouses and their location tree (zone / aisle / rack / bin). */
import { scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { INVENTORY_EVENTS as E, type LocationLevel, type LocationType } from './events.js';

export type Warehouse = { id: number; code: string; name: string; address: string | null; active: boolean; createdAt: string };
export type Location = {
  id: number;
  warehouseId: number;
  parentId: number | null;
  code: string;
  level: LocationLevel;
  type: LocationType;
  capacity: number | null;
  pickSequence: number;
  active: boolean;
  /** Units on hand in the location now (any owner, any status). */
  occupancy: number;
};

const WAREHOUSE = `id, code, name, address, active, created_at AS "createdAt"`;
const LOCATION = `l.id, l.warehouse_id AS "warehouseId", l.parent_id AS "parentId", l.code, l.level, l.type, l.capacity,
  l.pick_sequence AS "pickSequence", l.active,
  coalesce((SELECT sum(s.on_hand) FROM stock_levels s WHERE s.location_id = l.id), 0)::bigint AS occupancy`;

// A child sits one level below its parent or deeper (a bin may hang directly under a zone).
const LEVEL_RANK: Record<LocationLevel, number> = { zone: 0, aisle: 1, rack: 2, bin: 3 };

export async function createWarehouse(tx: Tx, actor: string, input: { code: string; name: string; address?: string | null }): Promise<Warehouse> {
  const exists = await tx.query('SELECT 1 FROM warehouses WHERE code = $1', [input.code]);
  if (exists.rowCount) throw new Conflict(`warehouse ${input.code} already exists`);
  const { rows } = await tx.query<Warehouse>(`INSERT INTO warehouses (code, name, address) VALUES ($1, $2, $3) RETURNING ${WAREHOUSE}`, [
    input.code,
    input.name,
    input.address ?? null,
  ]);
  const w = rows[0]!;
  // Every warehouse and location event names its warehouse, so the log shows it to that warehouse's people.
  await appendEvent(tx, actor, { type: E.warehouseCreated, entityType: 'warehouse', entityId: w.id, payload: { warehouseId: w.id, code: w.code, name: w.name } });
  return w;
}

export async function updateWarehouse(tx: Tx, actor: string, id: number, patch: { name?: string; address?: string | null; active?: boolean }) {
  const { rows } = await tx.query<Warehouse>(
    `UPDATE warehouses SET name = coalesce($2, name), address = CASE WHEN $3::boolean THEN $4 ELSE address END, active = coalesce($5, active)
     WHERE id = $1 RETURNING ${WAREHOUSE}`,
    [id, patch.name ?? null, patch.address !== undefined, patch.address ?? null, patch.active ?? null],
  );
  if (!rows[0]) throw new NotFound('warehouse', id);
  await appendEvent(tx, actor, { type: E.warehouseUpdated, entityType: 'warehouse', entityId: id, payload: { warehouseId: id, changed: Object.keys(patch) } });
  return rows[0];
}

/** Every warehouse, or those of a scope. */
export async function listWarehouses(q: Queryable, scope: WarehouseScope = null): Promise<Warehouse[]> {
  const params: unknown[] = [];
  const scoped = scopeCondition(scope, 'id', params);
  return (await q.query<Warehouse>(`SELECT ${WAREHOUSE} FROM warehouses ${scoped ? `WHERE ${scoped}` : ''} ORDER BY id`, params)).rows;
}

export async function getWarehouse(q: Queryable, id: number): Promise<Warehouse> {
  const w = (await q.query<Warehouse>(`SELECT ${WAREHOUSE} FROM warehouses WHERE id = $1`, [id])).rows[0];
  if (!w) throw new NotFound('warehouse', id);
  return w;
}

export type NewLocation = {
  code: string;
  level: LocationLevel;
  type: LocationType;
  parentId?: number | null;
  capacity?: number | null;
  pickSequence?: number;
};

export async function createLocation(tx: Tx, actor: string, warehouseId: number, input: NewLocation): Promise<Location> {
  await getWarehouse(tx, warehouseId);
  if (input.parentId != null) {
    const parent = (await tx.query<{ warehouseId: number; level: LocationLevel }>(
      `SELECT warehouse_id AS "warehouseId", level FROM locations WHERE id = $1`,
      [input.parentId],
    )).rows[0];
    if (!parent || parent.warehouseId !== warehouseId) throw new Invalid('parentId', `location ${input.parentId} is not in warehouse ${warehouseId}`);
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[input.level]) {
      throw new Invalid('level', `a ${input.level} cannot sit under a ${parent.level}`);
    }
  }
  const dup = await tx.query('SELECT 1 FROM locations WHERE warehouse_id = $1 AND code = $2', [warehouseId, input.code]);
  if (dup.rowCount) throw new Conflict(`location ${input.code} already exists in warehouse ${warehouseId}`);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO locations (warehouse_id, parent_id, code, level, type, capacity, pick_sequence)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [warehouseId, input.parentId ?? null, input.code, input.level, input.type, input.capacity ?? null, input.pickSequence ?? 0],
  );
  const loc = await getLocation(tx, rows[0]!.id);
  await appendEvent(tx, actor, { type: E.locationCreated, entityType: 'location', entityId: loc.id, payload: { warehouseId, code: loc.code, level: loc.level, type: loc.type } });
  return loc;
}

export async function updateLocation(
  tx: Tx,
  actor: string,
  id: number,
  patch: { type?: LocationType; capacity?: number | null; pickSequence?: number; active?: boolean },
): Promise<Location> {
  // Locked first: a receipt into this location locks it too, so it cannot land between the
  // occupancy check and the deactivation.
  await tx.query('SELECT 1 FROM locations WHERE id = $1 FOR UPDATE', [id]);
  const before = await getLocation(tx, id);
  if (patch.active === false && before.occupancy > 0) throw new Conflict(`location ${before.code} still holds ${before.occupancy} units`, { currentState: 'occupied' });
  await tx.query(
    `UPDATE locations SET type = coalesce($2, type), capacity = CASE WHEN $3::boolean THEN $4 ELSE capacity END,
       pick_sequence = coalesce($5, pick_sequence), active = coalesce($6, active) WHERE id = $1`,
    [id, patch.type ?? null, patch.capacity !== undefined, patch.capacity ?? null, patch.pickSequence ?? null, patch.active ?? null],
  );
  await appendEvent(tx, actor, { type: E.locationUpdated, entityType: 'location', entityId: id, payload: { warehouseId: before.warehouseId, changed: Object.keys(patch) } });
  return getLocation(tx, id);
}

export async function getLocation(q: Queryable, id: number): Promise<Location> {
  const loc = (await q.query<Location>(`SELECT ${LOCATION} FROM locations l WHERE l.id = $1`, [id])).rows[0];
  if (!loc) throw new NotFound('location', id);
  return loc;
}

/** A location by its code (what an operator scans), within a warehouse. */
export async function findLocationByCode(q: Queryable, warehouseId: number, code: string): Promise<Location | undefined> {
  return (await q.query<Location>(`SELECT ${LOCATION} FROM locations l WHERE l.warehouse_id = $1 AND l.code = $2`, [warehouseId, code])).rows[0];
}

export async function listLocations(
  q: Queryable,
  warehouseId: number,
  f: { type?: LocationType; level?: LocationLevel; parentId?: number } = {},
): Promise<Location[]> {
  const params: unknown[] = [warehouseId];
  const where = ['l.warehouse_id = $1'];
  if (f.type) where.push(`l.type = $${params.push(f.type)}`);
  if (f.level) where.push(`l.level = $${params.push(f.level)}`);
  if (f.parentId) where.push(`l.parent_id = $${params.push(f.parentId)}`);
  return (await q.query<Location>(`SELECT ${LOCATION} FROM locations l WHERE ${where.join(' AND ')} ORDER BY l.pick_sequence, l.code`, params)).rows;
}

/** The warehouse's first active location of a type (e.g. where picked goods wait to ship). */
export async function defaultLocation(q: Queryable, warehouseId: number, type: LocationType): Promise<Location | undefined> {
  return (
    await q.query<Location>(
      `SELECT ${LOCATION} FROM locations l WHERE l.warehouse_id = $1 AND l.type = $2 AND l.active ORDER BY l.pick_sequence, l.id LIMIT 1`,
      [warehouseId, type],
    )
  ).rows[0];
}
