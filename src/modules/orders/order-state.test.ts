import { describe, expect, it } from 'vitest';
import { Conflict } from '../../platform/http/errors.js';
import { ORDER_STATUSES, transition, type OrderCommand, type OrderStatus } from './order-state.js';

/**
 * The whole table written out by hand: for every command, the status each allowed source leads
 * to. Every status not listed for a command must be refused.
 */
const EXPECTED: Array<{ command: OrderCommand; allowed: Partial<Record<OrderStatus, OrderStatus>> }> = [
  { command: { type: 'confirm' }, allowed: { pending: 'confirmed', backordered: 'confirmed' } },
  { command: { type: 'backorder' }, allowed: { pending: 'backordered' } },
  { command: { type: 'startPicking' }, allowed: { confirmed: 'picking', picking: 'picking' } },
  { command: { type: 'recordPick', done: false, short: false }, allowed: { picking: 'picking' } },
  { command: { type: 'recordPick', done: false, short: true }, allowed: { picking: 'picking' } },
  { command: { type: 'recordPick', done: true, short: false }, allowed: { picking: 'picked' } },
  { command: { type: 'recordPick', done: true, short: true }, allowed: { picking: 'exception' } },
  { command: { type: 'pack' }, allowed: { picked: 'packed' } },
  { command: { type: 'ship' }, allowed: { packed: 'shipped' } },
  { command: { type: 'deliver' }, allowed: { shipped: 'delivered' } },
  {
    command: { type: 'cancel' },
    allowed: { pending: 'cancelled', confirmed: 'cancelled', backordered: 'cancelled', picking: 'cancelled', picked: 'cancelled', exception: 'cancelled' },
  },
  {
    command: { type: 'intercept' },
    allowed: { pending: 'exception', confirmed: 'exception', backordered: 'exception', picking: 'exception', picked: 'exception' },
  },
  {
    command: { type: 'changeAddress' },
    allowed: { pending: 'pending', confirmed: 'confirmed', backordered: 'backordered', picking: 'picking', picked: 'picked', exception: 'exception' },
  },
  { command: { type: 'resume', reserved: true }, allowed: { exception: 'confirmed' } },
  { command: { type: 'resume', reserved: false }, allowed: { exception: 'backordered' } },
];

const VERBS: Record<OrderCommand['type'], string> = {
  confirm: 'confirm',
  backorder: 'backorder',
  startPicking: 'start picking',
  recordPick: 'record a pick for',
  pack: 'pack',
  ship: 'ship',
  deliver: 'deliver',
  cancel: 'cancel',
  intercept: 'intercept',
  changeAddress: 'change the address of',
  resume: 'resume',
};

describe('order state machine', () => {
  for (const { command, allowed } of EXPECTED) {
    for (const status of ORDER_STATUSES) {
      const to = allowed[status];
      const name = `${JSON.stringify(command)} on ${status}`;
      if (to) {
        it(`${name} → ${to}`, () => expect(transition(status, command)).toBe(to));
      } else {
        it(`${name} → 409 naming ${status}`, () => {
          let err: unknown;
          try {
            transition(status, command);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(Conflict);
          const c = err as Conflict;
          expect(c.status).toBe(409);
          expect(c.message).toBe(`cannot ${VERBS[command.type]} an order that is ${status}`);
          expect(c.toProblem().currentState).toBe(status);
        });
      }
    }
  }

  it('covers every command', () => {
    expect(new Set(EXPECTED.map((e) => e.command.type))).toEqual(new Set(Object.keys(VERBS)));
  });

  it('lets nothing leave delivered or cancelled', () => {
    for (const { command } of EXPECTED) {
      expect(() => transition('delivered', command)).toThrow(Conflict);
      expect(() => transition('cancelled', command)).toThrow(Conflict);
    }
  });

  it('says the example of the design in words', () => {
    expect(() => transition('confirmed', { type: 'pack' })).toThrow('cannot pack an order that is confirmed');
  });
});
