/**
 * PostgreSQL text cannot hold the NUL character; a request carrying one is the client's mistake,
 * so it is refused up front with the field named instead of failing deep in a query.
 */
import { DomainError } from './errors.js';

function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  // A raw upload (an imported file) is bytes, not text: walking a 50 MiB Buffer entry by entry
  // would stop the server for tens of seconds.
  if (value instanceof Uint8Array) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}.${i}`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(k, path) ? path : findNul(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function refuseNul(parts: Record<'body' | 'querystring' | 'params', unknown>) {
  for (const [where, value] of Object.entries(parts)) {
    const field = findNul(value, where);
    if (field) {
      throw new DomainError(400, 'validation', 'Invalid request', `${field}: text may not contain the NUL character`, {
        field,
        errors: [{ field, message: 'text may not contain the NUL character' }],
      });
    }
  }
}
