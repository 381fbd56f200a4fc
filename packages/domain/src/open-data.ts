/**
 * The open-data format of the public catalog: which files exist and their columns, in order,
 * and how they are written as CSV. The API's `ocop export` and the site's downloads both use
 * these definitions, so the two cannot drift apart; the files are also the import format, so an
 * export imports again.
 */

import { TRADE_COLUMNS } from './trade.js';

export const OPEN_DATA_KINDS = ['regions', 'producers', 'products', 'certificates'] as const;
export type OpenDataKind = (typeof OPEN_DATA_KINDS)[number];

/** The columns of each open-data file, in order (a subset of the import format's columns). */
export const OPEN_DATA_COLUMNS: Readonly<Record<OpenDataKind, readonly string[]>> = {
  regions: ['code', 'name_vi', 'name_en', 'level', 'kind', 'parent', 'valid_from', 'valid_to', 'successor'],
  producers: ['slug', 'name', 'type', 'representative', 'address', 'region', 'phone', 'email', 'website'],
  products: [
    'slug',
    'name_vi',
    'name_en',
    'category',
    'region',
    'producer',
    'cycle_stage',
    'description_vi',
    'description_en',
    'story_vi',
    'story_en',
    ...TRADE_COLUMNS.map((c) => c.column),
  ],
  certificates: [
    'number',
    'product',
    'stars',
    'issuing_level',
    'decision_number',
    'decision_date',
    'issued_on',
    'expires_on',
    'status',
  ],
};

/** One CSV field (RFC 4180): quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvField(value: string, delimiter = ','): string {
  if (value === '') return '';
  if (value.includes(delimiter) || /["\r\n]/u.test(value) || value.trim() !== value) {
    return `"${value.replace(/"/gu, '""')}"`;
  }
  return value;
}

/** RFC 4180 text with CRLF line ends and a UTF-8 byte order mark, so spreadsheet programs read Vietnamese correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((r) => r.map((v) => csvField(v.replace(/\r?\n/gu, '\r\n'))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A product photo as the JSON document carries it (CSV files have no images). */
export interface OpenDataImage {
  url: string;
  altVi: string;
  altEn?: string;
}

/** A cell: text, a number (stars), null for an empty optional field, or a product's images (JSON only). */
export type OpenDataValue = string | number | null | OpenDataImage[];
export type OpenDataRecord = Record<string, OpenDataValue>;

/** The public catalog as open data on one day: records keyed by the columns above. */
export interface OpenDataCatalog {
  asOf: string;
  regions: OpenDataRecord[];
  producers: OpenDataRecord[];
  products: OpenDataRecord[];
  certificates: OpenDataRecord[];
}

/** One file of the CSV export: the kind's columns, empty cells for missing values. */
export function openDataCsv(catalog: OpenDataCatalog, kind: OpenDataKind): string {
  return [...openDataCsvChunks(catalog, kind)].join('');
}

/** Records per piece when a file is written in pieces. */
const CHUNK_RECORDS = 200;

/**
 * The same CSV file in pieces (the header, then a few hundred rows at a time), so a national
 * catalog can be written to a file or a response without ever being one string in memory.
 */
export function* openDataCsvChunks(catalog: OpenDataCatalog, kind: OpenDataKind): Generator<string> {
  const columns = OPEN_DATA_COLUMNS[kind];
  const line = (cells: readonly string[]) => cells.map((v) => csvField(v.replace(/\r?\n/gu, '\r\n'))).join(',');
  yield `\uFEFF${line(columns)}\r\n`;
  let batch: string[] = [];
  for (const r of catalog[kind]) {
    batch.push(line(columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c])))));
    if (batch.length === CHUNK_RECORDS) {
      yield `${batch.join('\r\n')}\r\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${batch.join('\r\n')}\r\n`;
}

/**
 * One JSON document with every kind, the day it describes (`asOf`) and when it was made
 * (`generatedAt`, the only field that differs between two exports of the same data).
 */
export function openDataJson(catalog: OpenDataCatalog, generatedAt: Date): string {
  return [...openDataJsonChunks(catalog, generatedAt)].join('');
}

/**
 * The same document in pieces, byte for byte what `JSON.stringify(document, null, 2)` writes:
 * the head, then each kind's records a few hundred at a time.
 */
export function* openDataJsonChunks(catalog: OpenDataCatalog, generatedAt: Date): Generator<string> {
  const head = {
    format: 'ocop-catalog',
    formatVersion: 1,
    description:
      'OCOP products published on asOf (a certificate of 3★ or more valid that day), their producers and certificates, and the administrative units their codes refer to. Fields are those of the CSV import format (packages/api/docs/import-format.md).',
    asOf: catalog.asOf,
    generatedAt: generatedAt.toISOString(),
    counts: {
      regions: catalog.regions.length,
      producers: catalog.producers.length,
      products: catalog.products.length,
      certificates: catalog.certificates.length,
    },
  };
  // The head without its closing "\n}"; each kind follows as one more property.
  yield JSON.stringify(head, null, 2).slice(0, -2);
  for (const kind of ['regions', 'producers', 'products', 'certificates'] as const) {
    const records = catalog[kind];
    if (records.length === 0) {
      yield `,\n  ${JSON.stringify(kind)}: []`;
      continue;
    }
    let piece = `,\n  ${JSON.stringify(kind)}: [`;
    for (let i = 0; i < records.length; i++) {
      // An array item sits 4 spaces in: every line of the record moves by as much.
      piece += `${i === 0 ? '' : ','}\n    ${JSON.stringify(records[i], null, 2).replace(/\n/gu, '\n    ')}`;
      if ((i + 1) % CHUNK_RECORDS === 0) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}\n  ]`;
  }
  yield '\n}\n';
}
