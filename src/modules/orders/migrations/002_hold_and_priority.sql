-- A hold stops an order in the warehouse (no picking, packing or shipping) until released,
-- whatever its status; priority orders the pick queue (9 first).
ALTER TABLE orders
  ADD COLUMN on_hold     boolean NOT NULL DEFAULT false,
  ADD COLUMN hold_reason text CHECK (hold_reason IS NULL OR length(hold_reason) BETWEEN 1 AND 500),
  ADD COLUMN priority    smallint NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),
  ADD CONSTRAINT orders_hold_has_reason CHECK (on_hold = (hold_reason IS NOT NULL));

CREATE INDEX orders_pick_queue_idx ON orders (warehouse_id, priority DESC, promised_ship_date, id) WHERE status = 'confirmed' AND NOT on_hold;
