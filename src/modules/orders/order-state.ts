/**
 * The fulfilment state machine as data: which command may run in which status and where it
 * leads. Pure, so it is tested exhaustively without a database; services call `transition`
 * before they change anything, and an illegal command is a 409 naming the current status.
 *
 *   pending ─confirm─► confirmed ─startPicking─► picking ─recordPick─► picked ─pack─► packed ─ship─► shipped ─deliver─► delivered
 *      └─backorder─► backordered ─confirm─┘          └─(short)─► exception ─resume─► confirmed | backordered
 *   cancel: anything before packed (and exception) ─► cancelled
 *   intercept: anything before packed ─► exception;  changeAddress: anything before packed, status unchanged
 */
import { Conflict } from '../../platform/http/errors.js';

export const ORDER_STATUSES = [
  'pending',
  'confirmed',
  'backordered',
  'picking',
  'picked',
  'packed',
  'shipped',
  'delivered',
  'cancelled',
  'exception',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A command with what it learnt from the world (whether stock was found, whether a pick was short). */
export type OrderCommand =
  | { type: 'confirm' }
  | { type: 'backorder' }
  | { type: 'startPicking' }
  /** `done`: no allocation is left open and nothing is unallocated; `short`: a pick of this round was short. */
  | { type: 'recordPick'; done: boolean; short: boolean }
  | { type: 'pack' }
  | { type: 'ship' }
  | { type: 'deliver' }
  | { type: 'cancel' }
  | { type: 'intercept' }
  | { type: 'changeAddress' }
  /** `reserved`: every line now holds all it needs. */
  | { type: 'resume'; reserved: boolean };
export type OrderCommandType = OrderCommand['type'];

type Rule<C extends OrderCommand> = { from: readonly OrderStatus[]; verb: string; to: (cmd: C, from: OrderStatus) => OrderStatus };
type Rules = { [T in OrderCommandType]: Rule<Extract<OrderCommand, { type: T }>> };

/** Until the parcel is packed the order can still be stopped or redirected. */
const BEFORE_PACKED = ['pending', 'confirmed', 'backordered', 'picking', 'picked'] as const;

export const ORDER_RULES: Rules = {
  confirm: { from: ['pending', 'backordered'], verb: 'confirm', to: () => 'confirmed' },
  backorder: { from: ['pending'], verb: 'backorder', to: () => 'backordered' },
  // Again while picking: allocates what could not be allocated before (stock put away since).
  startPicking: { from: ['confirmed', 'picking'], verb: 'start picking', to: () => 'picking' },
  recordPick: {
    from: ['picking'],
    verb: 'record a pick for',
    to: (c) => (!c.done ? 'picking' : c.short ? 'exception' : 'picked'),
  },
  pack: { from: ['picked'], verb: 'pack', to: () => 'packed' },
  ship: { from: ['packed'], verb: 'ship', to: () => 'shipped' },
  deliver: { from: ['shipped'], verb: 'deliver', to: () => 'delivered' },
  cancel: { from: [...BEFORE_PACKED, 'exception'], verb: 'cancel', to: () => 'cancelled' },
  intercept: { from: BEFORE_PACKED, verb: 'intercept', to: () => 'exception' },
  changeAddress: { from: [...BEFORE_PACKED, 'exception'], verb: 'change the address of', to: (_c, from) => from },
  resume: { from: ['exception'], verb: 'resume', to: (c) => (c.reserved ? 'confirmed' : 'backordered') },
};

/** Whether `command` may run on an order in `status`. */
export function canRun(status: OrderStatus, command: OrderCommandType): boolean {
  return (ORDER_RULES[command].from as readonly OrderStatus[]).includes(status);
}

/** Refuses a command the current status does not allow: 409 naming the status. */
export function assertCan(status: OrderStatus, command: OrderCommandType): void {
  if (!canRun(status, command)) {
    throw new Conflict(`cannot ${ORDER_RULES[command].verb} an order that is ${status}`, { currentState: status, command });
  }
}

/** The status after `command`, or a 409 if the current status does not allow it. */
export function transition(status: OrderStatus, command: OrderCommand): OrderStatus {
  assertCan(status, command.type);
  const rule = ORDER_RULES[command.type] as Rule<OrderCommand>;
  return rule.to(command, status);
}

/** The statuses from which nothing more happens. */
export const FINAL_STATUSES: readonly OrderStatus[] = ['delivered', 'cancelled'];
