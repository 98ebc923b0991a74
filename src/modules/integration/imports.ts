/**
 * Moving in from spreadsheets: the kinds of import, each defined by the module that owns what it
 * creates, served by the platform's import engine (`src/platform/imports`).
 */
import { asEngineKind, type ImportKind } from '../../platform/imports/kind.js';
import { productImport } from '../catalog/index.js';
import { customerImport } from '../customers/index.js';
import { openingStockImport } from '../inventory/index.js';
import { orderImport } from '../orders/index.js';

export const IMPORT_KINDS: readonly ImportKind[] = [asEngineKind(customerImport), asEngineKind(productImport), asEngineKind(openingStockImport), asEngineKind(orderImport)];
