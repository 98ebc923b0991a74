/**
 * Moving in from spreadsheets: the kinds of import, each defined by the module that owns what it
 * creates, served by the platform's import engine (`src/platform/imports`).
 */
import { asEngineKind, type ImportKind } from '../../platform/imports/kind.js';
import { productImport } from '../catalog/import.js';
import { customerImport } from '../customers/import.js';
import { openingStockImport } from '../inventory/import.js';
import { orderImport } from '../orders/import.js';

export const IMPORT_KINDS: readonly ImportKind[] = [asEngineKind(customerImport), asEngineKind(productImport), asEngineKind(openingStockImport), asEngineKind(orderImport)];
