-- Notices the built-in rules send beyond the order's main steps: a delay, the after-sales steps
-- and customer item storage. Same variables as the order notices: the event's payload fields,
-- `event`, `order`, `customer`, and the entity the event is about as `entity`.
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
('order.delayed', 'email', 'zh-CN', $t$您的订单 {{ order.number }} 出库有所延迟$t$,
$t${{ customer.name }}，您好：

您的订单 {{ order.number }} 尚未出库，比预期稍慢。仓库正在优先处理{% if order.promisedShipDate %}，承诺发货日期为 {{ order.promisedShipDate }}{% endif %}。客服人员会跟进并在需要时联系您。

感谢您的耐心。$t$),
('order.delayed', 'email', 'en', $t$Your order {{ order.number }} is taking longer than expected$t$,
$t$Hello {{ customer.name }},

Your order {{ order.number }} has not left our warehouse yet. It is being prioritised{% if order.promisedShipDate %} (promised ship date {{ order.promisedShipDate }}){% endif %}, and customer service is following it up.

Thank you for your patience.$t$),
('order.delayed', 'sms', 'zh-CN', NULL, $t$【Wareloop】您的订单 {{ order.number }} 出库稍有延迟，我们正在优先处理。$t$),
('order.delayed', 'sms', 'en', NULL, $t$Wareloop: order {{ order.number }} is delayed in our warehouse; we are prioritising it.$t$),
('order.delayed', 'in_app', 'zh-CN', NULL, $t$订单 {{ order.number }} 出库稍有延迟，我们正在优先处理。$t$),
('order.delayed', 'in_app', 'en', NULL, $t$Order {{ order.number }} is delayed in the warehouse; we are prioritising it.$t$),
('order.delayed', 'chat', 'zh-CN', NULL, $t$【Wareloop】您的订单 {{ order.number }} 出库稍有延迟，我们正在优先处理。$t$),
('order.delayed', 'chat', 'en', NULL, $t$Wareloop: order {{ order.number }} is delayed in our warehouse; we are prioritising it.$t$);

-- After-sales. Variables: the return event's payload (rmaNumber, orderNumber, type, status,
-- lines, instructions {en, zh, address}, amount, currency, resolution …) and `order`.
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
('return.requested', 'email', 'zh-CN', $t$我们已收到您对订单 {{ orderNumber }} 的售后申请$t$,
$t${{ customer.name }}，您好：

我们已收到您对订单 {{ orderNumber }} 的售后申请（{% case type %}{% when 'return' %}退货{% when 'exchange' %}换货{% when 'repair' %}维修{% else %}补偿{% endcase %}）。审核结果会尽快通知您。$t$),
('return.requested', 'email', 'en', $t$We have your after-sales request for order {{ orderNumber }}$t$,
$t$Hello {{ customer.name }},

We have received your {{ type }} request for order {{ orderNumber }}. We will let you know as soon as it is reviewed.$t$),
('return.requested', 'in_app', 'zh-CN', NULL, $t$已收到订单 {{ orderNumber }} 的售后申请，正在审核。$t$),
('return.requested', 'in_app', 'en', NULL, $t$Your {{ type }} request for order {{ orderNumber }} is being reviewed.$t$),

('return.approved', 'email', 'zh-CN', $t$售后申请已批准：RMA {{ rmaNumber }}$t$,
$t${{ customer.name }}，您好：

您对订单 {{ orderNumber }} 的售后申请已批准，RMA 编号 {{ rmaNumber }}。

{{ instructions.zh }}$t$),
('return.approved', 'email', 'en', $t$Your request is approved: RMA {{ rmaNumber }}$t$,
$t$Hello {{ customer.name }},

Your request for order {{ orderNumber }} is approved. Your RMA number is {{ rmaNumber }}.

{{ instructions.en }}$t$),
('return.approved', 'sms', 'zh-CN', NULL, $t$【Wareloop】订单 {{ orderNumber }} 售后已批准，RMA {{ rmaNumber }}，请在包裹上注明并寄回：{{ instructions.address }}$t$),
('return.approved', 'sms', 'en', NULL, $t$Wareloop: request for {{ orderNumber }} approved, RMA {{ rmaNumber }}. Write it on the parcel and send it to: {{ instructions.address }}$t$),
('return.approved', 'in_app', 'zh-CN', NULL, $t$售后已批准，RMA {{ rmaNumber }}。{{ instructions.zh }}$t$),
('return.approved', 'in_app', 'en', NULL, $t$Approved, RMA {{ rmaNumber }}. {{ instructions.en }}$t$),

('return.rejected', 'email', 'zh-CN', $t$关于订单 {{ orderNumber }} 的售后申请$t$,
$t${{ customer.name }}，您好：

很抱歉，您对订单 {{ orderNumber }} 的售后申请未获批准{% if reason %}：{{ reason }}{% endif %}。如有疑问，请联系客服。$t$),
('return.rejected', 'email', 'en', $t$About your request for order {{ orderNumber }}$t$,
$t$Hello {{ customer.name }},

We are sorry: your request for order {{ orderNumber }} was not approved{% if reason %}: {{ reason }}{% endif %}. Please contact customer service with any questions.$t$),
('return.rejected', 'in_app', 'zh-CN', NULL, $t$订单 {{ orderNumber }} 的售后申请未获批准{% if reason %}：{{ reason }}{% endif %}。$t$),
('return.rejected', 'in_app', 'en', NULL, $t$Your request for order {{ orderNumber }} was not approved{% if reason %}: {{ reason }}{% endif %}.$t$),

('return.received', 'email', 'zh-CN', $t$我们已收到您寄回的商品（RMA {{ rmaNumber }}）$t$,
$t${{ customer.name }}，您好：

我们已收到 RMA {{ rmaNumber }} 的寄回商品，正在质检，完成后将通知您处理结果。$t$),
('return.received', 'email', 'en', $t$We have received your return (RMA {{ rmaNumber }})$t$,
$t$Hello {{ customer.name }},

Your parcel for RMA {{ rmaNumber }} has arrived and is being inspected. We will tell you the outcome as soon as it is done.$t$),
('return.received', 'in_app', 'zh-CN', NULL, $t$已收到 RMA {{ rmaNumber }} 的寄回商品，正在质检。$t$),
('return.received', 'in_app', 'en', NULL, $t$Your return {{ rmaNumber }} has arrived and is being inspected.$t$),

('return.resolved', 'email', 'zh-CN', $t$售后处理完成（RMA {{ rmaNumber }}）$t$,
$t${{ customer.name }}，您好：

RMA {{ rmaNumber }}（订单 {{ orderNumber }}）已处理完成：{% case resolution %}{% when 'refund' %}退款 {{ amount }} {{ currency }}，退款单号 {{ refundNumber }}，到账后会再通知您。{% when 'replacement' %}换货商品已安排发出。{% when 'repaired' %}维修完成，已寄回{% if trackingNumber %}（{{ carrier }} {{ trackingNumber }}）{% endif %}。{% else %}补偿 {{ amount }} {{ currency }}。{% endcase %}$t$),
('return.resolved', 'email', 'en', $t$Your request is resolved (RMA {{ rmaNumber }})$t$,
$t$Hello {{ customer.name }},

RMA {{ rmaNumber }} (order {{ orderNumber }}) is resolved: {% case resolution %}{% when 'refund' %}a refund of {{ amount }} {{ currency }}, reference {{ refundNumber }}; we will tell you when it is paid.{% when 'replacement' %}your replacement is on its way.{% when 'repaired' %}your item is repaired and on its way back{% if trackingNumber %} ({{ carrier }} {{ trackingNumber }}){% endif %}.{% else %}a compensation of {{ amount }} {{ currency }}.{% endcase %}$t$),
('return.resolved', 'in_app', 'zh-CN', NULL, $t$RMA {{ rmaNumber }} 已处理完成。$t$),
('return.resolved', 'in_app', 'en', NULL, $t$RMA {{ rmaNumber }} is resolved.$t$),

('refund.paid', 'email', 'zh-CN', $t$退款已支付：{{ amount }} {{ currency }}$t$,
$t${{ customer.name }}，您好：

订单 {{ orderNumber }} 的{% if kind == 'compensation' %}补偿{% else %}退款{% endif %} {{ amount }} {{ currency }}（单号 {{ refundNumber }}）已支付，请留意到账。$t$),
('refund.paid', 'email', 'en', $t$Your refund of {{ amount }} {{ currency }} is paid$t$,
$t$Hello {{ customer.name }},

The {% if kind == 'compensation' %}compensation{% else %}refund{% endif %} of {{ amount }} {{ currency }} for order {{ orderNumber }} (reference {{ refundNumber }}) has been paid.$t$),
('refund.paid', 'sms', 'zh-CN', NULL, $t$【Wareloop】订单 {{ orderNumber }} 的退款 {{ amount }} {{ currency }} 已支付。$t$),
('refund.paid', 'sms', 'en', NULL, $t$Wareloop: your refund of {{ amount }} {{ currency }} for {{ orderNumber }} is paid.$t$),
('refund.paid', 'in_app', 'zh-CN', NULL, $t$退款 {{ amount }} {{ currency }} 已支付（{{ refundNumber }}）。$t$),
('refund.paid', 'in_app', 'en', NULL, $t$Refund of {{ amount }} {{ currency }} paid ({{ refundNumber }}).$t$);

-- Customer item storage. Variables: the event's payload (depositNumber, items, expectedPickupAt,
-- warehouse {name}, description, reason …); the check-in notice also gets the deposit itself as
-- `storage_deposit`, with the voucher code, read when the notice is sent.
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
('storage_deposit.checked_in', 'sms', 'zh-CN', NULL, $t$【Wareloop】寄存单 {{ depositNumber }}（{{ warehouse.name }}，{{ items | size }} 件），取件凭证码 {{ storage_deposit.voucherCode }}，请妥善保管。{% if expectedPickupAt %}预计取件 {{ expectedPickupAt | date: "%Y-%m-%d" }}。{% endif %}$t$),
('storage_deposit.checked_in', 'sms', 'en', NULL, $t$Wareloop: deposit {{ depositNumber }} at {{ warehouse.name }} ({{ items | size }} items). Your voucher code is {{ storage_deposit.voucherCode }}; keep it safe.{% if expectedPickupAt %} Pick-up by {{ expectedPickupAt | date: "%Y-%m-%d" }}.{% endif %}$t$),
('storage_deposit.checked_in', 'email', 'zh-CN', $t$寄存凭证：{{ depositNumber }}$t$,
$t${{ customer.name }}，您好：

您已在 {{ warehouse.name }} 寄存以下物品（寄存单 {{ depositNumber }}）：
{% for item in items %}- {{ item.code }} {{ item.description }}
{% endfor %}
取件凭证码：{{ storage_deposit.voucherCode }}（取件时需出示，请勿告知他人）。{% if expectedPickupAt %}
预计取件日期：{{ expectedPickupAt | date: "%Y-%m-%d" }}。{% endif %}$t$),
('storage_deposit.checked_in', 'email', 'en', $t$Your storage voucher: {{ depositNumber }}$t$,
$t$Hello {{ customer.name }},

You have left these items with us at {{ warehouse.name }} (deposit {{ depositNumber }}):
{% for item in items %}- {{ item.code }} {{ item.description }}
{% endfor %}
Your voucher code: {{ storage_deposit.voucherCode }} (show it at pick-up; do not share it).{% if expectedPickupAt %}
Expected pick-up: {{ expectedPickupAt | date: "%Y-%m-%d" }}.{% endif %}$t$),
('storage_deposit.checked_in', 'in_app', 'zh-CN', NULL, $t$寄存单 {{ depositNumber }}：{{ items | size }} 件物品已寄存于 {{ warehouse.name }}。$t$),
('storage_deposit.checked_in', 'in_app', 'en', NULL, $t$Deposit {{ depositNumber }}: {{ items | size }} items stored at {{ warehouse.name }}.$t$),

('storage_item.overdue', 'sms', 'zh-CN', NULL, $t$【Wareloop】您寄存的物品 {{ code }}（{{ description }}，寄存单 {{ depositNumber }}）{% if reason == 'pickup_date_passed' %}已超过预计取件日期{% else %}已超过最长寄存期{% endif %}，请尽快取回。$t$),
('storage_item.overdue', 'sms', 'en', NULL, $t$Wareloop: your item {{ code }} ({{ description }}, deposit {{ depositNumber }}) is {% if reason == 'pickup_date_passed' %}past its pick-up date{% else %}past the maximum storage period{% endif %}. Please collect it soon.$t$),
('storage_item.overdue', 'email', 'zh-CN', $t$请取回您寄存的物品 {{ code }}$t$,
$t${{ customer.name }}，您好：

您在 {{ warehouse.name }} 寄存的物品 {{ code }}（{{ description }}，寄存单 {{ depositNumber }}）{% if reason == 'pickup_date_passed' %}已超过预计取件日期{% else %}已超过最长寄存期{% endif %}。寄存费用按天累计，请尽快凭取件凭证码取回。$t$),
('storage_item.overdue', 'email', 'en', $t$Please collect your item {{ code }}$t$,
$t$Hello {{ customer.name }},

Your item {{ code }} ({{ description }}, deposit {{ depositNumber }}) at {{ warehouse.name }} is {% if reason == 'pickup_date_passed' %}past its expected pick-up date{% else %}past the maximum storage period{% endif %}. Storage fees keep accruing; please collect it with your voucher code soon.$t$),
('storage_item.overdue', 'in_app', 'zh-CN', NULL, $t$物品 {{ code }} 已逾期，请尽快取回。$t$),
('storage_item.overdue', 'in_app', 'en', NULL, $t$Item {{ code }} is overdue; please collect it.$t$),

('storage_deposit.closed', 'sms', 'zh-CN', NULL, $t$【Wareloop】寄存单 {{ depositNumber }} 的物品已全部取回{% if feeTotal > 0 %}，费用合计 {{ feeTotal | divided_by: 100.0 }} {{ currency }}{% endif %}。感谢使用。$t$),
('storage_deposit.closed', 'sms', 'en', NULL, $t$Wareloop: all items of deposit {{ depositNumber }} are collected{% if feeTotal > 0 %}; fees {{ feeTotal | divided_by: 100.0 }} {{ currency }}{% endif %}. Thank you.$t$),
('storage_deposit.closed', 'in_app', 'zh-CN', NULL, $t$寄存单 {{ depositNumber }} 已全部取回。$t$),
('storage_deposit.closed', 'in_app', 'en', NULL, $t$Deposit {{ depositNumber }}: all items collected.$t$);

-- The chat channel says what the SMS says.
INSERT INTO notification_templates (key, channel, locale, subject, body)
SELECT key, 'chat', locale, NULL, body FROM notification_templates
WHERE channel = 'sms' AND key IN ('return.approved', 'refund.paid', 'storage_deposit.checked_in', 'storage_item.overdue', 'storage_deposit.closed')
ON CONFLICT (key, channel, locale) DO NOTHING;
