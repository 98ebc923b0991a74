/**
 * The console's pages: one folder per route (`routes/orders/order-list`, `routes/orders/order-detail`),
 * each page built from small section components. The menu (layout/menu.tsx) lists the same paths.
 * Pages load on demand, so the first screen does not wait for every table.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { Spin } from 'antd';

const page = (load: () => Promise<{ default: React.ComponentType }>): ReactNode => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Spin style={{ margin: 48 }} />}>
      <Page />
    </Suspense>
  );
};

export const ROUTES: Array<{ path: string; element: ReactNode }> = [
  { path: '/', element: <Navigate to="/orders" replace /> },
  { path: '/orders', element: page(() => import('./orders/order-list/OrderListPage')) },
];
