/** The imports page's strings, registered when the page loads (the zh-CN table has the en table's keys). */
import { registerMessages } from '../../shared/i18n';

const en = {
  imports: {
    title: 'Import from spreadsheets',
    kind: 'What to import',
    kinds: { customers: 'Customers', products: 'Products', 'opening-stock': 'Opening stock', orders: 'Open orders' },
    template: 'Template',
    dryRun: 'Check only (dry run): write nothing yet',
    choose: 'Choose a CSV or XLSX file',
    hint: 'CSV (UTF-8 or GBK) or XLSX, at most 50 MB and 100,000 rows. Headers in English or Chinese, as in the template.',
    commit: 'Import these rows',
    status: { validating: 'Checking…', validated: 'Checked: no errors', committing: 'Importing…', committed: 'Imported', failed: 'Not imported' },
    progress: '{{read}} rows read, {{valid}} good',
    errors: 'Errors ({{count}}); nothing was written',
    moreErrors: 'The first {{shown}} of {{count}} errors',
    row: 'Row',
    column: 'Column',
    message: 'Problem',
    result: 'Created: {{created}}. Skipped as already there: {{skipped}}.',
    applied: 'Written in one transaction in {{ms}} ms',
    recent: 'Recent imports',
    file: 'File',
    by: 'By',
    rows: 'Rows',
    report: 'Import of {{file}}',
    listSeparator: ', ',
    counted: {
      customers: '{{count}} customers', addresses: '{{count}} addresses', products: '{{count}} products', barcodes: '{{count}} barcodes',
      stockRows: '{{count}} stock rows', units: '{{count}} units', orders: '{{count}} orders', lines: '{{count}} order lines',
      confirmed: '{{count}} confirmed', backordered: '{{count}} backordered',
    },
  },
};

const zhCN: typeof en = {
  imports: {
    title: '从表格导入',
    kind: '导入内容',
    kinds: { customers: '客户', products: '商品', 'opening-stock': '期初库存', orders: '未完成订单' },
    template: '模板',
    dryRun: '仅校验（试运行）：暂不写入',
    choose: '选择 CSV 或 XLSX 文件',
    hint: 'CSV（UTF-8 或 GBK）或 XLSX，不超过 50 MB、100,000 行。表头可用中文或英文，同模板。',
    commit: '导入这些行',
    status: { validating: '校验中…', validated: '校验通过：没有错误', committing: '导入中…', committed: '已导入', failed: '未导入' },
    progress: '已读 {{read}} 行，有效 {{valid}} 行',
    errors: '错误（{{count}}）；未写入任何数据',
    moreErrors: '共 {{count}} 个错误，显示前 {{shown}} 个',
    row: '行',
    column: '列',
    message: '问题',
    result: '新建：{{created}}。已存在而跳过：{{skipped}}。',
    applied: '在一个事务中写入，用时 {{ms}} 毫秒',
    recent: '最近的导入',
    file: '文件',
    by: '操作人',
    rows: '行数',
    report: '{{file}} 的导入',
    listSeparator: '，',
    counted: {
      customers: '客户 {{count}} 个', addresses: '地址 {{count}} 个', products: '商品 {{count}} 个', barcodes: '条码 {{count}} 个',
      stockRows: '库存行 {{count}} 行', units: '{{count}} 件', orders: '订单 {{count}} 个', lines: '订单行 {{count}} 行',
      confirmed: '已确认 {{count}} 个', backordered: '缺货待发 {{count}} 个',
    },
  },
};

registerMessages(en, zhCN);
