/** A customer's contacts and addresses, as sub-resources of the customer. */
import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { AddressDto, AddressPatchInput, ContactDto, ContactPatchInput, NewAddressInput, NewContactInput } from './customers.schema.js';
import * as customers from './customers.service.js';
import { CustomerId, tags } from './routes.js';

const ChildId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ContactParams = CustomerId.extend({ contactId: ChildId });
const AddressParams = CustomerId.extend({ addressId: ChildId });
const write = { permission: 'customers.write' } as const;

export function addressRoutes(app: App, { db }: AppContext) {
  app.post(
    '/api/v1/customers/:id/contacts',
    { config: write, schema: { tags, summary: 'Add a contact to a customer', params: CustomerId, body: NewContactInput, response: { 201: ContactDto } } },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => customers.addContact(tx, principal(req).actor, req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/customers/:id/contacts/:contactId',
    { config: write, schema: { tags, summary: "Change a customer's contact", params: ContactParams, body: ContactPatchInput, response: { 200: ContactDto } } },
    async (req) => db.transaction((tx) => customers.updateContact(tx, principal(req).actor, req.params.id, req.params.contactId, req.body)),
  );

  app.delete(
    '/api/v1/customers/:id/contacts/:contactId',
    { config: write, schema: { tags, summary: "Remove a customer's contact", params: ContactParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction((tx) => customers.removeContact(tx, principal(req).actor, req.params.id, req.params.contactId));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/customers/:id/addresses',
    {
      config: write,
      schema: {
        tags,
        summary: "Add an address to a customer; the first one, or one with isDefault, becomes the default",
        params: CustomerId,
        body: NewAddressInput,
        response: { 201: AddressDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => customers.addAddress(tx, principal(req).actor, req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/customers/:id/addresses/:addressId',
    {
      config: write,
      schema: { tags, summary: "Change a customer's address; isDefault: true makes it the default", params: AddressParams, body: AddressPatchInput, response: { 200: AddressDto } },
    },
    async (req) => db.transaction((tx) => customers.updateAddress(tx, principal(req).actor, req.params.id, req.params.addressId, req.body)),
  );

  app.delete(
    '/api/v1/customers/:id/addresses/:addressId',
    { config: write, schema: { tags, summary: "Remove a customer's address", params: AddressParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await db.transaction((tx) => customers.removeAddress(tx, principal(req).actor, req.params.id, req.params.addressId));
      return reply.code(204).send(null);
    },
  );
}
