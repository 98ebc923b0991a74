-- Sales orders, their lines, the stock each line holds and the picks made for it.
-- customer_id, warehouse_id, product_id and reservation ids point into other modules: ids only.

-- Order numbers (SO-000001). A rolled-back order leaves a gap; numbers only need to be unique.
CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number              text NOT NULL DEFAULT ('SO-' || lpad(nextval('order_number_seq')::text, 6, '0'))
                      CHECK (number ~ '^SO-[0-9]{6,}$'),
  customer_id         bigint NOT NULL,
  -- Where the order came from (web, tmall, jd, …); the API keeps to a vocabulary, the table to its shape.
  channel             text NOT NULL CHECK (channel ~ '^[a-z][a-z0-9_-]{0,31}$'),
  -- The channel's own order number, unique per channel so an import cannot create an order twice.
  external_ref        text CHECK (length(external_ref) BETWEEN 1 AND 64),
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN
                        ('pending', 'confirmed', 'backordered', 'picking', 'picked', 'packed', 'shipped', 'delivered', 'cancelled', 'exception')),
  warehouse_id        bigint NOT NULL,
  -- recipientName, phone, country, province, city, district, line1, line2, postalCode (as a customer address).
  ship_to             jsonb NOT NULL CHECK (jsonb_typeof(ship_to) = 'object' AND pg_column_size(ship_to) <= 8192),
  promised_ship_date  date,
  exception_reason    text CHECK (length(exception_reason) <= 2000),
  cancel_reason       text CHECK (length(cancel_reason) <= 1000),
  currency            text NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
  total               numeric(16, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
  note                text CHECK (length(note) <= 2000),
  -- Weight and dimensions measured at packing.
  parcel              jsonb CHECK (parcel IS NULL OR jsonb_typeof(parcel) = 'object'),
  -- Each start of picking opens a round; a short pick of the current round makes it an exception.
  pick_round          integer NOT NULL DEFAULT 0 CHECK (pick_round >= 0),
  delivery_failed_at  timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  confirmed_at        timestamptz,
  picked_at           timestamptz,
  packed_at           timestamptz,
  shipped_at          timestamptz,
  delivered_at        timestamptz,
  cancelled_at        timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT orders_exception_has_reason CHECK (status <> 'exception' OR exception_reason IS NOT NULL),
  CONSTRAINT orders_cancelled_has_reason CHECK (status <> 'cancelled' OR (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL)),
  CONSTRAINT orders_promised_when_confirmed CHECK (
    status NOT IN ('confirmed', 'picking', 'picked', 'packed', 'shipped', 'delivered') OR promised_ship_date IS NOT NULL)
);
CREATE UNIQUE INDEX orders_number_idx ON orders (number);
CREATE UNIQUE INDEX orders_external_ref_idx ON orders (channel, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX orders_customer_idx ON orders (customer_id, id);
CREATE INDEX orders_status_idx ON orders (status, id);
CREATE INDEX orders_created_idx ON orders (created_at, id);
-- What the backorder flow scans when stock arrives: a warehouse's waiting orders, oldest first.
CREATE INDEX orders_backordered_idx ON orders (warehouse_id, id) WHERE status = 'backordered';

CREATE TABLE order_lines (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id          bigint NOT NULL REFERENCES orders (id),
  line_no           integer NOT NULL CHECK (line_no >= 1),
  product_id        bigint NOT NULL,
  -- The product's SKU and name when ordered: what the customer bought, whatever the catalog says later.
  sku               text NOT NULL,
  name              text NOT NULL,
  quantity          integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  unit_price        numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
  picked_quantity   integer NOT NULL DEFAULT 0,
  packed_quantity   integer NOT NULL DEFAULT 0,
  shipped_quantity  integer NOT NULL DEFAULT 0,
  CONSTRAINT order_lines_quantities CHECK (
    0 <= shipped_quantity AND shipped_quantity <= packed_quantity AND packed_quantity <= picked_quantity AND picked_quantity <= quantity),
  UNIQUE (order_id, line_no),
  -- One line per product: picks, pack scans and reservations then name a line by its product.
  UNIQUE (order_id, product_id)
);

-- The inventory reservations a line holds. The first is referenced by the line id; a line that
-- lost its stock (intercept, short pick) and reserves again gets a new reference `<line id>.<n>`,
-- because a reference, once used, stays with its reservation.
CREATE TABLE order_line_reservations (
  reservation_id  bigint PRIMARY KEY,
  order_line_id   bigint NOT NULL REFERENCES order_lines (id),
  ref_id          text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_line_reservations_line_idx ON order_line_reservations (order_line_id);

-- Every pick: who took how many of what from where, against which allocation of the pick list.
CREATE TABLE order_picks (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id        bigint NOT NULL REFERENCES orders (id),
  order_line_id   bigint NOT NULL REFERENCES order_lines (id),
  allocation_id   bigint NOT NULL UNIQUE,
  round           integer NOT NULL CHECK (round >= 1),
  location_code   text NOT NULL,
  lot             text NOT NULL,
  expected        integer NOT NULL CHECK (expected > 0),
  quantity        integer NOT NULL CHECK (quantity >= 0 AND quantity <= expected),
  actor           text NOT NULL,
  picked_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_picks_order_idx ON order_picks (order_id, round);
