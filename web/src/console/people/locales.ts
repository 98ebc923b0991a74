/** The people screen's strings: users, roles with every permission named in both languages, duty rules. */
import type { DeepStrings } from '../../shared/locales/en';

export const peopleEn = {
  people: {
    title: 'People and roles',
    tabs: { users: 'Users', roles: 'Roles', duties: 'Separation of duties' },
    users: {
      add: 'New user', edit: 'Change {{name}}', email: 'E-mail', name: 'Name', role: 'Role', warehouses: 'Warehouses',
      allWarehouses: 'Every warehouse', warehousesHelp: 'Leave empty for every warehouse (only if you have every warehouse yourself)',
      language: 'Language', password: 'Password', newPassword: 'New password', passwordHelp: 'At least 8 characters; leave empty to keep it',
      active: 'Active', change: 'Change', save: 'Save', saved: 'Saved', cancel: 'Cancel',
    },
    roles: {
      add: 'New role', edit: 'Change role {{name}}', name: 'Role key', nameHelp: 'Lower-case letters, digits and _ (e.g. qc_inspector)',
      titleEn: 'Name in English', titleZh: 'Name in Chinese', permissions: 'Permissions', holders: 'Held by',
      holdersValue: '{{users}} users, {{keys}} keys', builtin: 'Built in', custom: 'Custom', delete: 'Delete',
      deleteConfirm: 'Delete the role {{name}}?', deleted: 'Role deleted', view: 'View', noChangeBuiltin: 'Built-in roles stay as shipped; make a custom role to change permissions.',
    },
    duties: {
      intro: 'In each chain below one person may not act twice, whichever login or API key they use. A very small team may relax a step.',
      step: 'Step', enforced: 'Enforced', relaxed: 'Relaxed', changedBy: 'Last changed',
    },
    group: {
      catalog: 'Products', inventory: 'Stock', warehouses: 'Warehouses', customers: 'Customers', orders: 'Orders', shipping: 'Shipping', events: 'Event log',
      notifications: 'Notices', users: 'People', api_keys: 'API keys', webhooks: 'Webhooks', rules: 'Rules', tasks: 'Tasks', teams: 'Teams',
      returns: 'Returns', refunds: 'Refunds', storage: 'Customer storage', audit: 'Audit',
    },
    permission: {
      catalog_read: 'See products', catalog_write: 'Change products', inventory_read: 'See stock', inventory_write: 'Move and adjust stock', warehouses_manage: 'Create and change warehouses',
      customers_read: 'See customers', customers_write: 'Change customers', orders_read: 'See orders', orders_write: 'Take and change orders',
      orders_fulfil: 'Pick, pack and ship', shipping_read: 'See shipments', shipping_write: 'Record shipments', events_read: 'Read the event log',
      notifications_manage: 'Manage notices and templates', users_manage: 'Manage people and roles', api_keys_manage: 'Manage API keys',
      webhooks_manage: 'Manage webhooks', rules_read: 'See rules', rules_manage: 'Change rules', tasks_read: 'See tasks', tasks_write: 'Work on tasks',
      teams_manage: 'Manage teams', returns_read: 'See returns', returns_write: 'Take and receive returns', returns_approve: 'Approve returns',
      returns_inspect: 'Inspect returns', refunds_manage: 'Approve and pay refunds', storage_read: 'See deposits', storage_write: 'Check deposits in and out',
      storage_manage: 'Manage storage plans and fees', audit_read: 'Read the audit trail',
    },
  },
};

export const peopleZhCN: DeepStrings<typeof peopleEn> = {
  people: {
    title: '人员与角色',
    tabs: { users: '用户', roles: '角色', duties: '职责分离' },
    users: {
      add: '新建用户', edit: '修改 {{name}}', email: '邮箱', name: '姓名', role: '角色', warehouses: '仓库',
      allWarehouses: '全部仓库', warehousesHelp: '留空表示全部仓库（仅当您本人拥有全部仓库时可用）',
      language: '语言', password: '密码', newPassword: '新密码', passwordHelp: '至少 8 个字符；留空则不修改',
      active: '启用', change: '修改', save: '保存', saved: '已保存', cancel: '取消',
    },
    roles: {
      add: '新建角色', edit: '修改角色 {{name}}', name: '角色标识', nameHelp: '小写字母、数字和下划线（例如 qc_inspector）',
      titleEn: '英文名称', titleZh: '中文名称', permissions: '权限', holders: '使用者',
      holdersValue: '{{users}} 个用户，{{keys}} 个密钥', builtin: '内置', custom: '自定义', delete: '删除',
      deleteConfirm: '确定删除角色 {{name}}？', deleted: '角色已删除', view: '查看', noChangeBuiltin: '内置角色保持出厂设置；如需调整权限，请新建自定义角色。',
    },
    duties: {
      intro: '以下每个环节中，同一个人不能操作两次，无论使用哪个登录或 API 密钥。人手很少的团队可以放宽某个环节。',
      step: '环节', enforced: '强制', relaxed: '已放宽', changedBy: '最近修改',
    },
    group: {
      catalog: '商品', inventory: '库存', warehouses: '仓库', customers: '客户', orders: '订单', shipping: '物流', events: '事件日志',
      notifications: '通知', users: '人员', api_keys: 'API 密钥', webhooks: 'Webhook', rules: '规则', tasks: '任务', teams: '团队',
      returns: '退货', refunds: '退款', storage: '客户寄存', audit: '审计',
    },
    permission: {
      catalog_read: '查看商品', catalog_write: '修改商品', inventory_read: '查看库存', inventory_write: '移库与调整库存', warehouses_manage: '新建与修改仓库',
      customers_read: '查看客户', customers_write: '修改客户', orders_read: '查看订单', orders_write: '接单与改单',
      orders_fulfil: '拣货、打包、发货', shipping_read: '查看运单', shipping_write: '登记运单', events_read: '读取事件日志',
      notifications_manage: '管理通知与模板', users_manage: '管理人员与角色', api_keys_manage: '管理 API 密钥',
      webhooks_manage: '管理 Webhook', rules_read: '查看规则', rules_manage: '修改规则', tasks_read: '查看任务', tasks_write: '处理任务',
      teams_manage: '管理团队', returns_read: '查看退货', returns_write: '受理与收货退货', returns_approve: '审批退货',
      returns_inspect: '退货质检', refunds_manage: '批准与支付退款', storage_read: '查看寄存', storage_write: '寄存入库与取件',
      storage_manage: '管理寄存方案与费用', audit_read: '查看审计记录',
    },
  },
};
