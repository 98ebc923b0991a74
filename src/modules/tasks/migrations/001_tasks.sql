-- Teams (with their members and their group chat), and tasks: the queue an exception lands in.
-- user ids, customer ids and entity ids point into other modules: ids only.

CREATE TABLE teams (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code              text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,49}$'),
  name_zh           text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  name_en           text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
  -- The team's group-chat robot (WeCom, DingTalk, Feishu or a generic gateway). Its URL carries
  -- the robot's key, so the API says only whether one is set.
  chat_webhook_url  text CHECK (length(chat_webhook_url) <= 2000 AND chat_webhook_url ~ '^https?://'),
  chat_format       text NOT NULL DEFAULT 'generic' CHECK (chat_format IN ('wecom', 'dingtalk', 'feishu', 'generic')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX teams_code_idx ON teams (code);

CREATE TABLE team_members (
  team_id   bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id   bigint NOT NULL,
  added_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON team_members (user_id);

INSERT INTO teams (code, name_zh, name_en) VALUES
  ('customer_service', '客服', 'Customer service'),
  ('warehouse', '仓库', 'Warehouse'),
  ('purchasing', '采购', 'Purchasing'),
  ('after_sales', '售后', 'After-sales');

CREATE TABLE tasks (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  description    text CHECK (length(description) <= 5000),
  entity_type    text CHECK (length(entity_type) BETWEEN 1 AND 64),
  entity_id      text CHECK (length(entity_id) BETWEEN 1 AND 64),
  customer_id    bigint CHECK (customer_id > 0),
  team           text REFERENCES teams (code),
  assignee_id    bigint CHECK (assignee_id > 0),
  due_at         timestamptz,
  priority       text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  -- Sorts the queue: urgent first.
  priority_rank  smallint NOT NULL GENERATED ALWAYS AS (
                   CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END) STORED,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  -- Who made it: `user`, or `rule:<id>` for the rules engine.
  source         text NOT NULL DEFAULT 'user' CHECK (length(source) BETWEEN 1 AND 100),
  -- A rule firing twice (at least once) finds the task it made the first time.
  dedupe_key     text CHECK (length(dedupe_key) BETWEEN 1 AND 200),
  created_by     text NOT NULL,
  updated_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  closed_at      timestamptz,
  CONSTRAINT tasks_entity_pair CHECK ((entity_type IS NULL) = (entity_id IS NULL)),
  CONSTRAINT tasks_owner CHECK (team IS NOT NULL OR assignee_id IS NOT NULL),
  CONSTRAINT tasks_closed_at CHECK ((status IN ('done', 'cancelled')) = (closed_at IS NOT NULL))
);
-- One open task per dedupe key; a done or cancelled one frees the key.
CREATE UNIQUE INDEX tasks_dedupe_idx ON tasks (dedupe_key) WHERE status IN ('open', 'in_progress');
CREATE INDEX tasks_queue_idx ON tasks ((coalesce(due_at, 'infinity'::timestamptz)), priority_rank, id);
CREATE INDEX tasks_team_idx ON tasks (team, status);
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, status);
CREATE INDEX tasks_entity_idx ON tasks (entity_type, entity_id);
CREATE INDEX tasks_customer_idx ON tasks (customer_id);

CREATE TABLE task_comments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id     bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  author      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_comments_task_idx ON task_comments (task_id, id);
