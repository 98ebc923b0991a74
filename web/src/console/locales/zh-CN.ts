/** 控制台的文字；键与 en.ts 一致。业务用词：拣货 pick、打包 pack、发货 ship、寄存 deposit、质检 inspection。 */
import type { ConsoleMessages } from './en';

export const consoleZhCN: ConsoleMessages = {
  menu: { orders: '订单', stock: '库存', products: '商品', warehouses: '仓库' },
  search: {
    label: '搜索', placeholder: '订单号、SKU 或条码、客户手机号', nothing: '未找到“{{q}}”',
  },
  common: {
    all: '全部', id: 'ID', name: '名称', code: '编码', status: '状态', actions: '操作', createdAt: '创建时间', updatedAt: '更新时间',
    filter: '筛选', firstPage: '第一页', prevPage: '上一页', nextPage: '下一页', empty: '暂无数据',
    failed: '操作未成功', network: '无法连接服务器，请检查网络后重试。', notFound: '未找到{{what}}',
    active: '启用', inactive: '停用', open: '打开', reason: '原因', reasonRequired: '请填写原因', address: '地址',
  },
  orderStatus: {
    pending: '待处理', confirmed: '已确认', backordered: '缺货待补', picking: '拣货中', picked: '已拣货', packed: '已打包',
    shipped: '已发货', delivered: '已签收', cancelled: '已取消', exception: '异常',
  },
  channel: {
    web: '官网商城', app: 'App', tmall: '天猫', taobao: '淘宝', jd: '京东', pinduoduo: '拼多多', douyin: '抖音', wechat: '微信',
    phone: '电话', store: '门店', api: 'API', marketplace: '其他平台', other: '其他',
  },
  shipmentStatus: { label_created: '已建单', in_transit: '运输中', out_for_delivery: '派送中', delivered: '已签收', failed_delivery: '派送失败', returned: '已退回' },
  address: { recipientName: '收件人', phone: '电话', province: '省', city: '市', district: '区', line1: '详细地址', line2: '地址补充', postalCode: '邮编' },
  orders: {
    status: '状态', number: '订单号', channel: '渠道', warehouse: '仓库', customer: '客户', created: '下单时间',
    dateRange: '下单日期', total: '金额', promisedShipDate: '承诺发货日', externalRef: '渠道订单号',
    onHold: '已暂停', priority: '优先级', customerFilter: '客户 #{{id}}', clearCustomer: '显示所有客户',
    list: { title: '订单', filters: '订单筛选' },
    detail: { title: '订单 {{number}}', back: '返回订单列表', live: '实时更新' },
    summary: {
      title: '概要', shipTo: '收货地址', recipient: '收件人', phone: '电话', note: '备注', exceptionReason: '异常原因',
      cancelReason: '取消原因', holdReason: '暂停原因', parcel: '包裹', weight: '{{grams}} 克',
    },
    lines: { title: '订单行', line: '#', sku: 'SKU', name: '商品', quantity: '订购', unitPrice: '单价', reserved: '已预留', picked: '已拣货', packed: '已打包', shipped: '已发货' },
    picks: { title: '拣货单', round: '第 {{round}} 轮', location: '库位', lot: '批次', toPick: '应拣', picked: '已拣', open: '待拣货', done: '已拣货', none: '暂无拣货单：仓库尚未开始拣货。', unallocated: '{{quantity}} × {{sku}} 尚未上架到可拣库位' },
    shipment: { title: '运单', none: '尚未发货', carrier: '承运商', trackingNumber: '运单号', status: '物流状态', shippedAt: '发货时间', deliveredAt: '签收时间', tracking: '物流轨迹' },
    timeline: { title: '时间线', by: '操作人 {{actor}}', empty: '暂无事件' },
    events: {
      created: '下单', confirmed: '已确认，库存已预留', backordered: '缺货待补：等待到货',
      picking_started: '开始拣货', item_picked: '拣货一件', picked: '拣货完成', packed: '已打包',
      shipped: '已发货', in_transit: '运输中', out_for_delivery: '派送中', delivered: '已签收',
      delivery_failed: '派送失败', cancelled: '已取消', intercepted: '已拦截', exception: '异常',
      resumed: '已恢复', address_changed: '地址已修改', held: '已暂停', hold_released: '已解除暂停',
      priority_changed: '优先级已调整',
    },
    actions: {
      title: '操作', none: '此订单当前无可执行操作',
      confirm: '确认', cancel: '取消订单', intercept: '拦截', resume: '恢复', hold: '暂停', releaseHold: '解除暂停',
      priority: '优先级', changeAddress: '修改地址', deliver: '标记签收',
      confirmQ: '预留库存并确认订单 {{number}}？', cancelQ: '取消订单 {{number}}？所有预留库存将被释放。',
      interceptQ: '在打包前拦截订单 {{number}}？库存将被释放，订单转为异常。',
      resumeQ: '恢复订单 {{number}}？将重新预留库存。', holdQ: '暂停订单 {{number}}？解除前仓库无法拣货、打包或发货。',
      releaseHoldQ: '解除订单 {{number}} 的暂停？', priorityQ: '设置订单 {{number}} 在拣货队列中的优先级（0 普通 … 9 最先）',
      changeAddressQ: '修改订单 {{number}} 的收货地址。', deliverQ: '将订单 {{number}} 记为已签收？', done: '完成：订单{{status}}', saved: '已保存',
      addressHelp: '只提交您修改的字段。',
    },
  },
  stock: {
    title: '库存', levels: '库存明细', availability: '可用库存', ledger: '库存流水',
    sku: 'SKU 或条码', warehouse: '仓库', location: '库位', lot: '批次', expiresOn: '有效期至', owner: '货主', company: '本公司',
    ownerCustomer: '客户 #{{id}}', status: '状态', onHand: '在库', reserved: '已预留', available: '可用', quarantined: '冻结',
    safetyStock: '安全库存', receivedAt: '入库时间', total: '全部仓库', skuList: 'SKU 或条码，逗号分隔',
    availabilityHelp: '可承诺量 = 在库 − 已预留 − 冻结，按仓库计算。', enterSku: '输入一个或多个 SKU，查看可承诺的库存。',
    quantity: '变动', movement: '类型', reason: '原因', reference: '单据', actor: '操作人', occurredAt: '时间', filters: '库存筛选',
    movements: { receipt: '收货', move: '移库', adjustment: '调整', pick: '拣货', ship: '发货', status_change: '状态变更', return: '退货', transfer: '调拨' },
    statuses: { available: '可用', quarantine: '冻结', damaged: '残损', pending_inspection: '待质检', pending_repair: '待维修' },
  },
  products: {
    title: '商品', searchLabel: '搜索商品', searchPlaceholder: 'SKU、条码或名称', sku: 'SKU', name: '名称', category: '类目',
    unitPrice: '单价', weight: '重量', dimensions: '尺寸（长 × 宽 × 高）', barcodes: '条码', stock: '各仓库存', back: '返回商品列表',
    addBarcode: '添加条码', newBarcode: '新条码', barcodeRequired: '请输入条码', removeBarcode: '删除条码 {{barcode}}',
    removeQ: '从 {{sku}} 删除条码 {{barcode}}？扫描该条码将不再找到此商品。', added: '已添加条码 {{barcode}}',
    removed: '已删除条码 {{barcode}}', noBarcodes: '无条码', grams: '{{n}} 克', mm: '{{l}} × {{w}} × {{h}} 毫米',
  },
  warehouses: {
    title: '仓库', code: '编码', name: '名称', address: '地址', timeZone: '时区', back: '返回仓库列表', locations: '库位',
    tree: '库位树', level: '层级', type: '类型', capacity: '容量', occupancy: '本库位件数', totalOccupancy: '含下级件数', pickSequence: '拣货顺序',
    unlimited: '不限', noLocations: '暂无库位', viewStock: '查看库存',
    levels: { zone: '库区', aisle: '巷道', rack: '货架', bin: '货位' },
    types: { storage: '存储', picking: '拣货', receiving: '收货', shipping: '发货', quarantine: '隔离', returns: '退货' },
  },
};
