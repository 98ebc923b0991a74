/** The console's strings (the shared ones are in shared/locales). */
import type { DeepStrings } from '../../shared/locales/en';

export const consoleEn = {
  menu: { orders: 'Orders', stock: 'Stock', products: 'Products', warehouses: 'Warehouses', people: 'People and roles', audit: 'Audit trail', imports: 'Imports' },
  search: {
    label: 'Search', placeholder: 'Order number, SKU or barcode, customer phone', nothing: 'Nothing found for “{{q}}”',
  },
  common: {
    all: 'All', id: 'ID', name: 'Name', code: 'Code', status: 'Status', actions: 'Actions', createdAt: 'Created', updatedAt: 'Updated',
    filter: 'Filter', firstPage: 'First page', prevPage: 'Previous page', nextPage: 'Next page', empty: 'Nothing here yet',
    staleData: 'Could not refresh: showing what was last loaded', failed: 'That did not work', network: 'The server cannot be reached. Check the network and try again.', notFound: '{{what}} not found',
    active: 'Active', inactive: 'Inactive', open: 'Open', reason: 'Reason', reasonRequired: 'Give a reason', address: 'Address',
  },
  orderStatus: {
    pending: 'Pending', confirmed: 'Confirmed', backordered: 'Backordered', picking: 'Picking', picked: 'Picked', packed: 'Packed',
    shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled', exception: 'Exception',
  },
  channel: {
    web: 'Web shop', app: 'App', tmall: 'Tmall', taobao: 'Taobao', jd: 'JD', pinduoduo: 'Pinduoduo', douyin: 'Douyin', wechat: 'WeChat',
    phone: 'Phone', store: 'Store', api: 'API', marketplace: 'Marketplace', other: 'Other',
  },
  shipmentStatus: { label_created: 'Label created', in_transit: 'In transit', out_for_delivery: 'Out for delivery', delivered: 'Delivered', failed_delivery: 'Delivery failed', returned: 'Returned' },
  address: { recipientName: 'Recipient', phone: 'Phone', province: 'Province', city: 'City', district: 'District', line1: 'Street address', line2: 'Address line 2', postalCode: 'Postal code' },
  orders: {
    status: 'Status', number: 'Order number', channel: 'Channel', warehouse: 'Warehouse', customer: 'Customer', created: 'Placed',
    dateRange: 'Placed between', total: 'Total', promisedShipDate: 'Promised ship date', externalRef: 'Channel order number',
    onHold: 'On hold', priority: 'Priority', customerFilter: 'Customer #{{id}}', clearCustomer: 'Show every customer',
    list: { title: 'Orders', filters: 'Order filters' },
    detail: { title: 'Order {{number}}', back: 'Back to orders', live: 'Updates live' },
    summary: {
      title: 'Summary', shipTo: 'Ship to', recipient: 'Recipient', phone: 'Phone', note: 'Note', exceptionReason: 'Exception',
      cancelReason: 'Cancelled because', holdReason: 'Held because', parcel: 'Parcel', weight: '{{grams}} g',
    },
    lines: { title: 'Lines', line: '#', sku: 'SKU', name: 'Product', quantity: 'Ordered', unitPrice: 'Unit price', reserved: 'Reserved', picked: 'Picked', packed: 'Packed', shipped: 'Shipped' },
    picks: { title: 'Pick list', round: 'Round {{round}}', location: 'Location', lot: 'Lot', toPick: 'To pick', picked: 'Picked', open: 'Open', done: 'Picked', none: 'No pick list yet: the warehouse has not started picking.', unallocated: '{{quantity}} × {{sku}} not yet in a pickable bin' },
    shipment: { title: 'Shipment', none: 'Not shipped yet', carrier: 'Carrier', trackingNumber: 'Tracking number', status: 'Shipment status', shippedAt: 'Shipped', deliveredAt: 'Delivered', tracking: 'Tracking' },
    timeline: { title: 'Timeline', by: 'by {{actor}}', empty: 'No events yet' },
    events: {
      created: 'Order placed', confirmed: 'Confirmed, stock reserved', backordered: 'Backordered: waiting for stock',
      picking_started: 'Picking started', item_picked: 'Item picked', picked: 'Picked', packed: 'Packed',
      shipped: 'Shipped', in_transit: 'In transit', out_for_delivery: 'Out for delivery', delivered: 'Delivered',
      delivery_failed: 'Delivery failed', cancelled: 'Cancelled', intercepted: 'Intercepted', exception: 'Exception',
      resumed: 'Resumed', address_changed: 'Address changed', held: 'Put on hold', hold_released: 'Hold released',
      priority_changed: 'Priority changed',
    },
    actions: {
      title: 'Actions', none: 'Nothing to do on this order now',
      confirm: 'Confirm', cancel: 'Cancel order', intercept: 'Intercept', resume: 'Resume', hold: 'Hold', releaseHold: 'Release hold',
      priority: 'Priority', changeAddress: 'Change address', deliver: 'Mark delivered',
      confirmQ: 'Reserve stock and confirm order {{number}}?', cancelQ: 'Cancel order {{number}}? Every reserved unit is released.',
      interceptQ: 'Stop order {{number}} before it is packed? Its stock is released and it becomes an exception.',
      resumeQ: 'Resume order {{number}}? Stock is reserved again.', holdQ: 'Hold order {{number}}? The warehouse cannot pick, pack or ship it until released.',
      releaseHoldQ: 'Release the hold on order {{number}}?', priorityQ: 'Rank order {{number}} in the pick queue (0 normal … 9 first)',
      changeAddressQ: 'Change the ship-to address of order {{number}}.', deliverQ: 'Record order {{number}} as delivered?', done: 'Done: the order is {{status}}', saved: 'Saved',
      addressHelp: 'Only the fields you change are sent.',
    },
  },
  counts: {
    title: 'Count {{number}}', number: 'Count', locations: 'Locations', status: 'Status', submittedBy: 'Counted by', submittedAt: 'Submitted',
    statuses: { open: 'Counting', submitted: 'Awaiting approval', approved: 'Approved', rejected: 'Rejected' },
    variance: 'Lines with a difference: {{lines}}; net difference {{difference}}', expected: 'Expected', counted: 'Counted', difference: 'Difference',
    stillCounting: 'Still being counted on the floor.', noVariance: 'The variance is shown to an approver who did not count.',
    reason: 'Reason', recount: 'Send back for a blind recount (when rejecting)', approve: 'Approve and post', reject: 'Reject',
    approved: 'Approved: the differences are posted to the ledger', rejected: 'Rejected',
  },
  documents: { title: 'Print', pickList: 'Pick list (PDF)', packingSlip: 'Packing slip (PDF)', label: 'Shipping label (PDF)' },
  stock: {
    title: 'Stock', levels: 'Levels', availability: 'Availability', ledger: 'Ledger', counts: 'Counts',
    sku: 'SKU or barcode', warehouse: 'Warehouse', location: 'Location', lot: 'Lot', expiresOn: 'Expires on', owner: 'Owner', company: 'Company',
    ownerCustomer: 'Customer #{{id}}', status: 'Status', onHand: 'On hand', reserved: 'Reserved', available: 'Available', quarantined: 'Quarantined',
    safetyStock: 'Safety stock', receivedAt: 'Received', total: 'All warehouses', skuList: 'SKUs or barcodes, comma-separated',
    availabilityHelp: 'Available-to-promise = on hand − reserved − quarantined, per warehouse.', enterSku: 'Enter one or more SKUs to see what can be promised.',
    quantity: 'Change', movement: 'Movement', reason: 'Reason', reference: 'Reference', actor: 'By', occurredAt: 'When', filters: 'Stock filters',
    movements: { receipt: 'Receipt', move: 'Move', adjustment: 'Adjustment', pick: 'Pick', ship: 'Ship', status_change: 'Status change', return: 'Return', transfer: 'Transfer' },
    statuses: { available: 'Available', quarantine: 'Quarantine', damaged: 'Damaged', pending_inspection: 'Awaiting inspection', pending_repair: 'Awaiting repair' },
  },
  products: {
    title: 'Products', searchLabel: 'Search products', searchPlaceholder: 'SKU, barcode or name', sku: 'SKU', name: 'Name', category: 'Category',
    unitPrice: 'Unit price', weight: 'Weight', dimensions: 'Size (L × W × H)', barcodes: 'Barcodes', stock: 'Stock per warehouse', back: 'Back to products',
    addBarcode: 'Add barcode', newBarcode: 'New barcode', barcodeRequired: 'Enter a barcode', removeBarcode: 'Remove barcode {{barcode}}',
    removeQ: 'Remove barcode {{barcode}} from {{sku}}? Scans of it will no longer find this product.', added: 'Barcode {{barcode}} added',
    removed: 'Barcode {{barcode}} removed', noBarcodes: 'No barcodes', grams: '{{n}} g', mm: '{{l}} × {{w}} × {{h}} mm',
  },
  warehouses: {
    title: 'Warehouses', code: 'Code', name: 'Name', address: 'Address', timeZone: 'Time zone', back: 'Back to warehouses', locations: 'Locations',
    tree: 'Location tree', level: 'Level', type: 'Type', capacity: 'Capacity', occupancy: 'Units here', totalOccupancy: 'Units under it', pickSequence: 'Walking order',
    unlimited: 'Not limited', noLocations: 'No locations yet', viewStock: 'Stock here',
    levels: { zone: 'Zone', aisle: 'Aisle', rack: 'Rack', bin: 'Bin' },
    types: { storage: 'Storage', picking: 'Picking', receiving: 'Receiving', shipping: 'Shipping', quarantine: 'Quarantine', returns: 'Returns' },
  },
};

export type ConsoleMessages = DeepStrings<typeof consoleEn>;
