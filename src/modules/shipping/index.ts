import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { shippingRoutes } from './routes.js';

export const shippingModule: Module = {
  name: 'shipping',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: shippingRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { ShipmentWithTrackingDto, TrackingNumber } from './shipping.schema.js';
export { carrierName, createShipment, getShipment, onShipmentStatusChanged, shipmentOfOrder } from './shipping.service.js';
export type { ShipmentListener } from './shipping.service.js';
