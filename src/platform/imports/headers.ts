/**
 * Matching a file's header row to a kind's columns. Case, spaces, dashes, underscores and
 * brackets do not matter (`Unit Price`, `unit_price`, `单价（元）` …), and a bilingual header as the
 * templates write it (`sku / 商品编码`) matches by either half.
 */
import { DomainError } from '../http/errors.js';
import type { ImportKind, RowCells } from './kind.js';
import type { RawRow } from './read-file.js';

export type ColumnMap = {
  /** Per file column: the field it fills, a custom field's name, or nothing. */
  columns: Array<{ field: string } | { custom: string } | null>;
  /** Each mapped field's header as the file spells it, for error messages. */
  headerOf: Map<string, string>;
  ignored: string[];
};

const key = (header: string) => header.trim().toLowerCase().replace(/[\s_\-()（）[\]【】]+/g, '');

export class HeaderInvalid extends DomainError {
  constructor(errors: Array<{ field: string; message: string }>) {
    super(422, 'invalid-header', 'The header row does not fit', errors.map((e) => e.message).join('; '), {
      field: errors[0]?.field ?? 'header',
      errors,
    });
  }
}

export function mapHeader(kind: ImportKind, header: readonly string[]): ColumnMap {
  const byKey = new Map<string, string>();
  for (const c of kind.columns) for (const h of c.headers) byKey.set(key(h), c.field);
  const fieldOf = (name: string) => byKey.get(key(name)) ?? name.split('/').map((part) => byKey.get(key(part))).find((f) => f !== undefined);
  const prefixes = kind.customFields?.prefixes ?? [];
  const customOf = (name: string) => {
    const prefix = prefixes.find((p) => name.toLowerCase().startsWith(p.toLowerCase()));
    if (prefix) return name.slice(prefix.length).trim();
    return kind.customFields?.unknownColumns ? name : undefined;
  };

  const errors: Array<{ field: string; message: string }> = [];
  const headerOf = new Map<string, string>();
  const ignored: string[] = [];
  const columns = header.map((name) => {
    if (name === '') return null;
    const field = fieldOf(name);
    if (field !== undefined) {
      if (headerOf.has(field)) errors.push({ field, message: `the columns "${headerOf.get(field)}" and "${name}" are both ${field}` });
      headerOf.set(field, name);
      return { field };
    }
    const custom = customOf(name);
    if (custom === undefined) {
      ignored.push(name);
      return null;
    }
    if (custom === '' || [...custom].length > 64) errors.push({ field: `custom.${custom}`, message: `the custom column "${name}" needs a name of 1 to 64 characters` });
    if (headerOf.has(`custom.${custom}`)) errors.push({ field: `custom.${custom}`, message: `the custom column "${name}" appears twice` });
    headerOf.set(`custom.${custom}`, name);
    return { custom };
  });
  for (const c of kind.columns) {
    if (c.required && !headerOf.has(c.field)) errors.push({ field: c.field, message: `the column ${c.headers[0]} / ${c.headers[1]} is missing` });
  }
  const custom = columns.filter((c) => c !== null && 'custom' in c).length;
  if (kind.customFields && custom > kind.customFields.max) errors.push({ field: 'custom', message: `at most ${kind.customFields.max} custom columns, the file has ${custom}` });
  if (errors.length) throw new HeaderInvalid(errors);
  return { columns, headerOf, ignored };
}

/** One record's cells by field; a cell that holds a spreadsheet error is reported, not read. */
export function cellsOf(raw: RawRow, map: ColumnMap): { cells: RowCells; broken: Array<{ field: string; message: string }> } {
  const cells: RowCells = {};
  const broken: Array<{ field: string; message: string }> = [];
  for (let i = 0; i < map.columns.length; i++) {
    const column = map.columns[i];
    if (!column) continue;
    const field = 'field' in column ? column.field : `custom.${column.custom}`;
    const error = raw.broken.get(i);
    if (error !== undefined) {
      broken.push({ field, message: `the cell holds an error (${error})` });
      continue;
    }
    const value = raw.cells[i] ?? '';
    if (value === '') continue;
    cells[field] = value;
  }
  return { cells, broken };
}
