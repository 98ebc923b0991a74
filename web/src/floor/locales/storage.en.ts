/** The storage counter's strings on the handheld (jobs/storage). */
import type { DeepStrings } from '../../shared/locales/en';

export const storageEn = {
  storageDesk: {
    title: 'Storage counter',
    tile: 'Check in, put away, check out',
    deposit: 'Deposit',
    home: { prompt: 'Choose: check in, put away or check out', choose: 'Choose a job first; an item label (ST-…) opens its put-away.' },
    status: { checked_in: 'checked in', stored: 'stored', checked_out: 'checked out' },
    depositStatus: { open: 'open (items left)', closed: 'closed (all collected)' },
    checkIn: {
      title: 'Check in', hint: "Take a customer's items",
      promptPhone: "Type the customer's phone number", promptItems: 'Add each item, then check in', promptPrint: 'Give the voucher, print the labels',
      phone: 'Phone number', findCustomer: 'Find customer', badPhone: 'Type a phone number: 3 to 32 digits.',
      found: 'Customer {{name}} ({{code}})', walkIn: 'No customer with {{phone}}: checked in as a walk-in', walkInName: 'Name (optional)', continue: 'Continue',
      noScan: 'Check-in is typed on the screen. Scan labels at put away.',
      items: 'Items to check in', photos: '{{count}} photo(s)', removeItem: 'Remove item {{n}}', otherCustomer: 'Another customer',
      added: 'Added: {{description}} ({{count}} item(s))', submit: 'Check in {{count}} item(s)',
      checkedIn: 'Checked in: deposit {{number}}, {{count}} item(s)',
      voucher: 'Voucher code', voucherOnce: 'Show it to the customer and print the slip now: the code is kept nowhere, so neither can be done later.',
      voucherOnSlip: 'The voucher code was shown once and is kept nowhere. If the customer left without it, replace the voucher at the counter (ID check).',
      printOffline: 'The slip needs the network: print it once you are online, while the code is still on screen.', printLabels: 'Print labels', printVoucher: 'Print voucher', toPutAway: 'Put these items away', next: 'Next customer',
    },
    item: {
      new: 'New item', code: 'Item', description: 'What it is', category: 'Category', sizeClass: 'Size class', value: 'Declared value ({{currency}})',
      pickup: 'Expected pick-up date', add: 'Add this item', needDescription: 'Say what the item is.', needCategory: 'Give the item a category.',
      badValue: 'The declared value is an amount of money, 0 or more.',
    },
    photo: { take: 'Take photo', uploading: 'Uploading photo…', remove: 'Remove photo {{n}}', failed: 'Photo not saved: {{detail}}', photo: 'Photo {{n}}' },
    putAway: {
      title: 'Put away', hint: 'Item label, then location',
      scanItem: 'Scan the item label (ST-…)', scanLocation: 'Scan the location for {{code}}',
      itemOk: '{{code}}: recommended {{location}}. Scan the location.', noRecs: '{{code}}: no location has room for it. Ask a manager.',
      unknownItem: '{{code}} is not a storage item label. Scan the ST-… label.', offlineItem: 'Offline: {{code}} taken; scan the location.',
      notCheckedIn: '{{code}} is {{status}} ({{location}}): nothing to put away.', sent: 'Put away {{code}} → {{location}}',
      refused: 'Not put away: {{label}} — {{detail}}. Scan the item again.',
      recommended: 'Recommended locations', room: 'room for {{free}}', roomAny: 'room', none: 'No location has room for this item.',
      otherItem: 'Another item', total: 'Put away on this device: {{count}}',
    },
    checkOut: {
      title: 'Check out', hint: 'Voucher, items, signature',
      scanVoucher: "Scan the customer's voucher", scanItems: "Scan each item's label",
      voucherFirst: "{{code}} is an item label. Scan the customer's voucher first.", unknownVoucher: 'No deposit has voucher {{code}}. Check the code on the slip or SMS.',
      closed: 'Deposit {{number}} is closed: everything was collected.', voucherOk: 'Deposit {{number}} · {{name}}: {{count}} item(s) to collect. Scan each label.',
      unknownItem: '{{code}} is not a storage item label. Do not hand it over.',
      otherDeposit: '{{code}} belongs to deposit {{number}}, not to this voucher ({{voucherNumber}}). Do not hand it over.',
      alreadyOut: '{{code}} was already checked out.', again: '{{code}} is already scanned.',
      itemOk: '{{code}} {{description}} ✓ ({{count}} of {{total}})', startNext: 'Tap "Next customer" first.',
      items: 'Items of this deposit', fee: 'Fee for {{count}} item(s):', receivedBy: 'Collected by', signHere: 'Customer signature',
      signature: 'Signature pad: the customer signs here', clearSignature: 'Clear signature', signFirst: 'The customer signs first.',
      submit: 'Hand over {{count}} item(s)', cancel: 'Cancel this check-out', finished: 'Handed over',
      done: 'Handed over {{count}} item(s) · fee {{fee}}', handedOver: '{{count}} item(s) handed over to {{name}}', feeCharged: 'Fee charged', next: 'Next customer',
    },
  },
};

export type StorageMessages = DeepStrings<typeof storageEn>;
