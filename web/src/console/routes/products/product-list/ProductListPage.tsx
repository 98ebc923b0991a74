/** Products: search by SKU prefix, barcode or name; click through to one product. */
import { Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from '../../../../shared/i18n';
import { CursorPager, useCursor } from '../../../components/CursorPager';
import { ProblemAlert } from '../../../components/problem';
import { useProducts, type Product, type ProductsQuery } from '../../../hooks/products';
import { CATALOG_CURRENCY } from '../../../lib/format';
import { useFormat } from '../../../lib/useFormat';

export default function ProductListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const pager = useCursor();
  const fmt = useFormat();
  const q = params.get('q') ?? '';
  const query: ProductsQuery = { limit: 50, ...(q ? { q } : {}), ...(pager.cursor ? { cursor: pager.cursor } : {}) };
  const products = useProducts(query);
  const columns: ColumnsType<Product> = [
    { title: t('products.sku'), dataIndex: 'sku', render: (sku: string, p) => <Link to={`/products/${p.id}`}>{sku}</Link> },
    { title: t('products.name'), dataIndex: 'name' },
    { title: t('products.category'), dataIndex: 'category', render: (c: string | null) => c ?? t('app.none') },
    { title: t('products.barcodes'), dataIndex: 'barcodes', render: (b: string[]) => (b.length ? b.map((x) => <Tag key={x}>{x}</Tag>) : t('app.none')) },
    { title: t('products.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (p: number) => fmt.money(p, CATALOG_CURRENCY) },
    { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{t(a ? 'common.active' : 'common.inactive')}</Tag> },
  ];
  return (
    <>
      <Typography.Title level={4}>{t('products.title')}</Typography.Title>
      <Input.Search
        aria-label={t('products.searchLabel')}
        placeholder={t('products.searchPlaceholder')}
        defaultValue={q}
        allowClear
        enterButton={t('app.search')}
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <ProblemAlert error={products.error} />
      <Table rowKey="id" size="middle" loading={products.isFetching} dataSource={products.data?.items ?? []} columns={columns} pagination={false} locale={{ emptyText: t('common.empty') }} />
      <CursorPager pager={pager} nextCursor={products.data?.nextCursor} />
    </>
  );
}
