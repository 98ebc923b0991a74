/** Put-away over HTTP: which bin the units on the dock should go to (put-away.ts ranks them). */
import { z } from 'zod';
import { assertInScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid } from '../../platform/http/errors.js';
import { findProductByCode } from '../catalog/index.js';
import { LOCATION_TYPES, PUT_AWAY_REASONS } from './events.js';
import { putAwayCandidates, rankPutAway } from './put-away.js';
import { Code, Lot } from './stock.routes.js';
import { EntityId } from './warehouses.routes.js';
import { findLocationByCode, getWarehouse } from './warehouses.service.js';

const tags = ['inventory'];

const SuggestionQuery = z.object({
  warehouseId: EntityId,
  code: Code.describe('The scanned barcode or the SKU'),
  lot: Lot.optional().describe('Default: the only lot of the SKU at fromLocationCode, else none'),
  quantity: z.coerce.number().int().min(1).max(1_000_000).optional().describe('Default: what is free of it at fromLocationCode, else 1'),
  fromLocationCode: Code.optional().describe('Where the units are now (the receiving dock); never suggested'),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('How many bins to rank'),
});

const SuggestionDto = z.object({
  locationId: z.number(),
  locationCode: z.string(),
  type: z.enum(LOCATION_TYPES),
  reason: z.enum(PUT_AWAY_REASONS).describe('same_sku_lot: holds this SKU and lot; same_sku: this SKU in another lot; empty_near: empty, near where the SKU is'),
  holds: z.number().describe('Units of this SKU there now'),
  free: z.number().nullable().describe('Room before these units; null = not limited'),
});

const PutAwayDto = z.object({
  warehouseId: z.number(),
  productId: z.number(),
  sku: z.string(),
  lot: z.string(),
  quantity: z.number(),
  from: z.object({ locationId: z.number(), locationCode: z.string(), available: z.number().describe('Free units of this SKU and lot there') }).nullable(),
  suggestion: SuggestionDto.nullable().describe('The best bin, or null when none has room'),
  alternatives: z.array(SuggestionDto).describe('The next best, in order'),
});

export function putAwayRoutes(app: App, { db }: AppContext) {
  app.get(
    '/api/v1/stock/put-away/suggestion',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary:
          'Where to put units away: a bin already holding the SKU and lot, then one holding the SKU, then an empty storage or picking bin near it, ' +
          'each with room for them. Move them with POST /stock/moves',
        querystring: SuggestionQuery,
        response: { 200: PutAwayDto },
      },
    },
    async (req) => {
      const { warehouseId, code, fromLocationCode, limit } = req.query;
      assertInScope(principal(req), warehouseId, 'querystring.warehouseId');
      await getWarehouse(db, warehouseId).catch(() => {
        throw new Invalid('querystring.warehouseId', `warehouse ${warehouseId} does not exist`);
      });
      const product = await findProductByCode(db, code);
      if (!product) throw new Invalid('querystring.code', `no product has the SKU or barcode ${code}`);
      let from = null;
      let lot = req.query.lot;
      if (fromLocationCode !== undefined) {
        const loc = await findLocationByCode(db, warehouseId, fromLocationCode);
        if (!loc) throw new Invalid('querystring.fromLocationCode', `warehouse ${warehouseId} has no location ${fromLocationCode}`);
        const { rows } = await db.query<{ lot: string; available: number }>(
          `SELECT lot, (on_hand - reserved) AS available FROM stock_levels
            WHERE location_id = $1 AND product_id = $2 AND owner_id = 0 AND status = 'available' AND on_hand > reserved ORDER BY lot`,
          [loc.id, product.id],
        );
        if (lot === undefined && rows.length === 1) lot = rows[0]!.lot;
        from = { locationId: loc.id, locationCode: loc.code, available: rows.find((r) => r.lot === (lot ?? ''))?.available ?? 0 };
      }
      lot ??= '';
      const quantity = req.query.quantity ?? (from && from.available > 0 ? from.available : 1);
      const candidates = await putAwayCandidates(db, { warehouseId, productId: product.id, lot, excludeLocationId: from?.locationId });
      const [suggestion, ...alternatives] = rankPutAway(candidates, quantity, limit);
      return { warehouseId, productId: product.id, sku: product.sku, lot, quantity, from, suggestion: suggestion ?? null, alternatives };
    },
  );
}
