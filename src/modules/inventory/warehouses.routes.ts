/** Warehouses and their location tree over HTTP: set-up for managers, look-ups for scanners. */
import { z } from 'zod';
import { assertEveryWarehouse, assertInScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { decodeCursor, page, PageQuery, pageOf } from '../../platform/http/pagination.js';
import { LOCATION_LEVELS, LOCATION_TYPES } from './events.js';
import * as warehouses from './warehouses.service.js';
import type { Location } from './warehouses.service.js';

const tags = ['inventory'];

// The same patterns as the tables' CHECKs, so bad codes are a 400 naming the field, not a 409.
export const WAREHOUSE_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
export const LOCATION_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const EntityId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// PostgreSQL text cannot hold NUL, and a name or lot with a line break or escape code only
// breaks labels and screens: such input is refused up front, naming the field.
export const SingleLineText = (max: number) => z.string().trim().max(max).regex(/^[^\p{Cc}]*$/u, 'no control characters');
export const MultiLineText = (max: number) => z.string().trim().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'no control characters other than line breaks and tabs');
const Id = z.object({ id: EntityId });
const LocationCode = z.string().trim().regex(LOCATION_CODE, 'a location code is 1 to 64 letters, digits, "_", "." or "-"');
const Capacity = z.number().int().min(0).max(1_000_000_000).nullable().describe('Units the location holds at most; null = not limited');
const PickSequence = z.number().int().min(0).max(1_000_000).describe('Walking order for pick lists');

export const WarehouseDto = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  timeZone: z.string().describe("The IANA time zone the warehouse's dates are shown in (today the installation's TIME_ZONE)"),
});

export const LocationDto = z.object({
  id: z.number(),
  warehouseId: z.number(),
  parentId: z.number().nullable(),
  code: z.string(),
  level: z.enum(LOCATION_LEVELS),
  type: z.enum(LOCATION_TYPES),
  capacity: z.number().nullable(),
  pickSequence: z.number(),
  active: z.boolean(),
  occupancy: z.number().describe('Units on hand in this location (any owner, any status)'),
});

type TreeNode = Location & { totalOccupancy: number; children: TreeNode[] };
// Levels strictly descend (zone, aisle, rack, bin), so a tree is at most four deep: spelled out
// rather than recursive, which the OpenAPI document could only express as a dangling $ref.
const TotalOccupancy = z.number().describe('Units on hand in this location and every location under it');
const LeafNode = LocationDto.extend({ totalOccupancy: TotalOccupancy, children: z.array(z.unknown()).max(0) });
const withChildren = <C extends z.ZodType>(child: C) => LocationDto.extend({ totalOccupancy: TotalOccupancy, children: z.array(child) });
const LocationNode = withChildren(withChildren(withChildren(LeafNode)));
const LocationTree = z.object({ items: z.array(LocationNode), nextCursor: z.null() });

const NewWarehouse = z
  .object({
    code: z.string().trim().regex(WAREHOUSE_CODE, 'a warehouse code is 1 to 32 capital letters, digits, "_" or "-"'),
    name: SingleLineText(200).pipe(z.string().min(1)),
    address: MultiLineText(1000).nullable().optional(),
  })
  .strict();

const WarehousePatch = z
  .object({
    name: SingleLineText(200).pipe(z.string().min(1)).optional(),
    address: MultiLineText(1000).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();

const NewLocation = z
  .object({
    code: LocationCode,
    level: z.enum(LOCATION_LEVELS),
    type: z.enum(LOCATION_TYPES),
    parentId: EntityId.nullable().optional(),
    capacity: Capacity.optional(),
    pickSequence: PickSequence.optional(),
  })
  .strict();

const LocationPatch = z
  .object({
    type: z.enum(LOCATION_TYPES).optional(),
    capacity: Capacity.optional(),
    pickSequence: PickSequence.optional(),
    active: z.boolean().optional(),
  })
  .strict();

const LocationQuery = PageQuery.extend({
  type: z.enum(LOCATION_TYPES).optional(),
  level: z.enum(LOCATION_LEVELS).optional(),
  parentId: EntityId.optional(),
  view: z.enum(['list', 'tree']).default('list').describe('tree: the nested tree with occupancy (parentId roots it)'),
});

const IdCursor = z.number().int().positive();
const LocationCursor = z.tuple([z.number().int(), z.string().max(64), z.number().int()]);

/** The nested tree of a warehouse's locations, each with the units under it. */
export function locationTree(all: Location[], rootParentId: number | null): TreeNode[] {
  const byParent = new Map<number | null, Location[]>();
  for (const l of all) byParent.set(l.parentId, [...(byParent.get(l.parentId) ?? []), l]);
  const build = (parentId: number | null): TreeNode[] =>
    (byParent.get(parentId) ?? []).map((l) => {
      const children = build(l.id);
      return { ...l, totalOccupancy: l.occupancy + children.reduce((n, c) => n + c.totalOccupancy, 0), children };
    });
  return build(rootParentId);
}

/** Patch bodies drop keys sent as undefined, so the service's change list names only real changes. */
function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function warehouseRoutes(app: App, { db, config }: AppContext) {
  // Screens show a warehouse's dates (orders, ledger, promised ship dates) in its own zone.
  const zoned = (w: warehouses.Warehouse) => ({ ...w, timeZone: config.timeZone });

  app.post(
    '/api/v1/warehouses',
    {
      config: { permission: 'warehouses.manage' },
      schema: { tags, summary: 'Create a warehouse; a code already in use is a 409', body: NewWarehouse, response: { 201: WarehouseDto } },
    },
    async (req, reply) => {
      // A caller limited to some warehouses would create one outside them, which they could not see.
      assertEveryWarehouse(principal(req), 'Creating a warehouse');
      return idempotent(db, req, reply, 201, async (tx) => zoned(await warehouses.createWarehouse(tx, principal(req).actor, req.body)));
    },
  );

  app.get(
    '/api/v1/warehouses',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'List warehouses', querystring: PageQuery, response: { 200: page(WarehouseDto) } },
    },
    async (req) => {
      const after = decodeCursor(req.query.cursor, IdCursor) ?? 0;
      const rows = (await warehouses.listWarehouses(db, principal(req).warehouseIds)).filter((w) => w.id > after).map(zoned);
      return pageOf(rows, req.query.limit, (w) => w.id);
    },
  );

  app.get(
    '/api/v1/warehouses/:id',
    { config: { permission: 'inventory.read' }, schema: { tags, summary: 'A warehouse', params: Id, response: { 200: WarehouseDto } } },
    async (req) => {
      assertInScope(principal(req), req.params.id, 'params.id');
      return zoned(await warehouses.getWarehouse(db, req.params.id));
    },
  );

  app.patch(
    '/api/v1/warehouses/:id',
    {
      config: { permission: 'warehouses.manage' },
      schema: { tags, summary: 'Rename, re-address or (de)activate a warehouse', params: Id, body: WarehousePatch, response: { 200: WarehouseDto } },
    },
    async (req) => {
      assertInScope(principal(req), req.params.id, 'params.id');
      return zoned(await db.transaction((tx) => warehouses.updateWarehouse(tx, principal(req).actor, req.params.id, defined(req.body))));
    },
  );

  app.post(
    '/api/v1/warehouses/:id/locations',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Create a location (zone, aisle, rack or bin) under a parent of a higher level; a code already in use is a 409',
        params: Id,
        body: NewLocation,
        response: { 201: LocationDto },
      },
    },
    async (req, reply) => {
      assertInScope(principal(req), req.params.id, 'params.id');
      return idempotent(db, req, reply, 201, (tx) => warehouses.createLocation(tx, principal(req).actor, req.params.id, req.body));
    },
  );

  app.get(
    '/api/v1/warehouses/:id/locations',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: "A warehouse's locations in walking order, or (view=tree) the nested tree with occupancy",
        params: Id,
        querystring: LocationQuery,
        // The tree first: a list page would pass for one with its children stripped.
        response: { 200: z.union([LocationTree, page(LocationDto)]) },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { type, level, parentId, view, limit, cursor } = req.query;
      assertInScope(principal(req), id, 'params.id');
      await warehouses.getWarehouse(db, id);
      if (view === 'tree') {
        if (type || level) throw new Invalid('querystring.view', 'the tree shows every location; type and level filter the list view');
        if (cursor) throw new Invalid('querystring.cursor', 'the tree comes whole, in one page');
        const all = await warehouses.listLocations(db, id);
        if (parentId !== undefined && !all.some((l) => l.id === parentId)) throw new Invalid('querystring.parentId', `location ${parentId} is not in warehouse ${id}`);
        return { items: locationTree(all, parentId ?? null), nextCursor: null };
      }
      const after = decodeCursor(cursor, LocationCursor);
      // Sorted here, not by the database's collation, so the cursor compares the same way.
      const rows = (await warehouses.listLocations(db, id, { type, level, parentId }))
        .sort((a, b) => compareLocation(a, [b.pickSequence, b.code, b.id]))
        .filter((l) => !after || compareLocation(l, after) > 0);
      return pageOf(rows, limit, (l) => [l.pickSequence, l.code, l.id]);
    },
  );

  app.get(
    '/api/v1/warehouses/:id/locations/by-code/:code',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'The location a scanned code names in this warehouse',
        params: Id.extend({ code: LocationCode }),
        response: { 200: LocationDto },
      },
    },
    async (req) => {
      assertInScope(principal(req), req.params.id, 'params.id');
      await warehouses.getWarehouse(db, req.params.id);
      const loc = await warehouses.findLocationByCode(db, req.params.id, req.params.code);
      if (!loc) throw new NotFound('location', req.params.code);
      return loc;
    },
  );

  app.get(
    '/api/v1/locations/:id',
    { config: { permission: 'inventory.read' }, schema: { tags, summary: 'A location', params: Id, response: { 200: LocationDto } } },
    async (req) => {
      const loc = await warehouses.getLocation(db, req.params.id);
      assertInScope(principal(req), loc.warehouseId, 'params.id');
      return loc;
    },
  );

  app.patch(
    '/api/v1/locations/:id',
    {
      config: { permission: 'inventory.write' },
      schema: {
        tags,
        summary: 'Change a location: type, capacity, walking order, or (de)activate it (only when empty)',
        params: Id,
        body: LocationPatch,
        response: { 200: LocationDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        const p = principal(req);
        // A location's warehouse never changes, so it is asked only of a scoped caller.
        if (p.warehouseIds !== null) assertInScope(p, (await warehouses.getLocation(tx, req.params.id)).warehouseId, 'params.id');
        return warehouses.updateLocation(tx, p.actor, req.params.id, defined(req.body));
      }),
  );
}

/** The list's order (walking order, then code, then id) as a comparison against a cursor. */
function compareLocation(l: Location, [seq, code, id]: [number, string, number]): number {
  if (l.pickSequence !== seq) return l.pickSequence - seq;
  if (l.code !== code) return l.code < code ? -1 : 1;
  return l.id - id;
}
