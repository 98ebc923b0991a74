/** The console's strings (the shared ones are in shared/locales). */
import type { DeepStrings } from '../../shared/locales/en';

export const consoleEn = {
  menu: { orders: 'Orders', stock: 'Stock', products: 'Products', warehouses: 'Warehouses' },
  search: { label: 'Search', placeholder: 'Order number, SKU or barcode, customer phone', nothing: 'Nothing found for “{{q}}”' },
  orders: { status: 'Status' },
};

export type ConsoleMessages = DeepStrings<typeof consoleEn>;
