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
  { path: '/orders/:id', element: page(() => import('./orders/order-detail/OrderDetailPage')) },
  { path: '/stock', element: <Navigate to="/stock/levels" replace /> },
  { path: '/stock/:tab', element: page(() => import('./stock/StockPage')) },
  { path: '/products', element: page(() => import('./products/product-list/ProductListPage')) },
  { path: '/products/:id', element: page(() => import('./products/product-detail/ProductDetailPage')) },
  { path: '/warehouses', element: page(() => import('./warehouses/warehouse-list/WarehouseListPage')) },
  { path: '/warehouses/:id', element: page(() => import('./warehouses/warehouse-detail/WarehouseDetailPage')) },
  { path: '/people', element: page(() => import('../people/PeoplePage')) },
  { path: '/audit', element: page(() => import('../audit/AuditPage')) },
  { path: '/imports', element: page(() => import('../imports/ImportsPage')) },
];
