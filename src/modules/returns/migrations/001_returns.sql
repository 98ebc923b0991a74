-- After-sales: return requests (return / exchange / repair / compensation) with their lines,
-- approvals, receipt discrepancies, multi-level inspections, dispositions and refunds, plus the
-- configuration they are decided by (reason codes, policies per category, checklists, settings).
-- order_id, order_line_id, product_id, customer_id, warehouse_id, location ids and attachment ids
-- point into other modules: ids only.

-- Reason codes customers and agents choose from; labels in both languages.
CREATE TABLE return_reasons (
  code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  label_en    text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
  label_zh    text NOT NULL CHECK (length(label_zh) BETWEEN 1 AND 200),
  active      boolean NOT NULL DEFAULT true,
  sort_order  integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO return_reasons (code, label_en, label_zh, sort_order) VALUES
  ('changed_mind', 'Changed my mind (no reason)', '七天无理由退货', 10),
  ('defective', 'Defective or not working', '商品质量问题 / 无法使用', 20),
  ('damaged_in_transit', 'Damaged in transit', '运输途中损坏', 30),
  ('wrong_item', 'Wrong item received', '发错商品', 40),
  ('not_as_described', 'Not as described', '与描述不符', 50),
  ('wrong_size', 'Wrong size or fit', '尺码不合适', 60),
  ('missing_parts', 'Missing parts or accessories', '缺少配件', 70),
  ('late_delivery', 'Arrived too late', '送达太晚', 80);

-- What may be returned per product category; the row '*' applies to every other category.
CREATE TABLE return_policies (
  category            text PRIMARY KEY CHECK (length(category) BETWEEN 1 AND 100),
  returnable          boolean NOT NULL DEFAULT true,
  -- Days after delivery (or shipment, if delivery is unknown) a return, exchange or compensation may be asked.
  return_window_days  integer NOT NULL CHECK (return_window_days BETWEEN 0 AND 3650),
  -- Repairs (warranty) have their own, longer window.
  repair_window_days  integer NOT NULL CHECK (repair_window_days BETWEEN 0 AND 3650),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
INSERT INTO return_policies (category, returnable, return_window_days, repair_window_days) VALUES ('*', true, 7, 365);

-- The inspection checklist of a category ('*' for every other category).
CREATE TABLE return_checklists (
  category    text PRIMARY KEY CHECK (length(category) BETWEEN 1 AND 100),
  items       text[] NOT NULL CHECK (cardinality(items) <= 50),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO return_checklists (category, items) VALUES ('*', ARRAY['packaging', 'accessories', 'appearance', 'function']);

-- One row of settings (id = 1).
CREATE TABLE return_settings (
  id                         integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- Requests worth at most this (order currency) and within the window are approved at once.
  auto_approve_max_value     numeric(14, 2) NOT NULL CHECK (auto_approve_max_value >= 0),
  -- Requests worth more than this need a second approval by another user.
  second_approval_min_value  numeric(14, 2) NOT NULL CHECK (second_approval_min_value >= 0),
  -- What the customer is promised: resolved within this many days of the request.
  promise_days               integer NOT NULL CHECK (promise_days BETWEEN 1 AND 365),
  -- Inspection levels in order; a level applies to a line whose unit price is at least min_unit_value.
  inspection_levels          jsonb NOT NULL CHECK (jsonb_typeof(inspection_levels) = 'array' AND jsonb_array_length(inspection_levels) BETWEEN 1 AND 5),
  -- Grade → disposition.
  grade_dispositions         jsonb NOT NULL CHECK (jsonb_typeof(grade_dispositions) = 'object'),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);
INSERT INTO return_settings (auto_approve_max_value, second_approval_min_value, promise_days, inspection_levels, grade_dispositions)
VALUES (200, 2000, 14,
  '[{"name": "initial_check", "minUnitValue": 0}, {"name": "final_approval", "minUnitValue": 1000}]',
  '{"A": "restock", "B": "restock_open_box", "C": "refurbish", "scrap": "scrap"}');

-- RMA numbers (RMA-000001), given at approval.
CREATE SEQUENCE rma_number_seq;

CREATE TABLE return_requests (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rma_number            text UNIQUE CHECK (rma_number ~ '^RMA-[0-9]{6,}$'),
  type                  text NOT NULL CHECK (type IN ('return', 'exchange', 'repair', 'compensation')),
  -- An exchange whose replacement ships at approval, before the return arrives.
  advance_exchange      boolean NOT NULL DEFAULT false,
  status                text NOT NULL DEFAULT 'requested' CHECK (status IN
                          ('requested', 'awaiting_second_approval', 'approved', 'rejected', 'received', 'inspected', 'disposed', 'resolved', 'cancelled')),
  order_id              bigint NOT NULL,
  order_number          text NOT NULL,
  customer_id           bigint NOT NULL,
  warehouse_id          bigint NOT NULL,
  currency              text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reason_code           text NOT NULL REFERENCES return_reasons (code),
  description           text CHECK (length(description) <= 2000),
  photo_ids             bigint[] NOT NULL DEFAULT '{}' CHECK (cardinality(photo_ids) <= 20),
  -- staff (customer service) or portal (the customer).
  source                text NOT NULL CHECK (source IN ('staff', 'portal')),
  -- Σ unit price × quantity of the lines: what the customer paid for the goods concerned.
  value                 numeric(16, 2) NOT NULL CHECK (value >= 0),
  within_window         boolean NOT NULL,
  -- 0 = approved automatically, 1 = one approval, 2 = two approvals by different users.
  approvals_required    integer NOT NULL CHECK (approvals_required BETWEEN 0 AND 2),
  first_approved_by     text,
  first_approved_at     timestamptz,
  approved_by           text,
  approved_at           timestamptz,
  rejected_by           text,
  rejected_at           timestamptz,
  reject_reason         text CHECK (length(reject_reason) <= 1000),
  -- Bilingual return instructions given at approval: { en, zh, address }.
  instructions          jsonb,
  -- Exchange: the SKUs the customer wants instead (default: the same).
  replacement_lines     jsonb CHECK (replacement_lines IS NULL OR jsonb_typeof(replacement_lines) = 'array'),
  replacement_order_id  bigint,
  -- Where the goods were received (a location of type returns), and whose they are while here:
  -- 0 = the company's (return, exchange), the customer for a repair.
  receipt_location_id   bigint,
  stock_owner_id        bigint NOT NULL DEFAULT 0,
  -- Compensation: the amount asked for (the resolution may grant it or less).
  requested_amount      numeric(14, 2) CHECK (requested_amount IS NULL OR requested_amount > 0),
  -- Repair: how the repaired item went back.
  return_carrier        text CHECK (length(return_carrier) <= 32),
  return_tracking       text CHECK (length(return_tracking) <= 64),
  resolution            text CHECK (resolution IN ('refund', 'replacement', 'repaired', 'compensation')),
  received_at           timestamptz,
  inspected_at          timestamptz,
  disposed_at           timestamptz,
  resolved_at           timestamptz,
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT return_requests_rma_when_approved CHECK (
    status IN ('requested', 'awaiting_second_approval', 'rejected', 'cancelled') OR rma_number IS NOT NULL),
  CONSTRAINT return_requests_rejected_has_reason CHECK (status <> 'rejected' OR (reject_reason IS NOT NULL AND rejected_at IS NOT NULL)),
  CONSTRAINT return_requests_advance_is_exchange CHECK (NOT advance_exchange OR type = 'exchange'),
  CONSTRAINT return_requests_compensation_amount CHECK (type <> 'compensation' OR requested_amount IS NOT NULL),
  CONSTRAINT return_requests_resolved CHECK (status <> 'resolved' OR (resolution IS NOT NULL AND resolved_at IS NOT NULL))
);
CREATE INDEX return_requests_order_idx ON return_requests (order_id);
CREATE INDEX return_requests_customer_idx ON return_requests (customer_id, id);
CREATE INDEX return_requests_status_idx ON return_requests (status, id);
CREATE INDEX return_requests_created_idx ON return_requests (created_at, id);

CREATE TABLE return_lines (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  return_id          bigint NOT NULL REFERENCES return_requests (id),
  order_line_id      bigint NOT NULL,
  product_id         bigint NOT NULL,
  sku                text NOT NULL,
  name               text NOT NULL,
  category           text,
  quantity           integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  unit_price         numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
  received_quantity  integer NOT NULL DEFAULT 0 CHECK (received_quantity BETWEEN 0 AND quantity),
  -- The grade split of the last inspection level: { "A": 1, "C": 1 }.
  grades             jsonb CHECK (grades IS NULL OR jsonb_typeof(grades) = 'object'),
  UNIQUE (return_id, order_line_id)
);
CREATE INDEX return_lines_order_line_idx ON return_lines (order_line_id);

-- What arrived differently from what was announced.
CREATE TABLE return_discrepancies (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  return_id       bigint NOT NULL REFERENCES return_requests (id),
  kind            text NOT NULL CHECK (kind IN ('wrong_item', 'missing', 'extra')),
  return_line_id  bigint REFERENCES return_lines (id),
  product_id      bigint,
  code            text NOT NULL CHECK (length(code) <= 64),
  quantity        integer NOT NULL CHECK (quantity > 0),
  note            text CHECK (length(note) <= 1000),
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX return_discrepancies_return_idx ON return_discrepancies (return_id);

-- One inspection level of one line.
CREATE TABLE return_inspections (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  return_id       bigint NOT NULL REFERENCES return_requests (id),
  return_line_id  bigint NOT NULL REFERENCES return_lines (id),
  level           integer NOT NULL CHECK (level BETWEEN 1 AND 5),
  level_name      text NOT NULL,
  grades          jsonb NOT NULL CHECK (jsonb_typeof(grades) = 'object'),
  checklist       jsonb NOT NULL CHECK (jsonb_typeof(checklist) = 'array'),
  photo_ids       bigint[] NOT NULL DEFAULT '{}' CHECK (cardinality(photo_ids) <= 20),
  note            text CHECK (length(note) <= 2000),
  inspector       text NOT NULL,
  inspected_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (return_line_id, level)
);
CREATE INDEX return_inspections_return_idx ON return_inspections (return_id);

-- What became of the units of one grade of one line; once per (line, grade).
CREATE TABLE return_dispositions (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  return_id       bigint NOT NULL REFERENCES return_requests (id),
  return_line_id  bigint NOT NULL REFERENCES return_lines (id),
  grade           text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'scrap')),
  disposition     text NOT NULL CHECK (disposition IN ('restock', 'restock_open_box', 'refurbish', 'return_to_vendor', 'scrap')),
  quantity        integer NOT NULL CHECK (quantity > 0),
  location_id     bigint,
  decided_by      text NOT NULL,
  decided_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (return_line_id, grade)
);

-- Money going back to the customer, for a payment system to pay: pending → approved → paid.
CREATE SEQUENCE refund_number_seq;
CREATE TABLE refunds (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number       text NOT NULL UNIQUE DEFAULT ('RF-' || lpad(nextval('refund_number_seq')::text, 6, '0')),
  return_id    bigint NOT NULL REFERENCES return_requests (id),
  kind         text NOT NULL CHECK (kind IN ('refund', 'compensation')),
  order_id     bigint NOT NULL,
  customer_id  bigint NOT NULL,
  amount       numeric(14, 2) NOT NULL CHECK (amount > 0),
  currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'paid')),
  approved_by  text,
  approved_at  timestamptz,
  paid_at      timestamptz,
  payment_reference text CHECK (length(payment_reference) <= 100),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT refunds_approved CHECK (status = 'pending' OR (approved_at IS NOT NULL AND approved_by IS NOT NULL)),
  CONSTRAINT refunds_paid CHECK (status <> 'paid' OR paid_at IS NOT NULL)
);
CREATE INDEX refunds_return_idx ON refunds (return_id);
CREATE INDEX refunds_status_idx ON refunds (status, id);
