-- Notification templates (per key, channel and locale), customers' opt-outs, and the delivery log.
-- customer_id and entity ids point into other modules: ids only.

CREATE TABLE notification_templates (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key         text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' AND length(key) <= 100),
  channel     text NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
  locale      text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  -- Liquid; an e-mail needs a subject, an SMS or in-app message has none.
  subject     text CHECK (length(subject) <= 500),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notification_templates_email_subject CHECK (channel <> 'email' OR subject IS NOT NULL)
);
CREATE UNIQUE INDEX notification_templates_key_idx ON notification_templates (key, channel, locale);

CREATE TABLE notification_opt_outs (
  customer_id  bigint NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, channel)
);

CREATE TABLE notification_deliveries (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id       bigint NOT NULL,
  template_id       bigint NOT NULL REFERENCES notification_templates (id),
  template_key      text NOT NULL,
  template_version  integer NOT NULL,
  channel           text NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
  locale            text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  -- The e-mail address or phone number it went to (the customer's at the time); null for in-app.
  recipient         text CHECK (length(recipient) <= 320),
  subject           text,
  body              text NOT NULL,
  status            text NOT NULL DEFAULT 'queued' CHECK (status IN
                      ('queued', 'sent', 'failed', 'skipped_opt_out', 'skipped_no_recipient')),
  attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error        text CHECK (length(last_error) <= 2000),
  -- While queued: when a sender may take it next. Taking it moves this forward by a lease, so a
  -- sender that dies mid-send leaves it to be taken again (at least once), never lost.
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  entity_type       text CHECK (length(entity_type) <= 64),
  entity_id         text CHECK (length(entity_id) <= 64),
  created_at        timestamptz NOT NULL DEFAULT now(),
  sent_at           timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at, id) WHERE status = 'queued';
CREATE INDEX notification_deliveries_customer_idx ON notification_deliveries (customer_id, id);
CREATE INDEX notification_deliveries_entity_idx ON notification_deliveries (entity_type, entity_id);

-- Built-in templates. Variables: `customer` (name, code; added by the sender), `order` (the order
-- as the API returns it: number, lines, promisedShipDate, shipment {carrier, trackingNumber,
-- trackingUrl}, exceptionReason), `trackingUrl` (overrides the carrier's link), `reason`.
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
('order.confirmed', 'email', 'zh-CN', $t$您的订单 {{ order.number }} 已确认$t$,
$t${{ customer.name }}，您好：

您的订单 {{ order.number }} 已确认，预计发货日期：{{ order.promisedShipDate }}。

商品：
{% for line in order.lines %}- {{ line.name }} × {{ line.quantity }}
{% endfor %}
感谢您的惠顾！$t$),
('order.confirmed', 'email', 'en', $t$Your order {{ order.number }} is confirmed$t$,
$t$Hello {{ customer.name }},

Your order {{ order.number }} is confirmed and will ship by {{ order.promisedShipDate }}.

Items:
{% for line in order.lines %}- {{ line.name }} × {{ line.quantity }}
{% endfor %}
Thank you for your order!$t$),
('order.confirmed', 'sms', 'zh-CN', NULL, $t$【Wareloop】您的订单 {{ order.number }} 已确认，预计 {{ order.promisedShipDate }} 发货。$t$),
('order.confirmed', 'sms', 'en', NULL, $t$Wareloop: order {{ order.number }} is confirmed and will ship by {{ order.promisedShipDate }}.$t$),
('order.confirmed', 'in_app', 'zh-CN', NULL, $t$订单 {{ order.number }} 已确认，预计 {{ order.promisedShipDate }} 发货。$t$),
('order.confirmed', 'in_app', 'en', NULL, $t$Order {{ order.number }} is confirmed; it ships by {{ order.promisedShipDate }}.$t$),

('order.shipped', 'email', 'zh-CN', $t$您的订单 {{ order.number }} 已发货$t$,
$t${% assign link = trackingUrl | default: order.shipment.trackingUrl %}{{ customer.name }}，您好：

您的订单 {{ order.number }} 已发货。
承运商：{{ order.shipment.carrier }}
运单号：{{ order.shipment.trackingNumber }}
{% if link %}物流跟踪：{{ link }}
{% endif %}
感谢您的惠顾！$t$),
('order.shipped', 'email', 'en', $t$Your order {{ order.number }} has shipped$t$,
$t${% assign link = trackingUrl | default: order.shipment.trackingUrl %}Hello {{ customer.name }},

Your order {{ order.number }} is on its way.
Carrier: {{ order.shipment.carrier }}
Tracking number: {{ order.shipment.trackingNumber }}
{% if link %}Track it: {{ link }}
{% endif %}
Thank you for your order!$t$),
('order.shipped', 'sms', 'zh-CN', NULL, $t${% assign link = trackingUrl | default: order.shipment.trackingUrl %}【Wareloop】订单 {{ order.number }} 已发货，{{ order.shipment.carrier }} 运单号 {{ order.shipment.trackingNumber }}{% if link %}，跟踪：{{ link }}{% endif %}$t$),
('order.shipped', 'sms', 'en', NULL, $t${% assign link = trackingUrl | default: order.shipment.trackingUrl %}Wareloop: order {{ order.number }} shipped with {{ order.shipment.carrier }}, tracking {{ order.shipment.trackingNumber }}{% if link %}: {{ link }}{% endif %}$t$),
('order.shipped', 'in_app', 'zh-CN', NULL, $t$订单 {{ order.number }} 已发货：{{ order.shipment.carrier }} {{ order.shipment.trackingNumber }}$t$),
('order.shipped', 'in_app', 'en', NULL, $t$Order {{ order.number }} shipped: {{ order.shipment.carrier }} {{ order.shipment.trackingNumber }}$t$),

('order.delivered', 'email', 'zh-CN', $t$您的订单 {{ order.number }} 已送达$t$,
$t${{ customer.name }}，您好：

您的订单 {{ order.number }} 已送达。如有任何问题，请随时联系我们。

感谢您的惠顾！$t$),
('order.delivered', 'email', 'en', $t$Your order {{ order.number }} has been delivered$t$,
$t$Hello {{ customer.name }},

Your order {{ order.number }} has been delivered. If anything is wrong, just reply to this e-mail.

Thank you for your order!$t$),
('order.delivered', 'sms', 'zh-CN', NULL, $t$【Wareloop】您的订单 {{ order.number }} 已送达。$t$),
('order.delivered', 'sms', 'en', NULL, $t$Wareloop: order {{ order.number }} has been delivered.$t$),
('order.delivered', 'in_app', 'zh-CN', NULL, $t$订单 {{ order.number }} 已送达。$t$),
('order.delivered', 'in_app', 'en', NULL, $t$Order {{ order.number }} has been delivered.$t$),

('order.exception', 'email', 'zh-CN', $t$您的订单 {{ order.number }} 处理遇到问题$t$,
$t${{ customer.name }}，您好：

您的订单 {{ order.number }} 在处理过程中遇到问题{% if reason %}（{{ reason }}）{% endif %}。客服人员正在处理，会尽快与您联系。

给您带来不便，深表歉意。$t$),
('order.exception', 'email', 'en', $t$A problem with your order {{ order.number }}$t$,
$t$Hello {{ customer.name }},

We ran into a problem while preparing your order {{ order.number }}{% if reason %} ({{ reason }}){% endif %}. Our customer service team is on it and will contact you shortly.

We are sorry for the inconvenience.$t$),
('order.exception', 'sms', 'zh-CN', NULL, $t$【Wareloop】您的订单 {{ order.number }} 处理遇到问题，客服将尽快联系您。$t$),
('order.exception', 'sms', 'en', NULL, $t$Wareloop: a problem came up with order {{ order.number }}; customer service will contact you shortly.$t$),
('order.exception', 'in_app', 'zh-CN', NULL, $t$订单 {{ order.number }} 处理遇到问题，客服将尽快联系您。$t$),
('order.exception', 'in_app', 'en', NULL, $t$A problem came up with order {{ order.number }}; customer service will contact you shortly.$t$),

('order.backordered', 'email', 'zh-CN', $t$您的订单 {{ order.number }} 暂时缺货$t$,
$t${{ customer.name }}，您好：

您的订单 {{ order.number }} 中的部分商品暂时缺货。到货后我们将立即为您发货，并再次通知您。

给您带来不便，深表歉意。$t$),
('order.backordered', 'email', 'en', $t$Your order {{ order.number }} is waiting for stock$t$,
$t$Hello {{ customer.name }},

Some items of your order {{ order.number }} are out of stock for now. We will ship as soon as they arrive and let you know.

We are sorry for the wait.$t$),
('order.backordered', 'sms', 'zh-CN', NULL, $t$【Wareloop】您的订单 {{ order.number }} 暂时缺货，到货后将立即发货。$t$),
('order.backordered', 'sms', 'en', NULL, $t$Wareloop: order {{ order.number }} is waiting for stock; we ship as soon as it arrives.$t$),
('order.backordered', 'in_app', 'zh-CN', NULL, $t$订单 {{ order.number }} 暂时缺货，到货后将立即发货。$t$),
('order.backordered', 'in_app', 'en', NULL, $t$Order {{ order.number }} is waiting for stock; it ships as soon as it arrives.$t$);
