/**
 * The public catalog as open data, in the format of `pnpm ocop export` (the API's import format,
 * packages/api/docs/import-format.md): four CSV files (regions, producers, products, certificates)
 * and one JSON document with all of them. Built from the data the site already reads from the
 * GraphQL API (published products only), plus one query for the whole region tree.
 *
 * The column lists and the CSV writer come from @ocop/domain (open-data.ts), the same definitions
 * `pnpm ocop export` uses; the browser tests also compare the site's files with the API's export.
 */
import type { OpenDataKind, RegionKind, RegionLevel } from '@ocop/domain';
import {
  OPEN_DATA_COLUMNS,
  OPEN_DATA_KINDS,
  openDataCsv,
  openDataJson,
  type ProductTrade,
  tradeCells,
  vietnameseSortKey,
} from '@ocop/domain';
import { loadCatalog, type Product, type Trade } from './api.js';
import { BUILT_ON } from './build-info.js';
import { loadSettings } from './config.js';
import { BUILD_REQUEST, graphql, request } from './graphql.js';

export type ExportKind = OpenDataKind;
export const EXPORT_KINDS = OPEN_DATA_KINDS;
/** The columns of each file, in order: the open-data format shared with `pnpm ocop export`. */
export const EXPORT_COLUMNS = OPEN_DATA_COLUMNS;

/** The file names the open-data page links, under /open-data/. */
export const OPEN_DATA_FILES = {
  csv: EXPORT_KINDS.map((kind) => ({ kind, name: `${kind}.csv` })),
  json: 'ocop-catalog.json',
} as const;

export interface ImageValue {
  url: string;
  altVi: string;
  altEn?: string;
  width?: number;
  height?: number;
  widths?: number[];
}

export type ExportValue = string | number | null | ImageValue[];
export type ExportRecord = Record<string, ExportValue>;

export interface OpenCatalog {
  asOf: string;
  regions: ExportRecord[];
  producers: ExportRecord[];
  products: ExportRecord[];
  certificates: ExportRecord[];
}

interface RawRegion {
  code: string;
  level: RegionLevel;
  kind: RegionKind;
  validFrom: string | null;
  validTo: string | null;
  nameVi: string;
  nameEn: string;
  successor: { code: string } | null;
  children?: RawRegion[];
}

const REGION_FIELDS = graphql(`
  fragment OpenDataRegion on Region @_unmask {
    code level kind validFrom validTo nameVi: name(lang: VI) nameEn: name(lang: EN) successor { code }
  }
`);

/**
 * Provinces, districts, communes: the API's tree is three levels deep (a fourth level would cost
 * ten times more under the API's cost limit, for nothing).
 */
const ALL_REGIONS_QUERY = graphql(
  `
  query OpenDataRegions {
    regions {
      ...OpenDataRegion
      children { ...OpenDataRegion children { ...OpenDataRegion } }
    }
  }
`,
  [REGION_FIELDS],
);

/** An English text, or null where the API only fell back to the Vietnamese one. */
const english = (en: string | null | undefined, vi: string | null | undefined, known: boolean): string | null =>
  en === null || en === undefined || en === '' ? null : known || en !== vi ? en : null;

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

/** The site's view of trade information back in the stored shape, for the export's cells. */
function storedTrade(t: Trade | null): ProductTrade | null {
  if (!t) return null;
  return {
    packagingVi: t.packaging.vi,
    packagingEn: t.packaging.en,
    priceUnitVi: t.priceUnit.vi,
    priceUnitEn: t.priceUnit.en,
    retailPriceMin: t.retailPriceMin,
    retailPriceMax: t.retailPriceMax,
    wholesalePrice: t.wholesalePrice,
    minimumOrderVi: t.minimumOrder.vi,
    minimumOrderEn: t.minimumOrder.en,
    monthlyCapacityVi: t.monthlyCapacity.vi,
    monthlyCapacityEn: t.monthlyCapacity.en,
    shelfLifeDays: t.shelfLifeDays,
    storageVi: t.storage.vi,
    storageEn: t.storage.en,
    certifications: t.certifications.map((c) => ({
      scheme: c.scheme as ProductTrade['certifications'][number]['scheme'],
      number: c.number,
      expiresOn: c.expiresOn,
    })),
    exportReadiness: t.exportReadiness,
    exportMarkets: t.exportMarkets.map((m) => m.code),
    leadTimeDays: t.leadTimeDays,
    samplePolicyVi: t.samplePolicy.vi,
    samplePolicyEn: t.samplePolicy.en,
    tourDurationVi: t.tour?.duration.vi ?? null,
    tourDurationEn: t.tour?.duration.en ?? null,
    tourPricePerPerson: t.tour?.pricePerPerson ?? null,
    tourSeasonVi: t.tour?.season.vi ?? null,
    tourSeasonEn: t.tour?.season.en ?? null,
    bookingContact: t.tour?.bookingContact ?? null,
    noteVi: t.note.vi,
    noteEn: t.note.en,
  };
}

function productRecord(p: Product): ExportRecord {
  return {
    slug: p.slug,
    name_vi: p.name.vi,
    name_en: english(p.name.en, p.name.vi, p.hasEnglish),
    category: p.category,
    region: p.region.code,
    producer: p.producer.slug,
    cycle_stage: p.cycleStage,
    description_vi: p.description.vi,
    description_en: english(p.description.en, p.description.vi, p.hasEnglish),
    story_vi: p.story?.vi ?? null,
    story_en: p.story ? english(p.story.en, p.story.vi, p.hasEnglish) : null,
    ...tradeCells(storedTrade(p.trade)),
    images: p.images.map((i) => {
      const altEn = english(i.alt.en, i.alt.vi, false);
      const size = i.width && i.height && i.widths ? { width: i.width, height: i.height, widths: i.widths } : {};
      return altEn === null
        ? { url: i.source, altVi: i.alt.vi, ...size }
        : { url: i.source, altVi: i.alt.vi, altEn, ...size };
    }),
  };
}

function certificateRecord(p: Product): ExportRecord {
  const c = p.certificate;
  return {
    number: c.number,
    product: p.slug,
    stars: c.stars,
    issuing_level: c.issuingLevel,
    decision_number: c.decisionNumber,
    decision_date: c.decisionDate,
    issued_on: c.issuedOn,
    expires_on: c.expiresOn,
    // Published products are exactly those whose certificate is issued (not revoked or replaced)
    // and valid today: the stored status the API's export writes for them.
    status: 'ISSUED',
  };
}

async function fetchOpenCatalog(): Promise<OpenCatalog> {
  const { apiUrl } = loadSettings();
  const [catalog, tree] = await Promise.all([loadCatalog(), request(apiUrl, ALL_REGIONS_QUERY, {}, BUILD_REQUEST)]);
  const regions: (ExportRecord & { path: string })[] = [];
  const walk = (r: RawRegion, parent: { code: string; path: string } | null) => {
    const path = `${parent?.path ?? '/'}${r.code}/`;
    regions.push({
      path,
      code: r.code,
      name_vi: r.nameVi,
      name_en: english(r.nameEn, r.nameVi, false),
      level: r.level,
      kind: r.kind,
      parent: parent?.code ?? null,
      valid_from: r.validFrom ?? null,
      valid_to: r.validTo ?? null,
      successor: r.successor?.code ?? null,
    });
    for (const child of r.children ?? []) walk(child, { code: r.code, path });
  };
  for (const r of tree.regions) walk(r, null);

  const products = [...catalog.products];
  const sortKeys = new Map(products.map((p) => [p, vietnameseSortKey(p.name.vi)]));
  const producers = new Map(products.map((p) => [p.producer.slug, p.producer]));
  return {
    asOf: BUILT_ON,
    regions: regions
      .sort(
        byKey(
          (r) => r.path,
          (r) => String(r.code),
        ),
      )
      .map(({ path: _path, ...r }) => r),
    producers: [...producers.values()].sort(byKey((p) => p.slug)).map((p) => ({
      slug: p.slug,
      name: p.name,
      type: p.type,
      representative: p.representative || null,
      address: p.address,
      region: p.region.code,
      phone: p.phone || null,
      email: p.email || null,
      website: p.website || null,
    })),
    products: products
      .sort(
        byKey(
          (p) => sortKeys.get(p) ?? '',
          (p) => p.slug,
        ),
      )
      .map(productRecord),
    certificates: products.sort(byKey((p) => p.certificate.number)).map(certificateRecord),
  };
}

let openCatalog: Promise<OpenCatalog> | undefined;

/** The open-data records, read once per build. */
export function loadOpenCatalog(): Promise<OpenCatalog> {
  openCatalog ??= fetchOpenCatalog();
  return openCatalog;
}

/** One file of the CSV export, exactly as `pnpm ocop export` writes it. */
export const kindToCsv: (catalog: OpenCatalog, kind: ExportKind) => string = openDataCsv;

/** The JSON document, exactly as `pnpm ocop export --format json` writes it. */
export const catalogToJson: (catalog: OpenCatalog, generatedAt: Date) => string = openDataJson;
