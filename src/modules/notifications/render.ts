/**
 * Liquid rendering of templates. Unknown variables render empty (a template may use a variable
 * some callers do not give); unknown filters and syntax errors are refused, naming the field.
 */
import { Liquid, type Template as LiquidTemplate } from 'liquidjs';
import { Invalid } from '../../platform/http/errors.js';

const liquid = new Liquid({
  strictVariables: false,
  strictFilters: true,
  // Variables come from callers: never reach prototype properties through them.
  ownPropertyOnly: true,
  // A template is data a manager edits: bound what one can cost.
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
  cache: 500,
});

export type TemplateText = { subject: string | null; body: string };
export type Rendered = { subject: string | null; body: string };

function parse(field: string, text: string): LiquidTemplate[] {
  try {
    return liquid.parse(text);
  } catch (err) {
    throw new Invalid(field, `${field} is not valid Liquid: ${(err as Error).message}`);
  }
}

/** Throws `Invalid` naming `subject` or `body` when either is not valid Liquid. */
export function checkTemplate(t: Partial<TemplateText>): void {
  if (t.subject) parse('subject', t.subject);
  if (t.body !== undefined) parse('body', t.body);
}

async function renderField(field: string, text: string, variables: Record<string, unknown>): Promise<string> {
  const parsed = parse(field, text);
  try {
    return await liquid.render(parsed, variables);
  } catch (err) {
    throw new Invalid(field, `${field} could not be rendered: ${(err as Error).message}`);
  }
}

export async function render(t: TemplateText, variables: Record<string, unknown>): Promise<Rendered> {
  const subject = t.subject === null ? null : (await renderField('subject', t.subject, variables)).replace(/\s+/g, ' ').trim();
  return { subject, body: await renderField('body', t.body, variables) };
}
