-- Rules as data: a trigger, a JSON Logic condition and actions. Every change is a new version;
-- timers wait durably for their due time; every run (or a refusal to act) is logged.
CREATE TABLE rules (
  id          bigserial PRIMARY KEY,
  key         text UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (description IS NULL OR length(description) <= 2000),
  enabled     boolean NOT NULL DEFAULT true,
  builtin     boolean NOT NULL DEFAULT false,
  version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  trigger     jsonb NOT NULL,
  condition   jsonb,
  actions     jsonb NOT NULL CHECK (jsonb_typeof(actions) = 'array' AND jsonb_array_length(actions) BETWEEN 1 AND 20),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL
);

-- What each version of a rule said; a run names the version it ran.
CREATE TABLE rule_versions (
  rule_id     bigint NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  name        text NOT NULL,
  description text,
  enabled     boolean NOT NULL,
  trigger     jsonb NOT NULL,
  condition   jsonb,
  actions     jsonb NOT NULL,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, version)
);

-- A timer waits for one entity: "24 h after order.confirmed unless order.picked", or "when the
-- promised ship date has passed". One pending timer per rule and entity; a new start re-arms it.
CREATE TABLE rule_timers (
  id              bigserial PRIMARY KEY,
  rule_id         bigint NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
  entity_type     text NOT NULL,
  entity_id       text NOT NULL,
  start_event_id  bigint NOT NULL,
  due_at          timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fired', 'cancelled')),
  cancelled_by    bigint,
  fired_at        timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'fired') = (fired_at IS NOT NULL))
);
CREATE UNIQUE INDEX rule_timers_one_pending ON rule_timers (rule_id, entity_type, entity_id) WHERE status = 'pending';
CREATE INDEX rule_timers_due ON rule_timers (due_at) WHERE status = 'pending';
CREATE INDEX rule_timers_entity ON rule_timers (entity_type, entity_id) WHERE status = 'pending';

-- One row per rule run: the event (or timer) it ran for, whether the condition held, and what
-- each action did. A rule runs once per event and once per timer, whatever the redelivery.
CREATE TABLE rule_runs (
  id          bigserial PRIMARY KEY,
  rule_id     bigint NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  event_id    bigint NOT NULL,
  timer_id    bigint,
  matched     boolean NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'not_matched')),
  actions     jsonb NOT NULL DEFAULT '[]',
  error       text,
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  ran_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX rule_runs_once_per_event ON rule_runs (rule_id, event_id) WHERE timer_id IS NULL;
CREATE UNIQUE INDEX rule_runs_once_per_timer ON rule_runs (timer_id) WHERE timer_id IS NOT NULL;
CREATE INDEX rule_runs_by_rule ON rule_runs (rule_id, id DESC);
CREATE INDEX rule_runs_by_event ON rule_runs (event_id);

-- The rules engine reads the whole log from its start: the events of the first day are as much
-- the business's as any later ones.
INSERT INTO consumer_cursors (name, tx_id, event_id) VALUES ('automation', '0', 0) ON CONFLICT (name) DO NOTHING;
