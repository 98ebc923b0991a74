/** Stock rows on hand: per product, location, lot, owner and status. */
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../shared/i18n';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { ProblemAlert } from '../../components/problem';
import { STOCK_STATUSES, useStockLevels, type LevelsQuery, type StockLevel, type StockStatus } from '../../hooks/stock';
import { useWarehouses } from '../../hooks/warehouses';
import { useFormat } from '../../lib/useFormat';
import { StockFilterForm, useStockFilters } from './stock-filters';
import { useLocationFilter } from './use-location-filter';

export function StockLevelsTab() {
  const { t } = useTranslation();
  const [f, setF] = useStockFilters();
  const pager = useCursor();
  const fmt = useFormat(f.warehouseId);
  const loc = useLocationFilter(f);
  const warehouses = useWarehouses().data ?? [];
  const status = STOCK_STATUSES.find((s) => s === f.status);
  const query: LevelsQuery = {
    limit: 50,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(f.warehouseId ? { warehouseId: f.warehouseId } : {}),
    ...(f.sku ? { sku: f.sku } : {}),
    ...(loc.locationId ? { locationId: loc.locationId } : {}),
    ...(status ? { status } : {}),
  };
  const levels = useStockLevels(query);
  const ready = loc.ready;
  const columns: ColumnsType<StockLevel> = [
    { title: t('glossary.sku'), dataIndex: 'sku', render: (sku: string | null, r) => <Link to={`/products/${r.productId}`}>{sku ?? `#${r.productId}`}</Link> },
    { title: t('stock.warehouse'), dataIndex: 'warehouseId', render: (id: number) => warehouses.find((w) => w.id === id)?.code ?? `#${id}` },
    { title: t('stock.location'), dataIndex: 'locationCode' },
    { title: t('stock.lot'), dataIndex: 'lot', render: (l: string) => l || t('app.none') },
    { title: t('stock.expiresOn'), dataIndex: 'expiresOn', render: (d: string | null) => d ?? t('app.none') },
    { title: t('stock.owner'), dataIndex: 'ownerId', render: (o: number) => (o === 0 ? t('stock.company') : t('stock.ownerCustomer', { id: o })) },
    { title: t('stock.status'), dataIndex: 'status', render: (s: StockStatus) => <Tag color={s === 'available' ? 'green' : 'orange'}>{t(`stock.statuses.${s}`)}</Tag> },
    { title: t('stock.onHand'), dataIndex: 'onHand', align: 'right', render: (n: number) => fmt.qty(n) },
    { title: t('stock.reserved'), dataIndex: 'reserved', align: 'right', render: (n: number) => fmt.qty(n) },
    { title: t('stock.available'), dataIndex: 'available', align: 'right', render: (n: number) => <strong>{fmt.qty(n)}</strong> },
    { title: t('stock.receivedAt'), dataIndex: 'receivedAt', render: (d: string) => fmt.dateTime(d) },
  ];
  return (
    <>
      <StockFilterForm value={f} onChange={setF} extra="status" />
      <ProblemAlert error={loc.error ?? levels.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={levels.isFetching}
        dataSource={ready ? (levels.data?.items ?? []) : []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
      />
      <CursorPager pager={pager} nextCursor={levels.data?.nextCursor} />
    </>
  );
}
