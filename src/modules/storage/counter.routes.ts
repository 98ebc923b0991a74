/**
 * The counter's check-out starts with the customer's voucher: the deposit it opens (its items with
 * their fees so far), read by the voucher itself so a scanned item label can never stand in for
 * it. POST, so the voucher stays out of URLs and access logs.
 */
import { z } from 'zod';
import { inScope, type WarehouseScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import type { Queryable } from '../../platform/db/client.js';
import { DomainError } from '../../platform/http/errors.js';
import { readDeposits, type Deposit } from './shared.js';
import { DepositDto, VoucherCode } from './storage.schema.js';
import { voucherHashes } from './vouchers.js';

const tags = ['storage'];

/** The deposit this voucher opens, without the voucher; 404 when no deposit has it (in `warehouseIds`, the caller's). */
export async function depositByVoucher(q: Queryable, voucherCode: string, warehouseIds: WarehouseScope = null): Promise<Deposit> {
  const [d] = await readDeposits(q, 'voucher_hash = ANY($1::text[])', [await voucherHashes(q, voucherCode)]);
  if (!d || !inScope({ warehouseIds }, d.warehouse.id)) throw new DomainError(404, 'not-found', 'Not found', 'no deposit has this voucher', { entity: 'storage voucher' });
  return d;
}

export function counterRoutes(app: App, { db }: AppContext) {
  app.post(
    '/api/v1/storage/vouchers/lookup',
    {
      config: { permission: 'storage.write' },
      schema: {
        tags,
        summary: "The deposit a customer's voucher opens, with its items and their fees so far: the first scan of a check-out (404 for an unknown voucher)",
        body: z.object({ voucherCode: VoucherCode }).strict(),
        response: { 200: DepositDto },
      },
    },
    async (req) => depositByVoucher(db, req.body.voucherCode, principal(req).warehouseIds),
  );
}
