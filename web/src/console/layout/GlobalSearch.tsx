/**
 * One box for "find me that thing": an order number, a SKU or barcode, a customer's phone.
 * It asks the API in turn and jumps to the first match.
 */
import { Input, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api';
import { useTranslation } from '../../shared/i18n';

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const find = async (raw: string) => {
    const q = raw.trim();
    if (!q) return;
    setBusy(true);
    try {
      const order = await api.GET('/api/v1/orders', { params: { query: { q, limit: 1 } as never } });
      const o = (order.data as { items?: Array<{ id: number }> } | undefined)?.items?.[0];
      if (o) return navigate(`/orders/${o.id}`);
      const product = await api.GET('/api/v1/products/by-code/{code}', { params: { path: { code: q } } });
      if (product.data) return navigate(`/products/${(product.data as { id: number }).id}`);
      const customers = await api.GET('/api/v1/customers', { params: { query: { q, limit: 1 } as never } });
      const c = (customers.data as { items?: Array<{ id: number }> } | undefined)?.items?.[0];
      if (c) return navigate(`/orders?customerId=${c.id}`);
      void message.info(t('search.nothing', { q }));
    } finally {
      setBusy(false);
    }
  };

  return <Input.Search aria-label={t('search.label')} placeholder={t('search.placeholder')} allowClear loading={busy} onSearch={find} style={{ maxWidth: 420 }} />;
}
