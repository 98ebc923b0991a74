-- Who may work where: a user or API key limited to some warehouses (NULL: every warehouse).
-- Ids, not foreign keys: the warehouses table belongs to the inventory module; grants check
-- that each id exists when they are made.
ALTER TABLE users ADD COLUMN warehouse_ids bigint[] CHECK (warehouse_ids IS NULL OR cardinality(warehouse_ids) BETWEEN 1 AND 1000);
ALTER TABLE api_keys ADD COLUMN warehouse_ids bigint[] CHECK (warehouse_ids IS NULL OR cardinality(warehouse_ids) BETWEEN 1 AND 1000);
