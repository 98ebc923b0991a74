/** What the returns dock reads and sends: typed from the OpenAPI document. */
import { api, call, ApiError, type paths } from '../../../shared/api';

type Body<P extends keyof paths> = paths[P]['post'] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Return = paths['/api/v1/returns/{id}']['get']['responses'][200]['content']['application/json'];
export type ReturnLine = Return['lines'][number];
export type ReceiptBody = Body<'/api/v1/returns/{id}/receive'>;
export type InspectionBody = Body<'/api/v1/returns/{id}/inspect'>;
export type Grade = 'A' | 'B' | 'C' | 'scrap';
export const GRADES: Grade[] = ['A', 'B', 'C', 'scrap'];

/** The request an RMA or order number names; the problem's words when there is none. */
export async function lookupReturn(code: string): Promise<{ found: Return } | { problem: string }> {
  try {
    return { found: await call(api.GET('/api/v1/returns/lookup', { params: { query: { code } } })) };
  } catch (err) {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500) return { problem: err.message };
    throw err;
  }
}

export const fetchReturn = (id: number) => call(api.GET('/api/v1/returns/{id}', { params: { path: { id } } }));
export const receiveReturn = (id: number, body: ReceiptBody, key: string) =>
  call(api.POST('/api/v1/returns/{id}/receive', { params: { path: { id } }, body, headers: { 'idempotency-key': key } }));
export const inspectReturn = (id: number, body: InspectionBody, key: string) =>
  call(api.POST('/api/v1/returns/{id}/inspect', { params: { path: { id } }, body, headers: { 'idempotency-key': key } }));

/** The checklists per category and the inspection levels: what each line must go through. */
export async function fetchInspectionRules() {
  const [checklists, settings] = await Promise.all([call(api.GET('/api/v1/returns/checklists')), call(api.GET('/api/v1/returns/settings'))]);
  return { checklists: checklists.items, levels: settings.inspectionLevels };
}
export type InspectionRules = Awaited<ReturnType<typeof fetchInspectionRules>>;

/** The category's checklist, else the default one ('*'), as the server decides it. */
export function checklistOf(rules: InspectionRules, category: string | null): string[] {
  return (rules.checklists.find((c) => c.category === category) ?? rules.checklists.find((c) => c.category === '*'))?.items ?? [];
}

/** The levels a line goes through (by its unit price) and the next one due, as the server counts them. */
export function levelsOf(rules: InspectionRules, line: ReturnLine, inspections: Return['inspections']) {
  const levels = rules.levels.flatMap((l, i) => (line.unitPrice >= l.minUnitValue ? [{ level: i + 1, name: l.name }] : []));
  const done = Math.max(0, ...inspections.filter((x) => x.returnLineId === line.id).map((x) => x.level));
  return { levels, next: levels.find((l) => l.level > done) ?? null };
}
