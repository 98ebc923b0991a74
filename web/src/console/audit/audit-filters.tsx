/**
 * The audit screen's filters, kept in the URL (`?entityType=order&entityId=42&actor=user:3&from=
 * 2026-11-01&to=2026-11-30`), so a link from an order or a user opens its trail.
 */
import { Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from '../../shared/i18n';

export type AuditFilters = { entityType?: string; entityId?: string; actor?: string; from?: string; to?: string };

const text = (v: string | null) => v?.trim() || undefined;
const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function filtersFromUrl(p: URLSearchParams): AuditFilters {
  return { entityType: text(p.get('entityType')), entityId: text(p.get('entityId')), actor: text(p.get('actor')), from: day(p.get('from')), to: day(p.get('to')) };
}

export function filtersToUrl(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['entityType', 'entityId', 'actor'] as const) if (f[key]) p.set(key, f[key]);
  if (f.from && f.to) {
    p.set('from', f.from);
    p.set('to', f.to);
  }
  return p;
}

type FormValues = { entityType?: string; entityId?: string; actor?: string; range?: [Dayjs, Dayjs] | null };

export function AuditFilterForm({ value, onChange }: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    form.setFieldsValue({ ...value, range: value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null });
  }, [form, value]);
  const submit = (v: FormValues) =>
    onChange({
      entityType: v.entityType?.trim() || undefined,
      entityId: v.entityId?.trim() || undefined,
      actor: v.actor?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form form={form} layout="inline" onFinish={submit} aria-label={t('audit.filters')} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Input allowClear placeholder="order" style={{ width: 140 }} maxLength={100} />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 120 }} maxLength={200} />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 200 }} maxLength={200} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.period')}>
        <DatePicker.RangePicker allowClear />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('app.search')}
        </Button>
        <Button onClick={() => onChange({})}>{t('app.reset')}</Button>
      </Space>
    </Form>
  );
}
