import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  type IsoDate,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_KINDS,
  type OpenDataKind,
  openDataCsv,
  openDataJson,
  type ProductTrade,
  tradeCells,
} from '@ocop/domain';
import { dateOnly, jsonList, type Row } from '../../db/rows.js';
import { dialectOf, PublishedProductQuery } from '../product/product.query.js';
import { readRegions } from '../region/region.reader.js';
import type { TransferKind } from './formats.js';
import type { ImageValue } from './import.sources.js';

/**
 * The public catalog as open data: the products published on a day (an ISSUED certificate of
 * 3★ or more valid that day: the API's rule, through the same PublishedProductQuery), their
 * producers and active certificates, and the administrative units the codes refer to. Scores
 * and tax codes are not public and are never exported. The files use the import format, so an
 * export imports into an empty database and exports again identically.
 */

export type ExportKind = Extract<OpenDataKind, Exclude<TransferKind, 'evaluations'>>;
export const EXPORT_KINDS: readonly ExportKind[] = OPEN_DATA_KINDS;

/** The columns each exported file has, in order: the open-data format shared with the site. */
export const EXPORT_COLUMNS = OPEN_DATA_COLUMNS;

/** A cell: text, a number (stars), null for an empty optional field, or a product's images (JSON only). */
export type ExportValue = string | number | null | ImageValue[];
export type ExportRecord = Record<string, ExportValue>;

export interface PublicCatalog {
  /** The day whose published products these are. */
  asOf: IsoDate;
  regions: ExportRecord[];
  producers: ExportRecord[];
  /** Product records; `images` is carried by the JSON document only. */
  products: ExportRecord[];
  certificates: ExportRecord[];
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

const byKey =
  <T>(...keys: ((r: T) => string)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** Reads the catalog published on `asOf`, in a stable order (by natural keys, never by id). */
export async function collectPublicCatalog(em: EntityManager, asOf: IsoDate): Promise<PublicCatalog> {
  const knex = em.getKnex();
  const published = () => new PublishedProductQuery(knex, dialectOf(em), asOf, {}).base();

  // Own aliases for producer and region: base() joins its own only when a filter needs them.
  const productRows = (await published()
    .join('producer as xpr', 'xpr.id', 'p.producer_id')
    .join('region as xr', 'xr.id', 'p.region_id')
    .select(
      'p.slug',
      'p.name_vi',
      'p.name_en',
      'p.name_sort_key',
      'p.category',
      'p.cycle_stage',
      'p.description_vi',
      'p.description_en',
      'p.story_vi',
      'p.story_en',
      'p.images',
      'p.trade',
      { region_code: 'xr.code', producer_slug: 'xpr.slug' },
      {
        c_number: 'c.number',
        c_stars: 'c.stars',
        c_issuing_level: 'c.issuing_level',
        c_decision_number: 'c.decision_number',
        c_decision_date: 'c.decision_date',
        c_issued_on: 'c.issued_on',
        c_expires_on: 'c.expires_on',
        c_status: 'c.status',
      },
    )) as Row[];

  const producerRows = (await knex('producer as pr')
    .join('region as r', 'r.id', 'pr.region_id')
    .whereIn('pr.id', published().distinct('p.producer_id'))
    .select('pr.slug', 'pr.name', 'pr.type', 'pr.representative', 'pr.address', 'pr.phone', 'pr.email', 'pr.website', {
      region_code: 'r.code',
    })) as Row[];

  const regionRows = await readRegions(em);
  const codeOf = new Map(regionRows.map((r) => [r.id, r.code]));

  const products = [...productRows]
    .sort(
      byKey(
        (r) => String(r.name_sort_key),
        (r) => String(r.slug),
      ),
    )
    .map((r) => ({
      slug: String(r.slug),
      name_vi: String(r.name_vi),
      name_en: text(r.name_en),
      category: String(r.category),
      region: String(r.region_code),
      producer: String(r.producer_slug),
      cycle_stage: String(r.cycle_stage),
      description_vi: String(r.description_vi),
      description_en: text(r.description_en),
      story_vi: text(r.story_vi),
      story_en: text(r.story_en),
      ...tradeCells(
        r.trade == null ? null : ((typeof r.trade === 'string' ? JSON.parse(r.trade) : r.trade) as ProductTrade),
      ),
      images: jsonList<ImageValue>(r.images),
    }));
  const certificates = [...productRows].sort(byKey((r) => String(r.c_number))).map((r) => ({
    number: String(r.c_number),
    product: String(r.slug),
    stars: Number(r.c_stars),
    issuing_level: String(r.c_issuing_level),
    decision_number: String(r.c_decision_number),
    decision_date: dateOnly(r.c_decision_date),
    issued_on: dateOnly(r.c_issued_on),
    expires_on: dateOnly(r.c_expires_on),
    status: String(r.c_status),
  }));
  const producers = [...producerRows].sort(byKey((r) => String(r.slug))).map((r) => ({
    slug: String(r.slug),
    name: String(r.name),
    type: String(r.type),
    representative: text(r.representative),
    address: String(r.address),
    region: String(r.region_code),
    phone: text(r.phone),
    email: text(r.email),
    website: text(r.website),
  }));
  const regions = [...regionRows]
    .sort(
      byKey(
        (r) => r.path,
        (r) => r.code,
      ),
    )
    .map((r) => ({
      code: r.code,
      name_vi: r.nameVi,
      name_en: text(r.nameEn),
      level: r.level,
      kind: r.kind,
      parent: text(r.parent && codeOf.get(r.parent.id)),
      valid_from: dateOnly(r.validFrom),
      valid_to: dateOnly(r.validTo),
      successor: text(r.successor && codeOf.get(r.successor.id)),
    }));
  return { asOf, regions, producers, products, certificates };
}

/** One CSV file per kind, named `<kind>.csv`, in the import format. */
export function catalogToCsv(catalog: PublicCatalog): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of EXPORT_KINDS) files.set(`${kind}.csv`, kindToCsv(catalog, kind));
  return files;
}

/** One file of the CSV export (the open-data format shared with the site). */
export const kindToCsv: (catalog: PublicCatalog, kind: ExportKind) => string = openDataCsv;

/** The JSON document (the open-data format shared with the site). */
export const catalogToJson: (catalog: PublicCatalog, generatedAt: Date) => string = openDataJson;
