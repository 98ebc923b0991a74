/**
 * Shipments and their tracking: `createShipment` books a parcel with a carrier (orders call it
 * when they ship); `recordTrackingEvent` ingests what a carrier pushes, once per distinct event,
 * and moves the shipment to the status of the latest event by the carrier's clock, so a late,
 * older push never moves a delivered parcel back in transit. Listeners (the tracking flow) hear
 * of every status change in the same transaction.
 */
import { z } from 'zod';
import { scopeCondition, type WarehouseScope } from '../../platform/auth/scope.js';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { findCarrier, listCarriers } from './carriers.js';
import {
  SHIPPING_EVENTS as E,
  type ShipmentCreatedPayload,
  type ShipmentStatus,
  type ShipmentStatusChangedPayload,
} from './events.js';

export type TrackingEvent = {
  id: number;
  status: ShipmentStatus;
  description: string;
  location: string;
  occurredAt: string;
  receivedAt: string;
};

export type Shipment = {
  id: number;
  orderId: number;
  orderNumber: string;
  customerId: number | null;
  /** The warehouse the parcel left from (null only for a shipment whose order was never found). */
  warehouseId: number | null;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  labelUrl: string | null;
  status: ShipmentStatus;
  weightG: number | null;
  shippedAt: string;
  deliveredAt: string | null;
  statusAt: string;
  createdAt: string;
};

export type ShipmentWithTracking = Shipment & { trackingEvents: TrackingEvent[] };

const COLUMNS = `s.id, s.order_id AS "orderId", s.order_number AS "orderNumber", s.customer_id AS "customerId", s.warehouse_id AS "warehouseId", s.carrier,
  s.tracking_number AS "trackingNumber", s.label_url AS "labelUrl", s.status, s.weight_g AS "weightG", s.shipped_at AS "shippedAt",
  s.delivered_at AS "deliveredAt", s.status_at AS "statusAt", s.created_at AS "createdAt"`;
const EVENT_COLUMNS = `id, status, description, location, occurred_at AS "occurredAt", received_at AS "receivedAt"`;

type Row = Omit<Shipment, 'trackingUrl'>;
const withUrl = (s: Row): Shipment => ({ ...s, trackingUrl: findCarrier(s.carrier)?.trackingUrl?.(s.trackingNumber) ?? null });

/** What a status change tells its listeners. */
export type ShipmentStatusChange = { shipment: Shipment; from: ShipmentStatus; to: ShipmentStatus; event: TrackingEvent };
export type ShipmentListener = (tx: Tx, actor: string, change: ShipmentStatusChange) => Promise<void>;
const listeners: ShipmentListener[] = [];
export function onShipmentStatusChanged(fn: ShipmentListener): void {
  if (!listeners.includes(fn)) listeners.push(fn);
}

export type NewShipment = {
  orderId: number;
  orderNumber: string;
  customerId: number | null;
  warehouseId: number;
  carrier: string;
  trackingNumber?: string;
  service?: string;
  weightG?: number | null;
  shipTo: Record<string, unknown>;
};

/** Books the parcel with its carrier and records the shipment (status label_created). */
export async function createShipment(tx: Tx, actor: string, input: NewShipment): Promise<Shipment> {
  const carrier = findCarrier(input.carrier);
  if (!carrier) {
    throw new Invalid('carrier', `unknown carrier ${input.carrier}; known: ${listCarriers().map((c) => c.code).join(', ')}`);
  }
  const booked = await carrier.createShipment({
    orderNumber: input.orderNumber,
    trackingNumber: input.trackingNumber,
    service: input.service,
    weightG: input.weightG,
    shipTo: input.shipTo,
  });
  const { rows } = await tx.query<Row>(
    `INSERT INTO shipments AS s (order_id, order_number, customer_id, warehouse_id, carrier, tracking_number, label_url, weight_g)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (carrier, tracking_number) DO NOTHING RETURNING ${COLUMNS}`,
    [input.orderId, input.orderNumber, input.customerId, input.warehouseId, carrier.code, booked.trackingNumber, booked.labelUrl ?? null, input.weightG ?? null],
  );
  if (!rows[0]) {
    const other = (await tx.query<{ orderNumber: string }>(
      'SELECT order_number AS "orderNumber" FROM shipments WHERE carrier = $1 AND tracking_number = $2',
      [carrier.code, booked.trackingNumber],
    )).rows[0];
    throw new Conflict(`tracking number ${booked.trackingNumber} of ${carrier.code} is already on order ${other?.orderNumber ?? '(another)'}`, {
      field: 'trackingNumber',
    });
  }
  const shipment = withUrl(rows[0]);
  const payload: ShipmentCreatedPayload = {
    orderId: input.orderId,
    orderNumber: input.orderNumber,
    warehouseId: input.warehouseId,
    carrier: carrier.code,
    trackingNumber: shipment.trackingNumber,
    labelUrl: shipment.labelUrl,
  };
  await appendEvent(tx, actor, { type: E.shipmentCreated, entityType: 'shipment', entityId: shipment.id, customerId: input.customerId, payload });
  return shipment;
}

export async function getShipment(q: Queryable, id: number): Promise<ShipmentWithTracking> {
  const row = (await q.query<Row>(`SELECT ${COLUMNS} FROM shipments s WHERE s.id = $1`, [id])).rows[0];
  if (!row) throw new NotFound('shipment', id);
  return { ...withUrl(row), trackingEvents: await trackingEventsOf(q, id) };
}

/** The order's latest shipment with its tracking, if it has shipped. */
export async function shipmentOfOrder(q: Queryable, orderId: number): Promise<ShipmentWithTracking | undefined> {
  const row = (await q.query<Row>(`SELECT ${COLUMNS} FROM shipments s WHERE s.order_id = $1 ORDER BY s.id DESC LIMIT 1`, [orderId])).rows[0];
  return row && { ...withUrl(row), trackingEvents: await trackingEventsOf(q, row.id) };
}

async function trackingEventsOf(q: Queryable, shipmentId: number): Promise<TrackingEvent[]> {
  return (
    await q.query<TrackingEvent>(`SELECT ${EVENT_COLUMNS} FROM tracking_events WHERE shipment_id = $1 ORDER BY occurred_at, id`, [shipmentId])
  ).rows;
}

const Cursor = z.object({ id: z.number().int() });

/** Shipments, newest first, keyset-paginated. */
export async function listShipments(
  q: Queryable,
  f: { status?: ShipmentStatus; carrier?: string; orderId?: number; trackingNumber?: string; warehouseIds?: WarehouseScope },
  page: { limit: number; cursor?: string },
) {
  const before = decodeCursor(page.cursor, Cursor);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  const scoped = scopeCondition(f.warehouseIds, 's.warehouse_id', params);
  if (scoped) where.push(scoped);
  if (f.status) where.push(`s.status = ${param(f.status)}`);
  if (f.carrier) where.push(`s.carrier = ${param(f.carrier)}`);
  if (f.orderId) where.push(`s.order_id = ${param(f.orderId)}`);
  if (f.trackingNumber) where.push(`s.tracking_number = ${param(f.trackingNumber)}`);
  if (before) where.push(`s.id < ${param(before.id)}`);
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM shipments s ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.id DESC LIMIT ${param(page.limit + 1)}`,
    params,
  );
  return pageOf(rows.map(withUrl), page.limit, (last) => ({ id: last.id }));
}

export type TrackingPush = { trackingNumber: string; status: ShipmentStatus; occurredAt: string; description?: string; location?: string };

/**
 * Records what a carrier reports about one of its parcels. The same event pushed again is
 * recognised and changes nothing (`duplicate: true`). A parcel outside `scope` (the pushing
 * key's warehouses) is as unknown as a tracking number never booked.
 */
export async function recordTrackingEvent(
  tx: Tx,
  actor: string,
  carrierCode: string,
  push: TrackingPush,
  scope: WarehouseScope = null,
): Promise<{ duplicate: boolean; shipment: ShipmentWithTracking }> {
  if (!findCarrier(carrierCode)) throw new NotFound('carrier', carrierCode);
  const row = (
    await tx.query<Row>(`SELECT ${COLUMNS} FROM shipments s WHERE s.carrier = $1 AND s.tracking_number = $2 FOR UPDATE`, [
      carrierCode,
      push.trackingNumber,
    ])
  ).rows[0];
  if (!row || (scope !== null && (row.warehouseId === null || !scope.includes(row.warehouseId)))) throw new NotFound(`${carrierCode} tracking number`, push.trackingNumber);
  const inserted = (
    await tx.query<TrackingEvent>(
      `INSERT INTO tracking_events (shipment_id, status, description, location, occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING ${EVENT_COLUMNS}`,
      [row.id, push.status, push.description ?? '', push.location ?? '', push.occurredAt],
    )
  ).rows[0];
  if (!inserted) return { duplicate: true, shipment: await getShipment(tx, row.id) };

  const latest = (
    await tx.query<TrackingEvent>(`SELECT ${EVENT_COLUMNS} FROM tracking_events WHERE shipment_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 1`, [
      row.id,
    ])
  ).rows[0]!;
  if (latest.id === inserted.id && latest.status !== row.status) {
    await tx.query(
      `UPDATE shipments SET status = $2, status_at = $3, updated_at = now(),
              delivered_at = CASE WHEN $2 = 'delivered' THEN $3::timestamptz ELSE delivered_at END
        WHERE id = $1`,
      [row.id, latest.status, latest.occurredAt],
    );
    const shipment = withUrl({ ...row, status: latest.status, statusAt: latest.occurredAt, deliveredAt: latest.status === 'delivered' ? latest.occurredAt : row.deliveredAt });
    const payload: ShipmentStatusChangedPayload = {
      orderId: row.orderId,
      orderNumber: row.orderNumber,
      warehouseId: row.warehouseId,
      carrier: row.carrier,
      trackingNumber: row.trackingNumber,
      from: row.status,
      to: latest.status,
      occurredAt: latest.occurredAt,
      description: latest.description,
      location: latest.location,
    };
    await appendEvent(tx, actor, { type: E.shipmentStatusChanged, entityType: 'shipment', entityId: row.id, customerId: row.customerId, payload });
    for (const fn of listeners) await fn(tx, actor, { shipment, from: row.status, to: latest.status, event: latest });
  } else if (latest.id === inserted.id) {
    await tx.query('UPDATE shipments SET status_at = $2, updated_at = now() WHERE id = $1', [row.id, latest.occurredAt]);
  }
  return { duplicate: false, shipment: await getShipment(tx, row.id) };
}

/** A carrier's display name (its code when it is not registered), for labels and screens. */
export function carrierName(code: string): string {
  return findCarrier(code)?.name ?? code;
}
