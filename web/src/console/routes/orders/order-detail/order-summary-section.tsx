/** Who ordered what, from where, to where, and why it stands where it does. */
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from '../../../../shared/i18n';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { useCustomer } from '../../../hooks/customers';
import type { Order } from '../../../hooks/orders';
import { useWarehouses } from '../../../hooks/warehouses';
import { useFormat } from '../../../lib/useFormat';

export function shipToText(s: Order['shipTo']): string {
  return [s.province, s.city, s.district, s.line1, s.line2, s.postalCode].filter(Boolean).join(' ');
}

export function OrderSummarySection({ order }: { order: Order }) {
  const { t } = useTranslation();
  const fmt = useFormat(order.warehouseId);
  const customer = useCustomer(order.customerId);
  const warehouse = useWarehouses().data?.find((w) => w.id === order.warehouseId);
  const items = [
    { key: 'status', label: t('orders.status'), children: <OrderStatusTag status={order.status} /> },
    { key: 'customer', label: t('orders.customer'), children: customer.data ? `${customer.data.name}${customer.data.phone ? ` · ${customer.data.phone}` : ''}` : `#${order.customerId}` },
    { key: 'channel', label: t('orders.channel'), children: `${t(`channel.${order.channel}`)}${order.externalRef ? ` · ${order.externalRef}` : ''}` },
    { key: 'warehouse', label: t('orders.warehouse'), children: warehouse ? `${warehouse.code} · ${warehouse.name}` : `#${order.warehouseId}` },
    { key: 'total', label: t('orders.total'), children: fmt.money(order.total, order.currency) },
    { key: 'promised', label: t('orders.promisedShipDate'), children: order.promisedShipDate ?? t('app.none') },
    { key: 'created', label: t('orders.created'), children: fmt.dateTime(order.createdAt) },
    { key: 'priority', label: t('orders.priority'), children: fmt.qty(order.priority) },
    { key: 'recipient', label: t('orders.summary.recipient'), children: `${order.shipTo.recipientName}${order.shipTo.phone ? ` · ${order.shipTo.phone}` : ''}` },
    { key: 'shipTo', label: t('orders.summary.shipTo'), children: shipToText(order.shipTo), span: 2 },
  ];
  if (order.onHold) items.push({ key: 'hold', label: t('orders.summary.holdReason'), children: <Tag color="warning">{order.holdReason ?? t('orders.onHold')}</Tag> });
  if (order.exceptionReason) items.push({ key: 'exception', label: t('orders.summary.exceptionReason'), children: order.exceptionReason });
  if (order.cancelReason) items.push({ key: 'cancel', label: t('orders.summary.cancelReason'), children: order.cancelReason });
  if (order.note) items.push({ key: 'note', label: t('orders.summary.note'), children: order.note });
  if (order.parcel?.weightG) items.push({ key: 'parcel', label: t('orders.summary.parcel'), children: t('orders.summary.weight', { grams: fmt.qty(order.parcel.weightG) }) });
  return (
    <Card title={t('orders.summary.title')} size="small">
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" items={items} />
    </Card>
  );
}
