/**
 * The JSON body parser: Fastify's own (prototype poisoning refused), after a linear scan that
 * refuses bodies nested deeper than any request of ours needs. A 15 KB body of 7,700 nested
 * arrays would otherwise reach every recursive walk over request bodies (the NUL check, the
 * schemas) and overflow the stack: a 500 for anyone, signed in or not.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from './errors.js';

/** Deeper than any body the API takes (the deepest are a few levels). */
export const MAX_JSON_DEPTH = 64;

/** Whether `text` opens more than `max` arrays or objects inside one another (brackets in strings do not count). */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export class NestedTooDeep extends DomainError {
  constructor(max: number) {
    const message = `JSON may not be nested more than ${max} levels deep`;
    super(400, 'validation', 'Invalid request', `body: ${message}`, { field: 'body', errors: [{ field: 'body', message }] });
  }
}

export function boundJsonDepth(app: FastifyInstance, max = MAX_JSON_DEPTH): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestedDeeperThan(text, max)) {
      done(new NestedTooDeep(max), undefined);
      return;
    }
    parse(req, text, done);
  });
}
