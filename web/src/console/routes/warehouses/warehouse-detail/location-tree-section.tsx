/**
 * The warehouse's locations as a tree (zone › aisle › rack › bin), each with the units in it and
 * under it, as a table with expandable rows so the numbers line up. Refreshes live as stock moves.
 */
import { Card, Empty, Spin, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../../shared/i18n';
import { ProblemAlert } from '../../../components/problem';
import { useLocationTree, type TreeNode } from '../../../hooks/warehouses';
import { useFormat } from '../../../lib/useFormat';

type Row = Omit<TreeNode, 'children'> & { children?: Row[] };

/** Leaves without `children`, so the table draws no expand button on bins. */
const rows = (nodes: TreeNode[]): Row[] => nodes.map(({ children, ...n }) => (children.length ? { ...n, children: rows(children) } : n));

export function LocationTreeSection({ warehouseId }: { warehouseId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat(warehouseId);
  const tree = useLocationTree(warehouseId);
  const columns: ColumnsType<Row> = [
    { title: t('stock.location'), dataIndex: 'code', render: (c: string, l) => <span data-location={c} style={{ fontFamily: 'monospace', opacity: l.active ? 1 : 0.5 }}>{c}</span> },
    { title: t('warehouses.level'), dataIndex: 'level', render: (v: Row['level']) => t(`warehouses.levels.${v}`) },
    { title: t('warehouses.type'), dataIndex: 'type', render: (v: Row['type']) => <Tag>{t(`warehouses.types.${v}`)}</Tag> },
    { title: t('warehouses.pickSequence'), dataIndex: 'pickSequence', align: 'right' },
    { title: t('warehouses.capacity'), dataIndex: 'capacity', align: 'right', render: (c: number | null) => (c === null ? t('warehouses.unlimited') : fmt.qty(c)) },
    { title: t('warehouses.occupancy'), dataIndex: 'occupancy', align: 'right', render: (n: number) => fmt.qty(n) },
    { title: t('warehouses.totalOccupancy'), dataIndex: 'totalOccupancy', align: 'right', render: (n: number) => <strong>{fmt.qty(n)}</strong> },
    {
      title: t('common.actions'),
      key: 'stock',
      render: (_: unknown, l) => <Link to={`/stock/levels?warehouseId=${warehouseId}&location=${encodeURIComponent(l.code)}`}>{t('warehouses.viewStock')}</Link>,
    },
  ];
  const data = rows(tree.data ?? []);
  return (
    <Card size="small" title={t('warehouses.tree')}>
      <ProblemAlert error={tree.error} />
      {tree.isPending ? (
        <Spin />
      ) : data.length === 0 ? (
        <Empty description={t('warehouses.noLocations')} />
      ) : (
        // Mounted with its rows, so every level opens at once.
        <Table rowKey="id" size="small" dataSource={data} columns={columns} pagination={false} expandable={{ defaultExpandAllRows: true }} aria-label={t('warehouses.tree')} />
      )}
    </Card>
  );
}
