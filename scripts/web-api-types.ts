/**
 * Writes web/src/shared/api-schema.d.ts: the TypeScript types of every route, generated from the
 * same OpenAPI document the server serves, so the screens cannot drift from the API. A test
 * (test/web-api-types.test.ts) fails when the checked-in file is stale; rewrite it with
 * `npm run web:api-types`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/server.js';
import { openPglite } from '../src/platform/db/client.js';

export const TYPES_FILE = fileURLToPath(new URL('../web/src/shared/api-schema.d.ts', import.meta.url));

/** The generated file's text for the API as the code defines it now. */
export async function apiTypesSource(): Promise<string> {
  // The document depends on the routes only; an empty in-memory database is enough to build them.
  const db = await openPglite({});
  try {
    const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
    const doc = app.swagger();
    await app.close();
    const ast = await openapiTS(doc as Parameters<typeof openapiTS>[0]);
    return `/* Generated from /openapi.json by \`npm run web:api-types\`; do not edit. */\n${astToString(ast)}`;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(TYPES_FILE, await apiTypesSource());
  console.log(`wrote ${TYPES_FILE}`);
}
