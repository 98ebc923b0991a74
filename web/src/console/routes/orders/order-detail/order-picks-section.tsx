/** The pick list as the warehouse walks it: which bin, which lot, how many, and what is done. */
import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from '../../../../shared/i18n';
import { ProblemAlert } from '../../../components/problem';
import { usePickList, type Order, type PickList } from '../../../hooks/orders';
import { useFormat } from '../../../lib/useFormat';

type Item = PickList['items'][number];

export function OrderPicksSection({ order }: { order: Order }) {
  const { t } = useTranslation();
  const fmt = useFormat(order.warehouseId);
  const picks = usePickList(order.id);
  const list = picks.data;
  const columns: ColumnsType<Item> = [
    { title: t('orders.picks.location'), dataIndex: 'locationCode', render: (c: string) => <span style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{c}</span> },
    { title: t('orders.lines.sku'), dataIndex: 'sku', render: (sku: string, i) => <span title={i.name}>{sku}</span> },
    { title: t('orders.picks.lot'), dataIndex: 'lot', render: (lot: string) => lot || t('app.none') },
    { title: t('orders.picks.toPick'), dataIndex: 'quantity', align: 'right', render: (n: number) => fmt.qty(n) },
    { title: t('orders.picks.picked'), dataIndex: 'picked', align: 'right', render: (n: number) => fmt.qty(n) },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: Item['status']) => <Tag color={s === 'picked' ? 'success' : 'processing'}>{t(s === 'picked' ? 'orders.picks.done' : 'orders.picks.open')}</Tag>,
    },
  ];
  return (
    <Card title={list?.round ? `${t('orders.picks.title')} · ${t('orders.picks.round', { round: list.round })}` : t('orders.picks.title')} size="small">
      <ProblemAlert error={picks.error} />
      {list?.unallocated.map((u) => (
        <Alert key={u.lineId} type="warning" showIcon style={{ marginBottom: 8 }} title={t('orders.picks.unallocated', { quantity: fmt.qty(u.quantity), sku: u.sku })} />
      ))}
      <Table
        rowKey="allocationId"
        size="small"
        pagination={false}
        loading={picks.isPending}
        dataSource={list?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('orders.picks.none') }}
      />
    </Card>
  );
}
