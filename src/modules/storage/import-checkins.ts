/**
 * Batch check-in from a file, all or nothing: the file is parsed (./import), every row is checked
 * as a check-in item, and only a file without a single error is imported, in one transaction,
 * one deposit per customer phone. Row numbers are the spreadsheet's (the header is row 1).
 */
import { z } from 'zod';
import type { Tx } from '../../platform/db/client.js';
import { DomainError, Invalid } from '../../platform/http/errors.js';
import { checkIn } from './checkin.js';
import { parseCheckInFile, type CheckInRow } from './import/checkin-file.js';
import { NewItemInput, Phone } from './storage.schema.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ImportedDto = z.object({
  imported: z.number().describe('items checked in'),
  deposits: z.array(z.object({ id: z.number(), depositNumber: z.string(), voucherCode: z.string(), customerId: z.number(), items: z.array(z.string()) })),
});
type Imported = z.infer<typeof ImportedDto>;
type RowError = { row: number; field: string; message: string };

class RowErrors extends DomainError {
  constructor(errors: RowError[]) {
    super(422, 'invalid', 'Invalid request', `${errors.length} error${errors.length === 1 ? '' : 's'} in the file; nothing was imported`, {
      field: 'body',
      errors: errors.map((e) => ({ field: `rows.${e.row}.${e.field}`, message: e.message, row: e.row })),
    });
  }
}

/** The offset of `timeZone` at `date`, as +08:00, for the end of a pick-up day there. */
function offsetOf(date: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(`${date}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '');
  return m ? m[1]! : '+00:00';
}

function toItem(r: CheckInRow, timeZone: string) {
  return {
    category: r.category,
    sizeClass: r.sizeClass,
    description: r.description,
    ...(r.declaredValue !== undefined && { declaredValue: r.declaredValue }),
    ...(Object.keys(r.customFields).length > 0 && { customFields: r.customFields }),
    ...(r.expectedPickupDate && { expectedPickupAt: `${r.expectedPickupDate}T23:59:59${offsetOf(r.expectedPickupDate, timeZone)}` }),
  };
}

export async function importCheckIns(
  tx: Tx,
  actor: string,
  f: { bytes: Buffer; kind: 'csv' | 'xlsx'; warehouseId: number; locale?: 'zh-CN' | 'en'; timeZone: string },
): Promise<Imported> {
  const parsed = await parseCheckInFile(new Uint8Array(f.bytes), f.kind);
  if (parsed.errors.length) throw new RowErrors(parsed.errors);
  const errors: RowError[] = [];
  const groups = new Map<string, Array<{ row: number; data: CheckInRow }>>();
  parsed.rows.forEach((data, i) => {
    const row = parsed.rowNumbers[i] ?? i + 2;
    const phone = Phone.safeParse(data.customerPhone);
    if (!phone.success) errors.push({ row, field: 'customerPhone', message: phone.error.issues[0]!.message });
    const item = NewItemInput.safeParse(toItem(data, f.timeZone));
    if (!item.success) for (const issue of item.error.issues) errors.push({ row, field: issue.path.join('.') || 'row', message: issue.message });
    const key = data.customerPhone.replace(/\D/g, '');
    groups.set(key, [...(groups.get(key) ?? []), { row, data }]);
  });
  if (errors.length) throw new RowErrors(errors);

  const deposits: Imported['deposits'] = [];
  for (const rows of groups.values()) {
    if (rows.length > 50) throw new RowErrors([{ row: rows[50]!.row, field: 'customerPhone', message: 'at most 50 items per customer in one file' }]);
    const first = rows[0]!.data;
    try {
      const d = await checkIn(tx, actor, {
        warehouseId: f.warehouseId,
        customerPhone: first.customerPhone,
        ...(first.customerName && { customerName: first.customerName }),
        ...(f.locale && { locale: f.locale }),
        items: rows.map((r) => NewItemInput.parse(toItem(r.data, f.timeZone))),
      });
      deposits.push({ id: d.id, depositNumber: d.depositNumber, voucherCode: d.voucherCode, customerId: d.customer.id, items: d.items.map((i) => i.code) });
    } catch (err) {
      // A whole-request field (the warehouse) stays as it is; a row's field names its row.
      if (err instanceof Invalid && typeof err.extra.field === 'string' && err.extra.field.startsWith('items.')) {
        const [, index, ...rest] = err.extra.field.split('.');
        throw new RowErrors([{ row: rows[Number(index)]?.row ?? 0, field: rest.join('.'), message: err.message }]);
      }
      if (err instanceof Invalid && err.extra.field === 'warehouseId') throw new Invalid('querystring.warehouseId', err.message);
      throw err;
    }
  }
  return { imported: parsed.rows.length, deposits };
}
