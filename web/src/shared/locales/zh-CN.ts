/** 简体中文。键与 en.ts 完全一致（类型检查保证）；业务用词见 glossary。 */
import type { Messages } from './en';

export const zhCN: Messages = {
  app: { name: 'Wareloop', console: '控制台', floor: '仓库作业', loading: '加载中…', retry: '重试', error: '出错了', notFound: '页面不存在', back: '返回', save: '保存', cancel: '取消', confirm: '确认', search: '搜索', reset: '重置', refresh: '刷新', none: '—', live: '实时', print: '打印', close: '关闭', done: '完成', next: '下一步', yes: '是', no: '否' },
  glossary: {
    order: '订单', pick: '拣货', pack: '打包', ship: '发货', receive: '收货', putAway: '上架', move: '移库', count: '盘点',
    deposit: '寄存', inspection: '质检', return: '退货', stock: '库存', product: '商品', warehouse: '仓库', location: '库位',
    sku: 'SKU', barcode: '条码', lot: '批次', expiresOn: '有效期至', quantity: '数量', customer: '客户', shipment: '运单', carrier: '承运商', trackingNumber: '运单号',
  },
  language: { label: '语言', 'zh-CN': '中文', en: 'English' },
  auth: {
    title: '登录 Wareloop', email: '邮箱', password: '密码', submit: '登录', signOut: '退出登录',
    wrong: '邮箱或密码错误', tooMany: '尝试次数过多，请稍后再试。', expired: '会话已结束，请重新登录。',
    emailRequired: '请输入邮箱', passwordRequired: '请输入密码',
  },
  net: { offline: '离线', waiting: '{{count}} 条待发送', online: '在线' },
};
