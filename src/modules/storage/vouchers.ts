/**
 * How a voucher is kept: never in plaintext. A deposit keeps the voucher's keyed hash (to find the
 * deposit by it), its last 2 characters (to show it masked) and, while the deposit is open, the
 * voucher sealed with AES-256-GCM for the one reader that must see it again: the customer's
 * voucher notice, which the rules engine renders after the check-in has committed.
 *
 * The key is the server's secret: SECRET_KEY, or else the database's own (made by migration 004).
 * With SECRET_KEY, a copy of the database alone neither opens a sealed voucher nor lets anyone try
 * the 2^50 possible vouchers against the hashes. Vouchers made under the database's secret (before
 * SECRET_KEY was set, or by the migration) are still found; new ones use SECRET_KEY.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db/client.js';
import { maskSecret } from '../../platform/auth/secrets.js';

/**
 * SECRET_KEY of this process. The storage module takes it from the configuration when its routes
 * are mounted (`storageRoutes`): the rules engine of the same process, which renders the voucher
 * notice and has no configuration of its own, then opens what the routes sealed.
 */
let processSecret: string | undefined;

export function useSecretKey(secretKey: string | undefined): void {
  processSecret = secretKey;
}

/** The secrets to find vouchers by, the one new vouchers are made under first. Each is 32 bytes. */
export type VoucherKeys = { current: Buffer; all: Buffer[] };

export async function voucherKeys(q: Queryable): Promise<VoucherKeys> {
  const { rows } = await q.query<{ secret: Uint8Array }>('SELECT secret FROM storage_voucher_secret');
  if (!rows[0]) throw new Error('storage_voucher_secret is empty: the storage migrations did not run');
  const own = Buffer.from(rows[0].secret);
  if (processSecret === undefined) return { current: own, all: [own] };
  const configured = createHash('sha256').update(processSecret, 'utf8').digest();
  return { current: configured, all: [configured, own] };
}

/** SHA-256(key ‖ VOUCHER), hex: what migration 004 computes in SQL for the vouchers it converts. */
export function voucherHash(key: Buffer, voucherCode: string): string {
  return createHash('sha256').update(key).update(voucherCode.trim().toUpperCase(), 'utf8').digest('hex');
}

/** The hashes a voucher may be stored under: compare with `voucher_hash = ANY($n::text[])`. */
export async function voucherHashes(q: Queryable, voucherCode: string): Promise<string[]> {
  return (await voucherKeys(q)).all.map((k) => voucherHash(k, voucherCode));
}

/** `••••AB`: how a voucher is shown after it is made. */
export const maskedVoucher = (last2: string) => maskSecret(last2);

const sealKey = (key: Buffer) => createHmac('sha256', key).update('wareloop storage voucher seal').digest();
const IV = 12;
const TAG = 16;

/**
 * The voucher encrypted for its deposit's notice: nonce ‖ tag ‖ ciphertext. The deposit number is
 * the associated data, so a sealed voucher copied onto another deposit does not open there.
 */
export function sealVoucher(keys: VoucherKeys, depositNumber: string, voucherCode: string): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', sealKey(keys.current), iv);
  cipher.setAAD(Buffer.from(depositNumber, 'utf8'));
  const text = Buffer.concat([cipher.update(voucherCode, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), text]);
}

/** The sealed voucher, opened with whichever of the keys sealed it; throws if none did. */
export function openVoucher(keys: VoucherKeys, depositNumber: string, sealed: Uint8Array): string {
  const bytes = Buffer.from(sealed);
  for (const key of keys.all) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', sealKey(key), bytes.subarray(0, IV));
      decipher.setAAD(Buffer.from(depositNumber, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV, IV + TAG));
      return Buffer.concat([decipher.update(bytes.subarray(IV + TAG)), decipher.final()]).toString('utf8');
    } catch {
      // sealed under another key: try the next
    }
  }
  throw new Error(`the voucher of deposit ${depositNumber} does not open: was it sealed under another SECRET_KEY?`);
}
