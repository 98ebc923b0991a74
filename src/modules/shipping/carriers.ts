/**
 * Carriers behind one adapter interface, in a registry. An adapter for a real carrier (SF Express,
 * JD Logistics, a label aggregator) implements `createShipment` against its API and is registered
 * at start-up; its tracking pushes arrive at `POST /carriers/:code/tracking-events`. The built-in
 * `manual` carrier covers a courier booked by hand: the operator enters the tracking number.
 */
import { Invalid } from '../../platform/http/errors.js';

export type ShipmentRequest = {
  orderNumber: string;
  /** What the operator entered; required by carriers whose numbers are typed in, ignored by others. */
  trackingNumber?: string;
  service?: string;
  weightG?: number | null;
  shipTo: Record<string, unknown>;
};

export type Carrier = {
  /** Lower-case identifier used in URLs and stored on shipments: `manual`, `sf`, `jd`. */
  code: string;
  name: string;
  /** True when the operator types the tracking number (it comes from a paper waybill, say). */
  trackingNumberEntered: boolean;
  /**
   * Books the parcel. It runs inside the ship transaction, so a real adapter should be
   * idempotent on `orderNumber` at the carrier (a retried transaction books once).
   */
  createShipment(input: ShipmentRequest): Promise<{ trackingNumber: string; labelUrl?: string }>;
  /** Where a person can follow the parcel, if the carrier has such a page. */
  trackingUrl?(trackingNumber: string): string | undefined;
};

export const CARRIER_CODE = /^[a-z][a-z0-9_-]{0,31}$/;

const registry = new Map<string, Carrier>();

export function registerCarrier(carrier: Carrier): void {
  if (!CARRIER_CODE.test(carrier.code)) throw new Error(`carrier code ${carrier.code} must match ${CARRIER_CODE}`);
  registry.set(carrier.code, carrier);
}

export function findCarrier(code: string): Carrier | undefined {
  return registry.get(code);
}

export function listCarriers(): Carrier[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export const manualCarrier: Carrier = {
  code: 'manual',
  name: 'Manual (tracking number entered by the operator)',
  trackingNumberEntered: true,
  async createShipment(input) {
    const trackingNumber = input.trackingNumber?.trim();
    if (!trackingNumber) throw new Invalid('trackingNumber', 'the manual carrier needs the tracking number from the waybill');
    return { trackingNumber };
  },
};

registerCarrier(manualCarrier);
