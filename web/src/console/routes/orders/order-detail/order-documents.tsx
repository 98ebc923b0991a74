/**
 * The order's printable documents, offered once they exist: the pick list from picking on, the
 * packing slip once picked, the shipping label once shipped. Each opens the API's PDF in a new tab.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from '../../../../shared/i18n';
import type { Order } from '../../../hooks/orders';

const PICKING_OR_LATER = ['picking', 'picked', 'packed', 'shipped', 'delivered', 'exception'];
const PICKED_OR_LATER = ['picked', 'packed', 'shipped', 'delivered'];

export function OrderDocuments({ order }: { order: Order }) {
  const { t } = useTranslation();
  const docs = [
    PICKING_OR_LATER.includes(order.status) && { key: 'pickList', href: `/api/v1/orders/${order.id}/pick-list.pdf` },
    PICKED_OR_LATER.includes(order.status) && { key: 'packingSlip', href: `/api/v1/orders/${order.id}/packing-slip.pdf` },
    order.shipment && { key: 'label', href: `/api/v1/shipments/${order.shipment.id}/label.pdf` },
  ].filter((d): d is { key: string; href: string } => !!d);
  if (!docs.length) return null;
  return (
    <Space wrap aria-label={t('documents.title')}>
      {docs.map((d) => (
        <Button key={d.key} icon={<PrinterOutlined />} href={d.href} target="_blank" rel="noopener">
          {t(`documents.${d.key}`)}
        </Button>
      ))}
    </Space>
  );
}
