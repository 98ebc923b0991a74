/** One product: what it is, its barcodes (add, remove), and what each warehouse can promise of it. */
import { ArrowLeftOutlined } from '@ant-design/icons';

import { Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../../shared/api';
import { useTranslation } from '../../../../shared/i18n';
import { can, useMe } from '../../../../shared/session';
import { ProblemAlert } from '../../../components/problem';
import { useProduct } from '../../../hooks/products';
import { useAvailability } from '../../../hooks/stock';
import { CATALOG_CURRENCY } from '../../../lib/format';
import { useFormat } from '../../../lib/useFormat';
import { AvailabilityTable } from '../../stock/stock-availability-tab';
import { ProductBarcodesSection } from './product-barcodes-section';

function ProductStockSection({ sku }: { sku: string }) {
  const { t } = useTranslation();
  const availability = useAvailability(sku);
  const item = availability.data?.items[0];
  return (
    <Card size="small" title={t('products.stock')} extra={<Link to={`/stock/levels?sku=${encodeURIComponent(sku)}`}>{t('stock.levels')}</Link>}>
      <ProblemAlert error={availability.error} />
      {item ? <AvailabilityTable item={item} /> : <Spin />}
    </Card>
  );
}

export default function ProductDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const product = useProduct(id);
  const fmt = useFormat();
  const me = useMe();
  if (product.isPending) return <Spin style={{ margin: 48 }} />;
  if (!product.data) {
    if (product.error instanceof ApiError && product.error.status === 404) return <Result status="404" title={t('common.notFound', { what: t('glossary.product') })} />;
    return <ProblemAlert error={product.error} />;
  }
  const p = product.data;
  const dims = p.lengthMm !== null && p.widthMm !== null && p.heightMm !== null ? t('products.mm', { l: p.lengthMm, w: p.widthMm, h: p.heightMm }) : t('app.none');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space align="center">
        <Button icon={<ArrowLeftOutlined />} type="text" aria-label={t('products.back')} onClick={() => navigate('/products')} />
        <Typography.Title level={4} style={{ margin: 0 }}>{`${p.sku} · ${p.name}`}</Typography.Title>
        <Tag color={p.active ? 'green' : 'default'}>{t(p.active ? 'common.active' : 'common.inactive')}</Tag>
      </Space>
      <Card size="small">
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          size="small"
          items={[
            { key: 'sku', label: t('products.sku'), children: p.sku },
            { key: 'name', label: t('products.name'), children: p.name },
            { key: 'category', label: t('products.category'), children: p.category ?? t('app.none') },
            { key: 'price', label: t('products.unitPrice'), children: fmt.money(p.unitPrice, CATALOG_CURRENCY) },
            { key: 'weight', label: t('products.weight'), children: p.weightG === null ? t('app.none') : t('products.grams', { n: fmt.qty(p.weightG) }) },
            { key: 'dims', label: t('products.dimensions'), children: dims },
            { key: 'created', label: t('common.createdAt'), children: fmt.dateTime(p.createdAt) },
            { key: 'updated', label: t('common.updatedAt'), children: fmt.dateTime(p.updatedAt) },
          ]}
        />
      </Card>
      <ProductBarcodesSection product={p} canWrite={can(me.data, 'catalog.write')} />
      {can(me.data, 'inventory.read') && <ProductStockSection sku={p.sku} />}
    </Space>
  );
}
