/** Everything that happened to the order, newest first, from its own events. */
import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from '../../../../shared/i18n';
import { ProblemAlert } from '../../../components/problem';
import { useOrderTimeline, type Order, type OrderEvent } from '../../../hooks/orders';
import { useFormat } from '../../../lib/useFormat';

const COLOR: Record<string, string> = { exception: 'red', intercepted: 'red', cancelled: 'gray', delivery_failed: 'red', packed: 'green', shipped: 'green', delivered: 'green' };

function detail(e: OrderEvent): string | undefined {
  const p = e.payload;
  const reason = typeof p.reason === 'string' ? p.reason : undefined;
  if (reason) return reason;
  if (typeof p.sku === 'string' && typeof p.quantity === 'number') return `${p.quantity} × ${p.sku}${typeof p.locationCode === 'string' ? ` @ ${p.locationCode}` : ''}`;
  if (typeof p.trackingNumber === 'string') return p.trackingNumber;
  if (typeof p.priority === 'number') return `${p.priority}`;
  return undefined;
}

export function OrderTimelineSection({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat(order.warehouseId);
  const timeline = useOrderTimeline(order.id);
  const events = timeline.data?.items ?? [];
  const label = (type: string) => {
    const verb = type.replace(/^order\./, '');
    return i18n.exists(`orders.events.${verb}`) ? t(`orders.events.${verb}`) : type;
  };
  return (
    <Card title={t('orders.timeline.title')} size="small">
      <ProblemAlert error={timeline.error} />
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.timeline.empty')} />
      ) : (
        <Timeline
          items={events.map((e) => ({
            key: e.id,
            color: COLOR[e.type.replace(/^order\./, '')] ?? 'blue',
            title: fmt.dateTime(e.occurredAt),
            content: (
              <div data-event={e.type}>
                <Typography.Text strong>{label(e.type)}</Typography.Text>
                {detail(e) ? <Typography.Text> · {detail(e)}</Typography.Text> : null}
                <div>
                  <Typography.Text type="secondary">{t('orders.timeline.by', { actor: e.actor })}</Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
