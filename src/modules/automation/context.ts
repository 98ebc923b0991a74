/**
 * What a rule sees: the event, and the current state of what it is about — its order, customer
 * and product — read in the rule's own transaction, so a condition judges the entity as it is
 * now, not as it was when the event was written.
 */
import { Liquid } from 'liquidjs';
import { Secret } from '../../platform/auth/secrets.js';
import type { Tx } from '../../platform/db/client.js';
import type { StoredEvent } from '../../platform/events/log.js';
import { DomainError } from '../../platform/http/errors.js';
import { getProduct } from '../catalog/index.js';
import { getCustomer } from '../customers/index.js';
import { getOrder } from '../orders/index.js';
import { getDeposit, getVoucherCode } from '../storage/index.js';
import { getTask } from '../tasks/index.js';

export type RuleContext = {
  event: StoredEvent & Record<string, unknown>;
  entity: Record<string, unknown> | null;
  order: Record<string, unknown> | null;
  customer: Record<string, unknown> | null;
  product: Record<string, unknown> | null;
};

type Loader = (tx: Tx, id: number) => Promise<Record<string, unknown>>;

/** How each kind of entity is read. A module whose entities rules should see adds a line here. */
const LOADERS: Record<string, Loader> = {
  order: (tx, id) => getOrder(tx, id) as Promise<Record<string, unknown>>,
  customer: (tx, id) => getCustomer(tx, id) as Promise<Record<string, unknown>>,
  product: (tx, id) => getProduct(tx, id) as Promise<Record<string, unknown>>,
  task: (tx, id) => getTask(tx, id) as Promise<Record<string, unknown>>,
  // Without the voucher code: a condition, a task or a custom event could otherwise read it out.
  storage_deposit: (tx, id) => getDeposit(tx, id) as Promise<Record<string, unknown>>,
};

/**
 * The customer's own secrets about an entity (a deposit's voucher code), by entity type, as
 * `Secret`s: only a notice to that customer renders their value, and its log is rendered with their
 * mask. Never part of the rule's context, so no condition, task, event, staff notice or dry run sees them.
 */
const CUSTOMER_SECRETS: Record<string, (tx: Tx, id: number) => Promise<Record<string, Secret>>> = {
  // A closed deposit has no voucher to give any more.
  storage_deposit: async (tx, id): Promise<Record<string, Secret>> => {
    const voucherCode = await getVoucherCode(tx, id);
    return voucherCode === null ? {} : { voucherCode: new Secret(voucherCode) };
  },
};

/** The entity's fields that are the customer's secret (none for most kinds), to merge into a notice's own variables. */
export async function customerSecretsOf(tx: Tx, entityType: string, id: unknown): Promise<Record<string, Secret>> {
  const load = CUSTOMER_SECRETS[entityType];
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  if (!load || !Number.isSafeInteger(n) || n <= 0) return {};
  try {
    return await load(tx, n);
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) return {};
    throw err;
  }
}

export function hasLoader(entityType: string): boolean {
  return entityType in LOADERS;
}

/** The entity, or null when it is gone (deleted since) or of a kind rules cannot read. */
export async function loadEntity(tx: Tx, entityType: string, id: unknown): Promise<Record<string, unknown> | null> {
  const loader = LOADERS[entityType];
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  if (!loader || !Number.isSafeInteger(n) || n <= 0) return null;
  try {
    return await loader(tx, n);
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) return null;
    throw err;
  }
}

export async function buildContext(tx: Tx, event: StoredEvent): Promise<RuleContext> {
  const p = event.payload ?? {};
  const entity = await loadEntity(tx, event.entityType, event.entityId);
  const order = event.entityType === 'order' ? entity : await loadEntity(tx, 'order', p.orderId);
  const customerId = event.customerId ?? (typeof order?.customerId === 'number' ? order.customerId : undefined);
  const customer = event.entityType === 'customer' ? entity : await loadEntity(tx, 'customer', customerId);
  const product = event.entityType === 'product' ? entity : await loadEntity(tx, 'product', p.productId);
  // The payload's fields are on `event` itself, so a condition reads `event.reason` as well as `event.payload.reason`.
  return { event: { ...p, ...event }, entity, order, customer, product };
}

/** Reads `a.b.c` from an object; undefined when any step is missing. */
export function pathOf(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

const liquid = new Liquid({ strictFilters: true, strictVariables: false, ownPropertyOnly: true });

/** Renders a rule's text (a task title, a custom event field) over the same variables as its notices. */
export async function renderText(template: string, variables: Record<string, unknown>): Promise<string> {
  return (await liquid.parseAndRender(template, variables)).trim();
}
