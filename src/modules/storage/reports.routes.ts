/** Storage reports over the API (storage.read). */
import { z } from 'zod';
import { listScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid } from '../../platform/http/errors.js';
import { OVERDUE_REASONS } from './events.js';
import { dailyFlow, dwellTime, feeRevenue, itemsInStorage, occupancy, overdueItems } from './reports.js';
import { Id, OverdueDto } from './storage.schema.js';

const tags = ['storage reports'];
const Day = z.iso.date();
const Range = z.object({ from: Day, to: Day, warehouseId: Id.optional() });
const ByWarehouse = z.object({ warehouseId: Id.optional() });
const MAX_DAYS = 366;

function checkRange(r: { from: string; to: string }) {
  const days = (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000;
  if (days < 0) throw new Invalid('querystring.to', 'to is on or after from');
  if (days >= MAX_DAYS) throw new Invalid('querystring.to', `a range covers at most ${MAX_DAYS} days`);
}

/** The warehouses a report covers: the one asked for (if the caller may see it), else the caller's. */
const scopeOf = (req: Parameters<typeof principal>[0] & { query: { warehouseId?: number } }) => listScope(principal(req), req.query.warehouseId, 'querystring.warehouseId');

export function reportRoutes(app: App, { db, config }: AppContext) {
  const counts = <K extends string>(key: K) => z.array(z.object({ [key]: z.string(), count: z.number() } as Record<K, z.ZodString> & { count: z.ZodNumber }));

  app.get(
    '/api/v1/storage/reports/items-in-storage',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: 'Items in storage now (checked in or stored), by warehouse, status, category and size class',
        querystring: ByWarehouse,
        response: {
          200: z.object({
            total: z.number(),
            byWarehouse: z.array(z.object({ warehouseId: z.number(), count: z.number() })),
            byStatus: counts('status'),
            byCategory: counts('category'),
            bySizeClass: counts('sizeClass'),
          }),
        },
      },
    },
    async (req) => itemsInStorage(db, scopeOf(req)),
  );
  app.get(
    '/api/v1/storage/reports/occupancy',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: 'Items stored per location and warehouse against capacity (null = unlimited)',
        querystring: ByWarehouse,
        response: {
          200: z.object({
            warehouses: z.array(
              z.object({
                warehouseId: z.number(),
                code: z.string(),
                name: z.string(),
                stored: z.number(),
                awaitingPutAway: z.number(),
                capacity: z.number().nullable(),
                locations: z.array(z.object({ locationId: z.number(), code: z.string(), items: z.number(), capacity: z.number().nullable() })),
              }),
            ),
          }),
        },
      },
    },
    async (req) => occupancy(db, scopeOf(req)),
  );
  app.get(
    '/api/v1/storage/reports/flow',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: 'Items checked in and out per day (in the configured time zone), every day from..to inclusive',
        querystring: Range,
        response: {
          200: z.object({ days: z.array(z.object({ day: z.string(), checkedIn: z.number(), checkedOut: z.number() })) }),
        },
      },
    },
    async (req) => {
      const q = req.query;
      checkRange(q);
      return dailyFlow(db, { ...q, warehouseIds: scopeOf(req), timeZone: config.timeZone });
    },
  );
  app.get(
    '/api/v1/storage/reports/dwell-time',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: 'How long items stay: checked-out items by their whole stay, stored ones by their stay so far, in buckets',
        querystring: ByWarehouse,
        response: {
          200: z.object({
            buckets: z.array(z.object({ bucket: z.string(), checkedOut: z.number(), inStorage: z.number() })),
            medianDaysCheckedOut: z.number().nullable(),
          }),
        },
      },
    },
    async (req) => dwellTime(db, { warehouseIds: scopeOf(req) }),
  );
  app.get(
    '/api/v1/storage/reports/overdue',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: 'Items in storage past their expected pick-up date or the maximum storage period',
        querystring: ByWarehouse,
        response: {
          200: z.object({ items: z.array(OverdueDto.extend({ reasons: z.array(z.enum(OVERDUE_REASONS)) })) }),
        },
      },
    },
    async (req) => overdueItems(db, { warehouseIds: scopeOf(req) }),
  );
  app.get(
    '/api/v1/storage/reports/fee-revenue',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: 'Storage fees settled at hand-overs per day, in minor units',
        querystring: Range,
        response: {
          200: z.object({
            days: z.array(z.object({ day: z.string(), currency: z.string(), amount: z.number(), handovers: z.number() })),
            totals: z.array(z.object({ currency: z.string(), amount: z.number() })),
          }),
        },
      },
    },
    async (req) => {
      const q = req.query;
      checkRange(q);
      return feeRevenue(db, { ...q, warehouseIds: scopeOf(req), timeZone: config.timeZone });
    },
  );
}
