/** What the storage counter reads and sends: typed from the OpenAPI document. */
import { api, call, ApiError, type paths } from '../../../shared/api';

type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type CheckInBody = NonNullable<paths['/api/v1/storage/check-ins']['post']['requestBody']>['content']['application/json'];
export type SizeClass = CheckInBody['items'][number]['sizeClass'];
export type CheckedIn = Ok<'/api/v1/storage/check-ins', 'post'>;
export type Deposit = Ok<'/api/v1/storage/deposits/{id}', 'get'>;
export type StorageItem = Deposit['items'][number];
export type Handover = Ok<'/api/v1/storage/check-outs', 'post'>;
export type Recommendation = Ok<'/api/v1/storage/items/{code}/put-away-recommendations', 'get'>['items'][number];
export type Customer = Ok<'/api/v1/customers', 'get'>['items'][number];

export const SIZE_CLASSES: SizeClass[] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
export const isItemCode = (code: string) => /^ST-[0-9A-Z]{4,}$/i.test(code.trim());
const digits = (s: string) => s.replace(/\D/g, '');

/** The customer with exactly this phone number (by its digits), as check-in finds a walk-in; null when none. */
export async function customerByPhone(phone: string): Promise<Customer | null> {
  const page = await call(api.GET('/api/v1/customers', { params: { query: { q: phone.trim(), limit: 20 } } }));
  return page.items.filter((c) => c.phone !== null && digits(c.phone) === digits(phone)).sort((a, b) => a.id - b.id)[0] ?? null;
}

/** Categories the counter has tariffs for: suggestions while typing one. */
export async function tariffCategories(): Promise<{ categories: string[]; currency: string }> {
  const { items } = await call(api.GET('/api/v1/storage/tariffs'));
  const categories = [...new Set(items.flatMap((t) => (t.category ? [t.category] : [])))].sort();
  return { categories, currency: items[0]?.currency ?? 'CNY' };
}

export const checkIn = (body: CheckInBody, key: string) => call(api.POST('/api/v1/storage/check-ins', { body, headers: { 'idempotency-key': key } }));

/** The item a label names; null when no item has that code. */
export async function itemByCode(code: string) {
  try {
    return await call(api.GET('/api/v1/storage/items/{code}', { params: { path: { code } } }));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

export const recommendations = (code: string) =>
  call(api.GET('/api/v1/storage/items/{code}/put-away-recommendations', { params: { path: { code }, query: { limit: 3 } } })).then((r) => r.items);

/** The deposit the customer's voucher opens; null when no deposit has it. */
export async function depositByVoucher(voucherCode: string): Promise<Deposit | null> {
  try {
    return await call(api.POST('/api/v1/storage/vouchers/lookup', { body: { voucherCode } }));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

export const checkOut = (body: { voucherCode: string; itemCodes: string[]; receivedBy: string; signatureAttachmentId: number }, key: string) =>
  call(
    api.POST('/api/v1/storage/check-outs', {
      body: { voucherCode: body.voucherCode, itemCodes: body.itemCodes, receivedBy: body.receivedBy, signature: { attachmentId: body.signatureAttachmentId } },
      headers: { 'idempotency-key': key },
    }),
  );

/** Minor units as money in the screen's language: 1250 CNY → ¥12.50. */
export function formatMoney(minor: number, currency: string, language: string): string {
  try {
    const f = new Intl.NumberFormat(language, { style: 'currency', currency });
    return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

export const labelsPdf = (depositId: number) => `/api/v1/storage/deposits/${depositId}/labels.pdf?format=50x30`;
/** POST `{voucherCode, locale}`: the slip prints from the code just shown, the only copy there is. */
export const voucherPdf = (depositId: number) => `/api/v1/storage/deposits/${depositId}/voucher.pdf`;
