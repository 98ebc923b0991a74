/** Storage's staff API: check-in, put-away, moves, counts, corrections, check-out, look-ups, tariffs, settings. */
import { z } from 'zod';
import { assertInScope, assertVisible, eventScope, inScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { getLocation } from '../inventory/index.js';
import { checkIn } from './checkin.js';
import { checkOut } from './checkout.js';
import { getCount, recordCount } from './counts.js';
import { counterRoutes } from './counter.routes.js';
import { voucherRoutes } from './voucher.routes.js';
import { documentRoutes } from './documents.routes.js';
import { DEPOSIT_STATUSES } from './events.js';
import { getLocationSettings, listLocationSettings, setLocationSettings } from './locations.js';
import { correctItem, moveItem, putAway, recommendPutAway } from './moves.js';
import { portalRoutes } from './portal.routes.js';
import { findDeposits, getItemWithHistory } from './queries.js';
import { reportRoutes } from './reports.routes.js';
import { assertItemVisible, getDeposit, voucherWarehouse } from './shared.js';
import {
  CheckedInDto,
  CheckInInput,
  CheckOutInput,
  CorrectionInput,
  CountDto,
  CountInput,
  DepositDto,
  HandoverDto,
  Id,
  ItemCode,
  ItemDto,
  ItemWithHistoryDto,
  LocationSettingsDto,
  LocationSettingsInput,
  RecommendationDto,
  ScanLocationInput,
  SettingsDto,
  SettingsInput,
  TariffDto,
  TariffInput,
  TariffPatchInput,
} from './storage.schema.js';
import { createTariff, deleteTariff, getSettings, listTariffs, updateSettings, updateTariff } from './tariffs.js';
import { useSecretKey } from './vouchers.js';

export const tags = ['storage'];
const CodeParams = z.object({ code: ItemCode });
const IdParams = z.object({ id: Id });

export function storageRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  // Vouchers are hashed and sealed under this process's SECRET_KEY (or the database's own secret).
  useSecretKey(ctx.config.secretKey);

  app.post(
    '/api/v1/storage/check-ins',
    {
      config: { permission: 'storage.write' },
      schema: {
        tags,
        summary:
          'Check in one or more items for a customer (a walk-in by phone is found or created). Each item gets a code; the deposit gets a ' +
          'voucher code, returned here only (it is kept hashed; print its slip now: POST …/deposits/{id}/voucher.pdf), and the voucher ' +
          'notice of storage_deposit.checked_in carries it to the customer.',
        body: CheckInInput,
        response: { 201: CheckedInDto },
      },
    },
    async (req, reply) => {
      assertInScope(principal(req), req.body.warehouseId, 'warehouseId');
      return idempotent(db, req, reply, 201, (tx) => checkIn(tx, principal(req).actor, req.body, '', eventScope(principal(req))));
    },
  );

  app.get(
    '/api/v1/storage/deposits',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: 'Find deposits, newest first: q is a voucher code, deposit number or item code, or part of the customer phone or name',
        querystring: PageQuery.extend({
          q: z.string().trim().min(1).max(100).optional(),
          status: z.enum(DEPOSIT_STATUSES).optional(),
          customerId: Id.optional(),
          warehouseId: Id.optional(),
        }),
        response: { 200: page(DepositDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      const p = principal(req);
      if (filter.warehouseId !== undefined) assertInScope(p, filter.warehouseId, 'querystring.warehouseId');
      return findDeposits(db, { ...filter, warehouseIds: p.warehouseIds }, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/storage/deposits/:id',
    {
      config: { permission: 'storage.read' },
      schema: { tags, summary: 'A deposit with its items and the fee so far (feeDue) or settled', params: IdParams, response: { 200: DepositDto } },
    },
    async (req) => {
      const deposit = await getDeposit(db, req.params.id);
      if (!inScope(principal(req), deposit.warehouse.id)) throw new NotFound('storage deposit', req.params.id);
      return deposit;
    },
  );

  app.get(
    '/api/v1/storage/items/:code',
    {
      config: { permission: 'storage.read' },
      schema: { tags, summary: 'An item with its whole custody history, oldest first', params: CodeParams, response: { 200: ItemWithHistoryDto } },
    },
    async (req) => {
      const item = await getItemWithHistory(db, req.params.code);
      if (!inScope(principal(req), item.warehouseId)) throw new NotFound('storage item', req.params.code);
      return item;
    },
  );

  app.get(
    '/api/v1/storage/items/:code/put-away-recommendations',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: "Locations that can take the item, best first, by its size class and category and the locations' type, capacity and occupancy",
        params: CodeParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(5) }),
        response: { 200: z.object({ items: z.array(RecommendationDto) }) },
      },
    },
    async (req) => {
      await assertItemVisible(db, principal(req), req.params.code);
      return { items: await recommendPutAway(db, req.params.code, req.query.limit) };
    },
  );

  const scanRoute = (path: string, summary: string, run: typeof putAway) =>
    app.post(
      path,
      {
        config: { permission: 'storage.write' },
        schema: { tags, summary, params: CodeParams, body: ScanLocationInput, response: { 200: ItemDto } },
      },
      // A scan sent again by the handheld's outbox (same Idempotency-Key) gets its first answer.
      async (req, reply) =>
        idempotent(db, req, reply, 200, async (tx) => {
          await assertItemVisible(tx, principal(req), req.params.code);
          return run(tx, principal(req).actor, req.params.code, req.body.locationCode);
        }),
    );
  scanRoute('/api/v1/storage/items/:code/put-away', 'Put a checked-in item away at the scanned location (409 naming the state if it is not checked_in)', putAway);
  scanRoute('/api/v1/storage/items/:code/move', 'Move a stored item to the scanned location', moveItem);

  app.post(
    '/api/v1/storage/items/:code/corrections',
    {
      config: { permission: 'storage.manage' },
      schema: {
        tags,
        summary: 'Correct where the books put an item (after a count found it elsewhere), with a reason; audited in its history and the event log',
        params: CodeParams,
        body: CorrectionInput,
        response: { 200: ItemDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        await assertItemVisible(tx, principal(req), req.params.code);
        return correctItem(tx, principal(req).actor, req.params.code, req.body.locationCode, req.body.reason);
      }),
  );

  app.post(
    '/api/v1/storage/counts',
    {
      config: { permission: 'storage.write' },
      schema: {
        tags,
        summary: "Record a count of a location from the item labels scanned there: missing, unexpected and misplaced items. The books don't change.",
        body: CountInput,
        response: { 201: CountDto },
      },
    },
    async (req, reply) => {
      assertInScope(principal(req), req.body.warehouseId, 'warehouseId');
      return idempotent(db, req, reply, 201, (tx) => recordCount(tx, principal(req).actor, req.body));
    },
  );

  app.get(
    '/api/v1/storage/counts/:id',
    { config: { permission: 'storage.read' }, schema: { tags, summary: 'A recorded count', params: IdParams, response: { 200: CountDto } } },
    async (req) => {
      const count = await getCount(db, req.params.id);
      if (!inScope(principal(req), count.warehouseId)) throw new NotFound('storage count', req.params.id);
      return count;
    },
  );

  app.post(
    '/api/v1/storage/check-outs',
    {
      config: { permission: 'storage.write' },
      schema: {
        tags,
        summary:
          "Hand items over: the double scan (customer's voucher and each item's label) must match, the signature (PNG data URL or attachment id) " +
          'is stored with the hand-over, fees are settled; partial pick-up is allowed. 422 on a mismatch, 409 for an item already checked out.',
        body: CheckOutInput,
        response: { 201: HandoverDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, async (tx) => {
        // A voucher of another warehouse's deposit is answered as an unknown one is.
        await assertVisible(principal(req), () => voucherWarehouse(tx, req.body.voucherCode), () => new Invalid('voucherCode', 'this voucher does not belong to any deposit'));
        return checkOut(tx, principal(req).actor, req.body, { scope: eventScope(principal(req)) });
      }),
  );

  // ---- tariffs, location settings, settings -------------------------------------------------

  app.get(
    '/api/v1/storage/tariffs',
    { config: { permission: 'storage.read' }, schema: { tags, summary: 'Storage tariffs', response: { 200: z.object({ items: z.array(TariffDto) }) } } },
    async () => ({ items: await listTariffs(db) }),
  );
  app.post(
    '/api/v1/storage/tariffs',
    {
      config: { permission: 'storage.manage' },
      schema: {
        tags,
        summary: 'Add a tariff for a size class and/or category (null = any; the most specific applies at check-in), in minor units',
        body: TariffInput,
        response: { 201: TariffDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => createTariff(tx, req.body)),
  );
  app.patch(
    '/api/v1/storage/tariffs/:id',
    {
      config: { permission: 'storage.manage' },
      schema: { tags, summary: 'Change a tariff (items already checked in keep the tariff of their check-in)', params: IdParams, body: TariffPatchInput, response: { 200: TariffDto } },
    },
    async (req) => db.transaction((tx) => updateTariff(tx, req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/storage/tariffs/:id',
    { config: { permission: 'storage.manage' }, schema: { tags, summary: 'Remove a tariff', params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction((tx) => deleteTariff(tx, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/storage/locations',
    {
      config: { permission: 'storage.read' },
      schema: {
        tags,
        summary: "A warehouse's locations with storage's settings and occupancy",
        querystring: z.object({ warehouseId: Id }),
        response: { 200: z.object({ items: z.array(LocationSettingsDto) }) },
      },
    },
    async (req) => {
      assertInScope(principal(req), req.query.warehouseId, 'querystring.warehouseId');
      return { items: await listLocationSettings(db, req.query.warehouseId) };
    },
  );
  app.get(
    '/api/v1/storage/locations/:id',
    { config: { permission: 'storage.read' }, schema: { tags, summary: "A location's storage settings and occupancy", params: IdParams, response: { 200: LocationSettingsDto } } },
    async (req) => {
      const settings = await getLocationSettings(db, req.params.id);
      assertInScope(principal(req), settings.warehouseId, 'params.id');
      return settings;
    },
  );
  app.put(
    '/api/v1/storage/locations/:id',
    {
      config: { permission: 'storage.manage' },
      schema: {
        tags,
        summary: "Set which size classes and categories a location accepts (empty = all) and how many items it holds",
        params: IdParams,
        body: LocationSettingsInput,
        response: { 200: LocationSettingsDto },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        const p = principal(req);
        // A location's warehouse never changes, so it is asked only of a scoped caller.
        if (p.warehouseIds !== null) assertInScope(p, (await getLocation(tx, req.params.id)).warehouseId, 'params.id');
        return setLocationSettings(tx, req.params.id, req.body);
      }),
  );

  app.get(
    '/api/v1/storage/settings',
    { config: { permission: 'storage.read' }, schema: { tags, summary: 'Storage settings', response: { 200: SettingsDto } } },
    async () => getSettings(db),
  );
  app.put(
    '/api/v1/storage/settings',
    {
      config: { permission: 'storage.manage' },
      schema: { tags, summary: 'Set the maximum storage period (days; null = none) after which items raise storage_item.overdue', body: SettingsInput, response: { 200: SettingsDto } },
    },
    async (req) => db.transaction((tx) => updateSettings(tx, req.body)),
  );

  reportRoutes(app, ctx);
  portalRoutes(app, ctx);
  documentRoutes(app, ctx);
  counterRoutes(app, ctx);
  voucherRoutes(app, ctx);
}
