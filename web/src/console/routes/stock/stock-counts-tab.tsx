/**
 * Blind counts waiting for a decision: the approver (never the person who counted) reads the
 * variance — expected at submission, counted, difference per location, SKU and lot — and approves
 * it (the differences post to the ledger, referencing the count) or rejects it (closed, or back
 * to the floor for a blind recount).
 */
import { App as AntApp, Button, Checkbox, Descriptions, Drawer, Form, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../../shared/api';
import { useTranslation } from '../../../shared/i18n';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { placeFieldErrors, ProblemAlert, problemText } from '../../components/problem';
import { useCount, useCounts, type Count, type CountSummary, type CountsQuery } from '../../hooks/stock';
import { useWarehouses } from '../../hooks/warehouses';
import { useFormat } from '../../lib/useFormat';

const STATUSES = ['submitted', 'open', 'approved', 'rejected'] as const;
type Status = (typeof STATUSES)[number];

export function StockCountsTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('submitted');
  const [openId, setOpenId] = useState<number | null>(null);
  const pager = useCursor();
  const fmt = useFormat();
  const warehouses = useWarehouses().data ?? [];
  const query: CountsQuery = { limit: 50, status, ...(pager.cursor ? { cursor: pager.cursor } : {}) };
  const counts = useCounts(query);
  const columns: ColumnsType<CountSummary> = [
    { title: t('counts.number'), dataIndex: 'number', render: (n: string, r) => <Button type="link" onClick={() => setOpenId(r.id)}>{n}</Button> },
    { title: t('stock.warehouse'), dataIndex: 'warehouseId', render: (id: number) => warehouses.find((w) => w.id === id)?.code ?? `#${id}` },
    { title: t('counts.locations'), dataIndex: 'locations', render: (l: CountSummary['locations']) => l.map((x) => x.code).join(', ') },
    { title: t('counts.status'), dataIndex: 'status', render: (s: Status) => <Tag color={s === 'submitted' ? 'processing' : s === 'approved' ? 'success' : s === 'rejected' ? 'error' : 'default'}>{t(`counts.statuses.${s}`)}</Tag> },
    { title: t('counts.submittedBy'), dataIndex: 'submittedBy', render: (a: string | null) => a ?? t('app.none') },
    { title: t('counts.submittedAt'), dataIndex: 'submittedAt', render: (d: string | null) => (d ? fmt.dateTime(d) : t('app.none')) },
  ];
  return (
    <>
      <Segmented
        aria-label={t('counts.status')}
        value={status}
        options={STATUSES.map((s) => ({ value: s, label: t(`counts.statuses.${s}`) }))}
        onChange={(v) => {
          setStatus(v as Status);
          pager.first();
        }}
        style={{ marginBottom: 12 }}
      />
      <ProblemAlert error={counts.error} />
      <Table rowKey="id" size="small" loading={counts.isFetching} columns={columns} dataSource={counts.data?.items ?? []} pagination={false} />
      <CursorPager pager={pager} nextCursor={counts.data?.nextCursor ?? null} />
      <CountDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function CountDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const count = useCount(id);
  const c = count.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={760} title={c ? t('counts.title', { number: c.number }) : t('app.loading')} destroyOnHidden>
      <ProblemAlert error={count.error} />
      {c && <CountBody count={c} onDecided={onClose} />}
    </Drawer>
  );
}

function CountBody({ count: c, onDecided }: { count: Count; onDecided: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat(c.warehouseId);
  const lines = c.variance?.lines ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('counts.status')}>{t(`counts.statuses.${c.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('counts.locations')}>{c.locations.map((l) => l.code).join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('counts.submittedBy')}>{c.submittedBy ?? t('app.none')}</Descriptions.Item>
        <Descriptions.Item label={t('counts.submittedAt')}>{c.submittedAt ? fmt.dateTime(c.submittedAt) : t('app.none')}</Descriptions.Item>
        {c.decisionReason && <Descriptions.Item label={t('counts.reason')} span={2}>{c.decisionReason}</Descriptions.Item>}
      </Descriptions>
      {c.variance ? (
        <>
          <Typography.Text strong>{t('counts.variance', { lines: c.variance.totals.linesWithDifference, difference: fmt.qty(c.variance.totals.difference) })}</Typography.Text>
          <Table
            rowKey={(r) => `${r.locationId}:${r.productId}:${r.lot}`}
            size="small"
            pagination={false}
            dataSource={lines}
            columns={[
              { title: t('stock.location'), dataIndex: 'locationCode' },
              { title: t('glossary.sku'), dataIndex: 'sku', render: (s: string | null, r) => s ?? `#${r.productId}` },
              { title: t('stock.lot'), dataIndex: 'lot', render: (l: string) => l || t('app.none') },
              { title: t('counts.expected'), dataIndex: 'expected', align: 'right', render: (n: number) => fmt.qty(n) },
              { title: t('counts.counted'), dataIndex: 'counted', align: 'right', render: (n: number) => fmt.qty(n) },
              { title: t('counts.difference'), dataIndex: 'difference', align: 'right', render: (n: number) => <Typography.Text type={n < 0 ? 'danger' : n > 0 ? 'warning' : undefined}>{`${n > 0 ? '+' : ''}${fmt.qty(n)}`}</Typography.Text> },
            ]}
          />
        </>
      ) : (
        <Typography.Text type="secondary">{c.status === 'open' ? t('counts.stillCounting') : t('counts.noVariance')}</Typography.Text>
      )}
      {c.status === 'submitted' && c.variance && <Decision count={c} onDecided={onDecided} />}
    </Space>
  );
}

/** Approve or reject; the API refuses the person who counted (four eyes), and says so. */
function Decision({ count: c, onDecided }: { count: Count; onDecided: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason?: string; recount?: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const decide = async (kind: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    const { reason, recount } = form.getFieldsValue();
    try {
      if (kind === 'approve') await call(api.POST('/api/v1/stock/counts/{id}/approve', { params: { path: { id: c.id } }, body: reason ? { reason } : {} }));
      else await call(api.POST('/api/v1/stock/counts/{id}/reject', { params: { path: { id: c.id } }, body: { reason: reason ?? '', recount: !!recount } }));
      void message.success(t(kind === 'approve' ? 'counts.approved' : 'counts.rejected'));
      await client.invalidateQueries({ queryKey: ['stock'] });
      onDecided();
    } catch (err) {
      if (!placeFieldErrors(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical">
      {error ? <Typography.Text type="danger" role="alert">{problemText(error, t)}</Typography.Text> : null}
      <Form.Item name="reason" label={t('counts.reason')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="recount" valuePropName="checked">
        <Checkbox>{t('counts.recount')}</Checkbox>
      </Form.Item>
      <Space>
        <Button type="primary" loading={busy} onClick={() => void decide('approve')}>{t('counts.approve')}</Button>
        <Button danger loading={busy} onClick={() => void decide('reject')}>{t('counts.reject')}</Button>
      </Space>
    </Form>
  );
}
