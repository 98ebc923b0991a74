-- The warehouse a parcel left from, copied from its order like the order number and customer: a
-- reader limited to some warehouses is shown only their shipments, without a join into orders.
ALTER TABLE shipments ADD COLUMN warehouse_id bigint;

-- Shipments booked before this column take their order's warehouse, once. The orders table is
-- the orders module's and migrates after this one: on a new database it does not exist yet, and
-- there are no shipments to fill.
DO $$
BEGIN
  IF to_regclass('orders') IS NOT NULL THEN
    UPDATE shipments s SET warehouse_id = o.warehouse_id FROM orders o WHERE o.id = s.order_id;
  END IF;
END $$;

CREATE INDEX shipments_warehouse_idx ON shipments (warehouse_id, id);
