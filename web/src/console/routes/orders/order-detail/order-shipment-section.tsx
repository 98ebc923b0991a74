/** The parcel once it has left: carrier, tracking number and what the carrier has reported. */
import { Card, Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from '../../../../shared/i18n';
import type { Order } from '../../../hooks/orders';
import { useFormat } from '../../../lib/useFormat';

export function OrderShipmentSection({ order }: { order: Order }) {
  const { t } = useTranslation();
  const fmt = useFormat(order.warehouseId);
  const s = order.shipment;
  return (
    <Card title={t('orders.shipment.title')} size="small">
      {!s ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.shipment.none')} />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'carrier', label: t('orders.shipment.carrier'), children: s.carrier },
              {
                key: 'tracking',
                label: t('orders.shipment.trackingNumber'),
                children: s.trackingUrl ? (
                  <Typography.Link href={s.trackingUrl} target="_blank" rel="noreferrer">
                    {s.trackingNumber}
                  </Typography.Link>
                ) : (
                  <Typography.Text copyable>{s.trackingNumber}</Typography.Text>
                ),
              },
              { key: 'status', label: t('orders.shipment.status'), children: <Tag color="green">{t(`shipmentStatus.${s.status}`)}</Tag> },
              { key: 'shipped', label: t('orders.shipment.shippedAt'), children: fmt.dateTime(s.shippedAt) },
              { key: 'delivered', label: t('orders.shipment.deliveredAt'), children: fmt.dateTime(s.deliveredAt) },
            ]}
          />
          {s.trackingEvents.length > 0 && (
            <Timeline
              style={{ marginTop: 16 }}
              items={s.trackingEvents.map((e) => ({
                key: e.id,
                title: fmt.dateTime(e.occurredAt),
                content: [t(`shipmentStatus.${e.status}`), e.location, e.description].filter(Boolean).join(' · '),
              }))}
            />
          )}
        </>
      )}
    </Card>
  );
}
