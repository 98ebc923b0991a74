/**
 * Renumbered positions keep every comparison readers make: the log's (tx_id, id) order, and the
 * order and equality of every log transaction with every stored cursor and snapshot bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupTable } from './format.js';
import { PositionScan } from './positions.js';

const events: BackupTable = {
  name: 'events',
  rows: 0,
  columns: [
    { name: 'id', type: 'bigint' },
    { name: 'tx_id', type: 'xid8' },
  ],
};
const cursors: BackupTable = {
  name: 'consumer_cursors',
  rows: 0,
  columns: [
    { name: 'name', type: 'text' },
    { name: 'tx_id', type: 'xid8' },
  ],
};
const subscriptions: BackupTable = { name: 'webhook_subscriptions', rows: 0, columns: [{ name: 'starts_after', type: 'pg_snapshot' }] };

const sign = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** A log as the database writes it: transactions in commit order, ids taken in insert order. */
const logArb = fc
  .array(fc.record({ txGap: fc.integer({ min: 1, max: 5 }), ids: fc.integer({ min: 1, max: 3 }), late: fc.boolean() }), { minLength: 1, maxLength: 30 })
  .map((txs) => {
    // A "late" transaction took its ids before the one before it: an inversion.
    let tx = 700n;
    let nextId = 1000;
    const rows: Array<{ tx: bigint; id: number }> = [];
    for (const t of txs) {
      tx += BigInt(t.txGap);
      const first = t.late && rows.length ? Math.max(1, rows[rows.length - 1]!.id - 2 * t.ids - 1) : nextId;
      for (let k = 0; k < t.ids; k++) rows.push({ tx, id: first + k });
      nextId = Math.max(nextId, first + t.ids) + 1;
    }
    // Ids are unique in a log: drop the rare collision a late transaction made.
    const seen = new Set<number>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  });

describe('renumbering transaction positions', () => {
  it('keeps the log order and every relation to stored positions and snapshots', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.integer({ min: 690, max: 900 }), { maxLength: 6 }), (log, stored) => {
        const scan = new PositionScan();
        for (const r of log) scan.see(events, [String(r.id), String(r.tx)]);
        for (const x of stored) scan.see(cursors, ['c', String(x)]);
        const [a = 700, b = 800] = stored;
        const snapshot = `${Math.min(a, b)}:${Math.max(a, b) + 1}:`;
        scan.see(subscriptions, [snapshot]);
        const r = scan.renumbering();

        const positions = [...log.map((e) => e.tx), ...stored.map(BigInt), Math.min(a, b), Math.max(a, b) + 1].map(BigInt);
        // Never reversed; log transactions may come to share a number.
        for (const x of positions) for (const y of positions) expect(sign(r.map(x), r.map(y))).not.toBe(-sign(x, y) || 2);
        // Every stored value and every log transaction keep their order against every stored value.
        const points = [...stored.map(BigInt), BigInt(Math.min(a, b)), BigInt(Math.max(a, b) + 1)];
        for (const p of points) for (const x of positions) expect(sign(r.map(x), r.map(p))).toBe(sign(x, p));
        // The log reads in the same order by (renumbered tx_id, id).
        const order = (rows: Array<{ tx: bigint; id: number }>) => [...rows].sort((x, y) => sign(x.tx, y.tx) || x.id - y.id).map((e) => e.id);
        expect(order(log.map((e) => ({ tx: r.map(e.tx), id: e.id })))).toEqual(order(log));
        // Renumbered ids are few and start at the first normal transaction id.
        const mapped = positions.map((x) => r.map(x));
        expect(mapped.every((x) => x >= 3n && x < 3n + BigInt(r.span))).toBe(true);
        // A snapshot is renumbered part by part.
        const values: Array<string | null> = [snapshot];
        r.apply(subscriptions, values);
        expect(values[0]).toBe(`${r.map(BigInt(Math.min(a, b)))}:${r.map(BigInt(Math.max(a, b) + 1))}:`);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a log without inversions or stored positions between its transactions a single number', () => {
    const scan = new PositionScan();
    [
      [1, 900n],
      [2, 900n],
      [3, 905n],
      [4, 990n],
    ].forEach(([id, tx]) => scan.see(events, [String(id), String(tx)]));
    const r = scan.renumbering();
    expect(new Set([900n, 905n, 990n].map((x) => r.map(x))).size).toBe(1);
    expect(r.span).toBe(1);
    expect(r.map(0n)).toBe(0n); // the cursor of a consumer that has read nothing
  });

  it('refuses a log that is not in (tx_id, id) order', () => {
    const scan = new PositionScan();
    scan.see(events, ['5', '900']);
    expect(() => scan.see(events, ['4', '899'])).toThrow(/not in log order at id 4/);
  });
});
