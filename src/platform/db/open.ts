/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise PGlite in the
 * data directory, which one process at a time may hold (a second one is refused, not allowed
 * to corrupt it).
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import { openPglite, openPostgres, type Db } from './client.js';

export class DataDirLocked extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data directory's lock file; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'wareloop.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Write the pid to a private file, then link it into place: the lock appears whole or not
      // at all, so another starter never reads it half-written and takes it for stale.
      const tmp = `${path}.${process.pid}.tmp`;
      const fd = openSync(tmp, 'w');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      try {
        linkSync(tmp, path);
      } finally {
        unlinkSync(tmp);
      }
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (holder && holder !== process.pid && alive(holder)) {
        throw new DataDirLocked(
          `The data directory ${resolve(dir)} is in use by another Wareloop process (pid ${holder}). ` +
            `Stop that process, or start this one with another WARELOOP_DATA_DIR or a DATABASE_URL.`,
        );
      }
      try {
        unlinkSync(path); // left behind by a process that died; take it over
      } catch {
        // another starter removed it first; try again
      }
    }
  }
  throw new DataDirLocked(`Could not lock the data directory ${resolve(dir)}`);
}

export async function openDatabase(config: Config): Promise<Db> {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, poolSize: config.poolSize });
  const release = lockDataDir(config.dataDir);
  try {
    const db = await openPglite({ dataDir: join(config.dataDir, 'pg') });
    const close = db.close;
    return {
      ...db,
      async close() {
        try {
          await close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
