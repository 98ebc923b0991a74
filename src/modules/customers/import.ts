/**
 * Importing customers from a spreadsheet: one row per customer with a default address in the
 * address columns; a customer with several addresses takes several rows with the same code (or
 * phone) — the first row's address becomes the default, and later rows add addresses only.
 * Rows are checked with the API's own customer and address schemas.
 *
 * A customer is known by its code, or by its phone when it has no code, so every row needs one of
 * them: a customer already there under that key is skipped, and sending the file again creates
 * nothing twice. Customers without a code get generated ones (C000123), as through the API.
 */
import { z } from 'zod';
import { notifyFollowers } from '../../platform/imports/bulk-events.js';
import { cell, rowSchema, stagedWindows, yieldToRequests, type ImportKind } from '../../platform/imports/kind.js';
import { NewAddressInput, NewCustomerInput } from './customers.schema.js';
import { CUSTOMER_EVENTS as E } from './events.js';

type Customer = Omit<z.output<typeof NewCustomerInput>, 'contacts' | 'addresses'>;
type Address = z.output<typeof NewAddressInput>;
/** `key` is `code:<code>` or `phone:<phone>`: what makes two rows, or a row and a stored customer, the same customer. */
type CustomerRow = { key: string; customer: Customer; address: Address | null };

const COLUMNS = [
  { field: 'code', headers: ['code', '客户编码', 'customer_code', '编号'], example: 'C-SH-0001', note: 'code or phone is required: it identifies the customer; a customer already there is skipped' },
  { field: 'name', headers: ['name', '客户名称', '姓名', 'customer_name', '名称'], required: true, example: '王小明' },
  { field: 'type', headers: ['type', '类型', '客户类型'], example: 'person', note: 'person / company (个人 / 企业)' },
  { field: 'phone', headers: ['phone', '电话', '手机', '手机号', 'mobile'], example: '13800138000' },
  { field: 'email', headers: ['email', '邮箱', '电子邮件'], example: 'wang@example.com' },
  { field: 'locale', headers: ['locale', '语言'], example: 'zh-CN', note: 'zh-CN or en' },
  { field: 'tags', headers: ['tags', '标签'], example: 'vip;华东', note: 'separated by ; , | or spaces' },
  { field: 'addressLabel', headers: ['address_label', '地址标签'], example: 'home' },
  { field: 'recipientName', headers: ['recipient', '收件人', 'recipient_name'], example: '王小明', note: "the customer's name when empty" },
  { field: 'addressPhone', headers: ['address_phone', '收件电话', '收件人电话'], example: '13800138000' },
  { field: 'country', headers: ['country', '国家'], example: 'CN', note: 'ISO code; CN when empty' },
  { field: 'province', headers: ['province', '省份', '省'], example: '上海市' },
  { field: 'city', headers: ['city', '城市', '市'], example: '上海市' },
  { field: 'district', headers: ['district', '区县', '区'], example: '浦东新区' },
  { field: 'line1', headers: ['address', '详细地址', 'address_line1', '地址'], example: '世纪大道 100 号', note: 'an address is imported when this is given' },
  { field: 'line2', headers: ['address_line2', '地址2', '补充地址'], example: '20 楼' },
  { field: 'postalCode', headers: ['postal_code', '邮编', '邮政编码'], example: '200120' },
] as const;

const TYPE_WORDS: Record<string, string> = { 个人: 'person', 企业: 'company', 公司: 'company' };
const LOCALE_WORDS: Record<string, string> = { 中文: 'zh-CN', zh: 'zh-CN', 'zh-cn': 'zh-CN', 英文: 'en', english: 'en' };
/** The file's column for each address field. */
const ADDRESS_FIELD: Record<string, string> = { label: 'addressLabel', phone: 'addressPhone', isDefault: 'line1' };
const ADDRESS_COLUMNS = ['addressLabel', 'recipientName', 'addressPhone', 'country', 'province', 'city', 'district', 'line1', 'line2', 'postalCode'];

// Built once: a Zod schema is compiled on its first use, so one built per row costs milliseconds.
const List = cell.list();

const row = rowSchema<CustomerRow>((cells, r) => {
  const type = cells.type && (TYPE_WORDS[cells.type] ?? cells.type.toLowerCase());
  const locale = cells.locale && (LOCALE_WORDS[cells.locale.toLowerCase()] ?? cells.locale);
  const customer = r.check(NewCustomerInput, {
    code: cells.code,
    name: cells.name,
    type,
    phone: cells.phone,
    email: cells.email,
    locale,
    tags: r.get('tags', List),
  });
  let address: Address | null = null;
  if (cells.line1 !== undefined) {
    address =
      r.check(
        NewAddressInput,
        {
          label: cells.addressLabel,
          recipientName: cells.recipientName ?? cells.name,
          phone: cells.addressPhone,
          country: cells.country,
          province: cells.province,
          city: cells.city,
          district: cells.district,
          line1: cells.line1,
          line2: cells.line2,
          postalCode: cells.postalCode,
        },
        (path) => ADDRESS_FIELD[String(path[0])] ?? String(path[0] ?? 'line1'),
      ) ?? null;
  } else {
    const stray = ADDRESS_COLUMNS.find((f) => cells[f] !== undefined);
    if (stray) r.fail('line1', 'an address needs its street address (this row fills other address columns)');
  }
  if (!customer) return undefined;
  if (customer.code === undefined && !customer.phone) {
    r.fail('code', 'give a code or a phone: one of them identifies the customer, so that sending the file again creates no duplicate');
    return undefined;
  }
  const key = customer.code !== undefined ? `code:${customer.code}` : `phone:${customer.phone}`;
  return { key, customer, address };
});

/** The customer fields a later row of the same customer may repeat but not change. */
const SAME = ['name', 'phone', 'email'] as const;

export const customerImport: ImportKind<CustomerRow> = {
  name: 'customers',
  title: { en: 'Customers', 'zh-CN': '客户' },
  permission: 'customers.write',
  columns: COLUMNS,
  row,

  fileChecker() {
    const first = new Map<string, { row: number; customer: Customer }>();
    return (c, rowNumber) => {
      const seen = first.get(c.key);
      if (!seen) {
        first.set(c.key, { row: rowNumber, customer: c.customer });
        return [];
      }
      if (!c.address) return [{ field: 'code', message: `this customer is already on row ${seen.row}; a repeated row only adds an address` }];
      const differ = SAME.filter((f) => c.customer[f] != null && c.customer[f] !== seen.customer[f]);
      return differ.map((f) => ({ field: f, message: `differs from row ${seen.row}, where this customer first appears` }));
    };
  },

  // Nothing in the database can refuse a checked row: a customer already there is skipped, not an error.
  check: async () => [],

  // Set-based from the staged rows: a working table of the new customers and their codes, then
  // customers, addresses and their events, each an INSERT … SELECT.
  async apply({ tx, jobId, actor }) {
    await tx.query(
      `CREATE TEMP TABLE import_new_customers ON COMMIT DROP AS
       WITH x AS (SELECT r.row_no, r.data->>'key' AS key, r.data->'customer' AS c FROM import_rows r WHERE r.job_id = $1),
            firsts AS (SELECT DISTINCT ON (key) row_no, key, c FROM x ORDER BY key, row_no)
       SELECT f.row_no, f.key, f.c, f.c->>'code' AS code, NOT (f.c ? 'code') AS generated, NULL::bigint AS id
         FROM firsts f
        WHERE NOT EXISTS (SELECT 1 FROM customers e WHERE e.code = f.c->>'code')
          AND NOT (NOT (f.c ? 'code') AND EXISTS (SELECT 1 FROM customers e WHERE e.phone = f.c->>'phone'))`,
      [jobId],
    );
    // Generated codes (C000123) as through the API: the next numbers, skipping codes already taken by hand.
    for (;;) {
      await tx.query(`UPDATE import_new_customers SET code = 'C' || lpad(nextval('customer_code_seq')::text, 6, '0') WHERE code IS NULL`);
      const { rowCount } = await tx.query(
        `UPDATE import_new_customers n SET code = NULL
          WHERE n.generated AND (EXISTS (SELECT 1 FROM customers e WHERE e.code = n.code)
                OR EXISTS (SELECT 1 FROM import_new_customers o WHERE o.code = n.code AND NOT o.generated))`,
      );
      if (rowCount === 0) break;
    }
    // Each new customer's first address row: its default, as through the API.
    await tx.query(`ALTER TABLE import_new_customers ADD COLUMN first_address integer`);
    await tx.query(`CREATE INDEX ON import_new_customers (key)`);
    await tx.query(
      `UPDATE import_new_customers n SET first_address = f.row_no
         FROM (SELECT data->>'key' AS key, min(row_no) AS row_no FROM import_rows
                WHERE job_id = $1 AND jsonb_typeof(data->'address') = 'object' GROUP BY 1) f
        WHERE f.key = n.key`,
      [jobId],
    );
    let customers = 0;
    let addresses = 0;
    for (const [from, to] of await stagedWindows(tx, jobId)) {
      const created = await tx.query(
        `WITH ins AS (
           INSERT INTO customers (code, name, type, phone, email, locale, tags)
           SELECT code, c->>'name', c->>'type', c->>'phone', c->>'email', c->>'locale',
                  ARRAY(SELECT DISTINCT t COLLATE "C" FROM jsonb_array_elements_text(coalesce(c->'tags', '[]')) AS t ORDER BY 1)
             FROM import_new_customers WHERE row_no >= $1 AND row_no < $2 ORDER BY row_no
           RETURNING id, code)
         UPDATE import_new_customers n SET id = ins.id FROM ins WHERE ins.code = n.code`,
        [from, to],
      );
      // Each customer's events in the order the API writes them: created, then tagged.
      await tx.query(
        `INSERT INTO events (type, entity_type, entity_id, customer_id, actor, payload)
         SELECT type, 'customer', id::text, id, $3, payload FROM (
           SELECT row_no, 1 AS step, $1 AS type, id, jsonb_build_object('code', code, 'name', c->>'name', 'type', c->>'type') AS payload
             FROM import_new_customers WHERE row_no >= $4 AND row_no < $5
           UNION ALL
           SELECT row_no, 2, $2, id, jsonb_build_object('tags', to_jsonb(ARRAY(SELECT DISTINCT t COLLATE "C" FROM jsonb_array_elements_text(c->'tags') AS t ORDER BY 1)))
             FROM import_new_customers WHERE row_no >= $4 AND row_no < $5 AND jsonb_array_length(coalesce(c->'tags', '[]')) > 0) e
         ORDER BY row_no, step`,
        [E.customerCreated, E.customerTagged, actor, from, to],
      );
      const added = await tx.query(
        `WITH addr AS (
           INSERT INTO customer_addresses (customer_id, label, recipient_name, phone, country, province, city, district, line1, line2, postal_code, is_default)
           SELECT n.id, a->>'label', a->>'recipientName', a->>'phone', a->>'country', a->>'province', a->>'city', a->>'district', a->>'line1', a->>'line2', a->>'postalCode',
                  r.row_no = n.first_address
             FROM import_rows r CROSS JOIN LATERAL (SELECT r.data->'address' AS a) x JOIN import_new_customers n ON n.key = r.data->>'key'
            WHERE r.job_id = $1 AND r.row_no >= $4 AND r.row_no < $5 AND jsonb_typeof(x.a) = 'object' ORDER BY r.row_no
           RETURNING id, customer_id, is_default, country, city)
         INSERT INTO events (type, entity_type, entity_id, customer_id, actor, payload)
         SELECT $2, 'customer', customer_id::text, customer_id, $3, jsonb_build_object('addressId', id, 'isDefault', is_default, 'country', country, 'city', city)
           FROM addr ORDER BY id`,
        [jobId, E.addressAdded, actor, from, to],
      );
      customers += created.rowCount;
      addresses += added.rowCount;
      await yieldToRequests();
    }
    const { rows } = await tx.query<{ firsts: number; withAddress: number }>(
      `SELECT count(DISTINCT data->>'key')::int AS firsts, count(*) FILTER (WHERE jsonb_typeof(data->'address') = 'object')::int AS "withAddress"
         FROM import_rows WHERE job_id = $1`,
      [jobId],
    );
    const n = { customers, addresses, firsts: rows[0]!.firsts, skippedAddresses: rows[0]!.withAddress - addresses };
    if (n.customers > 0) await notifyFollowers(tx);
    return { created: { customers: n.customers, addresses: n.addresses }, skipped: { customers: n.firsts - n.customers, addresses: n.skippedAddresses } };
  },
};
