import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/http/app.js';
import { returnRoutes } from './routes.js';

export const returnsModule: Module = {
  name: 'returns',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: returnRoutes,
};

// ---- the door: what code outside this module may use (nothing imports its other files) ----
export { approveReturn } from './approve.js';
export { GRADES, RETURN_EVENTS } from './events.js';
export type { Disposition, Grade } from './events.js';
export { bilingual, toCents } from './policy.js';
export { createRefund } from './refunds.service.js';
export { requestReturn } from './request.js';
export type { NewReturn, Source } from './request.js';
export { expectStatus, getReturn, linesPayload, lockReturn, recordReturnEvent, returnLines, setReturnStatus } from './returns.service.js';
export type { ReturnRow } from './returns.service.js';
export { getSettings } from './settings.service.js';
export { returnCommandRoute } from './routes.js';
export { returnsPortalGuess } from './portal.routes.js';
export { portalOrder, portalView } from './portal.js';
export { DisposeInputSchema, NewReturnInput, PortalReturnDto, PortalReturnInput, ReceiptInput, ResolveInputSchema, ReturnDto, tags as returnTags } from './returns.schema.js';
export { linkReplacement, recordDiscrepancy, recordDisposition, recordReceivedQuantity, refurbishedUnits } from './records.js';
export type { Discrepancy, DispositionRecord } from './records.js';
