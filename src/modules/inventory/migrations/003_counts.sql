-- Blind cycle counts of warehouse stock by location. The counter records what is there; the
-- expected quantities are taken from the stock at submission; a count with a variance waits for
-- someone else's approval, which posts the variance to the ledger as adjustments.

-- Count numbers (CC-000001). A rolled-back count leaves a gap; numbers only need to be unique.
CREATE SEQUENCE stock_count_number_seq;

CREATE TABLE stock_counts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number          text NOT NULL DEFAULT ('CC-' || lpad(nextval('stock_count_number_seq')::text, 6, '0'))
                  CHECK (number ~ '^CC-[0-9]{6,}$') UNIQUE,
  warehouse_id    bigint NOT NULL REFERENCES warehouses (id),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'approved', 'rejected')),
  note            text CHECK (length(note) <= 1000),
  -- How many times it was submitted (a rejection with recount sends it back to open).
  round           integer NOT NULL DEFAULT 0 CHECK (round >= 0),
  opened_by       text NOT NULL,
  opened_at       timestamptz NOT NULL DEFAULT now(),
  submitted_by    text,
  submitted_at    timestamptz,
  -- Who approved or rejected it (for an approval without variance: the submitter), and why.
  decided_by      text,
  decided_at      timestamptz,
  decision_reason text CHECK (length(decision_reason) <= 1000),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT stock_counts_submitted CHECK (status = 'open' OR (submitted_by IS NOT NULL AND submitted_at IS NOT NULL)),
  CONSTRAINT stock_counts_decided CHECK (status NOT IN ('approved', 'rejected') OR decided_by IS NOT NULL)
);
CREATE INDEX stock_counts_warehouse_idx ON stock_counts (warehouse_id, id);
CREATE INDEX stock_counts_status_idx ON stock_counts (status, id);

-- The locations a count covers. `active` while the count is open or submitted: a location is in
-- at most one such count, so two counters never count the same shelf against each other.
CREATE TABLE stock_count_locations (
  count_id     bigint NOT NULL REFERENCES stock_counts (id),
  location_id  bigint NOT NULL REFERENCES locations (id),
  active       boolean NOT NULL DEFAULT true,
  PRIMARY KEY (count_id, location_id)
);
CREATE UNIQUE INDEX stock_count_locations_one_active ON stock_count_locations (location_id) WHERE active;

-- One row per location × product × lot of the last submission: what was counted, and what the
-- company's stock there was at that moment (every status). Replaced on each submission.
CREATE TABLE stock_count_lines (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  count_id     bigint NOT NULL REFERENCES stock_counts (id),
  location_id  bigint NOT NULL REFERENCES locations (id),
  product_id   bigint NOT NULL,
  lot          text NOT NULL DEFAULT '',
  counted      bigint NOT NULL CHECK (counted >= 0),
  expected     bigint NOT NULL CHECK (expected >= 0),
  UNIQUE (count_id, location_id, product_id, lot)
);
