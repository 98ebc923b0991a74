/**
 * The stock pages' filter form: warehouse, SKU or barcode, location code (in the chosen
 * warehouse), and per page a status or a reference. The values live in the URL.
 */
import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from '../../../shared/i18n';
import { STOCK_STATUSES } from '../../hooks/stock';
import { useWarehouses } from '../../hooks/warehouses';

export type StockFilters = { warehouseId?: number; sku?: string; location?: string; status?: string; reference?: string };
const KEYS = ['warehouseId', 'sku', 'location', 'status', 'reference'] as const;

export function useStockFilters(): [StockFilters, (f: StockFilters) => void] {
  const [params, setParams] = useSearchParams();
  const wh = params.get('warehouseId');
  const f: StockFilters = {
    warehouseId: wh && /^\d+$/.test(wh) ? Number(wh) : undefined,
    sku: params.get('sku') || undefined,
    location: params.get('location') || undefined,
    status: params.get('status') || undefined,
    reference: params.get('reference') || undefined,
  };
  const set = (n: StockFilters) => {
    const p = new URLSearchParams();
    for (const k of KEYS) {
      const v = n[k];
      if (v !== undefined && String(v).trim() !== '') p.set(k, String(v).trim());
    }
    setParams(p);
  };
  return [f, set];
}

export function StockFilterForm({ value, onChange, extra }: { value: StockFilters; onChange: (f: StockFilters) => void; extra: 'status' | 'reference' }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StockFilters>();
  const warehouses = useWarehouses();
  // The form follows the URL when the URL changes (a search, a link, back), and only then: a
  // re-render for any other reason (the live stream refreshing the table) must not wipe what the
  // person is typing.
  useEffect(
    () => form.setFieldsValue({ warehouseId: undefined, sku: undefined, location: undefined, status: undefined, reference: undefined, ...value }),
    [form, value.warehouseId, value.sku, value.location, value.status, value.reference], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const warehouseId = Form.useWatch('warehouseId', form);
  return (
    <Form form={form} layout="inline" onFinish={onChange} aria-label={t('stock.filters')} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="warehouseId" label={t('stock.warehouse')}>
        <Select allowClear placeholder={t('common.all')} style={{ width: 180 }} options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
      </Form.Item>
      <Form.Item name="sku" label={t('stock.sku')}>
        <Input allowClear style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="location" label={t('stock.location')}>
        <Input allowClear style={{ width: 130 }} disabled={!warehouseId} />
      </Form.Item>
      {extra === 'status' ? (
        <Form.Item name="status" label={t('stock.status')}>
          <Select allowClear placeholder={t('common.all')} style={{ width: 150 }} options={STOCK_STATUSES.map((s) => ({ value: s, label: t(`stock.statuses.${s}`) }))} />
        </Form.Item>
      ) : (
        <Form.Item name="reference" label={t('stock.reference')}>
          <Input allowClear style={{ width: 150 }} />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('app.search')}
        </Button>
        <Button onClick={() => onChange({})}>{t('app.reset')}</Button>
      </Space>
    </Form>
  );
}
