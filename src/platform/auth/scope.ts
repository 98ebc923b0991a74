/**
 * Warehouse scope: a user or API key may be limited to some warehouses. Every read and write of
 * stock, orders, counts, returns and deposits asks here, so a person limited to Shanghai neither
 * sees nor moves Beijing's stock. `null` means every warehouse.
 */
import { DomainError } from '../http/errors.js';
import type { Principal } from './auth.service.js';

export type WarehouseScope = readonly number[] | null;

/** Something outside the caller's warehouses: 403 naming the field that points there. */
export class OutsideScope extends DomainError {
  constructor(field: string, warehouseId: number | string) {
    const detail = `Warehouse ${warehouseId} is outside the warehouses you may work in`;
    super(403, 'outside-scope', 'Outside your warehouses', detail, { field, warehouseId: Number(warehouseId), errors: [{ field, message: detail }] });
  }
}

export function inScope(p: Pick<Principal, 'warehouseIds'>, warehouseId: number | string): boolean {
  return p.warehouseIds === null || p.warehouseIds.includes(Number(warehouseId));
}

/** Refuses a write (or a read of one thing) in a warehouse outside the caller's scope. */
export function assertInScope(p: Pick<Principal, 'warehouseIds'>, warehouseId: number | string, field = 'warehouseId'): void {
  if (!inScope(p, warehouseId)) throw new OutsideScope(field, warehouseId);
}

/**
 * The warehouses a list may show: the caller's scope, narrowed by the warehouse the request asks
 * for. A request for a warehouse outside the scope is refused rather than answered empty, so a
 * mistyped filter is not mistaken for "no stock".
 */
export function listScope(p: Pick<Principal, 'warehouseIds'>, requested?: number | null, field = 'warehouseId'): WarehouseScope {
  if (requested != null) {
    assertInScope(p, requested, field);
    return [requested];
  }
  return p.warehouseIds;
}

/** Whether a scope `inner` lies within `outer` (null: every warehouse). */
export function scopeWithin(inner: WarehouseScope, outer: WarehouseScope): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return inner.every((id) => outer.includes(id));
}

/** Whether any of these warehouses (a transfer's two sides, say) is in the caller's scope. */
export function anyInScope(p: Pick<Principal, 'warehouseIds'>, warehouseIds: ReadonlyArray<number | string>): boolean {
  return warehouseIds.some((id) => inScope(p, id));
}

/**
 * A document (an order, a return, a deposit, a count, a transfer, a shipment) in a warehouse
 * outside the caller's scope does not exist for them: `hidden` is the very error an unknown id
 * gets, so ids cannot be probed across warehouses. `warehouseOf` (undefined: no such document)
 * is asked only of a scoped caller, so a caller with every warehouse pays no query for it.
 */
export async function assertVisible(
  p: Pick<Principal, 'warehouseIds'>,
  warehouseOf: () => Promise<number | readonly number[] | undefined>,
  hidden: () => Error,
): Promise<void> {
  if (p.warehouseIds === null) return;
  const at = await warehouseOf();
  if (at === undefined || !anyInScope(p, typeof at === 'number' ? [at] : at)) throw hidden();
}

/**
 * The SQL condition limiting `column` to a scope, its parameter pushed onto `params`; undefined
 * for every warehouse, so an unscoped query stays exactly as it was.
 */
export function scopeCondition(scope: WarehouseScope | undefined, column: string, params: unknown[]): string | undefined {
  if (scope == null) return undefined;
  return `${column} = ANY($${params.push([...scope])}::bigint[])`;
}

/** Something that spans every warehouse (a new warehouse, the stock doctor) asked by a caller limited to some. */
export class NeedsEveryWarehouse extends DomainError {
  constructor(what: string) {
    super(403, 'outside-scope', 'Outside your warehouses', `${what} spans every warehouse; you are limited to some`);
  }
}

export function assertEveryWarehouse(p: Pick<Principal, 'warehouseIds'>, what: string): void {
  if (p.warehouseIds !== null) throw new NeedsEveryWarehouse(what);
}

/**
 * An `onRequest` hook for routes that span every warehouse as a whole (webhooks, rules): a
 * caller limited to some is refused (403 `outside-scope`) before the request is read further.
 */
export function everyWarehouseHook(what: string) {
  return async (req: { principal?: Pick<Principal, 'warehouseIds'> }): Promise<void> => {
    // Fails closed: these routes all need a permission, so the auth hook has set the caller.
    assertEveryWarehouse(req.principal ?? { warehouseIds: [] }, what);
  };
}

/**
 * Entity types of the event log that live in a warehouse: their events are shown to a scoped
 * caller only when the payload names a warehouse in scope. Events of other entities (customers,
 * products' catalog changes, tasks, rules) concern no warehouse and stay visible.
 */
export const WAREHOUSE_BOUND_ENTITIES = [
  'order',
  'shipment',
  'return',
  'refund',
  'transfer',
  'transfer_proposal',
  'stock_count',
  'storage_deposit',
  'storage_item',
  'storage_count',
  'warehouse',
  'location',
] as const;

/** The event log filter for a caller's scope (EventFilter.warehouseScope); undefined for every warehouse. */
export function eventScope(p: Pick<Principal, 'warehouseIds'>): { warehouseIds: readonly number[]; boundEntityTypes: readonly string[] } | undefined {
  return p.warehouseIds === null ? undefined : { warehouseIds: p.warehouseIds, boundEntityTypes: WAREHOUSE_BOUND_ENTITIES };
}
