import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { EXPORT_COLUMNS, EXPORT_KINDS } from './export.service.js';
import { columnKeyOf, detectKind, KINDS, kindInName, normalizeHeader, TRANSFER_KINDS } from './formats.js';

const root = resolve(import.meta.dirname, '../../..');

describe('the import format', () => {
  it('tells what a file holds from English or Vietnamese headers', () => {
    expect(detectKind(['slug', 'name_vi', 'category', 'producer', 'description_vi']).kind).toBe('products');
    expect(detectKind(['STT', 'Tên sản phẩm', 'Nhóm sản phẩm', 'Chủ thể', 'Mô tả']).kind).toBe('products');
    expect(detectKind(['Tên chủ thể', 'Loại hình', 'Địa chỉ', 'Địa bàn']).kind).toBe('producers');
    expect(
      detectKind(['Sản phẩm', 'Cấp đánh giá', 'Ngày đánh giá', 'Điểm phần A', 'Điểm phần B', 'Điểm phần C']).kind,
    ).toBe('evaluations');
    expect(detectKind(['Số giấy chứng nhận', 'Sản phẩm', 'Số sao']).kind).toBe('certificates');
    expect(detectKind(['code', 'name_vi', 'level', 'kind']).kind).toBe('regions');
    expect(detectKind(['name', 'address']).candidates).toEqual([]);
  });

  it('compares headers without case, diacritics, punctuation or a bracketed note', () => {
    expect(normalizeHeader('Điểm phần A (tối đa 35)')).toBe('diem phan a');
    expect(columnKeyOf('evaluations', 'ĐIỂM PHẦN A (tối đa 35)')).toBe('score_a');
    expect(columnKeyOf('products', 'ten san pham')).toBe('name_vi');
    expect(columnKeyOf('products', 'Huyện')).toBe('region');
    expect(kindInName('ocop-san-pham-2024')).toBe('products');
    expect(kindInName('giay-chung-nhan')).toBe('certificates');
  });

  it('gives every header of a kind to one column only', () => {
    for (const kind of TRANSFER_KINDS) {
      const seen = new Map<string, string>();
      for (const c of KINDS[kind].columns) {
        for (const h of [c.key, c.vi, ...(c.aliases ?? [])]) {
          const owner = seen.get(normalizeHeader(h));
          expect(owner === undefined || owner === c.key, `${kind}: "${h}" is both ${owner} and ${c.key}`).toBe(true);
          seen.set(normalizeHeader(h), c.key);
        }
      }
    }
  });

  it('exports a subset of the import columns, so an export imports again', () => {
    for (const kind of EXPORT_KINDS) {
      const keys = KINDS[kind].columns.map((c) => c.key);
      expect(EXPORT_COLUMNS[kind].filter((c) => !keys.includes(c))).toEqual([]);
    }
  });

  it('documents every column with its Vietnamese header, and the templates use the format', () => {
    // Table cells compared without their padding: the formatter aligns markdown tables.
    const doc = readFileSync(resolve(root, 'docs/import-format.md'), 'utf8').replace(/ *\| */g, '|');
    for (const kind of TRANSFER_KINDS) {
      expect(doc).toContain(`### ${kind}.csv`);
      for (const c of KINDS[kind].columns) expect(doc, `${kind}.${c.key}`).toContain(`|\`${c.key}\`|${c.vi}|`);
    }
    for (const kind of ['producers', 'products', 'evaluations', 'certificates'] as const) {
      const text = readFileSync(resolve(root, `templates/${kind}.csv`), 'utf8');
      const [header] = parseCsv(text.replace(/^\uFEFF/u, ''));
      expect(header?.fields).toEqual(KINDS[kind].columns.map((c) => c.key));
      expect(detectKind(header?.fields ?? []).kind).toBe(kind);
    }
  });
});
