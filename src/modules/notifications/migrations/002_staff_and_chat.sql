-- Notices to staff (a user, or a team's group chat) beside notices to customers, and the chat
-- channel. user_id and team point into other modules (auth, tasks): ids and codes only.

ALTER TABLE notification_templates DROP CONSTRAINT notification_templates_channel_check;
ALTER TABLE notification_templates ADD CONSTRAINT notification_templates_channel_check
  CHECK (channel IN ('email', 'sms', 'in_app', 'chat'));
ALTER TABLE notification_opt_outs DROP CONSTRAINT notification_opt_outs_channel_check;
ALTER TABLE notification_opt_outs ADD CONSTRAINT notification_opt_outs_channel_check
  CHECK (channel IN ('email', 'sms', 'in_app', 'chat'));
ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_channel_check;
ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_channel_check
  CHECK (channel IN ('email', 'sms', 'in_app', 'chat'));

-- A delivery goes to exactly one of: a customer, a user (staff), a team's group chat.
ALTER TABLE notification_deliveries ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE notification_deliveries ADD COLUMN user_id bigint CHECK (user_id > 0);
ALTER TABLE notification_deliveries ADD COLUMN team text CHECK (length(team) BETWEEN 1 AND 50);
ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_one_recipient
  CHECK (num_nonnulls(customer_id, user_id, team) = 1);
-- A team's notice goes to its group chat; a user's by e-mail or in-app (a user has no phone).
ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_team_chat CHECK (team IS NULL OR channel = 'chat');
ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_user_channel
  CHECK (user_id IS NULL OR channel IN ('email', 'in_app'));
CREATE INDEX notification_deliveries_user_idx ON notification_deliveries (user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX notification_deliveries_team_idx ON notification_deliveries (team, id) WHERE team IS NOT NULL;

-- Chat wording for the built-in customer notices: the SMS text.
INSERT INTO notification_templates (key, channel, locale, subject, body)
SELECT key, 'chat', locale, NULL, body FROM notification_templates
WHERE channel = 'sms' AND key IN ('order.confirmed', 'order.shipped', 'order.delivered', 'order.exception', 'order.backordered');

-- Staff notices. Variables: `task` (as GET /api/v1/tasks/:id returns it), `user` (name; added for
-- a user) or `team` (code, name; added for a team), `link` (optional, where to open the task).
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
('task.assigned', 'email', 'zh-CN', $t$新任务：{{ task.title }}$t$,
$t${% if user %}{{ user.name }}，您好：{% else %}您好：{% endif %}

您有一项新任务（#{{ task.id }}）：{{ task.title }}
优先级：{{ task.priority }}{% if task.dueAt %}
截止时间：{{ task.dueAt }}{% endif %}{% if task.entityType %}
关联：{{ task.entityType }} {{ task.entityId }}{% endif %}{% if task.description %}

{{ task.description }}{% endif %}{% if link %}

查看任务：{{ link }}{% endif %}$t$),
('task.assigned', 'email', 'en', $t$New task: {{ task.title }}$t$,
$t${% if user %}Hello {{ user.name }},{% else %}Hello,{% endif %}

You have a new task (#{{ task.id }}): {{ task.title }}
Priority: {{ task.priority }}{% if task.dueAt %}
Due: {{ task.dueAt }}{% endif %}{% if task.entityType %}
About: {{ task.entityType }} {{ task.entityId }}{% endif %}{% if task.description %}

{{ task.description }}{% endif %}{% if link %}

Open it: {{ link }}{% endif %}$t$),
('task.assigned', 'in_app', 'zh-CN', NULL, $t$新任务 #{{ task.id }}：{{ task.title }}{% if task.dueAt %}（截止 {{ task.dueAt }}）{% endif %}$t$),
('task.assigned', 'in_app', 'en', NULL, $t$New task #{{ task.id }}: {{ task.title }}{% if task.dueAt %} (due {{ task.dueAt }}){% endif %}$t$),
('task.assigned', 'chat', 'zh-CN', NULL, $t$【Wareloop】{% if team %}{{ team.name }}{% endif %}新任务 #{{ task.id }}：{{ task.title }}，优先级 {{ task.priority }}{% if task.dueAt %}，截止 {{ task.dueAt }}{% endif %}{% if link %}。{{ link }}{% endif %}$t$),
('task.assigned', 'chat', 'en', NULL, $t$Wareloop: new task #{{ task.id }} for {% if team %}{{ team.name }}{% else %}you{% endif %}: {{ task.title }}, priority {{ task.priority }}{% if task.dueAt %}, due {{ task.dueAt }}{% endif %}{% if link %}. {{ link }}{% endif %}$t$);
