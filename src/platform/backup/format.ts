/**
 * The backup file: gzip-compressed UTF-8 lines. The first line is the header (JSON), then for
 * each table of the header, in its order, a line `{"table":"name"}` followed by one line per row
 * (a JSON array of the columns' PostgreSQL text forms, null for NULL), and last a trailer
 * `{"sha256":"…"}`: the SHA-256 of every byte before it, uncompressed. Text forms make the file
 * independent of the database kind that wrote it: any PostgreSQL reads them back with a cast.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { linesOf } from './lines.js';

export const FORMAT = 'wareloop-backup';
export const FORMAT_VERSION = 1;

const Column = z.object({ name: z.string().min(1), type: z.string().min(1) });

export const BackupHeader = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  wareloopVersion: z.string(),
  /** The kind of database it was taken from; it restores into either. */
  database: z.enum(['pglite', 'postgres']),
  /** When the snapshot was taken (its transaction's start). */
  createdAt: z.string(),
  /** `schema_migrations` as it was: the schema the rows fit. */
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(Column), rows: z.number().int().min(0) })),
  /** Where each sequence stood, so new rows get new ids and numbers. An identity or serial sequence is named by its column. */
  sequences: z.array(
    z.object({
      name: z.string().min(1),
      ownedBy: z.object({ table: z.string(), column: z.string() }).nullable(),
      lastValue: z.string().regex(/^-?\d+$/),
      isCalled: z.boolean(),
    }),
  ),
});
export type BackupHeader = z.infer<typeof BackupHeader>;
export type BackupTable = BackupHeader['tables'][number];

/** Receives lines of the backup content, in order; resolves when they may be followed by more. */
export type Emit = (lines: string[]) => Promise<void>;

/** The file cannot be restored: damaged, truncated, or not a Wareloop backup. */
export class BackupUnreadable extends Error {}

export type WrittenBackup = { tables: number; rows: number; bytes: number; sha256: string; header: BackupHeader };

/**
 * Writes the content `produce` emits (header first) to `path`, via a private temporary file
 * renamed into place once complete and synced: a failed backup leaves no file that looks whole.
 * Rows per table are counted against the header, so a snapshot that lost rows is an error here.
 */
export async function writeBackupFile(path: string, produce: (emit: Emit) => Promise<unknown>): Promise<WrittenBackup> {
  const tmp = `${path}.${process.pid}.partial`;
  const gzip = createGzip();
  // The backup holds password hashes and webhook secrets: only its owner may read it.
  const written = pipeline(gzip, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
  // The file's own failure (no such directory, disk full) is the one to report, not the writes' it stopped.
  let fileFailure: unknown;
  written.catch((err: unknown) => (fileFailure = err));
  const hash = createHash('sha256');
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      hash.update(text);
      gzip.write(text, (err) => (err ? reject(err) : resolve()));
    });
  const counter = rowCounter();
  try {
    await produce(async (lines) => {
      if (!lines.length) return;
      for (const line of lines) counter.see(line);
      await write(lines.join('\n') + '\n');
    });
    const header = counter.finish();
    const sha256 = hash.digest('hex');
    gzip.end(`${JSON.stringify({ sha256 })}\n`);
    await written;
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    return { tables: header.tables.length, rows, bytes: (await stat(path)).size, sha256, header };
  } catch (err) {
    const cause = fileFailure ?? err;
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(tmp, { force: true });
    throw cause;
  }
}

/** Checks, as lines go by, that the rows of each table are as many as the header says. */
function rowCounter() {
  let header: BackupHeader | undefined;
  let table = -1;
  let rows = 0;
  const close = () => {
    const t = header?.tables[table];
    if (t && rows !== t.rows) throw new Error(`the snapshot of ${t.name} has ${rows} rows, its header says ${t.rows}`);
  };
  return {
    see(line: string) {
      if (!header) {
        const parsed = BackupHeader.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`the snapshot's header is not one (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
        header = parsed.data;
        return;
      }
      if (line.startsWith('[')) {
        rows++;
        return;
      }
      close();
      table++;
      rows = 0;
      if (header.tables[table]?.name !== (JSON.parse(line) as { table?: string }).table) throw new Error(`unexpected table line ${line.slice(0, 80)}`);
    },
    finish(): BackupHeader {
      if (!header) throw new Error('the snapshot produced nothing');
      close();
      if (table !== header.tables.length - 1) throw new Error(`the snapshot ended after ${table + 1} of ${header.tables.length} tables`);
      return header;
    },
  };
}

export type BackupRecord =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: BackupTable }
  | { kind: 'row'; table: BackupTable; line: string; values: Array<string | null> };

/**
 * Reads a backup file record by record, checking its structure as it goes and its checksum at
 * the end: a consumer that acts on the records must be able to undo them if the last step throws
 * (restore reads the file once to verify it before it writes anything, then once to load it).
 * A line that makes no sense is judged only once the whole file is read: if the checksum fails
 * too, the file is damaged, which is what the reader is told.
 */
export async function* readBackupFile(path: string): AsyncGenerator<BackupRecord> {
  const unreadable = (why: string) => new BackupUnreadable(`${path} is not a restorable Wareloop backup: ${why}`);
  const gunzip = createGunzip();
  const source = createReadStream(path);
  const piped = pipeline(source, gunzip);
  piped.catch(() => undefined); // the same error reaches the line reader
  const hash = createHash('sha256');
  const structure = structureOf(unreadable);
  let broken: BackupUnreadable | undefined;
  let trailer: string | undefined;
  let afterTrailer = false;
  try {
    for await (const line of linesOf(gunzip)) {
      if (trailer !== undefined) {
        afterTrailer = true;
        continue;
      }
      if (line.startsWith('{"sha256":')) {
        trailer = line;
        continue;
      }
      hash.update(line + '\n');
      if (broken) continue;
      let record: BackupRecord;
      try {
        record = structure.next(line);
      } catch (err) {
        if (!(err instanceof BackupUnreadable)) throw err;
        broken = err;
        continue;
      }
      yield record;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') throw unreadable('it is truncated (the compressed data ends early)');
    if (code?.startsWith('Z_')) throw unreadable(`it is corrupted (${(err as Error).message})`);
    throw err; // the file system's own words: no such file, permission denied
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (trailer === undefined) throw unreadable('it is truncated (no checksum at its end)');
  let stored: unknown;
  try {
    stored = (JSON.parse(trailer) as { sha256?: unknown }).sha256;
  } catch {
    throw unreadable('it is corrupted (its checksum line is damaged)');
  }
  const actual = hash.digest('hex');
  if (stored !== actual) throw unreadable(`it is corrupted: its checksum does not match (stored ${String(stored).slice(0, 16)}…, content ${actual.slice(0, 16)}…)`);
  if (afterTrailer) throw unreadable('there is more after its checksum');
  if (broken) throw broken;
  structure.end();
}

/** The structure the lines must follow: header, then each table of the header with its rows. */
function structureOf(unreadable: (why: string) => BackupUnreadable) {
  let header: BackupHeader | undefined;
  let tableIndex = -1;
  let rows = 0;
  const endTable = () => {
    const t = header?.tables[tableIndex];
    if (t && rows !== t.rows) throw unreadable(`table ${t.name} has ${rows} rows, the header says ${t.rows}`);
  };
  return {
    next(line: string): BackupRecord {
      const value = parseJson(line, unreadable);
      if (!header) {
        const parsed = BackupHeader.safeParse(value);
        if (!parsed.success) throw unreadable(`its header is not one (${parsed.error.issues[0]?.message ?? 'invalid'})`);
        header = parsed.data;
        return { kind: 'header', header };
      }
      if (Array.isArray(value)) {
        const table = header.tables[tableIndex];
        if (!table) throw unreadable('a row comes before any table');
        if (value.length !== table.columns.length || !value.every((v) => v === null || typeof v === 'string')) {
          throw unreadable(`a row of ${table.name} does not have its ${table.columns.length} columns`);
        }
        rows++;
        return { kind: 'row', table, line, values: value as Array<string | null> };
      }
      endTable();
      tableIndex++;
      rows = 0;
      const table = header.tables[tableIndex];
      if (!table || (value as { table?: unknown } | null)?.table !== table.name) throw unreadable(`unexpected line ${line.slice(0, 80)}`);
      return { kind: 'table', table };
    },
    end() {
      if (!header) throw unreadable('it is empty');
      endTable();
      if (tableIndex !== header.tables.length - 1) throw unreadable(`it ends after ${tableIndex + 1} of its ${header.tables.length} tables`);
    },
  };
}

function parseJson(line: string, unreadable: (why: string) => BackupUnreadable): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw unreadable(`a line is not JSON (${line.slice(0, 40)}…)`);
  }
}
