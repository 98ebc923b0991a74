-- The sealed audit trail: the event log cut into hash-chained blocks, in commit order. A block
-- holds what it takes to recompute it from the events table: its events' ids in order and each
-- event's SHA-256 digest; `hash` covers all of it and the previous block's hash.
CREATE TABLE audit_blocks (
  -- Numbered by the sealer (1, 2, …) under its cursor lock, not by a sequence: a sealing
  -- transaction that rolls back must leave no gap that would read as a removed block.
  id              bigint PRIMARY KEY,
  -- The commit-order positions (tx_id, event id) of its first and last event.
  first_tx_id     xid8 NOT NULL,
  first_event_id  bigint NOT NULL,
  last_tx_id      xid8 NOT NULL,
  last_event_id   bigint NOT NULL,
  event_ids       bigint[] NOT NULL,
  -- 32-byte SHA-256 digests, one per event, concatenated in the order of event_ids.
  event_digests   bytea NOT NULL,
  prev_hash       text NOT NULL,
  hash            text NOT NULL UNIQUE,
  sealed_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(event_digests) = 32 * cardinality(event_ids))
);
-- "Which block seals event E": the first block whose last position is at or after E's.
CREATE INDEX audit_blocks_last_position_idx ON audit_blocks (last_tx_id, last_event_id);

-- Append-only, as the events table is.
CREATE FUNCTION audit_blocks_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit_blocks table is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_blocks_no_update BEFORE UPDATE OR DELETE ON audit_blocks
  FOR EACH ROW EXECUTE FUNCTION audit_blocks_append_only();
