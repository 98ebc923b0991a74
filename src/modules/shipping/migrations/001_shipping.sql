-- Shipments (one parcel handed to a carrier for an order) and the tracking events carriers push.
-- order_id points into the orders module: an id only.

CREATE TABLE shipments (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id         bigint NOT NULL,
  -- The order's number and customer, copied so a carrier push can be told to people without a join.
  order_number     text NOT NULL,
  customer_id      bigint,
  carrier          text NOT NULL CHECK (carrier ~ '^[a-z][a-z0-9_-]{0,31}$'),
  tracking_number  text NOT NULL CHECK (tracking_number ~ '^[\x21-\x7e]{1,64}$'),
  label_url        text CHECK (length(label_url) <= 2000),
  status           text NOT NULL DEFAULT 'label_created'
                   CHECK (status IN ('label_created', 'in_transit', 'out_for_delivery', 'delivered', 'failed_delivery', 'returned')),
  weight_g         integer CHECK (weight_g >= 0),
  shipped_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  -- When the carrier's latest event happened (the status is that event's).
  status_at        timestamptz NOT NULL DEFAULT now(),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (carrier, tracking_number)
);
CREATE INDEX shipments_order_idx ON shipments (order_id, id);
CREATE INDEX shipments_status_idx ON shipments (status, id);

CREATE TABLE tracking_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  shipment_id  bigint NOT NULL REFERENCES shipments (id),
  status       text NOT NULL CHECK (status IN ('label_created', 'in_transit', 'out_for_delivery', 'delivered', 'failed_delivery', 'returned')),
  description  text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  location     text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
  occurred_at  timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  -- A carrier that pushes the same event twice (retries are common) records it once.
  UNIQUE (shipment_id, status, occurred_at, description, location)
);
CREATE INDEX tracking_events_shipment_idx ON tracking_events (shipment_id, occurred_at, id);
