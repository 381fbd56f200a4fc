import type { ProductImage } from '../product/product.entity.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { checkImageUrl, checkLength, PRODUCT_IMAGE_FIELDS } from '@ocop/domain';
import { MAX_IMAGES } from '../product/product.admin.service.js';
import { parseCsv, CsvSyntaxError } from './csv.js';
import { decodeUtf8, EncodingError } from './decode.js';
import { cleanText } from './values.js';
import {
  columnKeyOf,
  describeColumn,
  detectKind,
  isIgnoredHeader,
  KINDS,
  kindInName,
  TRANSFER_KINDS,
  type TransferKind,
} from './formats.js';

/**
 * Reading import files into rows: CSV files (one kind each), a folder of them, or a JSON
 * document as `ocop export --format json` writes it. Problems with a file as a whole (encoding,
 * syntax, header) are collected here; the rows are checked later, all of them, by the planner.
 */

/** One thing wrong with the input: where (file and line, or JSON path), which column, and why. */
export interface Problem {
  where: string;
  column?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.column ? `${p.where}: column "${p.column}": ${p.message}` : `${p.where}: ${p.message}`;
}

/** A product photo in an import: the shape the product row stores. */
export type ImageValue = ProductImage;

/**
 * One row of input: its location for messages and its cells by column key (absent = not
 * given), already trimmed and in Unicode NFC.
 */
export interface SourceRow {
  where: string;
  /** Line in a CSV file; 0 for JSON rows. */
  line: number;
  values: Map<string, string>;
  /** Product images, given only by JSON documents. */
  images?: ImageValue[];
}

export interface SourceTable {
  /** The file as named on the command line, for messages. */
  file: string;
  kind: TransferKind;
  /** The header each column key was read from, as written in the file, for messages. */
  headerOf: Map<string, string>;
  rows: SourceRow[];
}

export interface ReadResult {
  tables: SourceTable[];
  problems: Problem[];
  /** Not errors: e.g. a column that is not part of the format and was ignored. */
  notes: string[];
}

const TEMPLATE_HINT = 'Start from the template in packages/api/templates/ (see packages/api/docs/import-format.md).';

/** The kind a file name suggests: "products.csv", "san-pham.csv". */
function kindFromFileName(file: string): TransferKind | undefined {
  return kindInName(basename(file, extname(file)));
}

/**
 * Reads every path: a .csv file, a .json document, or a folder (its .csv files, or a
 * catalog.json). `kind` forces the kind of CSV files whose header does not say it.
 */
export function readSources(paths: string[], options: { kind?: TransferKind; display?: (p: string) => string } = {}) {
  const result: ReadResult = { tables: [], problems: [], notes: [] };
  const display = options.display ?? ((p: string) => p);
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      result.problems.push({ where: display(path), message: 'no such file or folder.' });
      continue;
    }
    if (stat.isDirectory()) {
      const files = readdirSync(path)
        .filter((f) => /\.(csv|json)$/iu.test(f))
        .sort(byKindOrder);
      if (files.length === 0) {
        result.problems.push({
          where: display(path),
          message: `the folder holds no .csv or .json file. ${TEMPLATE_HINT}`,
        });
      }
      for (const f of files) readFile(join(path, f), display(join(path, f)), options.kind, result);
    } else {
      readFile(path, display(path), options.kind, result);
    }
  }
  result.tables.sort((a, b) => TRANSFER_KINDS.indexOf(a.kind) - TRANSFER_KINDS.indexOf(b.kind));
  return result;
}

/** regions.csv before producers.csv before products.csv …, then anything else by name. */
function byKindOrder(a: string, b: string): number {
  const rank = (f: string) => {
    const kind = kindFromFileName(f);
    return kind ? TRANSFER_KINDS.indexOf(kind) : TRANSFER_KINDS.length;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function readFile(path: string, file: string, kind: TransferKind | undefined, result: ReadResult): void {
  let text: string;
  try {
    text = decodeUtf8(readFileSync(path));
  } catch (error) {
    if (error instanceof EncodingError) {
      result.problems.push({ where: error.line ? `${file}:${error.line}` : file, message: error.message });
      return;
    }
    result.problems.push({ where: file, message: `cannot be read: ${(error as Error).message}` });
    return;
  }
  if (/\.json$/iu.test(path)) readJson(text, file, result);
  else readCsv(text, file, kind, result);
}

function readCsv(text: string, file: string, forcedKind: TransferKind | undefined, result: ReadResult): void {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      result.problems.push({ where: `${file}:${error.line}`, message: error.message });
      return;
    }
    throw error;
  }
  const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');
  const [header, ...body] = records.filter((r, i) => i === 0 || !isBlank(r.fields));
  if (!header || isBlank(header.fields)) {
    result.problems.push({
      where: file,
      message: `the file is empty: it has no header row and no rows. ${TEMPLATE_HINT}`,
    });
    return;
  }
  const headers = header.fields.map((h) => h.normalize('NFC').trim());
  let kind = forcedKind;
  if (!kind) {
    const detected = detectKind(headers);
    kind = detected.kind ?? (detected.candidates.length === 0 ? kindFromFileName(file) : undefined);
    if (!kind) {
      const why =
        detected.candidates.length > 1
          ? `its header fits ${detected.candidates.join(' and ')} alike`
          : `its header has none of the columns that tell: ${TRANSFER_KINDS.map((k) => `"${KINDS[k].marker}" for ${k}`).join(', ')}`;
      result.problems.push({
        where: `${file}:${header.line}`,
        message: `cannot tell what the file holds: ${why}. Name the kind with --kind ${TRANSFER_KINDS.join('|')}.`,
      });
      return;
    }
  }
  const def = KINDS[kind];
  const keyAt: (string | undefined)[] = [];
  const headerOf = new Map<string, string>();
  let headerOk = true;
  headers.forEach((h, i) => {
    const key = columnKeyOf(def.kind, h);
    keyAt[i] = key;
    if (!key) {
      if (!isIgnoredHeader(h)) {
        result.notes.push(`${file}:${header.line}: column "${h}" is not part of the ${kind} format and was ignored.`);
      }
      return;
    }
    const earlier = headerOf.get(key);
    if (earlier !== undefined) {
      result.problems.push({
        where: `${file}:${header.line}`,
        message: `columns "${earlier}" and "${h}" both give ${describeColumn(def.kind, key)}; keep one of them.`,
      });
      headerOk = false;
      return;
    }
    headerOf.set(key, h);
  });
  const missing = def.columns.filter((c) => c.required && !headerOf.has(c.key));
  for (const c of missing) {
    result.problems.push({
      where: `${file}:${header.line}`,
      message: `missing column ${describeColumn(def.kind, c.key)}; a ${kind} file needs ${def.columns
        .filter((x) => x.required)
        .map((x) => x.key)
        .join(', ')}. ${TEMPLATE_HINT}`,
    });
  }
  if (missing.length > 0 || !headerOk) return;
  if (body.length === 0) {
    result.problems.push({ where: file, message: `the file has a header but no rows, so there is nothing to import.` });
    return;
  }
  const rows: SourceRow[] = [];
  for (const record of body) {
    const values = new Map<string, string>();
    const extra = record.fields.slice(headers.length).filter((f) => f.trim() !== '');
    if (extra.length > 0) {
      result.problems.push({
        where: `${file}:${record.line}`,
        message: `the row has ${record.fields.length} cells but the header has ${headers.length} columns; a value that contains a comma must be in double quotes.`,
      });
      continue;
    }
    keyAt.forEach((key, i) => {
      if (key) values.set(key, cleanText(record.fields[i] ?? ''));
    });
    rows.push({ where: `${file}:${record.line}`, line: record.line, values });
  }
  result.tables.push({ file, kind, headerOf, rows });
}

/** A cell of a JSON document: text, a number, or null (or absent) for an empty cell. */
export type ImportValue = string | number | null;

/** One record of a JSON document: its cells by column key (`name_vi`); a product's `images` are a list. */
export type ImportRecord = { readonly [key: string]: ImportValue | ImageValue[] | undefined };

/**
 * A JSON document as the export writes it and the import reads it, held in memory: the input
 * model of every import. The seed catalogs are such documents.
 */
export type ImportDocument = { readonly [kind in TransferKind]?: readonly ImportRecord[] };

/** A JSON document as the export writes it: { regions: […], producers: […], products: […], … }. */
function readJson(text: string, file: string, result: ReadResult): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    result.problems.push({ where: file, message: `is not valid JSON: ${(error as Error).message}.` });
    return;
  }
  readDocumentInto(doc, file, result);
}

/** Reads a document held in memory (named `name` in messages) into rows, as a .json file is read. */
export function readDocument(doc: ImportDocument, name: string): ReadResult {
  const result: ReadResult = { tables: [], problems: [], notes: [] };
  readDocumentInto(doc, name, result);
  return result;
}

function readDocumentInto(doc: unknown, file: string, result: ReadResult): void {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    result.problems.push({
      where: file,
      message: `must be a JSON object with arrays such as "producers" and "products", as "ocop export --format json" writes it.`,
    });
    return;
  }
  const record = doc as Record<string, unknown>;
  const present = TRANSFER_KINDS.filter((k) => record[k] !== undefined);
  if (present.length === 0) {
    result.problems.push({
      where: file,
      message: `holds none of ${TRANSFER_KINDS.map((k) => `"${k}"`).join(', ')}, so there is nothing to import.`,
    });
    return;
  }
  for (const kind of present) {
    const list = record[kind];
    if (!Array.isArray(list)) {
      result.problems.push({ where: `${file}: ${kind}`, message: 'must be an array of objects.' });
      continue;
    }
    const headerOf = new Map(KINDS[kind].columns.map((c) => [c.key, c.key]));
    const rows: SourceRow[] = [];
    list.forEach((item: unknown, i) => {
      const where = `${file}: ${kind}[${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        result.problems.push({ where, message: 'must be an object.' });
        return;
      }
      const values = new Map<string, string>();
      let images: ImageValue[] | undefined;
      for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
        if (kind === 'products' && name === 'images') {
          const parsed = parseImages(value);
          if (typeof parsed === 'string') result.problems.push({ where, column: 'images', message: parsed });
          else {
            images = parsed.images;
            for (const message of parsed.problems) result.problems.push({ where, column: 'images', message });
          }
          continue;
        }
        const key = columnKeyOf(kind, name);
        // JSON has no undefined: only a document built in memory leaves a column out that way.
        if (!key || value === undefined) continue;
        if (value === null) values.set(key, '');
        else if (typeof value === 'string' || typeof value === 'number') values.set(key, cleanText(String(value)));
        else result.problems.push({ where, column: name, message: 'must be a string, a number or null.' });
      }
      rows.push({ where, line: 0, values, ...(images ? { images } : {}) });
    });
    if (rows.length > 0) result.tables.push({ file, kind, headerOf, rows });
  }
}

/**
 * A product's photos from a JSON import: a message when the value is not a list of photos at all,
 * else the photos and what is wrong with them by the rules the admin mutations apply.
 */
function parseImages(value: unknown): { images: ImageValue[]; problems: string[] } | string {
  const message = 'must be an array of { "url": "https://…", "altVi": "…", "altEn": "…" } objects.';
  if (!Array.isArray(value)) return message;
  const images: ImageValue[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return message;
    const { url, altVi, altEn, width, height, widths } = item as Record<string, unknown>;
    if (typeof url !== 'string' || typeof altVi !== 'string' || (altEn !== undefined && typeof altEn !== 'string')) {
      return message;
    }
    const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 100_000;
    const size =
      whole(width) && whole(height) && Array.isArray(widths) && widths.length > 0 && widths.every(whole)
        ? { width: width as number, height: height as number, widths: widths as number[] }
        : {};
    images.push({ url, altVi, ...(typeof altEn === 'string' ? { altEn } : {}), ...size });
  }
  const problems: string[] = [];
  images.forEach((image, i) => {
    const photo = `Photo ${i + 1}'s`;
    if (image.altVi.trim() === '')
      problems.push(`${photo} Vietnamese text alternative is required; it cannot be empty.`);
    const checks = [
      checkImageUrl(image.url, `${photo} url`),
      checkLength({ ...PRODUCT_IMAGE_FIELDS.altVi, label: `${photo} Vietnamese text alternative` }, image.altVi),
      checkLength({ ...PRODUCT_IMAGE_FIELDS.altEn, label: `${photo} English text alternative` }, image.altEn ?? ''),
    ];
    for (const check of checks) if (!check.ok) problems.push(check.message);
  });
  if (images.length > MAX_IMAGES) {
    problems.push(`${images.length} photos; a product shows at most ${MAX_IMAGES}. Keep the best ones.`);
  }
  return { images, problems };
}
