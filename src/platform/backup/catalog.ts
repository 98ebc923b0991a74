/**
 * What the database holds, read from the PostgreSQL catalog rather than from a list kept by hand:
 * a table a module adds tomorrow is in tomorrow's backups without anyone remembering it.
 * Everything is in the connection's current schema; objects an extension owns are not ours.
 */
import type { Queryable } from '../db/client.js';

export type TableShape = { name: string; columns: Array<{ name: string; type: string }> };
export type SequenceShape = { name: string; ownedBy: { table: string; column: string } | null };

/** A quoted identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

const NOT_EXTENSION_OWNED = `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')`;

/**
 * Every table with its stored columns in order. Generated columns are left out: the database
 * computes them again. A partitioned table is read and written through its parent only.
 */
export async function listTables(q: Queryable): Promise<TableShape[]> {
  const { rows } = await q.query<{ name: string; columns: Array<{ name: string; type: string }> }>(
    `SELECT c.relname AS name,
            (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
               FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
       FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace
        AND (c.relkind = 'p' OR (c.relkind = 'r' AND NOT c.relispartition))
        AND ${NOT_EXTENSION_OWNED}
      ORDER BY c.relname`,
  );
  return rows.map((r) => ({ name: r.name, columns: r.columns ?? [] }));
}

export async function listSequences(q: Queryable): Promise<SequenceShape[]> {
  const { rows } = await q.query<{ name: string; table: string | null; column: string | null }>(
    `SELECT c.relname AS name, t.relname AS table, a.attname AS column
       FROM pg_class c
       LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class t ON t.oid = d.refobjid
       LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace AND ${NOT_EXTENSION_OWNED}
      ORDER BY c.relname`,
  );
  return rows.map((r) => ({ name: r.name, ownedBy: r.table && r.column ? { table: r.table, column: r.column } : null }));
}

/** Row counts of the given tables, in one statement (one snapshot). */
export async function countRows(q: Queryable, tables: string[]): Promise<Map<string, number>> {
  if (!tables.length) return new Map();
  const sql = tables.map((t, i) => `SELECT ${i} AS i, count(*)::bigint AS n FROM ${ident(t)}`).join(' UNION ALL ');
  const { rows } = await q.query<{ i: number; n: number }>(sql);
  return new Map(rows.map((r) => [tables[r.i]!, Number(r.n)]));
}

/**
 * Drops every object of the current schema that is not an extension's: the restore rebuilds the
 * schema from the migrations the backup was taken at. Tables take their indexes, triggers, owned
 * sequences and row types with them; functions and types go after them.
 */
export async function dropSchemaObjects(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ kind: string; name: string }>(
    `SELECT 1 AS step, CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
            c.oid::regclass::text AS name
       FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND NOT (c.relkind = 'r' AND c.relispartition) AND ${NOT_EXTENSION_OWNED}
        -- identity and serial sequences go with their tables
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
     UNION ALL
     SELECT 2, CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, p.oid::regprocedure::text
       FROM pg_proc p
      WHERE p.pronamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
     UNION ALL
     SELECT 3, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype::text
       FROM pg_type t
      WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('c', 'd', 'e', 'm', 'r')
        AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
      ORDER BY 1`,
  );
  // Relations first, so that no function or type goes while a table still uses it.
  for (const r of rows) await q.query(`DROP ${r.kind} IF EXISTS ${r.name} CASCADE`);
  return rows.length;
}
