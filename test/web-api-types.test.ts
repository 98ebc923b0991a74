/**
 * The screens are typed from the API: web/src/shared/api-schema.d.ts must be what /openapi.json
 * generates now. When a route changes, `npm run web:api-types` rewrites it (and the screens that
 * no longer fit the API stop compiling).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesSource, TYPES_FILE } from '../scripts/web-api-types.js';

describe("the web app's API types", () => {
  it('are generated from the current OpenAPI document (run `npm run web:api-types` if this fails)', async () => {
    const current = readFileSync(TYPES_FILE, 'utf8');
    const generated = await apiTypesSource();
    expect(current === generated, 'web/src/shared/api-schema.d.ts is stale: run `npm run web:api-types`').toBe(true);
  });
});
