/**
 * Who did what: the event log with the person or key behind each event, the credential and
 * address it came from and the block that seals it; and a button that verifies the sealed chain.
 */
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { registerMessages, useTranslation } from '../../shared/i18n';
import { CursorPager, useCursor } from '../components/CursorPager';
import { ProblemAlert } from '../components/problem';
import { dayRange } from '../lib/format';
import { useFormat } from '../lib/useFormat';
import { useAuditEntries, useAuditVerify, type AuditEntry, type AuditQuery, type AuditReport } from './audit-api';
import { AuditFilterForm, filtersFromUrl, filtersToUrl } from './audit-filters';
import { auditEn, auditZhCN } from './locales';

registerMessages(auditEn, auditZhCN);

function VerifyResult({ report }: { report: AuditReport }) {
  const { t } = useTranslation();
  if (report.ok) {
    const detail = t('audit.intactDetail', { events: report.eventsSealed, blocks: report.blocks, unsealed: report.eventsUnsealed, hash: report.head?.hash ?? t('app.none') });
    return <Alert type="success" showIcon title={t('audit.intact')} description={<Typography.Text style={{ wordBreak: 'break-all' }}>{detail}</Typography.Text>} style={{ marginBottom: 16 }} />;
  }
  const f = report.finding!;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={`${t('audit.broken')}: ${t(`audit.kind.${f.kind}`)}`}
      description={t('audit.brokenDetail', { detail: f.detail, block: f.blockId })}
      style={{ marginBottom: 16 }}
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const pager = useCursor();
  const filters = filtersFromUrl(params);
  const range = filters.from && filters.to ? dayRange(filters.from, filters.to, fmt.timeZone) : undefined;
  const query: AuditQuery = {
    limit: 50,
    entityType: filters.entityType,
    entityId: filters.entityId,
    actor: filters.actor,
    from: range?.createdFrom,
    to: range?.createdTo,
    cursor: pager.cursor,
  };
  const entries = useAuditEntries(query);
  const verify = useAuditVerify();

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'occurredAt', render: (iso: string) => fmt.dateTime(iso), width: 150 },
    {
      title: t('audit.who'),
      dataIndex: 'actor',
      render: (actor: string, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.actorName ?? (/^(system|rule|cli)(:|$)/.test(actor) ? t('audit.machine') : actor)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.actorEmail ?? actor}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('audit.credential'), dataIndex: 'credential', render: (c: string | null) => (c ? <Typography.Text code>{c}</Typography.Text> : t('app.none')) },
    { title: t('audit.address'), dataIndex: 'address', render: (a: string | null) => a ?? t('app.none') },
    { title: t('audit.event'), dataIndex: 'type', render: (type: string) => <Typography.Text code>{type}</Typography.Text> },
    { title: t('audit.entity'), key: 'entity', render: (_: unknown, e) => `${e.entityType} #${e.entityId}` },
    {
      title: t('audit.seal'),
      dataIndex: 'blockId',
      render: (block: number | null) => (block !== null ? <Tag color="green">{t('audit.sealedIn', { block })}</Tag> : <Tag>{t('audit.notSealed')}</Tag>),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          {verify.isPending ? t('audit.verifying') : t('audit.verify')}
        </Button>
      </Space>
      <ProblemAlert error={verify.error} />
      {verify.data ? <VerifyResult report={verify.data} /> : null}
      <AuditFilterForm value={filters} onChange={(f) => setParams(filtersToUrl(f))} />
      <ProblemAlert error={entries.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
      />
      <CursorPager pager={pager} nextCursor={entries.data?.nextCursor} />
    </>
  );
}
