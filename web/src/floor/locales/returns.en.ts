/** The returns dock's strings on the handheld (jobs/returns). */
import type { DeepStrings } from '../../shared/locales/en';

export const returnsEn = {
  returnsDock: {
    title: 'Returns dock',
    tile: 'Receive and inspect returns',
    scanRma: 'Scan the RMA or order number on the parcel',
    typeRma: 'Or type the RMA or order number',
    open: 'Open return',
    notFound: 'No return to receive for {{code}}: {{detail}}',
    lines: 'Lines of this return',
    nothingToDo: 'This return is {{status}}: nothing to do at the dock.',
    less: 'One less: {{what}}',
    more: 'One more: {{what}}',
    type: { return: 'return', exchange: 'exchange', repair: 'repair', compensation: 'compensation' },
    status: {
      requested: 'requested', awaiting_second_approval: 'awaiting second approval', approved: 'approved — to receive', rejected: 'rejected',
      received: 'received — to inspect', inspected: 'inspected', disposed: 'disposed', resolved: 'resolved', cancelled: 'cancelled',
    },
    grade: { A: 'A as new', B: 'B open-box', C: 'C needs repair', scrap: 'Scrap' },
    discrepancy: { wrong_item: 'wrong item', missing: 'missing', extra: 'extra', damaged: 'damaged', missingN: '{{count}} missing', extraN: '{{count}} extra' },
    receive: {
      scanItems: 'Scan each unit in the parcel',
      counted: '{{sku}} {{count}}/{{quantity}}',
      extra: '{{sku}}: {{count}} scanned, {{quantity}} announced. The extra unit is recorded as a discrepancy.',
      wrongItem: '{{sku}} is not on this return. Put it aside: it is recorded as a wrong item.',
      notAProduct: '{{code}} is not a product. Put it aside: it is recorded as a wrong item (remove it if mis-scanned).',
      announced: 'Announced', notAnnounced: 'Not announced (discrepancies)', damaged: 'Damaged {{sku}}', removeScan: 'Remove {{code}}',
      note: 'Note on the parcel', submit: 'Confirm receipt', restart: 'Start over',
      done: 'Received; {{count}} discrepancy(ies) recorded. Inspect now.',
    },
    photo: { take: 'Take photo', uploading: 'Uploading photo…', remove: 'Remove photo {{n}}', failed: 'Photo not saved: {{detail}}', photo: 'Photo {{n}}' },
    inspect: {
      prompt: 'Inspect {{sku}}: checklist, then grades', allDone: 'Every line is inspected.', due: 'Lines to inspect',
      notDue: '{{code}} has nothing to inspect on this return.', lineChosen: 'Inspecting {{sku}}',
      of: 'Inspection of {{sku}}', received: '{{count}} received', level: 'Level {{n}} of {{total}}: {{name}}',
      checklist: 'Checklist', pass: 'Pass', fail: 'Fail', grades: 'Grades', graded: 'Graded {{count}} of {{total}}',
      note: 'Inspection note', submit: 'Record {{level}}', recorded: '{{sku}}: {{level}} recorded',
    },
    checkItem: { packaging: 'Packaging', accessories: 'Accessories', appearance: 'Appearance', function: 'Function' },
    levelName: { initial_check: 'initial check', final_approval: 'final approval' },
  },
};

export type ReturnsMessages = DeepStrings<typeof returnsEn>;
