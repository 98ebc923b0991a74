-- Where each durable consumer of the event log stands: the last (transaction, event) it has
-- handled. The row is also the consumer's lock: the process that holds it runs the consumer.
CREATE TABLE consumer_cursors (
  name        text PRIMARY KEY,
  tx_id       xid8 NOT NULL DEFAULT '0',
  event_id    bigint NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
