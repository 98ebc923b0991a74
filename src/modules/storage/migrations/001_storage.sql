-- Customer item storage: deposits of customer-owned items, each item's custody history, counts,
-- hand-overs, tariffs, storage's own per-location settings, overdue alerts and the portal's
-- lookup rate-limit counters. Warehouses, locations and customers belong to other modules: ids only.

CREATE TABLE storage_settings (
  id                boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- Items stored longer than this raise storage_item.overdue (max_period_exceeded); null = no limit.
  max_storage_days  integer CHECK (max_storage_days IS NULL OR max_storage_days BETWEEN 1 AND 3650),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
INSERT INTO storage_settings (id) VALUES (true);

-- Storage's own view of an inventory location: what it accepts and how many items it holds.
CREATE TABLE storage_location_settings (
  location_id            bigint PRIMARY KEY,
  warehouse_id           bigint NOT NULL,
  -- Empty = any size class / any category.
  accepted_size_classes  text[] NOT NULL DEFAULT '{}',
  accepted_categories    text[] NOT NULL DEFAULT '{}',
  -- Items the location holds at most; null = the inventory location's capacity (or unlimited).
  item_capacity          integer CHECK (item_capacity IS NULL OR item_capacity >= 0),
  updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE storage_tariffs (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- null = any size class / any category; the most specific tariff wins.
  size_class      text CHECK (size_class IS NULL OR size_class IN ('XS', 'S', 'M', 'L', 'XL', 'XXL')),
  category        text CHECK (category IS NULL OR length(category) BETWEEN 1 AND 40),
  unit            text NOT NULL CHECK (unit IN ('day', 'hour')),
  rate            integer NOT NULL CHECK (rate >= 0),
  grace_minutes   integer NOT NULL DEFAULT 0 CHECK (grace_minutes >= 0),
  minimum_charge  integer NOT NULL DEFAULT 0 CHECK (minimum_charge >= 0),
  cap             integer CHECK (cap IS NULL OR cap >= minimum_charge),
  currency        text NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX storage_tariffs_scope_idx ON storage_tariffs (coalesce(size_class, ''), coalesce(category, ''));

CREATE SEQUENCE storage_deposit_number_seq;

CREATE TABLE storage_deposits (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deposit_number      text NOT NULL UNIQUE,
  -- The secret the customer holds to collect and to look the deposit up on the portal.
  voucher_code        text NOT NULL UNIQUE CHECK (voucher_code ~ '^[0-9A-Z]{10}$'),
  customer_id         bigint NOT NULL,
  warehouse_id        bigint NOT NULL,
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  expected_pickup_at  timestamptz,
  locale              text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
  checked_in_by       text NOT NULL,
  checked_in_at       timestamptz NOT NULL DEFAULT now(),
  closed_at           timestamptz,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX storage_deposits_customer_idx ON storage_deposits (customer_id);

CREATE TABLE storage_items (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                text NOT NULL UNIQUE CHECK (code ~ '^ST-[0-9A-Z]{8}$'),
  deposit_id          bigint NOT NULL REFERENCES storage_deposits (id),
  customer_id         bigint NOT NULL,
  warehouse_id        bigint NOT NULL,
  category            text NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
  size_class          text NOT NULL CHECK (size_class IN ('XS', 'S', 'M', 'L', 'XL', 'XXL')),
  description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  declared_value      bigint CHECK (declared_value IS NULL OR declared_value >= 0),
  photo_ids           bigint[] NOT NULL DEFAULT '{}',
  custom_fields       jsonb NOT NULL DEFAULT '{}',
  expected_pickup_at  timestamptz,
  status              text NOT NULL DEFAULT 'checked_in' CHECK (status IN ('checked_in', 'stored', 'checked_out')),
  location_id         bigint,
  -- The tariff in force at check-in (unit, rate, grace, minimum, cap, currency); null = free.
  tariff              jsonb,
  checked_in_at       timestamptz NOT NULL DEFAULT now(),
  checked_out_at      timestamptz,
  fee_charged         bigint CHECK (fee_charged IS NULL OR fee_charged >= 0),
  CHECK (status <> 'stored' OR location_id IS NOT NULL),
  CHECK ((status = 'checked_out') = (checked_out_at IS NOT NULL)),
  CHECK ((status = 'checked_out') = (fee_charged IS NOT NULL)),
  CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
CREATE INDEX storage_items_deposit_idx ON storage_items (deposit_id);
CREATE INDEX storage_items_location_idx ON storage_items (location_id) WHERE status = 'stored';
CREATE INDEX storage_items_open_idx ON storage_items (warehouse_id, status) WHERE status <> 'checked_out';

-- A check-out: who handed which items to whom, the signature, the fee settled.
CREATE TABLE storage_handovers (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deposit_id               bigint NOT NULL REFERENCES storage_deposits (id),
  customer_id              bigint NOT NULL,
  received_by              text NOT NULL CHECK (length(received_by) BETWEEN 1 AND 200),
  signature_attachment_id  bigint NOT NULL,
  fee_total                bigint NOT NULL CHECK (fee_total >= 0),
  currency                 text NOT NULL DEFAULT 'CNY',
  handed_over_by           text NOT NULL,
  handed_over_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX storage_handovers_deposit_idx ON storage_handovers (deposit_id);

CREATE TABLE storage_counts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  warehouse_id  bigint NOT NULL,
  location_id   bigint NOT NULL,
  expected      integer NOT NULL CHECK (expected >= 0),
  found         integer NOT NULL CHECK (found >= 0),
  missing       text[] NOT NULL DEFAULT '{}',
  unexpected    text[] NOT NULL DEFAULT '{}',
  -- [{ code, recordedLocationId }]: items found here that the books put elsewhere.
  misplaced     jsonb NOT NULL DEFAULT '[]',
  counted_by    text NOT NULL,
  counted_at    timestamptz NOT NULL DEFAULT now()
);

-- Each item's custody history, append-only, in order.
CREATE TABLE storage_custody (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id           bigint NOT NULL REFERENCES storage_items (id),
  action            text NOT NULL CHECK (action IN ('checked_in', 'put_away', 'moved', 'counted', 'corrected', 'checked_out')),
  actor             text NOT NULL,
  at                timestamptz NOT NULL DEFAULT now(),
  warehouse_id      bigint NOT NULL,
  location_id       bigint,
  from_location_id  bigint,
  photo_ids         bigint[] NOT NULL DEFAULT '{}',
  count_id          bigint REFERENCES storage_counts (id),
  handover_id       bigint REFERENCES storage_handovers (id),
  reason            text,
  CHECK (action <> 'corrected' OR reason IS NOT NULL),
  CHECK (action <> 'checked_out' OR handover_id IS NOT NULL),
  CHECK (action <> 'counted' OR count_id IS NOT NULL)
);
CREATE INDEX storage_custody_item_idx ON storage_custody (item_id, at, id);

-- One row per item and condition: raising an alert twice is impossible, even from two processes.
CREATE TABLE storage_alerts (
  item_id    bigint NOT NULL REFERENCES storage_items (id),
  reason     text NOT NULL CHECK (reason IN ('pickup_date_passed', 'max_period_exceeded')),
  raised_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, reason)
);

-- Portal lookup attempts per key (ip:…, phone:…) and fixed window, shared by every process.
CREATE TABLE storage_portal_attempts (
  key           text NOT NULL,
  window_start  timestamptz NOT NULL,
  attempts      integer NOT NULL CHECK (attempts >= 1),
  PRIMARY KEY (key, window_start)
);
