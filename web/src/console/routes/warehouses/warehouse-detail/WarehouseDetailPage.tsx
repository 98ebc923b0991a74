/** One warehouse: what and where it is, and its location tree with what each location holds. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../../shared/api';
import { useTranslation } from '../../../../shared/i18n';
import { ProblemAlert } from '../../../components/problem';
import { useWarehouse } from '../../../hooks/warehouses';
import { useFormat } from '../../../lib/useFormat';
import { LocationTreeSection } from './location-tree-section';

export default function WarehouseDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const warehouse = useWarehouse(id);
  const fmt = useFormat(id);
  if (warehouse.isPending) return <Spin style={{ margin: 48 }} />;
  if (!warehouse.data) {
    if (warehouse.error instanceof ApiError && warehouse.error.status === 404) return <Result status="404" title={t('common.notFound', { what: t('glossary.warehouse') })} />;
    return <ProblemAlert error={warehouse.error} />;
  }
  const w = warehouse.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space align="center">
        <Button icon={<ArrowLeftOutlined />} type="text" aria-label={t('warehouses.back')} onClick={() => navigate('/warehouses')} />
        <Typography.Title level={4} style={{ margin: 0 }}>{`${w.code} · ${w.name}`}</Typography.Title>
        <Tag color={w.active ? 'green' : 'default'}>{t(w.active ? 'common.active' : 'common.inactive')}</Tag>
      </Space>
      <Card size="small">
        <Descriptions
          column={{ xs: 1, md: 2, xl: 4 }}
          size="small"
          items={[
            { key: 'code', label: t('warehouses.code'), children: w.code },
            { key: 'address', label: t('warehouses.address'), children: w.address ?? t('app.none') },
            { key: 'tz', label: t('warehouses.timeZone'), children: w.timeZone },
            { key: 'created', label: t('common.createdAt'), children: fmt.dateTime(w.createdAt) },
          ]}
        />
      </Card>
      <LocationTreeSection warehouseId={id} />
    </Space>
  );
}
