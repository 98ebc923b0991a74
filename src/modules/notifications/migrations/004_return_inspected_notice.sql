-- The inspection of a return is a step the customer waits on too.
INSERT INTO notification_templates (key, channel, locale, subject, body) VALUES
('return.inspected', 'email', 'zh-CN', $t$您寄回的商品已完成质检（RMA {{ rmaNumber }}）$t$,
$t${{ customer.name }}，您好：

RMA {{ rmaNumber }}（订单 {{ orderNumber }}）的商品已完成质检，我们将尽快为您处理{% case type %}{% when 'return' %}退款{% when 'exchange' %}换货{% when 'repair' %}维修{% else %}补偿{% endcase %}。$t$),
('return.inspected', 'email', 'en', $t$Your return has been inspected (RMA {{ rmaNumber }})$t$,
$t$Hello {{ customer.name }},

The items of RMA {{ rmaNumber }} (order {{ orderNumber }}) have been inspected. We will complete your {{ type }} shortly.$t$),
('return.inspected', 'in_app', 'zh-CN', NULL, $t$RMA {{ rmaNumber }} 已完成质检，正在处理。$t$),
('return.inspected', 'in_app', 'en', NULL, $t$RMA {{ rmaNumber }} has been inspected and is being resolved.$t$);
