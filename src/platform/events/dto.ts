/** The API shape of one event, shared by every route that lists events (log, timelines). */
import { z } from 'zod';

export const EventDto = z.object({
  id: z.number(),
  type: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  customerId: z.number().nullable(),
  actor: z.string(),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
});
