/**
 * The module boundaries as CI checks them (scripts/check-boundaries.ts): the source has no back
 * door, and the check does find one when it is there.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { boundaryViolations } from '../scripts/check-boundaries.js';

const tree = mkdtempSync(join(tmpdir(), 'wareloop-boundaries-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
}

describe('module boundaries', () => {
  it('src reaches every module through its index.ts, and the platform reaches none', () => {
    expect(boundaryViolations(fileURLToPath(new URL('../src/', import.meta.url)))).toEqual([]);
  });

  it('finds a back door into a module, a module that reaches back up to the flows, and a platform file that depends on a module', () => {
    write('modules/orders/index.ts', "export { getOrder } from './orders.service.js';\n");
    write('modules/orders/orders.service.ts', "import { stockOf } from '../inventory/index.js';\nexport const getOrder = () => stockOf();\n");
    write('modules/orders/orders.test.ts', "import { reserve } from '../inventory/reservations.js';\n");
    write('modules/orders/routes.ts', "import { getOrder } from './orders.service.js';\nimport { placeOrder } from '../../flows/place-order.js';\n");
    write('modules/inventory/index.ts', "export { stockOf } from './stock.service.js';\n");
    write('modules/inventory/stock.service.ts', "export const stockOf = () => 1;\n");
    write('modules/inventory/reservations.ts', "export const reserve = () => 1;\n");
    write('flows/place-order.ts', "import { getOrder } from '../modules/orders/index.js';\nimport type { Order } from '../modules/orders/orders.service.js';\n");
    write('platform/events/log.ts', "// a comment\nimport { getOrder } from '../../modules/orders/index.js';\n");

    expect(boundaryViolations(tree)).toEqual([
      { file: 'flows/place-order.ts', line: 2, imports: '../modules/orders/orders.service.js', rule: 'reach the orders module through its index.ts' },
      { file: 'modules/orders/routes.ts', line: 2, imports: '../../flows/place-order.js', rule: 'a module depends on the platform and other modules only, never on the flows or the app' },
      { file: 'platform/events/log.ts', line: 2, imports: '../../modules/orders/index.js', rule: 'the platform does not depend on modules (orders)' },
    ]);
  });
});
