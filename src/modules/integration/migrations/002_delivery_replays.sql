-- How many times a delivery was replayed. A claim remembers it, and an attempt's result is
-- recorded only if no replay came since its claim: an attempt in flight when a replay is made
-- must neither push the replay out by its backoff nor mark it delivered or failed.
ALTER TABLE webhook_deliveries ADD COLUMN replays integer NOT NULL DEFAULT 0;
