-- Products (SKUs) and their barcodes. Other modules hold product ids, never rows of these tables.
CREATE TABLE products (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku           text NOT NULL CHECK (sku ~ '^[A-Za-z0-9._-]{1,64}$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  category      text CHECK (length(category) BETWEEN 1 AND 100),
  unit_price    numeric(14, 2) NOT NULL DEFAULT 0 CHECK (unit_price >= 0),
  weight_g      integer CHECK (weight_g >= 0),
  length_mm     integer CHECK (length_mm >= 0),
  width_mm      integer CHECK (width_mm >= 0),
  height_mm     integer CHECK (height_mm >= 0),
  -- Tenant-defined attributes (colour, supplier code, …): flat string → string | number | boolean.
  custom_fields jsonb NOT NULL DEFAULT '{}'::jsonb
                CHECK (jsonb_typeof(custom_fields) = 'object' AND pg_column_size(custom_fields) <= 65536),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- COLLATE "C": one byte order for uniqueness, listing and keyset cursors on every server locale.
CREATE UNIQUE INDEX products_sku_idx ON products (sku COLLATE "C");
-- Search by SKU prefix whatever the case (`q`), and filters.
CREATE INDEX products_sku_lower_idx ON products (lower(sku) text_pattern_ops);
CREATE INDEX products_category_idx ON products (category);

-- Several barcodes (EAN-13, UPC, internal labels) per product; a barcode names one product only.
CREATE TABLE product_barcodes (
  barcode     text PRIMARY KEY CHECK (barcode ~ '^[\x21-\x7e]{1,64}$'),
  product_id  bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_barcodes_product_idx ON product_barcodes (product_id, barcode);
