/**
 * Inspecting received goods, level by level (the settings' inspection levels; a level applies to
 * lines whose unit price reaches its threshold). Each call records the next due level of the
 * lines it names: the grade split of the received units, the category's checklist answered in
 * full, photos and a note. When every received line has passed its last level, the request is
 * inspected and each line keeps the grades of its last level.
 */
import { assertSeparateDuty } from '../../platform/auth/duties.js';
import type { Tx } from '../../platform/db/client.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { getAttachments, linkAttachments, type AttachmentScope } from '../attachments/index.js';
import { GRADES, RETURN_EVENTS as E, type Grade } from './events.js';
import { levelsFor } from './policy.js';
import { expectStatus, lockReturn, recordReturnEvent, returnLines, setReturnStatus, type ReturnRow } from './returns.service.js';
import { checklistFor, getSettings } from './settings.service.js';

export type LineInspection = {
  returnLineId: number;
  grades: Partial<Record<Grade, number>>;
  checklist: Array<{ item: string; passed: boolean; note?: string }>;
  photoIds?: number[];
  note?: string;
};

/** `scope`: the caller's (`eventScope`): a photo on another warehouse's record is answered as an unknown one. */
export async function inspectReturn(tx: Tx, actor: string, id: number, input: { lines: LineInspection[] }, scope?: AttachmentScope): Promise<ReturnRow> {
  const r = await lockReturn(tx, id);
  if (['requested', 'awaiting_second_approval', 'approved'].includes(r.status)) {
    throw new Conflict(`return ${r.rmaNumber ?? r.id} is ${r.status}: nothing has been received to inspect yet`, { currentState: r.status });
  }
  expectStatus(r, ['received'], 'inspection');
  const settings = await getSettings(tx);
  const lines = await returnLines(tx, r.id);
  const { rows: done } = await tx.query<{ returnLineId: number; level: number }>(
    'SELECT return_line_id AS "returnLineId", max(level) AS level FROM return_inspections WHERE return_id = $1 GROUP BY return_line_id',
    [r.id],
  );
  const lastDone = new Map(done.map((d) => [d.returnLineId, d.level]));
  const { rows: inspectors } = await tx.query<{ returnLineId: number; inspector: string; levelName: string }>(
    'SELECT return_line_id AS "returnLineId", inspector, level_name AS "levelName" FROM return_inspections WHERE return_id = $1',
    [r.id],
  );
  const recorded: Array<{ sku: string; level: string; grades: Partial<Record<Grade, number>>; final: boolean }> = [];
  const seen = new Set<number>();
  for (const [i, li] of input.lines.entries()) {
    const line = lines.find((l) => l.id === li.returnLineId);
    if (!line) throw new Invalid(`lines.${i}.returnLineId`, `line ${li.returnLineId} is not on return ${r.rmaNumber}`);
    if (seen.has(line.id)) throw new Invalid(`lines.${i}.returnLineId`, `line ${line.id} is named twice`);
    seen.add(line.id);
    if (line.receivedQuantity === 0) {
      throw new Conflict(`${line.sku} of return ${r.rmaNumber} was not received; there is nothing to inspect`, { currentState: 'not_received', field: `lines.${i}.returnLineId` });
    }
    const due = levelsFor(settings.inspectionLevels, line.unitPrice).filter((l) => l.level > (lastDone.get(line.id) ?? 0));
    const next = due[0];
    if (!next) throw new Conflict(`${line.sku} of return ${r.rmaNumber} has passed every inspection level`, { currentState: 'inspected', field: `lines.${i}.returnLineId` });
    await assertSeparateDuty(
      tx,
      'returns.inspection',
      actor,
      inspectors.filter((x) => x.returnLineId === line.id).map((x) => ({ actor: x.inspector, act: `inspection level ${x.levelName} of ${line.sku} (return ${r.rmaNumber})` })),
      { currentState: r.status, field: `lines.${i}.returnLineId`, level: next.name },
    );
    const total = GRADES.reduce((n, g) => n + (li.grades[g] ?? 0), 0);
    if (total !== line.receivedQuantity) {
      throw new Invalid(`lines.${i}.grades`, `the grades cover ${total} unit(s); ${line.receivedQuantity} of ${line.sku} were received`);
    }
    const items = await checklistFor(tx, line.category);
    const missing = items.filter((item) => !li.checklist.some((c) => c.item === item));
    if (missing.length) throw new Invalid(`lines.${i}.checklist`, `the checklist of ${line.category ?? 'every category'} also needs: ${missing.join(', ')}`);
    const unknown = li.checklist.find((c) => !items.includes(c.item));
    if (unknown) throw new Invalid(`lines.${i}.checklist`, `${unknown.item} is not on the checklist (${items.join(', ')})`);
    if (li.photoIds?.length) await getAttachments(tx, li.photoIds, `lines.${i}.photoIds`, scope);
    const grades = Object.fromEntries(GRADES.filter((g) => (li.grades[g] ?? 0) > 0).map((g) => [g, li.grades[g]!])) as Partial<Record<Grade, number>>;
    await tx.query(
      `INSERT INTO return_inspections (return_id, return_line_id, level, level_name, grades, checklist, photo_ids, note, inspector)
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint[], $8, $9)`,
      [r.id, line.id, next.level, next.name, JSON.stringify(grades), JSON.stringify(li.checklist), li.photoIds ?? [], li.note ?? null, actor],
    );
    await linkAttachments(tx, li.photoIds ?? [], 'return', r.id);
    const final = due.length === 1;
    if (final) await tx.query('UPDATE return_lines SET grades = $2 WHERE id = $1', [line.id, JSON.stringify(grades)]);
    lastDone.set(line.id, next.level);
    recorded.push({ sku: line.sku, level: next.name, grades, final });
  }
  // Inspected when no received line has a level still due.
  const complete = lines.every((l) => l.receivedQuantity === 0 || levelsFor(settings.inspectionLevels, l.unitPrice).every((lv) => lv.level <= (lastDone.get(l.id) ?? 0)));
  if (complete) await setReturnStatus(tx, r, 'inspected', { inspected_at: new Date().toISOString() });
  await recordReturnEvent(tx, actor, r, E.inspected, { complete, lines: recorded });
  return r;
}
