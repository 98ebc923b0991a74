/**
 * Transaction ids kept as data: the event log's positions (`events.tx_id`, read in (tx_id, id)
 * order), consumers' cursors, webhook subscriptions' start snapshots, audit blocks' bounds. They
 * count the transactions of the database that wrote them. Restored into a database whose counter
 * is behind them, they would lie in its future: readers, which read only below the oldest running
 * transaction, would never reach the restored events, and new events would sort before old ones.
 *
 * Then they are renumbered below the counter, keeping every comparison the readers make: the
 * order of any two positions, equality with every stored cursor and snapshot bound, and the order
 * of the log itself. Log transactions between two stored values share one number when their
 * events' ids already follow the log's order; a transaction whose first event has a smaller id
 * than one before it (it committed later than a transaction that wrote after it) begins a new one.
 * So the new numbers are few, whatever the age of the database.
 */
import type { BackupTable } from './format.js';

/** The log: the one table whose positions are many and may share numbers. */
export const LOG = { table: 'events', position: 'tx_id', id: 'id' } as const;

/** Ids below this are special (invalid, bootstrap, frozen) and kept as they are. */
const FIRST_NORMAL = 3n;

type Column = { index: number; kind: 'xid8' | 'pg_snapshot' };

function positionColumns(table: BackupTable): Column[] {
  const out: Column[] = [];
  table.columns.forEach((c, index) => {
    if (c.type === 'xid8' || c.type === 'pg_snapshot') out.push({ index, kind: c.type });
  });
  return out;
}

const snapshotParts = (s: string) => s.split(/[:,]/).filter(Boolean).map(BigInt);

/** Collects what the renumbering needs while the backup is read, row by row in file order. */
export class PositionScan {
  private readonly points = new Set<bigint>();
  private readonly starts: bigint[] = [];
  private largestSeen = 0n;
  private last: { tx: bigint; id: number } | undefined;
  private classMax = 0;
  private readonly columns = new Map<string, Column[]>();

  private columnsOf(table: BackupTable): Column[] {
    let cols = this.columns.get(table.name);
    if (!cols) this.columns.set(table.name, (cols = positionColumns(table)));
    return cols;
  }

  see(table: BackupTable, values: Array<string | null>): void {
    const cols = this.columnsOf(table);
    if (!cols.length) return;
    const isLog = table.name === LOG.table;
    for (const c of cols) {
      const v = values[c.index];
      if (v === null || v === undefined) continue;
      if (isLog && table.columns[c.index]!.name === LOG.position) {
        this.seeLog(BigInt(v), Number(values[table.columns.findIndex((col) => col.name === LOG.id)]));
        continue;
      }
      for (const x of c.kind === 'xid8' ? [BigInt(v)] : snapshotParts(v)) {
        if (x >= FIRST_NORMAL) this.points.add(x);
        if (x > this.largestSeen) this.largestSeen = x;
      }
    }
  }

  private seeLog(tx: bigint, id: number) {
    const last = this.last;
    if (last && (tx < last.tx || (tx === last.tx && id <= last.id))) {
      throw new Error(`the ${LOG.table} rows are not in log order at id ${id}`);
    }
    if (!last) this.classMax = id;
    else if (tx !== last.tx && id < this.classMax) {
      this.starts.push(tx);
      this.classMax = id;
    } else this.classMax = Math.max(this.classMax, id);
    this.last = { tx, id };
    if (tx > this.largestSeen) this.largestSeen = tx;
  }

  /** The largest transaction id the data holds. */
  get largest(): bigint {
    return this.largestSeen;
  }

  /** The renumbering, which needs ids FIRST_NORMAL … FIRST_NORMAL + span - 1 to be in the past. */
  renumbering(): Renumbering {
    const points = [...this.points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const starts = this.starts.filter((s) => !this.points.has(s) && s >= FIRST_NORMAL);
    return new Renumbering(points, starts, (table) => this.columnsOf(table));
  }
}

export class Renumbering {
  /** How many ids the renumbered positions take. */
  readonly span: number;

  constructor(
    private readonly points: bigint[],
    private readonly starts: bigint[],
    private readonly columnsOf: (table: BackupTable) => Column[],
  ) {
    this.span = 2 * points.length + starts.length + 1;
  }

  /**
   * Each stored value gets a number of its own, the log transactions between two of them one
   * number per run that needs no split: 2 per stored value below, 1 if it is one, 1 per split
   * up to it. Strictly increasing across everything that must stay apart.
   */
  map(x: bigint): bigint {
    if (x < FIRST_NORMAL) return x;
    const below = countBelow(this.points, x);
    const isPoint = below < this.points.length && this.points[below] === x;
    return FIRST_NORMAL + BigInt(2 * below + (isPoint ? 1 : 0) + countBelow(this.starts, x + 1n));
  }

  /** Renumbers the positions of one row of `table`, in place; false when the table has none. */
  apply(table: BackupTable, values: Array<string | null>): boolean {
    const cols = this.columnsOf(table);
    for (const c of cols) {
      const v = values[c.index];
      if (v === null || v === undefined) continue;
      values[c.index] = c.kind === 'xid8' ? String(this.map(BigInt(v))) : mapSnapshot(v, (x) => this.map(x));
    }
    return cols.length > 0;
  }
}

/** `xmin:xmax:xip,…` with each id mapped. */
function mapSnapshot(s: string, map: (x: bigint) => bigint): string {
  const [xmin, xmax, xip = ''] = s.split(':');
  const ids = xip ? xip.split(',').map((x) => String(map(BigInt(x)))) : [];
  return `${map(BigInt(xmin!))}:${map(BigInt(xmax!))}:${ids.join(',')}`;
}

/** How many of the sorted `xs` are below `x`. */
function countBelow(xs: bigint[], x: bigint): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
