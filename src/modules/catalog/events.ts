/** Events the catalog module writes. */
export const CATALOG_EVENTS = {
  productCreated: 'product.created',
  productUpdated: 'product.updated',
} as const;

export type CatalogEvent = (typeof CATALOG_EVENTS)[keyof typeof CATALOG_EVENTS];

/** `product.created`: the new product's identity. */
export type ProductCreatedPayload = { sku: string; name: string; barcodes: string[] };

/**
 * `product.updated`: which fields changed (the product's field names, `barcodes` included), and
 * for barcodes which ones came and went, so a follower need not diff the product itself.
 */
export type ProductUpdatedPayload = { sku: string; changed: string[]; barcodesAdded?: string[]; barcodesRemoved?: string[] };
