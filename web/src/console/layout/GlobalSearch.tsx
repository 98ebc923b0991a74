/**
 * One box for "find me that thing": an order number (SO-000012, 12, or the channel's own number),
 * a SKU or barcode, a customer's phone. It asks the API, in that order, only what the person may
 * read, and jumps to the first match: the order, the product, or the customer's orders.
 */

import { App as AntApp, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, call } from '../../shared/api';
import { useTranslation } from '../../shared/i18n';
import { can, useMe } from '../../shared/session';
import { problemText } from '../components/problem';

type Hit = { to: string } | null;

async function findOrder(q: string): Promise<Hit> {
  const page = await call(api.GET('/api/v1/orders', { params: { query: { q, limit: 1 } } }));
  const o = page.items[0];
  return o ? { to: `/orders/${o.id}` } : null;
}

async function findProduct(code: string): Promise<Hit> {
  try {
    const p = await call(api.GET('/api/v1/products/by-code/{code}', { params: { path: { code } } }));
    return { to: `/products/${p.id}` };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

async function findCustomer(q: string): Promise<Hit> {
  const page = await call(api.GET('/api/v1/customers', { params: { query: { q, limit: 1 } } }));
  const c = page.items[0];
  return c ? { to: `/orders?customerId=${c.id}` } : null;
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState('');

  const find = async (raw: string) => {
    const q = raw.trim().slice(0, 64);
    if (!q) return;
    const lookups: Array<() => Promise<Hit>> = [];
    if (can(me.data, 'orders.read')) lookups.push(() => findOrder(q));
    if (can(me.data, 'catalog.read') && /^[\x21-\x7e]+$/.test(q)) lookups.push(() => findProduct(q));
    if (can(me.data, 'customers.read')) lookups.push(() => findCustomer(q));
    setBusy(true);
    try {
      // Asked together, answered in order of preference: an order number beats a SKU beats a phone.
      const hits = await Promise.all(lookups.map((l) => l()));
      const hit = hits.find((h) => h !== null);
      if (hit) {
        setValue('');
        navigate(hit.to);
      } else void message.info(t('search.nothing', { q }));
    } catch (err) {
      void message.error(problemText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Input.Search
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      allowClear
      loading={busy}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={find}
      style={{ maxWidth: 420 }}
    />
  );
}
