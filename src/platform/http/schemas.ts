/**
 * The validation primitives every module's API shapes are built from, so an id, a phone number or
 * a line of text is refused by the same rule, with the same words, on every route.
 */
import { z } from 'zod';

/** A row id in a path or a query: a positive integer a JavaScript number holds exactly. */
export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** `{ id }` path parameters. */
export const IdParams = z.object({ id: Id });

/**
 * Control characters other than tab, line feed and carriage return: they have no place in names,
 * addresses or notes, and would reach labels, PDFs and the customer's messages.
 */
export const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** A phone number as people write it: digits, spaces, "+", "-" and parentheses (`+86 139 1234 5678`). */
export const Phone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{2,31}$/, 'phone is 3 to 32 digits, spaces, "+", "-" or parentheses');
