/** 控制台的文字；键与 en.ts 一致。 */
import type { ConsoleMessages } from './en';

export const consoleZhCN: ConsoleMessages = {
  menu: { orders: '订单', stock: '库存', products: '商品', warehouses: '仓库' },
  search: { label: '搜索', placeholder: '订单号、SKU 或条码、客户手机号', nothing: '未找到“{{q}}”' },
  orders: { status: '状态' },
};
