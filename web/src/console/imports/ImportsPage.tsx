/**
 * Moving in from spreadsheets: pick what to import, download its template, upload a file (a dry run
 * by default), read the row errors or the result, and commit a clean dry run without uploading again.
 */
import { Alert, Button, Checkbox, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from '../../shared/i18n';
import { ProblemAlert } from '../components/problem';
import { useFormat } from '../lib/useFormat';
import { IMPORT_KINDS, useCommit, useImportJob, useImportJobs, useUpload, type ImportJob, type ImportKind, type RowError } from './api';
import './locales';

const STATUS_COLOR: Record<ImportJob['status'], string> = { validating: 'processing', validated: 'blue', committing: 'processing', committed: 'green', failed: 'red' };

/** "2 customers, 2 addresses" in the page's language (the API's counts are keyed in English). */
const COUNT_ORDER = ['customers', 'addresses', 'products', 'barcodes', 'stockRows', 'units', 'orders', 'lines', 'confirmed', 'backordered'];
const rank = (k: string) => (COUNT_ORDER.includes(k) ? COUNT_ORDER.indexOf(k) : COUNT_ORDER.length);
const counts = (o: Record<string, number> | undefined, t: (k: string, v?: Record<string, unknown>) => string) =>
  Object.entries(o ?? {})
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, n]) => t(`imports.counted.${k}`, { count: n, defaultValue: `${k} ${n}` }))
    .join(t('imports.listSeparator')) || '0';

function JobReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const commit = useCommit();
  return (
    <Space direction="vertical" style={{ width: '100%' }} role="region" aria-label={t('imports.report', { file: job.fileName ?? `#${job.id}` })}>
      <Space>
        <Tag color={STATUS_COLOR[job.status]}>{t(`imports.status.${job.status}`)}</Tag>
        <Typography.Text type="secondary">{t('imports.progress', { read: job.rowsRead, valid: job.rowsValid })}</Typography.Text>
      </Space>
      {(job.status === 'validating' || job.status === 'committing') && <Progress percent={100} status="active" showInfo={false} />}
      {job.status === 'validated' && job.dryRun && (
        <Button type="primary" loading={commit.isPending} onClick={() => commit.mutate(job.id)} data-testid="import-commit">
          {t('imports.commit')}
        </Button>
      )}
      <ProblemAlert error={commit.error} />
      {job.status === 'committed' && job.result && (
        <Alert
          type="success"
          showIcon
          message={t('imports.result', { created: counts(job.result.created, t), skipped: counts(job.result.skipped, t) })}
          description={job.applyMs !== null ? t('imports.applied', { ms: job.applyMs }) : undefined}
        />
      )}
      {job.errorCount > 0 && (
        <>
          <Alert type="error" showIcon message={t('imports.errors', { count: job.errorCount })} description={job.errors.length < job.errorCount ? t('imports.moreErrors', { shown: job.errors.length, count: job.errorCount }) : undefined} />
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
            dataSource={job.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('imports.row'), dataIndex: 'row', width: 80 },
              { title: t('imports.column'), dataIndex: 'column', width: 200 },
              { title: t('imports.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Space>
  );
}

export default function ImportsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [dryRun, setDryRun] = useState(true);
  const [jobId, setJobId] = useState<number>();
  const upload = useUpload(kind);
  const job = useImportJob(jobId);
  const recent = useImportJobs(kind);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('imports.title')}</Typography.Title>
      <Space wrap>
        <span>{t('imports.kind')}</span>
        <Select<ImportKind>
          value={kind}
          style={{ width: 180 }}
          onChange={(k) => {
            setKind(k);
            setJobId(undefined);
          }}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
          data-testid="import-kind"
        />
        <span>{t('imports.template')}</span>
        <Button icon={<DownloadOutlined />} href={`/api/v1/imports/templates/${kind}.xlsx`}>
          XLSX
        </Button>
        <Button icon={<DownloadOutlined />} href={`/api/v1/imports/templates/${kind}.csv`}>
          CSV
        </Button>
      </Space>
      <Space wrap>
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          {t('imports.dryRun')}
        </Checkbox>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate({ file, dryRun }, { onSuccess: (j) => setJobId(j.id) });
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="import-upload">
            {t('imports.choose')}
          </Button>
        </Upload>
      </Space>
      <Typography.Text type="secondary">{t('imports.hint')}</Typography.Text>
      <ProblemAlert error={upload.error ?? job.error} />
      {job.data && <JobReport job={job.data} />}
      <Typography.Title level={5}>{t('imports.recent')}</Typography.Title>
      <Table<ImportJob>
        size="small"
        rowKey="id"
        loading={recent.isFetching}
        dataSource={recent.data?.items ?? []}
        pagination={false}
        onRow={(j) => ({ onClick: () => setJobId(j.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('common.id'), dataIndex: 'id', width: 70 },
          { title: t('imports.file'), dataIndex: 'fileName' },
          { title: t('common.status'), dataIndex: 'status', render: (s: ImportJob['status']) => <Tag color={STATUS_COLOR[s]}>{t(`imports.status.${s}`)}</Tag> },
          { title: t('imports.rows'), dataIndex: 'rowsRead' },
          { title: t('imports.by'), dataIndex: 'createdBy' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (d: string) => fmt.dateTime(d) },
        ]}
      />
    </Space>
  );
}
