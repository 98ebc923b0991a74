-- The one append-only log of every state change: outbox, timeline and audit trail.
CREATE TABLE events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The writing transaction. Readers that must never skip an event (dispatchers, the live
  -- stream) read in (tx_id, id) order and only transactions older than every running one, so
  -- an event committed late with a smaller id is never passed over.
  tx_id        xid8 NOT NULL DEFAULT pg_current_xact_id(),
  type         text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  -- The customer the event concerns, when there is one: the customer's timeline.
  customer_id  bigint,
  actor        text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_entity_idx ON events (entity_type, entity_id, id);
CREATE INDEX events_customer_idx ON events (customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX events_type_idx ON events (type, id);
CREATE INDEX events_position_idx ON events (tx_id, id);

-- The log is append-only: no update or delete, whoever asks.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the events table is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
