-- Transfers between warehouses: the transfer order and its lines, the stock in transit between
-- shipping at the source and receiving at the destination, the discrepancies found on arrival,
-- and the transfers proposed when a warehouse runs short of what another has in surplus.

-- Transfer numbers (TR-000001). A rolled-back transfer leaves a gap; numbers only need to be unique.
CREATE SEQUENCE transfer_number_seq;

CREATE TABLE transfer_orders (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number             text NOT NULL DEFAULT ('TR-' || lpad(nextval('transfer_number_seq')::text, 6, '0'))
                     CHECK (number ~ '^TR-[0-9]{6,}$') UNIQUE,
  from_warehouse_id  bigint NOT NULL REFERENCES warehouses (id),
  to_warehouse_id    bigint NOT NULL REFERENCES warehouses (id),
  -- draft → released (source stock reserved) → shipped (in transit) → partially_received → closed;
  -- draft | released → cancelled.
  status             text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'released', 'shipped', 'partially_received', 'closed', 'cancelled')),
  -- Why it closed: everything shipped was received, or the remainder was written off.
  closed_reason      text CHECK (closed_reason IN ('received', 'written_off')),
  write_off_reason   text CHECK (length(write_off_reason) BETWEEN 1 AND 1000),
  cancel_reason      text CHECK (length(cancel_reason) BETWEEN 1 AND 1000),
  reference          text CHECK (length(reference) BETWEEN 1 AND 200),
  note               text CHECK (length(note) <= 1000),
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  released_at        timestamptz,
  shipped_at         timestamptz,
  closed_at          timestamptz,
  cancelled_at       timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT transfer_orders_two_warehouses CHECK (from_warehouse_id <> to_warehouse_id),
  CONSTRAINT transfer_orders_closed_has_reason CHECK ((status = 'closed') = (closed_reason IS NOT NULL AND closed_at IS NOT NULL)),
  CONSTRAINT transfer_orders_write_off_has_reason CHECK (closed_reason IS DISTINCT FROM 'written_off' OR write_off_reason IS NOT NULL),
  CONSTRAINT transfer_orders_cancelled CHECK (status <> 'cancelled' OR (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
  CONSTRAINT transfer_orders_shipped CHECK (status NOT IN ('shipped', 'partially_received', 'closed') OR shipped_at IS NOT NULL)
);
CREATE INDEX transfer_orders_status_idx ON transfer_orders (status, id);
CREATE INDEX transfer_orders_to_idx ON transfer_orders (to_warehouse_id, id);
CREATE INDEX transfer_orders_from_idx ON transfer_orders (from_warehouse_id, id);

-- quantity: what was asked for; shipped: what left the source; received: what arrived of it;
-- written_off: what was shipped and never arrived. What is still on the way is shipped −
-- received − written_off, and stock_in_transit holds exactly that (checked by the doctor).
CREATE TABLE transfer_lines (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transfer_id     bigint NOT NULL REFERENCES transfer_orders (id),
  line_no         integer NOT NULL CHECK (line_no >= 1),
  product_id      bigint NOT NULL,
  -- '' = any lot (the source's earliest expiry first); otherwise only units of this lot.
  lot             text NOT NULL DEFAULT '' CHECK (length(lot) <= 64),
  quantity        bigint NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  shipped         bigint NOT NULL DEFAULT 0,
  received        bigint NOT NULL DEFAULT 0,
  written_off     bigint NOT NULL DEFAULT 0,
  -- The hold on the source warehouse's stock from release to shipping (reservations.ref_type 'transfer_line').
  reservation_id  bigint REFERENCES reservations (id),
  CONSTRAINT transfer_lines_quantities CHECK (
    0 <= received AND received <= shipped AND shipped <= quantity AND written_off >= 0 AND received + written_off <= shipped),
  UNIQUE (transfer_id, line_no),
  UNIQUE (transfer_id, product_id, lot)
);
CREATE INDEX transfer_lines_product_idx ON transfer_lines (product_id);

-- Units that left the source and have not yet arrived, per transfer line and lot (the lot's
-- expiry and the units' age travel with them, for FEFO / FIFO at the destination).
CREATE TABLE stock_in_transit (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transfer_id        bigint NOT NULL REFERENCES transfer_orders (id),
  transfer_line_id   bigint NOT NULL REFERENCES transfer_lines (id),
  product_id         bigint NOT NULL,
  from_warehouse_id  bigint NOT NULL REFERENCES warehouses (id),
  to_warehouse_id    bigint NOT NULL REFERENCES warehouses (id),
  lot                text NOT NULL DEFAULT '',
  expires_on         date,
  received_at        timestamptz NOT NULL DEFAULT now(),
  quantity           bigint NOT NULL CONSTRAINT stock_in_transit_quantity CHECK (quantity >= 0),
  UNIQUE (transfer_line_id, lot)
);
CREATE INDEX stock_in_transit_product_idx ON stock_in_transit (product_id, to_warehouse_id) WHERE quantity > 0;

-- What arrived differs from what was shipped: an overage is found at receipt (and booked in as
-- found stock), a shortage when the remainder is written off.
CREATE TABLE transfer_discrepancies (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transfer_id       bigint NOT NULL REFERENCES transfer_orders (id),
  transfer_line_id  bigint NOT NULL REFERENCES transfer_lines (id),
  product_id        bigint NOT NULL,
  lot               text NOT NULL DEFAULT '',
  kind              text NOT NULL CHECK (kind IN ('shortage', 'overage')),
  quantity          bigint NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  reason            text CHECK (length(reason) <= 1000),
  recorded_by       text NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transfer_discrepancies_transfer_idx ON transfer_discrepancies (transfer_id);

-- A transfer Wareloop proposed when a stock change left a warehouse short: at most one open
-- proposal per product and pair of warehouses, until it is accepted (a transfer) or dismissed.
CREATE TABLE transfer_proposals (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id         bigint NOT NULL,
  from_warehouse_id  bigint NOT NULL REFERENCES warehouses (id),
  to_warehouse_id    bigint NOT NULL REFERENCES warehouses (id),
  quantity           bigint NOT NULL CHECK (quantity BETWEEN 1 AND 1000000000),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'dismissed')),
  transfer_id        bigint REFERENCES transfer_orders (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  decided_at         timestamptz,
  CONSTRAINT transfer_proposals_two_warehouses CHECK (from_warehouse_id <> to_warehouse_id),
  CONSTRAINT transfer_proposals_accepted CHECK (status <> 'accepted' OR transfer_id IS NOT NULL)
);
CREATE UNIQUE INDEX transfer_proposals_open_idx ON transfer_proposals (product_id, from_warehouse_id, to_warehouse_id) WHERE status = 'open';
