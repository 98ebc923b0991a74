/** Available-to-promise per SKU and warehouse: what Sales may promise before naming a date. */
import { Button, Card, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../shared/i18n';
import { ProblemAlert } from '../../components/problem';
import { useAvailability, type Availability } from '../../hooks/stock';
import { useWarehouses } from '../../hooks/warehouses';
import { useFormat } from '../../lib/useFormat';
import { useStockFilters, type StockFilters } from './stock-filters';

type Row = Availability['warehouses'][number];

export function AvailabilityTable({ item }: { item: Availability }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const n = (k: 'onHand' | 'reserved' | 'quarantined' | 'available') => ({ title: t(`stock.${k}`), dataIndex: k, align: 'right' as const, render: (v: number) => fmt.qty(v) });
  const columns: ColumnsType<Row> = [
    { title: t('stock.warehouse'), dataIndex: 'warehouseCode' },
    n('onHand'),
    n('reserved'),
    n('quarantined'),
    { ...n('available'), render: (v: number) => <strong>{fmt.qty(v)}</strong> },
    { title: t('stock.safetyStock'), dataIndex: 'safetyStock', align: 'right', render: (v: number | null) => (v === null ? t('app.none') : fmt.qty(v)) },
  ];
  return (
    <Table
      rowKey="warehouseId"
      size="small"
      pagination={false}
      dataSource={item.warehouses}
      columns={columns}
      locale={{ emptyText: t('common.empty') }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('stock.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{fmt.qty(item.total.onHand)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{fmt.qty(item.total.reserved)}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{fmt.qty(item.total.quarantined)}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right"><strong>{fmt.qty(item.total.available)}</strong></Table.Summary.Cell>
          <Table.Summary.Cell index={5} />
        </Table.Summary.Row>
      )}
    />
  );
}

export function StockAvailabilityTab() {
  const { t } = useTranslation();
  const [f, setF] = useStockFilters();
  const [form] = Form.useForm<StockFilters>();
  const warehouses = useWarehouses();
  useEffect(() => form.setFieldsValue({ sku: undefined, warehouseId: undefined, ...f }), [form, f.sku, f.warehouseId]); // eslint-disable-line react-hooks/exhaustive-deps
  const availability = useAvailability(f.sku ?? '', f.warehouseId);
  return (
    <>
      <Form form={form} layout="inline" onFinish={setF} aria-label={t('stock.filters')} style={{ rowGap: 12, marginBottom: 8 }}>
        <Form.Item name="sku" label={t('stock.skuList')}>
          <Input allowClear style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="warehouseId" label={t('stock.warehouse')}>
          <Select allowClear placeholder={t('common.all')} style={{ width: 180 }} options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('app.search')}
          </Button>
        </Space>
      </Form>
      <Typography.Paragraph type="secondary">{t('stock.availabilityHelp')}</Typography.Paragraph>
      <ProblemAlert error={availability.error} />
      {!f.sku ? (
        <Empty description={t('stock.enterSku')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {(availability.data?.items ?? []).map((item) => (
            <Card key={item.productId} size="small" title={<Link to={`/products/${item.productId}`}>{`${item.sku} · ${item.name}`}</Link>}>
              <AvailabilityTable item={item} />
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
