/** Every permission a route can require, and the built-in roles that grant them. */
export const PERMISSIONS = [
  'catalog.read',
  'catalog.write',
  'inventory.read',
  'inventory.write',
  'warehouses.manage',
  'customers.read',
  'customers.write',
  'orders.read',
  'orders.write',
  'orders.fulfil',
  'shipping.read',
  'shipping.write',
  'events.read',
  'audit.read',
  'notifications.manage',
  'users.manage',
  'api_keys.manage',
  'webhooks.manage',
  'rules.read',
  'rules.manage',
  'tasks.read',
  'tasks.write',
  'teams.manage',
  'returns.read',
  'returns.write',
  'returns.approve',
  'returns.inspect',
  'refunds.manage',
  'storage.read',
  'storage.write',
  'storage.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

// The audit trail says who did what from which address: for managers, not every reader.
const READ_ALL = PERMISSIONS.filter((p) => p.endsWith('.read') && p !== 'audit.read');

export const BUILTIN_ROLES: Array<{ name: string; titleEn: string; titleZh: string; permissions: Permission[] }> = [
  { name: 'admin', titleEn: 'Administrator', titleZh: '系统管理员', permissions: [...PERMISSIONS] },
  {
    name: 'manager',
    titleEn: 'Manager',
    titleZh: '经理',
    permissions: PERMISSIONS.filter((p) => p !== 'users.manage'),
  },
  {
    name: 'warehouse_operator',
    titleEn: 'Warehouse operator',
    titleZh: '仓库操作员',
    permissions: [...READ_ALL, 'inventory.write', 'orders.fulfil', 'shipping.write', 'tasks.write', 'returns.write', 'returns.inspect', 'storage.write'],
  },
  {
    name: 'customer_service',
    titleEn: 'Customer service',
    titleZh: '客服',
    permissions: [...READ_ALL, 'customers.write', 'orders.write', 'tasks.write', 'returns.write', 'storage.write'],
  },
];
