/** The handheld's strings (the shared ones, with the glossary, are in shared/locales). */
import type { DeepStrings } from '../../shared/locales/en';

export const floorEn = {
  floor: { jobs: 'Jobs' },
  scan: { input: 'Scanner input', camera: 'Scan with camera', cameraDenied: 'The camera cannot be used. Scan with the scanner or type the code.' },
  home: {
    title: 'Choose a job',
    chooseFirst: 'Choose a job first, then scan.',
    chooseWarehouse: 'Which warehouse are you working in?',
    warehouse: 'Warehouse {{code}} · {{name}} (change)',
    hint: { receive: 'Goods in', putAway: 'Dock to bin', pick: 'Orders to pick', pack: 'Verify and pack', ship: 'Hand to the carrier', move: 'Bin to bin', count: 'Blind count' },
  },
  status: {
    pending: 'pending', confirmed: 'confirmed', backordered: 'backordered', picking: 'picking', picked: 'picked', packed: 'packed',
    shipped: 'shipped', delivered: 'delivered', cancelled: 'cancelled', exception: 'exception',
  },
  order: { scanNumber: 'Scan the order number', typeNumber: 'Or type the order number', open: 'Open order', notFound: 'No order {{code}}. Scan the order number on the pick slip.' },
  pick: {
    queue: 'Orders to pick', chooseOrder: 'Tap an order or scan its number', queueEmpty: 'Nothing to pick in this warehouse.',
    priority: 'Priority {{priority}}', promised: 'Ship by {{date}}', hasNote: 'Note', noSuchOrder: 'No order {{code}} to pick.',
    list: 'Pick list', printList: 'Print the pick list', note: 'Note on this order', noteRead: 'I have read it — start picking', readNote: 'Read the order note, then tap "I have read it".',
    scanBin: 'Scan bin {{bin}}', scanProduct: 'Scan {{sku}} ({{name}}) · {{count}}/{{quantity}}',
    binOk: 'Bin {{bin}}: take {{quantity}} × {{sku}}', binFirst: 'Scan bin {{bin}} first',
    wrongBin: '{{code}} is not the bin. Scan bin {{bin}}', wrongProduct: '{{code}} is not the item. Scan {{sku}} ({{name}})',
    counted: '{{sku}} {{count}}/{{quantity}}', complete: 'Picked {{count}} × {{sku}} from {{bin}}',
    nothingLeft: 'Nothing left to pick on this order.', sending: 'Sending the last picks…', finished: 'Order {{number}}: {{status}}',
    refused: 'Not recorded: {{label}} — {{detail}}', unallocated: 'Not in a bin yet (put away first): {{items}}',
    short: 'Short pick', shortOf: 'Short pick: {{sku}} at {{bin}} ({{quantity}} asked)', found: 'How many did you find?', reason: 'Reason', shortConfirm: 'Confirm short pick',
    shortSent: 'Short pick: {{found}} of {{quantity}} × {{sku}}', toPack: 'Pack this order', backToQueue: 'Back to orders to pick',
    reasons: { not_found: 'Not found in the bin', damaged: 'Damaged', expired: 'Expired', wrong_product: 'Wrong product in the bin', other: 'Other' },
  },
  pack: {
    items: 'Items to pack', scanItems: 'Scan each item into the parcel', counted: '{{sku}} {{count}}/{{picked}}',
    notInOrder: '{{code}} is not in this order. Put it aside; scan {{skus}}', tooMany: 'Too many {{sku}}: only {{picked}} picked. Take the extra one out.',
    allScanned: 'All items scanned — packing', sending: 'Packing…', packed: 'Packed', done: 'Order {{number}} is packed',
    notPackable: 'This order is {{status}}: it cannot be packed now', refused: 'Not packed: {{detail}}. Scan the items again.',
    restart: 'Start over', printSlip: 'Print packing slip', toShip: 'Ship this order',
  },
  ship: {
    scanTracking: 'Scan the tracking number on the carrier label', trackingScanned: 'Tracking number {{code}}', needTracking: 'Scan or type a tracking number (letters and digits, no spaces)',
    sending: 'Shipping {{number}}…', shipped: 'Shipped', done: 'Order {{number}} shipped · {{tracking}}', notShippable: 'This order is {{status}}: it cannot be shipped now',
    refused: 'Not shipped: {{detail}}', printLabel: 'Print shipping label', to: 'Ship to', items: 'Items',
  },
  receive: {
    scanBin: 'Scan the bin the goods go into', orChoose: 'Or choose a receiving location', binOk: 'Bin {{bin}}: scan the products',
    notABin: '{{code}} is not a location in {{warehouse}}. Scan a bin label.', unknownCode: '{{code}} is not a product or a bin. Scan the product barcode.',
    scanProducts: 'Scan products into {{bin}} ({{quantity}} per scan)', received: '+{{quantity}} {{sku}} → {{bin}} (total {{total}})',
    needLot: 'Enter lot and expiry of {{sku}}, then tap Receive', lotFor: 'Lot and expiry of {{sku}}', perScan: 'Quantity per scan',
    total: 'received {{total}}', otherBin: 'Another bin', refused: 'Not received: {{label}} — {{detail}}',
  },
  move: {
    scanFrom: 'Scan the bin to take from', scanItem: 'Scan the item in {{bin}}', scanTo: 'Scan the bin to put {{quantity}} × {{sku}} into (or the item again for one more)',
    fromOk: 'From {{bin}}: scan the item', itemOk: '{{sku}} × {{quantity}}', moved: 'Moved {{quantity}} × {{sku}}: {{from}} → {{to}}',
    notABin: '{{code}} is not a location in {{warehouse}}. Scan a bin label.', notAProduct: '{{code}} is not a product. Scan the item in {{bin}}.',
    notABinTo: '{{code}} is not a bin. Scan the bin to put {{sku}} into.', sameBin: '{{bin}} is the bin it is in. Scan another bin.',
    from: 'From', total: 'moved {{total}}', restart: 'Start again', refused: 'Not moved: {{label}} — {{detail}}',
  },
  putAway: {
    scanFrom: 'Scan the dock (or bin) the goods are on', fromOk: 'From {{bin}}: scan an item', scanItem: 'Scan an item on {{bin}}', scanTo: 'Take it to bin {{bin}} and scan the bin',
    goTo: 'Put {{quantity}} × {{sku}} into {{bin}}', noRoom: 'No bin has room for {{sku}}. Ask your team lead.', offline: 'Suggestions need the network. Wait until you are online.',
    notABin: '{{code}} is not a location in {{warehouse}}. Scan a bin label.', notAProduct: '{{code}} is not a product on {{bin}}. Scan the item barcode.',
    nothingHere: 'No free {{sku}} on {{bin}}. Scan another item.', wrongBin: '{{code}} is not a suggested bin. Scan {{bins}}',
    done: 'Put away {{quantity}} × {{sku}} into {{bin}}', refused: 'Not put away: {{label}} — {{detail}}',
    bins: 'Suggested bins', onDock: '{{available}} on the dock', free: 'room {{free}}', otherItem: 'Another item', otherDock: 'Another dock',
    reasons: { same_sku_lot: 'Same product and lot', same_sku: 'Same product', empty_near: 'Empty, nearby' },
  },
  count: {
    scanToStart: 'Scan a bin to count it, or choose a count', open: 'Open counts', notABin: '{{code}} is not a location in {{warehouse}}. Scan a bin label.',
    opened: 'Count {{number}} of {{bin}} opened', scanBinFirst: 'Scan the bin you count: {{bins}}', binOk: 'Counting {{bin}}: scan every unit',
    scanItems: 'Scan every unit in {{bin}}', counted: '{{sku}}{{lot}}: {{count}} in {{bin}}', unknownCode: '{{code}} is not a product. Scan the item barcode.',
    needLot: 'Type or scan the lot of {{sku}}', lines: 'Counted', undo: 'One less {{sku}}', submit: 'Submit count', sending: 'Sending the count…',
    submitted: 'Count {{number}}: {{status}}', refused: 'Not submitted: {{detail}}', closed: 'This count is {{status}}',
    status: { open: 'open', submitted: 'submitted, waiting for review', approved: 'approved', rejected: 'rejected' },
  },
};

export type FloorMessages = DeepStrings<typeof floorEn>;
