-- Warehouses, the location tree, stock by (product, location, lot, owner, status), the
-- append-only ledger, warehouse balances, reservations and their bin allocations.

CREATE TABLE warehouses (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  name        text NOT NULL,
  address     text,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  warehouse_id   bigint NOT NULL REFERENCES warehouses (id),
  parent_id      bigint REFERENCES locations (id),
  code           text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
  level          text NOT NULL CHECK (level IN ('zone', 'aisle', 'rack', 'bin')),
  type           text NOT NULL CHECK (type IN ('storage', 'picking', 'receiving', 'shipping', 'quarantine', 'returns')),
  -- How many units the location holds at most; null = not limited.
  capacity       integer CHECK (capacity IS NULL OR capacity >= 0),
  -- Walking order for pick lists.
  pick_sequence  integer NOT NULL DEFAULT 0,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (warehouse_id, code)
);
CREATE INDEX locations_parent_idx ON locations (parent_id);

CREATE TABLE stock_levels (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id    bigint NOT NULL,
  warehouse_id  bigint NOT NULL REFERENCES warehouses (id),
  location_id   bigint NOT NULL REFERENCES locations (id),
  lot           text NOT NULL DEFAULT '',
  expires_on    date,
  -- 0 = the company's own stock; otherwise the customer who owns it (storage, 3PL).
  owner_id      bigint NOT NULL DEFAULT 0,
  status        text NOT NULL DEFAULT 'available'
                CHECK (status IN ('available', 'quarantine', 'damaged', 'pending_inspection', 'pending_repair')),
  on_hand       bigint NOT NULL DEFAULT 0,
  -- Units allocated to pick lists from this row.
  reserved      bigint NOT NULL DEFAULT 0,
  received_at   timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT stock_levels_quantities CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand),
  -- Only the company's available stock can be allocated to an order.
  CONSTRAINT stock_levels_reservable CHECK (reserved = 0 OR (owner_id = 0 AND status = 'available')),
  UNIQUE (product_id, location_id, lot, owner_id, status)
);
CREATE INDEX stock_levels_product_wh_idx ON stock_levels (product_id, warehouse_id);
CREATE INDEX stock_levels_location_idx ON stock_levels (location_id);

-- Per product and warehouse, the company's stock: what available-to-promise is computed from.
-- on_hand counts every status; quarantined is the part not in status 'available';
-- reserved is what orders hold. ATP = on_hand - reserved - quarantined, never negative.
CREATE TABLE stock_balances (
  product_id    bigint NOT NULL,
  warehouse_id  bigint NOT NULL REFERENCES warehouses (id),
  on_hand       bigint NOT NULL DEFAULT 0,
  quarantined   bigint NOT NULL DEFAULT 0,
  reserved      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, warehouse_id),
  CONSTRAINT stock_balances_quantities CHECK (
    on_hand >= 0 AND quarantined >= 0 AND reserved >= 0 AND quarantined <= on_hand
  ),
  CONSTRAINT stock_balances_not_oversold CHECK (reserved + quarantined <= on_hand)
);

-- Keeps stock_balances equal to the sum of the company's stock_levels, in the same statement.
-- One net change per row, so the balance's CHECKs never see a half-applied update.
CREATE FUNCTION stock_levels_to_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_on bigint := 0; old_q bigint := 0; new_on bigint := 0; new_q bigint := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.owner_id = 0 THEN
    old_on := OLD.on_hand;
    old_q := CASE WHEN OLD.status = 'available' THEN 0 ELSE OLD.on_hand END;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.owner_id = 0 THEN
    new_on := NEW.on_hand;
    new_q := CASE WHEN NEW.status = 'available' THEN 0 ELSE NEW.on_hand END;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.product_id, OLD.warehouse_id) IS DISTINCT FROM (NEW.product_id, NEW.warehouse_id) THEN
    RAISE EXCEPTION 'a stock row cannot change product or warehouse' USING ERRCODE = '23514';
  END IF;
  IF new_on = old_on AND new_q = old_q THEN
    RETURN NULL;
  END IF;
  -- UPDATE first: an INSERT … ON CONFLICT would check its negative candidate row and fail.
  UPDATE stock_balances
     SET on_hand = on_hand + (new_on - old_on), quarantined = quarantined + (new_q - old_q)
   WHERE product_id = coalesce(NEW.product_id, OLD.product_id) AND warehouse_id = coalesce(NEW.warehouse_id, OLD.warehouse_id);
  IF NOT FOUND THEN
    INSERT INTO stock_balances AS b (product_id, warehouse_id, on_hand, quarantined)
    VALUES (NEW.product_id, NEW.warehouse_id, new_on, new_q)
    ON CONFLICT (product_id, warehouse_id) DO UPDATE
      SET on_hand = b.on_hand + new_on, quarantined = b.quarantined + new_q;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER stock_levels_balances AFTER INSERT OR UPDATE OF on_hand, status, owner_id, product_id, warehouse_id OR DELETE
  ON stock_levels FOR EACH ROW EXECUTE FUNCTION stock_levels_to_balances();

-- Every change of on-hand stock, signed. Sum per stock key == stock_levels.on_hand, always.
CREATE TABLE stock_ledger (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id    bigint NOT NULL,
  warehouse_id  bigint NOT NULL,
  location_id   bigint NOT NULL,
  lot           text NOT NULL,
  owner_id      bigint NOT NULL,
  status        text NOT NULL,
  quantity      bigint NOT NULL CHECK (quantity <> 0),
  movement      text NOT NULL CHECK (movement IN ('receipt', 'move', 'adjustment', 'pick', 'ship', 'status_change', 'return', 'transfer')),
  reason        text,
  reference     text,
  actor         text NOT NULL,
  occurred_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_ledger_product_idx ON stock_ledger (product_id, warehouse_id, id);
CREATE INDEX stock_ledger_location_idx ON stock_ledger (location_id, id);
CREATE FUNCTION stock_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the stock ledger is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE OR DELETE ON stock_ledger
  FOR EACH ROW EXECUTE FUNCTION stock_ledger_append_only();

CREATE TABLE safety_stock (
  product_id    bigint NOT NULL,
  warehouse_id  bigint NOT NULL REFERENCES warehouses (id),
  quantity      bigint NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (product_id, warehouse_id)
);

-- What an order line holds of a warehouse's stock. `quantity` is what is still held:
-- picking moves it to the shipping location, shipping consumes it, release returns it.
CREATE TABLE reservations (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id    bigint NOT NULL,
  warehouse_id  bigint NOT NULL REFERENCES warehouses (id),
  quantity      bigint NOT NULL CHECK (quantity >= 0),
  ref_type      text NOT NULL,
  ref_id        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ref_type, ref_id)
);
CREATE INDEX reservations_product_idx ON reservations (product_id, warehouse_id);

-- Which bin rows a reservation will be picked from (the pick list), and what was picked.
CREATE TABLE allocations (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reservation_id  bigint NOT NULL REFERENCES reservations (id),
  stock_level_id  bigint NOT NULL REFERENCES stock_levels (id),
  location_id     bigint NOT NULL,
  quantity        bigint NOT NULL CHECK (quantity > 0),
  picked          bigint NOT NULL DEFAULT 0 CHECK (picked >= 0 AND picked <= quantity),
  -- Where the picked units wait for shipping (a row at the warehouse's shipping location).
  picked_stock_level_id bigint REFERENCES stock_levels (id),
  shipped         bigint NOT NULL DEFAULT 0 CHECK (shipped >= 0 AND shipped <= picked),
  -- open: waiting to be picked; picked: done (picked may be < quantity on a short pick).
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'picked', 'released')),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX allocations_reservation_idx ON allocations (reservation_id);
