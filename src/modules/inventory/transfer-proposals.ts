/**
 * Transfer proposals: where a warehouse is short of a product (available-to-promise below its
 * safety stock, or orders backordered there), which other warehouse can spare it (the largest
 * surplus above its own safety stock and backorders) and how much (the smaller of the two).
 * The math is a plain function; the rest gathers its inputs and, when a stock change has just
 * made a warehouse short (`stock.low`), records the proposal once and writes `transfer.proposed`.
 */
import type { Queryable, Tx } from '../../platform/db/client.js';
import { appendEvent } from '../../platform/events/log.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { onStockLow } from './stock.service.js';
import { OPEN_TRANSFER_STATUSES, TRANSFER_EVENTS as E } from './transfers.schema.js';

/** One product in one warehouse, as the proposal math sees it. */
export type StockPosition = {
  productId: number;
  warehouseId: number;
  /** Available-to-promise: on hand − reserved − quarantined. */
  available: number;
  safetyStock: number;
  /** Units of backordered orders waiting for this product here. */
  backordered: number;
  /** Units on open transfers coming here and not yet received (draft, released, in transit). */
  inbound: number;
  /** Units on draft transfers leaving here (not yet reserved, but already spoken for). */
  outboundDraft: number;
};

export type Proposal = {
  productId: number;
  fromWarehouseId: number;
  toWarehouseId: number;
  quantity: number;
  /** What the destination lacks: safety stock + backorders − available − inbound. */
  need: number;
  /** What the source can spare: available − its safety stock − its backorders − its draft transfers out. */
  surplus: number;
  reason: 'backorders' | 'below_safety_stock';
};

export const needOf = (p: StockPosition) => p.safetyStock + p.backordered - p.available - p.inbound;
export const surplusOf = (p: StockPosition) => p.available - p.safetyStock - p.backordered - p.outboundDraft;

/**
 * For each (product, short warehouse) the best source: the largest surplus, the lower
 * warehouse id on a tie. `activeWarehouses` limits both ends (an inactive one neither asks nor gives).
 */
export function proposeTransfers(positions: readonly StockPosition[], opts: { toWarehouseId?: number; activeWarehouses?: ReadonlySet<number> } = {}): Proposal[] {
  const active = (id: number) => !opts.activeWarehouses || opts.activeWarehouses.has(id);
  const byProduct = new Map<number, StockPosition[]>();
  for (const p of positions) byProduct.set(p.productId, [...(byProduct.get(p.productId) ?? []), p]);
  const proposals: Proposal[] = [];
  for (const [productId, here] of [...byProduct].sort((a, b) => a[0] - b[0])) {
    for (const to of [...here].sort((a, b) => a.warehouseId - b.warehouseId)) {
      if (opts.toWarehouseId !== undefined && to.warehouseId !== opts.toWarehouseId) continue;
      const need = needOf(to);
      if (need <= 0 || !active(to.warehouseId)) continue;
      let best: { warehouseId: number; surplus: number } | undefined;
      for (const from of here) {
        if (from.warehouseId === to.warehouseId || !active(from.warehouseId)) continue;
        const surplus = surplusOf(from);
        if (surplus > 0 && (!best || surplus > best.surplus || (surplus === best.surplus && from.warehouseId < best.warehouseId))) {
          best = { warehouseId: from.warehouseId, surplus };
        }
      }
      if (!best) continue;
      proposals.push({
        productId,
        fromWarehouseId: best.warehouseId,
        toWarehouseId: to.warehouseId,
        quantity: Math.min(need, best.surplus),
        need,
        surplus: best.surplus,
        reason: to.backordered > 0 ? 'backorders' : 'below_safety_stock',
      });
    }
  }
  return proposals;
}

// ---- backorders: the orders module's news, supplied by a flow ----------------------------------

/** Units each backordered (product, warehouse) still lacks; orders own that data, a flow supplies it. */
export type BackorderDemand = (
  q: Queryable,
  f: { productIds?: readonly number[]; warehouseId?: number },
) => Promise<Array<{ productId: number; warehouseId: number; quantity: number }>>;
let backorderDemand: BackorderDemand = async () => [];
export function setBackorderDemand(fn: BackorderDemand) {
  backorderDemand = fn;
}

// ---- gathering the inputs ----------------------------------------------------------------------

const MAX_PRODUCTS = 5000;

/** Products that can be short in a warehouse (or anywhere): those with a safety stock or backorders there. */
async function candidateProducts(q: Queryable, f: { warehouseId?: number; productIds?: readonly number[] }): Promise<number[]> {
  const params: unknown[] = [];
  const where: string[] = ['quantity > 0'];
  if (f.warehouseId) where.push(`warehouse_id = $${params.push(f.warehouseId)}`);
  if (f.productIds) where.push(`product_id = ANY($${params.push(f.productIds)}::bigint[])`);
  const { rows } = await q.query<{ productId: number }>(
    `SELECT DISTINCT product_id AS "productId" FROM safety_stock WHERE ${where.join(' AND ')} ORDER BY 1 LIMIT ${MAX_PRODUCTS}`,
    params,
  );
  const demand = await backorderDemand(q, f);
  return [...new Set([...rows.map((r) => r.productId), ...demand.filter((d) => d.quantity > 0).map((d) => d.productId)])].sort((a, b) => a - b).slice(0, MAX_PRODUCTS);
}

/** Every warehouse's position in these products (a warehouse that never held one has zeros). */
export async function stockPositions(q: Queryable, productIds: readonly number[]): Promise<StockPosition[]> {
  if (productIds.length === 0) return [];
  const { rows } = await q.query<Omit<StockPosition, 'backordered'>>(
    `WITH p AS (SELECT unnest($1::bigint[]) AS product_id),
          open_lines AS (
            SELECT t.from_warehouse_id, t.to_warehouse_id, t.status, l.product_id,
                   CASE WHEN t.status IN ('draft', 'released') THEN l.quantity ELSE l.shipped - l.received - l.written_off END AS qty
              FROM transfer_orders t JOIN transfer_lines l ON l.transfer_id = t.id
             WHERE t.status = ANY($2::text[]) AND l.product_id = ANY($1::bigint[]))
     SELECT p.product_id AS "productId", w.id AS "warehouseId",
            coalesce(b.on_hand - b.reserved - b.quarantined, 0)::bigint AS available,
            coalesce(s.quantity, 0)::bigint AS "safetyStock",
            coalesce((SELECT sum(qty) FROM open_lines o WHERE o.product_id = p.product_id AND o.to_warehouse_id = w.id), 0)::bigint AS inbound,
            coalesce((SELECT sum(qty) FROM open_lines o WHERE o.product_id = p.product_id AND o.from_warehouse_id = w.id AND o.status = 'draft'), 0)::bigint AS "outboundDraft"
       FROM p CROSS JOIN warehouses w
       LEFT JOIN stock_balances b ON b.product_id = p.product_id AND b.warehouse_id = w.id
       LEFT JOIN safety_stock s ON s.product_id = p.product_id AND s.warehouse_id = w.id
      ORDER BY 1, 2`,
    [productIds, OPEN_TRANSFER_STATUSES],
  );
  const demand = await backorderDemand(q, { productIds });
  const waiting = new Map(demand.map((d) => [`${d.productId}:${d.warehouseId}`, d.quantity]));
  return rows.map((r) => ({ ...r, backordered: waiting.get(`${r.productId}:${r.warehouseId}`) ?? 0 }));
}

async function activeWarehouses(q: Queryable): Promise<Set<number>> {
  return new Set((await q.query<{ id: number }>('SELECT id FROM warehouses WHERE active')).rows.map((r) => r.id));
}

export type ProposalView = Proposal & {
  available: number;
  safetyStock: number;
  backordered: number;
  inbound: number;
  /** The open recorded proposal for this product and pair of warehouses, if `transfer.proposed` was written. */
  proposalId: number | null;
};

/** What to transfer now, for a warehouse (or all of them), optionally for some products only. */
export async function computeProposals(q: Queryable, f: { warehouseId?: number; productIds?: readonly number[] }): Promise<ProposalView[]> {
  const productIds = await candidateProducts(q, f);
  const positions = await stockPositions(q, productIds);
  const proposals = proposeTransfers(positions, { toWarehouseId: f.warehouseId, activeWarehouses: await activeWarehouses(q) });
  if (proposals.length === 0) return [];
  const { rows: open } = await q.query<{ id: number; productId: number; fromWarehouseId: number; toWarehouseId: number }>(
    `SELECT id, product_id AS "productId", from_warehouse_id AS "fromWarehouseId", to_warehouse_id AS "toWarehouseId"
       FROM transfer_proposals WHERE status = 'open' AND product_id = ANY($1::bigint[])`,
    [[...new Set(proposals.map((p) => p.productId))]],
  );
  const key = (p: { productId: number; fromWarehouseId: number; toWarehouseId: number }) => `${p.productId}:${p.fromWarehouseId}:${p.toWarehouseId}`;
  const recorded = new Map(open.map((o) => [key(o), o.id]));
  return proposals.map((p) => {
    const to = positions.find((x) => x.productId === p.productId && x.warehouseId === p.toWarehouseId)!;
    return { ...p, available: to.available, safetyStock: to.safetyStock, backordered: to.backordered, inbound: to.inbound, proposalId: recorded.get(key(p)) ?? null };
  });
}

/**
 * Called with `stock.low` (inside the transaction of the change that made the warehouse short):
 * records the proposal and writes `transfer.proposed`, unless one is already open for this
 * product and pair of warehouses (the partial unique index decides, so concurrent changes agree).
 */
export async function proposeOnLow(tx: Tx, actor: string, at: { productId: number; warehouseId: number }): Promise<void> {
  const positions = await stockPositions(tx, [at.productId]);
  const [p] = proposeTransfers(positions, { toWarehouseId: at.warehouseId, activeWarehouses: await activeWarehouses(tx) });
  if (!p) return;
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO transfer_proposals (product_id, from_warehouse_id, to_warehouse_id, quantity) VALUES ($1, $2, $3, $4)
     ON CONFLICT (product_id, from_warehouse_id, to_warehouse_id) WHERE status = 'open' DO NOTHING RETURNING id`,
    [p.productId, p.fromWarehouseId, p.toWarehouseId, p.quantity],
  );
  if (!rows[0]) return;
  await appendEvent(tx, actor, {
    type: E.proposed,
    entityType: 'transfer_proposal',
    entityId: rows[0].id,
    payload: { proposalId: rows[0].id, ...p },
  });
}

/** A transfer was created for these products and pair of warehouses: their open proposals are accepted. Returns their ids. */
export async function acceptProposals(tx: Tx, transferId: number, fromWarehouseId: number, toWarehouseId: number, productIds: readonly number[]): Promise<number[]> {
  const { rows } = await tx.query<{ id: number }>(
    `UPDATE transfer_proposals SET status = 'accepted', transfer_id = $1, decided_at = now()
      WHERE status = 'open' AND from_warehouse_id = $2 AND to_warehouse_id = $3 AND product_id = ANY($4::bigint[])
      RETURNING id`,
    [transferId, fromWarehouseId, toWarehouseId, productIds],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export type RecordedProposal = {
  id: number;
  productId: number;
  fromWarehouseId: number;
  toWarehouseId: number;
  quantity: number;
  status: 'open' | 'accepted' | 'dismissed';
  transferId: number | null;
  createdAt: string;
  decidedAt: string | null;
};
const RECORDED = `id, product_id AS "productId", from_warehouse_id AS "fromWarehouseId", to_warehouse_id AS "toWarehouseId", quantity, status,
  transfer_id AS "transferId", created_at AS "createdAt", decided_at AS "decidedAt"`;

export async function getProposal(q: Queryable, id: number): Promise<RecordedProposal> {
  const p = (await q.query<RecordedProposal>(`SELECT ${RECORDED} FROM transfer_proposals WHERE id = $1`, [id])).rows[0];
  if (!p) throw new NotFound('transfer proposal', id);
  return p;
}

/** Not worth doing: the proposal closes, and the next shortage of this product and pair may propose again. */
export async function dismissProposal(tx: Tx, actor: string, id: number, reason: string): Promise<RecordedProposal> {
  const p = (await tx.query<RecordedProposal>(`SELECT ${RECORDED} FROM transfer_proposals WHERE id = $1 FOR UPDATE`, [id])).rows[0];
  if (!p) throw new NotFound('transfer proposal', id);
  if (p.status !== 'open') throw new Conflict(`transfer proposal ${id} is ${p.status}; only an open one can be dismissed`, { currentState: p.status });
  await tx.query(`UPDATE transfer_proposals SET status = 'dismissed', decided_at = now() WHERE id = $1`, [id]);
  await appendEvent(tx, actor, {
    type: E.proposalDismissed,
    entityType: 'transfer_proposal',
    entityId: id,
    payload: { proposalId: id, productId: p.productId, fromWarehouseId: p.fromWarehouseId, toWarehouseId: p.toWarehouseId, reason },
  });
  return getProposal(tx, id);
}

// Every stock change that raises stock.low asks for a proposal in its own transaction.
onStockLow(proposeOnLow);
