/**
 * Migrates one database for the whole run, so each test file starts from a copy instead of
 * migrating again: a PGlite data directory dumped to a tarball, or, with DATABASE_URL, a
 * PostgreSQL template database that each test file clones.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/platform/db/client.js';
import { prepareDatabase } from '../../src/prepare.js';
import { ensureBuilt } from '../../scripts/build.mjs';
import { CACHE_DIR, pgliteSnapshot, runDbPrefix, templateDbName, withDatabase } from './paths.js';

export default async function setup() {
  mkdirSync(CACHE_DIR, { recursive: true });
  // The browser tests serve the built web app: build it now if its sources changed.
  await ensureBuilt({ only: ['web'], log: (m) => console.log(m) });
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = templateDbName();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
    const db = await openPostgres({ url: withDatabase(url, template), poolSize: 2 });
    await prepareDatabase(db);
    await db.close();
    return async () => {
      // The template and anything a test file could not drop (a crash, a timeout): every
      // database of this run, and nothing else.
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [runDbPrefix()]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    };
  }
  const db = await openPglite({});
  await prepareDatabase(db);
  const blob = await db.dumpDataDir!();
  const snapshot = pgliteSnapshot();
  writeFileSync(snapshot, Buffer.from(await blob.arrayBuffer()));
  await db.close();
  return async () => rmSync(snapshot, { force: true });
}
