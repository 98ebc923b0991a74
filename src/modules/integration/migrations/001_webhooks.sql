-- Webhook subscriptions: a URL, the event types it wants, and the secret its deliveries are
-- signed with (Standard Webhooks). The secret is kept to sign with; the API shows it only once.
CREATE TABLE webhook_subscriptions (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url                  text NOT NULL,
  event_types          text[] NOT NULL,
  description          text NOT NULL DEFAULT '',
  active               boolean NOT NULL DEFAULT true,
  secret               text NOT NULL,
  -- After a rotation the old secret still signs (a second signature) until it expires, so a
  -- receiver can switch secrets without rejecting a delivery.
  previous_secret      text,
  previous_secret_expires_at timestamptz,
  -- The snapshot taken when it was created: it gets the events of transactions not yet
  -- committed then (running or later), never older history.
  starts_after         pg_snapshot NOT NULL,
  consecutive_failures integer NOT NULL DEFAULT 0,
  -- The first failure since the last success: an endpoint failing for long enough is disabled.
  failing_since        timestamptz,
  last_success_at      timestamptz,
  disabled_at          timestamptz,
  disabled_reason      text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_active_idx ON webhook_subscriptions (id) WHERE active;

-- One event to one subscription. Unique by (subscription, event): fanning an event out twice
-- (at-least-once consumer) makes one delivery.
CREATE TABLE webhook_deliveries (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subscription_id  bigint NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event_id         bigint NOT NULL,
  event_type       text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  -- When a sender may (next) try it. A sender that claims it moves this past its own timeout,
  -- so a sender that dies mid-attempt leaves it to another after that lease.
  next_attempt_at  timestamptz,
  -- Retries go on until this window (from the first attempt) has passed.
  first_attempt_at timestamptz,
  last_attempt_at  timestamptz,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, id);

-- Every attempt, as the receiver answered it (or why it could not).
CREATE TABLE webhook_attempts (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id       bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt           integer NOT NULL,
  attempted_at      timestamptz NOT NULL,
  status_code       integer,
  latency_ms        integer NOT NULL,
  response_excerpt  text NOT NULL DEFAULT '',
  error             text,
  succeeded         boolean NOT NULL
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);

-- The fan-out consumer starts at the head of the log: no subscription can want older events.
INSERT INTO consumer_cursors (name, tx_id, event_id)
VALUES ('webhooks', (pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1)::text::xid8, 9007199254740991)
ON CONFLICT (name) DO NOTHING;
