/** 退货收货与质检的文字；键与 returns.en.ts 一致（类型检查保证）。业务用词：退货 收货 质检 等级 差异。 */
import type { ReturnsMessages } from './returns.en';

export const returnsZhCN: ReturnsMessages = {
  returnsDock: {
    title: '退货收货与质检',
    tile: '退货收货、质检',
    scanRma: '请扫描包裹上的 RMA 号或订单号',
    typeRma: '或输入 RMA 号或订单号',
    open: '打开退货单',
    notFound: '{{code}} 没有待收货的退货：{{detail}}',
    lines: '退货明细',
    nothingToDo: '此退货{{status}}：收货台无需处理。',
    less: '减一：{{what}}',
    more: '加一：{{what}}',
    type: { return: '退货', exchange: '换货', repair: '维修', compensation: '补偿' },
    status: {
      requested: '已申请', awaiting_second_approval: '待二次审批', approved: '已批准，待收货', rejected: '已拒绝',
      received: '已收货，待质检', inspected: '已质检', disposed: '已处置', resolved: '已完结', cancelled: '已取消',
    },
    grade: { A: 'A 全新', B: 'B 开箱', C: 'C 需维修', scrap: '报废' },
    discrepancy: { wrong_item: '错发商品', missing: '缺少', extra: '多出', damaged: '破损', missingN: '缺 {{count}} 件', extraN: '多 {{count}} 件' },
    receive: {
      scanItems: '请逐件扫描包裹内的商品',
      counted: '{{sku}} {{count}}/{{quantity}}',
      extra: '{{sku}}：已扫 {{count}} 件，申报 {{quantity}} 件。多出的件记为差异。',
      wrongItem: '{{sku}} 不在此退货单上。请放到一边：记为错发商品。',
      notAProduct: '{{code}} 不是商品。请放到一边：记为错发商品（扫错可删除）。',
      announced: '申报的商品', notAnnounced: '未申报（差异）', damaged: '破损 {{sku}}', removeScan: '删除 {{code}}',
      note: '包裹备注', submit: '确认收货', restart: '重新开始',
      done: '已收货；记录差异 {{count}} 条。请质检。',
    },
    photo: { take: '拍照', uploading: '正在上传照片…', remove: '删除第 {{n}} 张照片', failed: '照片未保存：{{detail}}', photo: '照片 {{n}}' },
    inspect: {
      prompt: '质检 {{sku}}：先填检查项，再定等级', allDone: '所有明细已质检。', due: '待质检明细',
      notDue: '{{code}} 在此退货单上没有待质检的明细。', lineChosen: '正在质检 {{sku}}',
      of: '{{sku}} 的质检', received: '已收 {{count}} 件', level: '第 {{n}}/{{total}} 级：{{name}}',
      checklist: '检查项', pass: '合格', fail: '不合格', grades: '等级', graded: '已定级 {{count}}/{{total}} 件',
      note: '质检备注', submit: '提交{{level}}', recorded: '{{sku}}：{{level}}已记录',
    },
    checkItem: { packaging: '包装', accessories: '配件', appearance: '外观', function: '功能' },
    levelName: { initial_check: '初检', final_approval: '终审' },
  },
};
