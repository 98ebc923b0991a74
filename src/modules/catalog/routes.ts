/** Products: create, search, scan look-up, change, and their barcodes. */
import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/app.js';
import { principal } from '../../platform/http/app.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { page, PageQuery } from '../../platform/http/pagination.js';
import { Barcode, NewProductInput, ProductDto, ProductPatchInput } from './catalog.schema.js';
import * as catalog from './catalog.service.js';
import { IdParams } from '../../platform/http/schemas.js';

const tags = ['catalog'];
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export function catalogRoutes(app: App, { db }: AppContext) {
  app.post(
    '/api/v1/products',
    {
      config: { permission: 'catalog.write' },
      schema: {
        tags,
        summary: 'Create a product (SKU) with its barcodes; a SKU or barcode already in use is a 409',
        body: NewProductInput,
        response: { 201: ProductDto },
      },
    },
    async (req, reply) => idempotent(db, req, reply, 201, (tx) => catalog.createProduct(tx, principal(req).actor, req.body)),
  );

  app.get(
    '/api/v1/products',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Search products in SKU order: q matches a SKU prefix, an exact barcode or part of the name',
        querystring: PageQuery.extend({
          q: z.string().trim().max(200).optional(),
          category: z.string().trim().min(1).max(100).optional(),
          active: Flag.optional(),
        }),
        response: { 200: page(ProductDto) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return catalog.listProducts(db, filter, { limit, cursor });
    },
  );

  app.get(
    '/api/v1/products/by-code/:code',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'The product a scanned code names: its exact SKU or one of its barcodes',
        params: z.object({ code: z.string().trim().min(1).max(64) }),
        response: { 200: ProductDto },
      },
    },
    async (req) => catalog.getProductByCode(db, req.params.code),
  );

  app.get(
    '/api/v1/products/:id',
    { config: { permission: 'catalog.read' }, schema: { tags, summary: 'A product', params: IdParams, response: { 200: ProductDto } } },
    async (req) => catalog.getProduct(db, req.params.id),
  );

  app.patch(
    '/api/v1/products/:id',
    {
      config: { permission: 'catalog.write' },
      schema: {
        tags,
        summary: 'Change a product; barcodes, when given, replace the whole set (the SKU never changes)',
        params: IdParams,
        body: ProductPatchInput,
        response: { 200: ProductDto },
      },
    },
    async (req) => db.transaction((tx) => catalog.updateProduct(tx, principal(req).actor, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/products/:id/barcodes',
    {
      config: { permission: 'catalog.write' },
      schema: {
        tags,
        summary: 'Add a barcode to a product',
        params: IdParams,
        body: z.object({ barcode: Barcode }).strict(),
        response: { 201: ProductDto },
      },
    },
    async (req, reply) =>
      idempotent(db, req, reply, 201, (tx) => catalog.addProductBarcode(tx, principal(req).actor, req.params.id, req.body.barcode)),
  );

  app.delete(
    '/api/v1/products/:id/barcodes/:barcode',
    {
      config: { permission: 'catalog.write' },
      schema: {
        tags,
        summary: 'Remove a barcode from a product',
        params: IdParams.extend({ barcode: z.string().min(1).max(64) }),
        response: { 200: ProductDto },
      },
    },
    async (req) => db.transaction((tx) => catalog.removeProductBarcode(tx, principal(req).actor, req.params.id, req.params.barcode)),
  );
}
