/**
 * The order list's filter form. The filters live in the URL (`?status=picking,packed&warehouseId=2
 * &channel=tmall&from=2026-11-01&to=2026-11-30&q=…&customerId=…`), so a filtered list can be
 * bookmarked, shared and reloaded.
 */
import { Button, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { ORDER_CHANNELS, ORDER_STATUSES, type OrderChannel, type OrderStatus } from '../../../hooks/orders';
import { useWarehouses } from '../../../hooks/warehouses';

export type OrderFilters = { status: OrderStatus[]; warehouseId?: number; channel?: OrderChannel; from?: string; to?: string; q?: string; customerId?: number };

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function filtersFromUrl(p: URLSearchParams): OrderFilters {
  const status = (p.get('status') ?? '').split(',').filter((s): s is OrderStatus => (ORDER_STATUSES as string[]).includes(s));
  const channel = p.get('channel');
  return {
    status,
    warehouseId: num(p.get('warehouseId')),
    channel: (ORDER_CHANNELS as string[]).includes(channel ?? '') ? (channel as OrderChannel) : undefined,
    from: day(p.get('from')),
    to: day(p.get('to')),
    q: p.get('q')?.trim() || undefined,
    customerId: num(p.get('customerId')),
  };
}

export function filtersToUrl(f: OrderFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.warehouseId) p.set('warehouseId', String(f.warehouseId));
  if (f.channel) p.set('channel', f.channel);
  if (f.from && f.to) {
    p.set('from', f.from);
    p.set('to', f.to);
  }
  if (f.q) p.set('q', f.q);
  if (f.customerId) p.set('customerId', String(f.customerId));
  return p;
}

type FormValues = { status: OrderStatus[]; warehouseId?: number; channel?: OrderChannel; range?: [Dayjs, Dayjs] | null; q?: string };

export function OrderFilterForm({ value, onChange }: { value: OrderFilters; onChange: (f: OrderFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const warehouses = useWarehouses();
  useEffect(() => {
    form.setFieldsValue({
      status: value.status,
      warehouseId: value.warehouseId,
      channel: value.channel,
      range: value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null,
      q: value.q,
    });
  }, [form, value]);
  const submit = (v: FormValues) =>
    onChange({
      status: v.status ?? [],
      warehouseId: v.warehouseId,
      channel: v.channel,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
      q: v.q?.trim() || undefined,
      customerId: value.customerId,
    });
  return (
    <Form form={form} layout="inline" onFinish={submit} aria-label={t('orders.list.filters')} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="q" label={t('orders.number')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="status" label={t('orders.status')}>
        <Select mode="multiple" allowClear placeholder={t('common.all')} style={{ minWidth: 200 }} options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))} />
      </Form.Item>
      <Form.Item name="warehouseId" label={t('orders.warehouse')}>
        <Select allowClear placeholder={t('common.all')} style={{ width: 180 }} loading={warehouses.isPending} options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
      </Form.Item>
      <Form.Item name="channel" label={t('orders.channel')}>
        <Select allowClear placeholder={t('common.all')} style={{ width: 140 }} options={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="range" label={t('orders.dateRange')}>
        <DatePicker.RangePicker allowClear />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('app.search')}
        </Button>
        <Button onClick={() => onChange({ status: [] })}>{t('app.reset')}</Button>
      </Space>
      {value.customerId ? (
        <Tag closable onClose={() => onChange({ ...value, customerId: undefined })} closeIcon={<span aria-label={t('orders.clearCustomer')}>×</span>} style={{ alignSelf: 'center' }}>
          {t('orders.customerFilter', { id: value.customerId })}
        </Tag>
      ) : null}
    </Form>
  );
}
