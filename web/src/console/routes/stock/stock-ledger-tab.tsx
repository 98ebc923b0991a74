/** Every change of on-hand stock, newest first: what moved, where, why, by whom. */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../shared/i18n';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { ProblemAlert } from '../../components/problem';
import { useLedger, type LedgerEntry, type LedgerQuery } from '../../hooks/stock';
import { useWarehouses } from '../../hooks/warehouses';
import { useFormat } from '../../lib/useFormat';
import { StockFilterForm, useStockFilters } from './stock-filters';
import { useLocationFilter } from './use-location-filter';

export function StockLedgerTab() {
  const { t, i18n } = useTranslation();
  const [f, setF] = useStockFilters();
  const pager = useCursor();
  const fmt = useFormat(f.warehouseId);
  const loc = useLocationFilter(f);
  const warehouses = useWarehouses().data ?? [];
  const query: LedgerQuery = {
    limit: 50,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(f.warehouseId ? { warehouseId: f.warehouseId } : {}),
    ...(f.sku ? { sku: f.sku } : {}),
    ...(loc.locationId ? { locationId: loc.locationId } : {}),
    ...(f.reference ? { reference: f.reference } : {}),
  };
  const ledger = useLedger(query);
  const columns: ColumnsType<LedgerEntry> = [
    { title: t('stock.occurredAt'), dataIndex: 'occurredAt', render: (d: string) => fmt.dateTime(d) },
    { title: t('glossary.sku'), dataIndex: 'sku', render: (sku: string | null, r) => <Link to={`/products/${r.productId}`}>{sku ?? `#${r.productId}`}</Link> },
    { title: t('stock.warehouse'), dataIndex: 'warehouseId', render: (id: number) => warehouses.find((w) => w.id === id)?.code ?? `#${id}` },
    { title: t('stock.location'), dataIndex: 'locationCode', render: (c: string | null) => c ?? t('app.none') },
    { title: t('stock.lot'), dataIndex: 'lot', render: (l: string) => l || t('app.none') },
    {
      title: t('stock.quantity'),
      dataIndex: 'quantity',
      align: 'right',
      render: (n: number) => <Typography.Text type={n < 0 ? 'danger' : 'success'}>{`${n > 0 ? '+' : ''}${fmt.qty(n)}`}</Typography.Text>,
    },
    { title: t('stock.movement'), dataIndex: 'movement', render: (m: string) => (i18n.exists(`stock.movements.${m}`) ? t(`stock.movements.${m}`) : m) },
    { title: t('stock.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? t('app.none') },
    { title: t('stock.reference'), dataIndex: 'reference', render: (r: string | null) => r ?? t('app.none') },
    { title: t('stock.actor'), dataIndex: 'actor' },
  ];
  return (
    <>
      <StockFilterForm value={f} onChange={setF} extra="reference" />
      <ProblemAlert error={loc.error ?? ledger.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={ledger.isFetching}
        dataSource={loc.ready ? (ledger.data?.items ?? []) : []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
      />
      <CursorPager pager={pager} nextCursor={ledger.data?.nextCursor} />
    </>
  );
}
