/** What was ordered and how far each line has come: reserved, picked, packed, shipped. */
import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../../shared/i18n';
import type { Order } from '../../../hooks/orders';
import { useFormat } from '../../../lib/useFormat';

type Line = Order['lines'][number];

export function OrderLinesSection({ order }: { order: Order }) {
  const { t } = useTranslation();
  const fmt = useFormat(order.warehouseId);
  const qty = (k: 'quantity' | 'reserved' | 'picked' | 'packed' | 'shipped') => ({
    title: t(`orders.lines.${k}`),
    dataIndex: k,
    align: 'right' as const,
    render: (n: number) => fmt.qty(n),
  });
  const columns: ColumnsType<Line> = [
    { title: t('orders.lines.line'), dataIndex: 'lineNo', width: 48 },
    { title: t('orders.lines.sku'), dataIndex: 'sku', render: (sku: string, l) => <Link to={`/products/${l.productId}`}>{sku}</Link> },
    { title: t('orders.lines.name'), dataIndex: 'name' },
    qty('quantity'),
    { title: t('orders.lines.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (p: number) => fmt.money(p, order.currency) },
    qty('reserved'),
    qty('picked'),
    qty('packed'),
    qty('shipped'),
  ];
  return (
    <Card title={t('orders.lines.title')} size="small">
      <Table rowKey="id" size="small" pagination={false} dataSource={order.lines} columns={columns} />
    </Card>
  );
}
