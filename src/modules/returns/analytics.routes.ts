/** Return analytics: rates by period, SKU, category or supplier; reasons, grades, stage times and the promise kept. */
import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { Invalid } from '../../platform/http/errors.js';
import { returnRates, returnsSummary } from './analytics.js';
import { tags } from './returns.schema.js';

const DAY_MS = 86_400_000;
const RangeQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('Inclusive; default 30 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('Exclusive; default now'),
});

function rangeOf(q: z.infer<typeof RangeQuery>) {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to) throw new Invalid('querystring.from', '`from` must be before `to`');
  if (to.getTime() - from.getTime() > 3 * 366 * DAY_MS) throw new Invalid('querystring.from', 'a report covers at most three years');
  return { from: from.toISOString(), to: to.toISOString() };
}

const RateRowDto = z.object({ key: z.string(), shippedUnits: z.number(), returnedUnits: z.number(), rate: z.number().nullable() });
const SummaryDto = z.object({
  from: z.string(),
  to: z.string(),
  requests: z.number(),
  byType: z.array(z.object({ type: z.string(), requests: z.number() })),
  topReasons: z.array(z.object({ code: z.string(), labelEn: z.string(), labelZh: z.string(), requests: z.number(), units: z.number() })),
  grades: z.array(z.object({ grade: z.string(), units: z.number() })),
  dispositions: z.array(z.object({ disposition: z.string(), units: z.number() })),
  stageHours: z.object({ approval: z.number().nullable(), receipt: z.number().nullable(), inspection: z.number().nullable(), resolution: z.number().nullable(), total: z.number().nullable() }),
  promise: z.object({ promiseDays: z.number(), resolved: z.number(), resolvedWithinPromise: z.number(), share: z.number().nullable(), openOverdue: z.number() }),
});

export function analyticsRoutes(app: App, { db, config }: AppContext) {
  app.get(
    '/api/v1/returns/analytics/return-rate',
    {
      config: { permission: 'returns.read' },
      schema: {
        tags,
        summary:
          'Return rate = units asked back (returns and exchanges not rejected or cancelled, by request date) ÷ units shipped (by ship date), ' +
          "grouped by period (day, week or month), SKU, category or supplier (the product's custom field `supplier`)",
        querystring: RangeQuery.extend({ by: z.enum(['period', 'sku', 'category', 'supplier']).default('period'), grain: z.enum(['day', 'week', 'month']).default('day') }),
        response: { 200: z.object({ from: z.string(), to: z.string(), by: z.string(), grain: z.string(), items: z.array(RateRowDto) }) },
      },
    },
    async (req) => {
      const range = rangeOf(req.query);
      const items = await returnRates(db, range, req.query.by, req.query.grain, config.timeZone, principal(req).warehouseIds);
      return { ...range, by: req.query.by, grain: req.query.grain, items };
    },
  );
  app.get(
    '/api/v1/returns/analytics/summary',
    {
      config: { permission: 'returns.read' },
      schema: {
        tags,
        summary: 'For requests made in the range: counts by type, top reasons, grades, dispositions, average hours per stage, and the share resolved within the promised days',
        querystring: RangeQuery,
        response: { 200: SummaryDto },
      },
    },
    async (req) => {
      const range = rangeOf(req.query);
      return { ...range, ...(await returnsSummary(db, range, principal(req).warehouseIds)) };
    },
  );
}
