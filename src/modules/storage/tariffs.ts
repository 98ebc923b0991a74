/** Storage tariffs (per size class and category; the most specific wins) and the module's settings. */
import type { z } from 'zod';
import type { Queryable, Tx } from '../../platform/db/client.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import type { SettingsInput, TariffDto, TariffInput, TariffPatchInput } from './storage.schema.js';

export type TariffRow = z.infer<typeof TariffDto>;
const COLUMNS = `id, size_class AS "sizeClass", category, unit, rate, grace_minutes AS "graceMinutes", minimum_charge AS "minimumCharge", cap, currency`;

function checkCap(t: { cap: number | null; minimumCharge: number }) {
  if (t.cap !== null && t.cap < t.minimumCharge) throw new Invalid('cap', `the cap (${t.cap}) cannot be below the minimum charge (${t.minimumCharge})`);
}

export async function listTariffs(q: Queryable): Promise<TariffRow[]> {
  return (await q.query<TariffRow>(`SELECT ${COLUMNS} FROM storage_tariffs ORDER BY size_class NULLS LAST, category NULLS LAST, id`)).rows;
}

export async function createTariff(tx: Tx, input: z.output<typeof TariffInput>): Promise<TariffRow> {
  checkCap(input);
  const { rows } = await tx.query<TariffRow>(
    `INSERT INTO storage_tariffs (size_class, category, unit, rate, grace_minutes, minimum_charge, cap, currency)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [input.sizeClass, input.category, input.unit, input.rate, input.graceMinutes, input.minimumCharge, input.cap, input.currency],
  );
  if (!rows[0]) {
    throw new Conflict(`a tariff for size class ${input.sizeClass ?? 'any'} and category ${input.category ?? 'any'} already exists; change it instead`, {
      field: 'sizeClass',
    });
  }
  return rows[0];
}

/** Changes a tariff for items checked in from now on; stored items keep the tariff of their check-in. */
export async function updateTariff(tx: Tx, id: number, patch: z.output<typeof TariffPatchInput>): Promise<TariffRow> {
  const current = (await tx.query<TariffRow>(`SELECT ${COLUMNS} FROM storage_tariffs WHERE id = $1 FOR UPDATE`, [id])).rows[0];
  if (!current) throw new NotFound('storage tariff', id);
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as TariffRow;
  checkCap(next);
  const { rows } = await tx.query<TariffRow>(
    `UPDATE storage_tariffs SET unit = $2, rate = $3, grace_minutes = $4, minimum_charge = $5, cap = $6, currency = $7, updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, next.unit, next.rate, next.graceMinutes, next.minimumCharge, next.cap, next.currency],
  );
  return rows[0]!;
}

export async function deleteTariff(tx: Tx, id: number): Promise<void> {
  const { rowCount } = await tx.query(`DELETE FROM storage_tariffs WHERE id = $1`, [id]);
  if (!rowCount) throw new NotFound('storage tariff', id);
}

export type Settings = { maxStorageDays: number | null };

export async function getSettings(q: Queryable): Promise<Settings> {
  return (await q.query<Settings>(`SELECT max_storage_days AS "maxStorageDays" FROM storage_settings`)).rows[0] ?? { maxStorageDays: null };
}

export async function updateSettings(tx: Tx, input: z.output<typeof SettingsInput>): Promise<Settings> {
  await tx.query(`UPDATE storage_settings SET max_storage_days = $1, updated_at = now()`, [input.maxStorageDays]);
  return getSettings(tx);
}
