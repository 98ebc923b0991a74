/** The side menu: each entry names the permission it needs, so a role sees only what it may use. */
import { AppstoreOutlined, AuditOutlined, DatabaseOutlined, ImportOutlined, HomeOutlined, ShoppingCartOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export type MenuEntry = { path: string; labelKey: string; icon: ReactNode; permission: string };

export const MENU: MenuEntry[] = [
  { path: '/orders', labelKey: 'menu.orders', icon: <ShoppingCartOutlined />, permission: 'orders.read' },
  { path: '/stock', labelKey: 'menu.stock', icon: <DatabaseOutlined />, permission: 'inventory.read' },
  { path: '/products', labelKey: 'menu.products', icon: <AppstoreOutlined />, permission: 'catalog.read' },
  { path: '/warehouses', labelKey: 'menu.warehouses', icon: <HomeOutlined />, permission: 'inventory.read' },
  { path: '/people', labelKey: 'menu.people', icon: <TeamOutlined />, permission: 'users.manage' },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/imports', labelKey: 'menu.imports', icon: <ImportOutlined />, permission: 'catalog.write' },
];
