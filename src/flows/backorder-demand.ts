/**
 * What backordered orders are waiting for, per product and warehouse: each line's quantity less
 * what it shipped and what it still holds. Orders own the data (`backorderedDemand`); inventory's
 * transfer proposals ask for it through `setBackorderDemand`, so neither module reads the other's tables.
 */
import type { BackorderDemand } from '../modules/inventory/index.js';
import { backorderedDemand } from '../modules/orders/index.js';

export const backorderDemand: BackorderDemand = (q, f) => backorderedDemand(q, f);
