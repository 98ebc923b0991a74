/**
 * What the handheld reads from /api/v1, typed from the OpenAPI document. Products and locations
 * looked up by a scanned code are kept for the session, so the second scan of a box is answered
 * without the network.
 */
import { api, ApiError, call, type paths } from '../shared/api';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;
type Body<P extends keyof paths> = paths[P]['post'] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Warehouse = Json<'/api/v1/warehouses', 'get'>['items'][number];
export type OrderSummary = Json<'/api/v1/pick-queue', 'get'>['items'][number];
export type Order = Json<'/api/v1/orders/{id}', 'get'>;
export type PickList = Json<'/api/v1/orders/{id}/pick-list', 'get'>;
export type PickItem = PickList['items'][number];
export type PickResult = Json<'/api/v1/orders/{id}/picks', 'post'>;
export type Product = Json<'/api/v1/products/{id}', 'get'>;
export type Location = Json<'/api/v1/warehouses/{id}/locations/by-code/{code}', 'get'>;
export type Carrier = Json<'/api/v1/carriers', 'get'>['items'][number];
export type PickBody = Body<'/api/v1/orders/{id}/picks'>;
export type ShortPickBody = Body<'/api/v1/orders/{id}/picks/short'>;
export type ShortPickReason = NonNullable<ShortPickBody['reason']>;
export type PackBody = Body<'/api/v1/orders/{id}/pack'>;
export type ShipBody = Body<'/api/v1/orders/{id}/ship'>;
export type ReceiptBody = Body<'/api/v1/stock/receipts'>;
export type MoveBody = Body<'/api/v1/stock/moves'>;
export type PutAway = Json<'/api/v1/stock/put-away/suggestion', 'get'>;
export type Count = Json<'/api/v1/stock/counts/{id}', 'get'>;
export type CountSummary = Json<'/api/v1/stock/counts', 'get'>['items'][number];
export type CountSubmission = Body<'/api/v1/stock/counts/{id}/submit'>;

export const SHORT_PICK_REASONS: ShortPickReason[] = ['not_found', 'damaged', 'expired', 'wrong_product', 'other'];

export const fetchWarehouses = () => call(api.GET('/api/v1/warehouses', { params: { query: { limit: 100 } } }));
export const fetchPickQueue = (warehouseId: number) => call(api.GET('/api/v1/pick-queue', { params: { query: { warehouseId, limit: 50 } } }));
export const fetchOrder = (id: number) => call(api.GET('/api/v1/orders/{id}', { params: { path: { id } } }));
export const fetchPickList = (id: number) => call(api.GET('/api/v1/orders/{id}/pick-list', { params: { path: { id } } }));
export const fetchCarriers = () => call(api.GET('/api/v1/carriers'));
export const fetchReceivingLocations = (warehouseId: number) =>
  call(api.GET('/api/v1/warehouses/{id}/locations', { params: { path: { id: warehouseId }, query: { type: 'receiving', limit: 50 } } }));

/** Where the units scanned on a dock should go: the best bin and the next best. */
export const fetchPutAway = (warehouseId: number, code: string, fromLocationCode: string) =>
  call(api.GET('/api/v1/stock/put-away/suggestion', { params: { query: { warehouseId, code, fromLocationCode, limit: 3 } } }));
export const fetchOpenCounts = (warehouseId: number) => call(api.GET('/api/v1/stock/counts', { params: { query: { warehouseId, status: 'open', limit: 50 } } }));
export const fetchCount = (id: number) => call(api.GET('/api/v1/stock/counts/{id}', { params: { path: { id } } }));
export const openCount = (warehouseId: number, locationCode: string, key: string) =>
  call(api.POST('/api/v1/stock/counts', { body: { warehouseId, locationCodes: [locationCode] }, headers: { 'idempotency-key': key } }));

/** Confirmed → picking (or more allocated while picking): the pick list in walking order. */
export const startPickList = (id: number, key: string) =>
  call(api.POST('/api/v1/orders/{id}/pick-list', { params: { path: { id } }, headers: { 'idempotency-key': key } }));

/** An order by its number as printed on the pick slip or parcel. */
export async function findOrderByNumber(number: string): Promise<Order | null> {
  const page = await call(api.GET('/api/v1/orders', { params: { query: { q: number, limit: 5 } } }));
  const hit = page.items.find((o) => o.number.toUpperCase() === number.trim().toUpperCase()) ?? page.items[0];
  return hit ? fetchOrder(hit.id) : null;
}

const productsByCode = new Map<string, Product>();
const productsById = new Map<number, Product>();

function remember(p: Product): Product {
  productsById.set(p.id, p);
  productsByCode.set(p.sku.toUpperCase(), p);
  for (const b of p.barcodes) productsByCode.set(b.toUpperCase(), p);
  return p;
}

/** The product a scanned code names; null when no product has it. Throws NetworkError offline. */
export async function productByCode(code: string): Promise<Product | null> {
  const known = productsByCode.get(code.toUpperCase());
  if (known) return known;
  try {
    return remember(await call(api.GET('/api/v1/products/by-code/{code}', { params: { path: { code } } })));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

export async function productById(id: number): Promise<Product> {
  return productsById.get(id) ?? remember(await call(api.GET('/api/v1/products/{id}', { params: { path: { id } } })));
}

/** Whether a code names this product (its SKU or one of its barcodes). */
export function productHasCode(p: Pick<Product, 'sku' | 'barcodes'>, code: string): boolean {
  const c = code.trim().toUpperCase();
  return p.sku.toUpperCase() === c || p.barcodes.some((b) => b.toUpperCase() === c);
}

const locations = new Map<string, Location>();

/** The location a scanned code names in the warehouse; null when there is none. */
export async function locationByCode(warehouseId: number, code: string): Promise<Location | null> {
  const key = `${warehouseId}:${code.toUpperCase()}`;
  const known = locations.get(key);
  if (known) return known;
  try {
    const loc = await call(api.GET('/api/v1/warehouses/{id}/locations/by-code/{code}', { params: { path: { id: warehouseId, code } } }));
    locations.set(key, loc);
    return loc;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

/** Lot and expiry are asked for products that carry them (a shelf life, or marked lot-tracked). */
export function tracksLot(p: Product): boolean {
  return typeof p.customFields.shelfLifeDays === 'number' || p.customFields.lotTracked === true;
}

export function defaultExpiry(p: Product, today = new Date()): string {
  const days = p.customFields.shelfLifeDays;
  if (typeof days !== 'number') return '';
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
