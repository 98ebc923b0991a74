/**
 * The catalog's input and output shapes, as Zod schemas: the routes use them for validation and
 * OpenAPI, and the service re-checks inputs from other modules (seed, imports) with the same ones.
 */
import { z } from 'zod';

export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** Printable ASCII without spaces: what a scanner types. */
export const BARCODE_PATTERN = /^[\x21-\x7e]{1,64}$/;
export const MAX_BARCODES = 20;
export const MAX_CUSTOM_FIELDS = 50;
export const MAX_PRICE = 999_999_999_999.99; // numeric(14, 2)
const MAX_WEIGHT_G = 100_000_000; // 100 t
const MAX_DIMENSION_MM = 100_000; // 100 m

export const Sku = z.string().trim().regex(SKU_PATTERN, 'SKU is 1 to 64 letters, digits, "-", "_" or "."');
export const Barcode = z.string().trim().regex(BARCODE_PATTERN, 'barcode is 1 to 64 printable ASCII characters without spaces');

const hasCents = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
export const UnitPrice = z.number().min(0).max(MAX_PRICE).refine(hasCents, 'at most 2 decimal places');

const Grams = z.number().int().min(0).max(MAX_WEIGHT_G);
const Millimetres = z.number().int().min(0).max(MAX_DIMENSION_MM);

export const CustomFieldValue = z.union([z.string().max(1000), z.number(), z.boolean()]);
export const CustomFields = z
  .record(z.string().min(1).max(64), CustomFieldValue)
  .refine((o) => Object.keys(o).length <= MAX_CUSTOM_FIELDS, `at most ${MAX_CUSTOM_FIELDS} custom fields`);

const Barcodes = z.array(Barcode).max(MAX_BARCODES);

export const NewProductInput = z.object({
  sku: Sku,
  name: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(100).nullable().optional(),
  unitPrice: UnitPrice.optional(),
  weightG: Grams.nullable().optional(),
  lengthMm: Millimetres.nullable().optional(),
  widthMm: Millimetres.nullable().optional(),
  heightMm: Millimetres.nullable().optional(),
  barcodes: Barcodes.optional(),
  customFields: CustomFields.optional(),
  active: z.boolean().optional(),
}).strict();

/** Every field but the SKU, which is the product's identity for people and imports. */
export const ProductPatchInput = NewProductInput.omit({ sku: true })
  .partial()
  .extend({
    barcodes: Barcodes.optional().describe('replaces the whole set'),
    customFields: CustomFields.optional().describe('replaces the whole object'),
  })
  .strict();

export type NewProduct = z.input<typeof NewProductInput>;
export type ProductPatch = z.input<typeof ProductPatchInput>;

export const ProductDto = z.object({
  id: z.number(),
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  unitPrice: z.number(),
  weightG: z.number().nullable(),
  lengthMm: z.number().nullable(),
  widthMm: z.number().nullable(),
  heightMm: z.number().nullable(),
  barcodes: z.array(z.string()),
  customFields: z.record(z.string(), CustomFieldValue),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
