/** Customers: create, search, the customer screen, changes, tags, notes and the timeline. */
import { z } from 'zod';
import { eventScope } from '../../platform/auth/scope.js';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { CustomerDto, CustomerPatchInput, CustomerSummaryDto, EventDto, NewCustomerInput, NoteDto, Tag, Tags } from './customers.schema.js';
import * as customers from './customers.service.js';

export const tags = ['customers'];
export const CustomerId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const TagList = z.object({ tags: z.array(z.string()) });

export function customerRoutes(app: App, { db }: AppContext) {
  app.post(
    '/api/v1/customers',
    {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Create a customer, with optional first contacts, addresses and tags; the code is generated when absent',
        body: NewCustomerInput,
        response: { 201: CustomerDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => customers.createCustomer(tx, principal(req).actor, req.body)),
  );

  app.get(
    '/api/v1/customers',
    {
      config: { permission: 'customers.read' },
      schema: {
        tags,
        summary: 'Search customers, newest first: q matches name, code, phone or e-mail; tag filters',
        querystring: PageQuery.extend({ q: z.string().trim().max(200).optional(), tag: Tag.optional() }),
        response: { 200: page(CustomerSummaryDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return customers.listCustomers(db, filter, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/customers/:id',
    {
      config: { permission: 'customers.read' },
      schema: { tags, summary: 'A customer with contacts, addresses and tags', params: CustomerId, response: { 200: CustomerDto } },
    },
    async (req) => customers.getCustomer(db, req.params.id),
  );

  app.patch(
    '/api/v1/customers/:id',
    {
      config: { permission: 'customers.write' },
      schema: { tags, summary: "Change a customer's name, type, phone, e-mail or locale", params: CustomerId, body: CustomerPatchInput, response: { 200: CustomerDto } },
    },
    async (req) => db.transaction((tx) => customers.updateCustomer(tx, principal(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/customers/:id/tags',
    {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Tag a customer (tags are trimmed and lower-cased); answers all their tags',
        params: CustomerId,
        body: z.object({ tags: Tags.min(1) }).strict(),
        response: { 200: TagList },
      },
    },
    async (req) => ({ tags: await db.transaction((tx) => customers.addCustomerTags(tx, principal(req).actor, req.params.id, req.body.tags)) }),
  );

  app.delete(
    '/api/v1/customers/:id/tags/:tag',
    {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Remove a tag from a customer; answers the remaining tags',
        params: CustomerId.extend({ tag: Tag }),
        response: { 200: TagList },
      },
    },
    async (req) => ({ tags: await db.transaction((tx) => customers.removeCustomerTag(tx, principal(req).actor, req.params.id, req.params.tag)) }),
  );

  app.post(
    '/api/v1/customers/:id/notes',
    {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Add a note to a customer',
        params: CustomerId,
        body: z.object({ body: z.string().trim().min(1).max(5000) }).strict(),
        response: { 201: NoteDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => customers.addNote(tx, principal(req).actor, req.params.id, req.body.body)),
  );

  app.get(
    '/api/v1/customers/:id/notes',
    {
      config: { permission: 'customers.read' },
      schema: { tags, summary: "A customer's notes, newest first", params: CustomerId, querystring: PageQuery, response: { 200: page(NoteDto) } },
    },
    async (req) => customers.listNotes(db, req.params.id, req.query),
  );

  app.get(
    '/api/v1/customers/:id/timeline',
    {
      config: { permission: 'customers.read' },
      schema: {
        tags,
        summary: 'Every event about the customer (orders, shipments, tickets, returns, notes, …), newest first',
        params: CustomerId,
        querystring: PageQuery,
        response: { 200: page(EventDto) },
      },
    },
    async (req) => customers.customerTimeline(db, req.params.id, req.query, eventScope(principal(req))),
  );
}
