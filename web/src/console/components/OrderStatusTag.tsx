/** An order's status in the reader's language, coloured by how far along it is. */
import { Tag } from 'antd';
import { useTranslation } from '../../shared/i18n';
import type { OrderStatus } from '../hooks/orders';

const COLOR: Record<OrderStatus, string> = {
  pending: 'default',
  confirmed: 'blue',
  backordered: 'orange',
  picking: 'cyan',
  picked: 'geekblue',
  packed: 'purple',
  shipped: 'green',
  delivered: 'success',
  cancelled: 'default',
  exception: 'error',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-status={status}>
      {t(`orderStatus.${status}`)}
    </Tag>
  );
}
