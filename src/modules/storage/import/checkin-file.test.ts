import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseCheckInFile, unpackedZipSize } from './checkin-file.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = '\ufeff';

async function xlsx(rows: ExcelJS.CellValue[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('入库');
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 1);
    values.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value;
    });
  });
  build?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('parseCheckInFile — CSV', () => {
  it('reads English headers with a BOM, CRLF, quoted fields and empty trailing lines', async () => {
    const csv =
      BOM +
      'customer_phone,customer_name,category,size_class,description,declared_value,expected_pickup_date,Flight\r\n' +
      '+86 138-0013-8000,"Wang, Xiaoming",luggage,m,"Black suitcase, ""Samsonite""",199.50,2026-12-01,MU5101\r\n' +
      '13900001111,,bag,XL,"Two boxes\r\nof books",12,,\r\n' +
      '5550100,Bob,bike,xxl,Road bike,0.5,2028-02-29,\r\n' +
      '\r\n\r\n';
    const result = await parseCheckInFile(utf8(csv), 'csv');
    expect(result.errors).toEqual([]);
    expect(result.rowNumbers).toEqual([2, 3, 4]);
    expect(result.rows).toEqual([
      {
        customerPhone: '+86 138-0013-8000',
        customerName: 'Wang, Xiaoming',
        category: 'luggage',
        sizeClass: 'M',
        description: 'Black suitcase, "Samsonite"',
        declaredValue: 19950,
        expectedPickupDate: '2026-12-01',
        customFields: { Flight: 'MU5101' },
      },
      { customerPhone: '13900001111', category: 'bag', sizeClass: 'XL', description: 'Two boxes\r\nof books', declaredValue: 1200, customFields: {} },
      { customerPhone: '5550100', customerName: 'Bob', category: 'bike', sizeClass: 'XXL', description: 'Road bike', declaredValue: 50, expectedPickupDate: '2028-02-29', customFields: {} },
    ]);
  });

  it('reads Chinese headers and keeps other columns as custom fields', async () => {
    const csv = '客户电话,客户姓名,类别,尺寸,描述,申报价值,预计取件日期,车次,备注\n13800138000,王小明,行李,L,黑色行李箱,2999,2026-11-30,G101,易碎\n';
    const result = await parseCheckInFile(utf8(csv), 'csv');
    expect(result).toEqual({
      errors: [],
      rowNumbers: [2],
      rows: [
        {
          customerPhone: '13800138000',
          customerName: '王小明',
          category: '行李',
          sizeClass: 'L',
          description: '黑色行李箱',
          declaredValue: 299900,
          expectedPickupDate: '2026-11-30',
          customFields: { 车次: 'G101', 备注: '易碎' },
        },
      ],
    });
  });

  it('accepts header spellings that differ only in case, spaces, dashes and underscores', async () => {
    const result = await parseCheckInFile(utf8('Customer Phone,CATEGORY,Size-Class,description\n12345,box,s,Books\n'), 'csv');
    expect(result).toEqual({ errors: [], rowNumbers: [2], rows: [{ customerPhone: '12345', category: 'box', sizeClass: 'S', description: 'Books', customFields: {} }] });
  });

  it('reports every error of every row with its row number, and returns no rows', async () => {
    const long = (n: number) => 'x'.repeat(n);
    const lines = [
      'customer_phone,customer_name,category,size_class,description,declared_value,expected_pickup_date,note', // 1
      '13800138000,Ann,bag,M,ok,1.00,2026-12-01,fine', // 2: valid
      ',Ann,,,,,,', // 3: every required field missing
      'call me,Ann,bag,XXXL,ok,,,', // 4: phone format, size class
      '-----,Ann,bag,M,ok,,,', // 5: phone without digits
      `1234567890123456789012,${long(201)},${long(41)},M,${long(501)},,,`, // 6: lengths
      '12345,,bag,M,ok,1.999,2026-02-30,', // 7: 3 decimals, unreal date
      '12345,,bag,M,ok,-5,30/11/2026,', // 8: negative, date format
      '12345,,bag,M,ok,abc,,', // 9: not an amount
      '', // 10: blank row, skipped but counted
      `12345,,bag,M,ok,,,${long(501)},extra`, // 11: custom too long, value without header
    ];
    const result = await parseCheckInFile(utf8(lines.join('\n') + '\n'), 'csv');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 3, field: 'customerPhone', message: 'required' },
      { row: 3, field: 'category', message: 'required' },
      { row: 3, field: 'description', message: 'required' },
      { row: 3, field: 'sizeClass', message: 'required' },
      { row: 4, field: 'customerPhone', message: expect.stringContaining('phone number') },
      { row: 4, field: 'sizeClass', message: 'must be one of XS, S, M, L, XL, XXL' },
      { row: 5, field: 'customerPhone', message: expect.stringContaining('phone number') },
      { row: 6, field: 'customerPhone', message: 'at most 21 characters' },
      { row: 6, field: 'customerName', message: 'at most 200 characters' },
      { row: 6, field: 'category', message: 'at most 40 characters' },
      { row: 6, field: 'description', message: 'at most 500 characters' },
      { row: 7, field: 'declaredValue', message: 'at most 2 decimals' },
      { row: 7, field: 'expectedPickupDate', message: 'is not a real date' },
      { row: 8, field: 'declaredValue', message: 'must not be negative' },
      { row: 8, field: 'expectedPickupDate', message: 'must be a date written YYYY-MM-DD' },
      { row: 9, field: 'declaredValue', message: 'must be an amount such as 199.50' },
      { row: 11, field: 'customFields.note', message: 'at most 500 characters' },
      { row: 11, field: 'column 9', message: 'a value in a column without a header' },
    ]);
  });

  it('gives each row its file row number, blank rows skipped but counted', async () => {
    const csv = ['customer_phone,category,size_class,description', '12345,bag,M,a', '', ',,,', '12345,bag,M,b', '', ''].join('\r\n');
    const result = await parseCheckInFile(utf8(csv), 'csv');
    expect(result.rows.map((r) => r.description)).toEqual(['a', 'b']);
    expect(result.rowNumbers).toEqual([2, 5]);
    const sheet = await xlsx([['customer_phone', 'category', 'size_class', 'description'], [], [12345, 'bag', 'M', 'a'], [], [], [12345, 'bag', 'M', 'b']]);
    expect((await parseCheckInFile(sheet, 'xlsx')).rowNumbers).toEqual([3, 6]);
  });

  it('counts rows as a spreadsheet does: a quoted line break stays in its row', async () => {
    const csv = 'customer_phone,category,size_class,description\n12345,bag,M,"line one\nline two"\n12345,bag,Q,ok\n';
    expect((await parseCheckInFile(utf8(csv), 'csv')).errors).toEqual([{ row: 3, field: 'sizeClass', message: 'must be one of XS, S, M, L, XL, XXL' }]);
  });

  it('refuses a header without the required columns, or with a column twice', async () => {
    expect((await parseCheckInFile(utf8('customer_phone,描述\n12345,ok\n'), 'csv')).errors).toEqual([
      { row: 1, field: 'category', message: 'the column category / 类别 is missing' },
      { row: 1, field: 'sizeClass', message: 'the column size_class / 尺寸 is missing' },
    ]);
    expect((await parseCheckInFile(utf8('customer_phone,category,size_class,description,客户电话\n1,2,3,4,5\n'), 'csv')).errors).toEqual([
      { row: 1, field: 'customerPhone', message: 'the column "客户电话" appears twice' },
    ]);
  });

  it('refuses a file with no header or no rows, an unreadable CSV and a non-UTF-8 file, each with a single error', async () => {
    expect((await parseCheckInFile(utf8(''), 'csv')).errors).toEqual([{ row: 1, field: 'file', message: expect.stringContaining('header') }]);
    expect((await parseCheckInFile(utf8('customer_phone,category,size_class,description\r\n\r\n'), 'csv')).errors).toEqual([
      { row: 0, field: 'file', message: 'the file has no rows to check in' },
    ]);
    const unclosed = await parseCheckInFile(utf8('customer_phone,category,size_class,description\n12345,bag,M,ok\n12345,bag,M,"open\n'), 'csv');
    expect(unclosed).toEqual({ rows: [], rowNumbers: [], errors: [{ row: 3, field: 'file', message: expect.stringContaining('Quote Not Closed') }] });
    // 客户电话 in GBK, as a Chinese Excel saves "CSV" by default.
    const gbk = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0xb5, 0xe7, 0xbb, 0xb0, 0x0a]);
    expect((await parseCheckInFile(gbk, 'csv')).errors).toEqual([{ row: 0, field: 'file', message: 'the file is not UTF-8 text; save it as "CSV UTF-8"' }]);
  });

  it('takes 5,000 rows and refuses 5,001 or more than 5 MiB with a single error', async () => {
    const header = 'customer_phone,category,size_class,description\n';
    const rows = (n: number) => header + Array.from({ length: n }, (_, i) => `1380013${String(i).padStart(4, '0')},bag,M,item ${i}`).join('\n');
    const ok = await parseCheckInFile(utf8(rows(5000)), 'csv');
    expect(ok.errors).toEqual([]);
    expect(ok.rows).toHaveLength(5000);
    expect(ok.rows[4999]).toMatchObject({ customerPhone: '13800134999', description: 'item 4999' });
    expect(await parseCheckInFile(utf8(rows(5001)), 'csv')).toEqual({
      rows: [],
      rowNumbers: [],
      errors: [{ row: 0, field: 'file', message: 'the file has more than 5000 rows; split it' }],
    });
    // Just under 5 MiB of blank lines, or 60,000 rows of empty cells: refused as such (how fast is
    // the benchmark's business, not a test's).
    expect((await parseCheckInFile(utf8(header + '\n'.repeat(MAX_FILE_BYTES - header.length)), 'csv')).errors).toEqual([
      { row: 0, field: 'file', message: 'the file has no rows to check in' },
    ]);
    expect((await parseCheckInFile(utf8(header + ',,,\n'.repeat(60_000) + '12345,bag,M,ok\n'), 'csv')).errors).toEqual([
      { row: 0, field: 'file', message: 'the file has more than 5000 rows; split it' },
    ]);
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    expect(await parseCheckInFile(big, 'csv')).toEqual({ rows: [], rowNumbers: [], errors: [{ row: 0, field: 'file', message: expect.stringContaining('larger than 5 MiB') }] });
    expect((await parseCheckInFile(big, 'xlsx')).errors).toHaveLength(1);
  });
});

describe('parseCheckInFile — XLSX', () => {
  it('reads typed cells: numbers, dates, rich text and formula results, with Chinese headers', async () => {
    const bytes = await xlsx([
      ['客户电话', '客户姓名', '类别', '尺寸', '描述', '申报价值', '预计取件日期', '备注'],
      [13800138000, '王小明', '行李', 'm', { richText: [{ text: '黑色' }, { text: '行李箱' }] }, 199.5, new Date(Date.UTC(2026, 11, 1)), 'VIP'],
      ['+1 555-0100', null, 'bag', 'XS', 'Backpack', { formula: '10*2', result: 20 }, '2026-12-24', null],
    ]);
    const result = await parseCheckInFile(bytes, 'xlsx');
    expect(result).toEqual({
      errors: [],
      rowNumbers: [2, 3],
      rows: [
        {
          customerPhone: '13800138000',
          customerName: '王小明',
          category: '行李',
          sizeClass: 'M',
          description: '黑色行李箱',
          declaredValue: 19950,
          expectedPickupDate: '2026-12-01',
          customFields: { 备注: 'VIP' },
        },
        { customerPhone: '+1 555-0100', category: 'bag', sizeClass: 'XS', description: 'Backpack', declaredValue: 2000, expectedPickupDate: '2026-12-24', customFields: {} },
      ],
    });
  });

  it('reports errors with the sheet row numbers, blank rows included, and error cells', async () => {
    const bytes = await xlsx([
      ['customer_phone', 'category', 'size_class', 'description', 'declared_value', 'expected_pickup_date'],
      [12345, 'bag', 'M', 'ok', 10.125, null], // 2
      [null, null, null, null, null, null], // 3: blank
      [12345, 'bag', 'M', { error: '#N/A' }, null, new Date(Date.UTC(2026, 0, 5, 14, 30))], // 4
      [12345, 'bag', 'XXXL', 'ok', -1, null], // 5
    ]);
    const result = await parseCheckInFile(bytes, 'xlsx');
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { row: 2, field: 'declaredValue', message: 'at most 2 decimals' },
      { row: 4, field: 'description', message: 'the cell holds an error (#N/A)' },
      { row: 4, field: 'expectedPickupDate', message: 'must be a date written YYYY-MM-DD' },
      { row: 5, field: 'sizeClass', message: 'must be one of XS, S, M, L, XL, XXL' },
      { row: 5, field: 'declaredValue', message: 'must not be negative' },
    ]);
  });

  it('refuses bytes that are not a workbook, and a workbook without data rows', async () => {
    expect(await parseCheckInFile(utf8('customer_phone,category\n1,2\n'), 'xlsx')).toEqual({
      rows: [],
      rowNumbers: [],
      errors: [{ row: 0, field: 'file', message: 'the file is not a readable XLSX workbook' }],
    });
    const headerOnly = await xlsx([['customer_phone', 'category', 'size_class', 'description']]);
    expect((await parseCheckInFile(headerOnly, 'xlsx')).errors).toEqual([{ row: 0, field: 'file', message: 'the file has no rows to check in' }]);
    const headerLater = await xlsx([[], [], ['customer_phone', 'category', 'size_class', 'description'], [1, 2, 3, 4]]);
    expect((await parseCheckInFile(headerLater, 'xlsx')).errors).toEqual([{ row: 1, field: 'file', message: expect.stringContaining('row 1 must be the header') }]);
  });

  it('refuses a workbook that unpacks to more than 64 MiB before loading it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('bomb');
    sheet.getRow(1).values = ['customer_phone', 'category', 'size_class', 'description'];
    // 2,200 distinct 32,000-character descriptions: a small file, ~70 MiB of XML once unpacked.
    const filler = 'x'.repeat(32_000);
    for (let r = 2; r <= 2201; r++) sheet.getRow(r).values = ['12345', 'bag', 'M', `${r}${filler}`];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(MAX_FILE_BYTES);
    expect(unpackedZipSize(bytes)).toBeGreaterThan(64 * 1024 * 1024);
    expect(await parseCheckInFile(bytes, 'xlsx')).toEqual({ rows: [], rowNumbers: [], errors: [{ row: 0, field: 'file', message: 'the workbook unpacks to more than 64 MiB; split it' }] });
  });

  it('refuses more than 5,000 rows with a single error', async () => {
    const rows: ExcelJS.CellValue[][] = [['customer_phone', 'category', 'size_class', 'description']];
    for (let i = 0; i < 5001; i++) rows.push([`1380013${String(i).padStart(4, '0')}`, 'bag', 'M', `item ${i}`]);
    expect((await parseCheckInFile(await xlsx(rows), 'xlsx')).errors).toEqual([
      { row: 0, field: 'file', message: 'the file has more than 5000 rows; split it' },
    ]);
  });
});
