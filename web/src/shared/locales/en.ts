/**
 * English strings. The source of truth for the keys: zh-CN.ts must have every one (it is typed
 * as `Messages`). Business words come from the glossary section and match the API and database.
 */
export const en = {
  app: { name: 'Wareloop', console: 'Console', floor: 'Floor', loading: 'Loading…', retry: 'Retry', error: 'Something went wrong', notFound: 'Page not found', back: 'Back', save: 'Save', cancel: 'Cancel', confirm: 'Confirm', search: 'Search', reset: 'Reset', refresh: 'Refresh', none: '—', live: 'Live', print: 'Print', close: 'Close', done: 'Done', next: 'Next', yes: 'Yes', no: 'No' },
  glossary: {
    order: 'Order', pick: 'Pick', pack: 'Pack', ship: 'Ship', receive: 'Receive', putAway: 'Put away', move: 'Move', count: 'Count',
    deposit: 'Deposit', inspection: 'Inspection', return: 'Return', stock: 'Stock', product: 'Product', warehouse: 'Warehouse', location: 'Location',
    sku: 'SKU', barcode: 'Barcode', lot: 'Lot', expiresOn: 'Expires on', quantity: 'Quantity', customer: 'Customer', shipment: 'Shipment', carrier: 'Carrier', trackingNumber: 'Tracking number',
  },
  language: { label: 'Language', 'zh-CN': '中文', en: 'English' },
  auth: {
    title: 'Sign in to Wareloop', email: 'E-mail', password: 'Password', submit: 'Sign in', signOut: 'Sign out',
    wrong: 'Wrong e-mail or password', tooMany: 'Too many attempts. Wait a minute and try again.', expired: 'Your session has ended. Please sign in again.',
    emailRequired: 'Enter your e-mail', passwordRequired: 'Enter your password',
  },
  net: { offline: 'Offline', waiting: '{{count}} waiting', online: 'Online' },
};

export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof en>;
