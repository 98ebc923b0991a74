/**
 * Typed domain errors, and the one place that maps every error to RFC 9457 problem+json.
 * Services throw `NotFound`, `Conflict` or `Invalid`; nothing else decides a status code.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The request field that is wrong (a JSON path such as `lines.0.quantity`). */
  field?: string;
  errors?: Array<{ field: string; message: string }>;
  [extra: string]: unknown;
};

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
  toProblem(): Problem {
    return { type: `https://wareloop.dev/problems/${this.code}`, title: this.title, status: this.status, detail: this.message, ...this.extra };
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id: string | number) {
    super(404, 'not-found', 'Not found', `${entity} ${id} does not exist`, { entity, id: String(id) });
  }
}

/** The request is valid but the current state forbids it; `currentState` names that state. */
export class Conflict extends DomainError {
  constructor(detail: string, extra: { currentState?: string; [k: string]: unknown } = {}) {
    super(409, 'conflict', 'Conflict with the current state', detail, extra);
  }
}

/** A field of the request is wrong in a way its schema cannot say (an unknown SKU, say). */
export class Invalid extends DomainError {
  constructor(field: string, detail: string) {
    super(422, 'invalid', 'Invalid request', detail, { field, errors: [{ field, message: detail }] });
  }
}

export class Unauthorized extends DomainError {
  constructor(detail = 'Sign in or send an API key (Authorization: Bearer …)') {
    super(401, 'unauthorized', 'Authentication required', detail);
  }
}

/** The server cannot serve yet (starting) or any more (stopping); the client should retry. */
export class ServiceUnavailable extends DomainError {
  constructor(detail: string) {
    super(503, 'unavailable', 'Service unavailable', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(permission: string) {
    super(403, 'forbidden', 'Permission denied', `This action needs the permission ${permission}`, { permission });
  }
}

// PostgreSQL error codes that are the client's fault when they reach us (belt and braces:
// schemas and guards should catch these first).
const PG_CLIENT_ERRORS: Record<string, { status: number; title: string }> = {
  '23505': { status: 409, title: 'Already exists' },
  '23514': { status: 409, title: 'Conflict with the current state' },
  '23503': { status: 409, title: 'Conflict with the current state' },
  '22003': { status: 400, title: 'Number out of range' },
  '22P02': { status: 400, title: 'Invalid value' },
  '22001': { status: 400, title: 'Value too long' },
  '22021': { status: 400, title: 'Invalid text encoding' },
  '22007': { status: 400, title: 'Invalid date or time' },
  '22008': { status: 400, title: 'Date or time out of range' },
};

export function toProblem(err: FastifyError | Error, req: FastifyRequest): Problem {
  const instance = req.url.split('?')[0];
  if (err instanceof DomainError) return { ...err.toProblem(), instance };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? 'body';
    const errors = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean).join('.');
      return { field: path ? `${where}.${path}` : where, message: v.message ?? 'invalid' };
    });
    return {
      type: 'https://wareloop.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      field: errors[0]?.field,
      errors,
      instance,
    };
  }
  const fe = err as FastifyError & { code?: string };
  const pg = fe.code ? PG_CLIENT_ERRORS[fe.code] : undefined;
  if (pg) return { type: 'https://wareloop.dev/problems/database', title: pg.title, status: pg.status, detail: err.message, instance };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own 4xx: malformed JSON, wrong content type, body too large, …
    const field = fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'content-type' : fe.statusCode === 400 ? 'body' : undefined;
    return {
      type: `https://wareloop.dev/problems/${(fe.code ?? 'bad-request').toLowerCase()}`,
      title: fe.statusCode === 415 ? 'Unsupported media type' : fe.statusCode === 413 ? 'Payload too large' : 'Bad request',
      status: fe.statusCode,
      detail: err.message,
      field,
      instance,
    };
  }
  return { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred; it has been logged.', instance };
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
