/** Orders: filter by status, warehouse, channel and date; page with the API's cursor; click through to one order. */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from '../../../../shared/i18n';
import { CursorPager, useCursor } from '../../../components/CursorPager';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { ProblemAlert } from '../../../components/problem';
import { useOrders, type OrdersQuery, type OrderSummary } from '../../../hooks/orders';
import { useWarehouses } from '../../../hooks/warehouses';
import { dayRange } from '../../../lib/format';
import { useFormat } from '../../../lib/useFormat';
import { filtersFromUrl, filtersToUrl, OrderFilterForm, type OrderFilters } from './order-filters';

const PAGE_SIZE = 20;

export default function OrderListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const pager = useCursor();
  const filters = useMemo(() => filtersFromUrl(params), [params]);
  const fmt = useFormat(filters.warehouseId);
  const warehouses = useWarehouses();
  const code = (id: number) => warehouses.data?.find((w) => w.id === id)?.code ?? `#${id}`;

  const query: OrdersQuery = {
    limit: PAGE_SIZE,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(filters.status.length ? { status: filters.status.join(',') } : {}),
    ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.from && filters.to ? dayRange(filters.from, filters.to, fmt.timeZone) : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
  };
  const orders = useOrders(query);

  const columns: ColumnsType<OrderSummary> = [
    { title: t('orders.number'), dataIndex: 'number', render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link> },
    { title: t('orders.status'), dataIndex: 'status', render: (_: unknown, o) => <OrderStatusTag status={o.status} /> },
    { title: t('orders.customer'), key: 'customer', render: (_: unknown, o) => o.shipTo.recipientName },
    { title: t('orders.channel'), dataIndex: 'channel', render: (c: string) => t(`channel.${c}`) },
    { title: t('orders.warehouse'), dataIndex: 'warehouseId', render: (id: number) => code(id) },
    { title: t('orders.total'), dataIndex: 'total', align: 'right', render: (_: unknown, o) => fmt.money(o.total, o.currency) },
    { title: t('orders.promisedShipDate'), dataIndex: 'promisedShipDate', render: (d: string | null) => d ?? t('app.none') },
    { title: t('orders.created'), dataIndex: 'createdAt', render: (d: string) => fmt.dateTime(d) },
  ];

  const change = (f: OrderFilters) => setParams(filtersToUrl(f));

  return (
    <>
      <Typography.Title level={4}>{t('orders.list.title')}</Typography.Title>
      <OrderFilterForm value={filters} onChange={change} />
      <ProblemAlert error={orders.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={orders.isFetching}
        dataSource={orders.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
      />
      <CursorPager pager={pager} nextCursor={orders.data?.nextCursor} />
    </>
  );
}
