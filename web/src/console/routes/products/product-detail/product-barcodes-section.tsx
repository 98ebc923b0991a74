/** A product's barcodes (several per SKU): add one, remove one, each through the API. */
import { App as AntApp, Button, Card, Empty, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from '../../../../shared/i18n';
import { placeFieldErrors, ProblemAlert } from '../../../components/problem';
import { useAddBarcode, useRemoveBarcode, type Product } from '../../../hooks/products';

export function ProductBarcodesSection({ product, canWrite }: { product: Product; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ barcode: string }>();
  const add = useAddBarcode(product.id);
  const remove = useRemoveBarcode(product.id);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ barcode }: { barcode: string }) => {
    setError(null);
    try {
      await add.mutateAsync(barcode.trim());
      form.resetFields();
      void message.success(t('products.added', { barcode: barcode.trim() }));
    } catch (err) {
      if (!placeFieldErrors(form, err)) setError(err);
    }
  };
  const drop = async (barcode: string) => {
    setError(null);
    try {
      await remove.mutateAsync(barcode);
      void message.success(t('products.removed', { barcode }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card size="small" title={t('products.barcodes')}>
      <ProblemAlert error={error} />
      {product.barcodes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.noBarcodes')} />
      ) : (
        <Space wrap style={{ marginBottom: 16 }} role="list" aria-label={t('products.barcodes')}>
          {product.barcodes.map((b) => (
            <Space key={b} size={4} role="listitem">
              <Tag style={{ fontFamily: 'monospace', fontSize: 14, padding: '2px 8px' }}>{b}</Tag>
              {canWrite && (
                <Popconfirm title={t('products.removeQ', { barcode: b, sku: product.sku })} okText={t('app.confirm')} cancelText={t('app.cancel')} okButtonProps={{ danger: true }} onConfirm={() => drop(b)}>
                  <Button size="small" type="text" danger aria-label={t('products.removeBarcode', { barcode: b })}>
                    ×
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ))}
        </Space>
      )}
      {canWrite && (
        <Form form={form} layout="inline" onFinish={submit}>
          <Form.Item name="barcode" label={t('products.newBarcode')} rules={[{ required: true, whitespace: true, message: t('products.barcodeRequired') }]}>
            <Input style={{ width: 220 }} maxLength={64} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('products.addBarcode')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
