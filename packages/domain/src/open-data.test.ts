import { describe, expect, it } from 'vitest';
import {
  csvField,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_KINDS,
  type OpenDataCatalog,
  openDataCsv,
  openDataCsvChunks,
  openDataJson,
  openDataJsonChunks,
  toCsv,
} from './open-data.js';

describe('open-data CSV', () => {
  it('quotes only what must be quoted', () => {
    expect(csvField('Nước mắm')).toBe('Nước mắm');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('writes a BOM, CRLF line ends and line breaks inside fields as CRLF', () => {
    expect(toCsv(['slug', 'story_vi'], [['x', 'dòng 1\ndòng 2']])).toBe(
      '\uFEFFslug,story_vi\r\nx,"dòng 1\r\ndòng 2"\r\n',
    );
  });

  it('has columns for every kind, each starting with its natural key', () => {
    expect(OPEN_DATA_KINDS.map((k) => OPEN_DATA_COLUMNS[k][0])).toEqual(['code', 'slug', 'slug', 'number']);
  });
});

describe('open-data files written in pieces', () => {
  const product = (i: number) => ({
    slug: `san-pham-${i}`,
    name_vi: `Sản phẩm "${i}"\nhai dòng`,
    stars: 3 + (i % 3),
    website: null,
    images: i % 2 ? [{ url: `/images/${i}/800.jpg`, altVi: 'Ảnh', altEn: 'Photo' }] : [],
  });
  const catalog: OpenDataCatalog = {
    asOf: '2026-12-02',
    regions: [{ code: 'KG', name_vi: 'Kiên Giang', name_en: null }],
    producers: [],
    products: Array.from({ length: 450 }, (_, i) => product(i)),
    certificates: [{ number: 'KG-OCOP-2026-0001', stars: 4 }],
  };
  const at = new Date('2026-12-02T01:02:03Z');

  it('writes the JSON document byte for byte as one JSON.stringify would, empty kinds included', () => {
    const { regions, producers, products, certificates } = catalog;
    const whole = `${JSON.stringify(
      {
        format: 'ocop-catalog',
        formatVersion: 1,
        description: JSON.parse(openDataJson(catalog, at)).description,
        asOf: catalog.asOf,
        generatedAt: at.toISOString(),
        counts: { regions: 1, producers: 0, products: 450, certificates: 1 },
        regions,
        producers,
        products,
        certificates,
      },
      null,
      2,
    )}\n`;
    const pieces = [...openDataJsonChunks(catalog, at)];
    expect(pieces.join('')).toBe(whole);
    // Never the whole document in one piece: at most a few hundred records each.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 2);
  });

  it('writes each CSV file as toCsv would', () => {
    const rows = catalog.products.map((r) =>
      OPEN_DATA_COLUMNS.products.map((c) =>
        r[c as keyof typeof r] === null || r[c as keyof typeof r] === undefined ? '' : String(r[c as keyof typeof r]),
      ),
    );
    expect([...openDataCsvChunks(catalog, 'products')].join('')).toBe(toCsv(OPEN_DATA_COLUMNS.products, rows));
    expect(openDataCsv(catalog, 'producers')).toBe(toCsv(OPEN_DATA_COLUMNS.producers, []));
  });
});
