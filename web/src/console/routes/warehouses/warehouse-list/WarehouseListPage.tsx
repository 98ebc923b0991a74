/** Warehouses: code, name, address, time zone; click through to the location tree. */
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../../shared/i18n';
import { ProblemAlert } from '../../../components/problem';
import { useWarehouses, type Warehouse } from '../../../hooks/warehouses';
import { useFormat } from '../../../lib/useFormat';

export default function WarehouseListPage() {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  const fmt = useFormat();
  const columns: ColumnsType<Warehouse> = [
    { title: t('warehouses.code'), dataIndex: 'code', render: (c: string, w) => <Link to={`/warehouses/${w.id}`}>{c}</Link> },
    { title: t('warehouses.name'), dataIndex: 'name' },
    { title: t('warehouses.address'), dataIndex: 'address', render: (a: string | null) => a ?? t('app.none') },
    { title: t('warehouses.timeZone'), dataIndex: 'timeZone' },
    { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{t(a ? 'common.active' : 'common.inactive')}</Tag> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (d: string) => fmt.dateTime(d) },
  ];
  return (
    <>
      <Typography.Title level={4}>{t('warehouses.title')}</Typography.Title>
      <ProblemAlert error={warehouses.error} />
      <Table rowKey="id" size="middle" loading={warehouses.isFetching} dataSource={warehouses.data ?? []} columns={columns} pagination={false} locale={{ emptyText: t('common.empty') }} />
    </>
  );
}
