import type { SqlEntityManager } from '@mikro-orm/knex';
import { CATEGORIES, type CategoryCode, type IsoDate, type ProducerType, type ProductTrade } from '@ocop/domain';
import { CatalogCache, perDatabase } from '../../cache/catalog-cache.js';
import { type RegionDirectory, regionDirectory } from '../region/region.reader.js';
import { dialectOf, PublishedProductQuery } from '../product/product.query.js';
import {
  type SearchDimension,
  type SearchIndex,
  SearchIndexBuilder,
  type SearchIndexFilter,
  type SearchIndexPlace,
  type SearchIndexRow,
  type SearchMatches,
  type SearchOrderField,
} from './search.index.js';

/**
 * Products read per statement while building: a batch of a thousand rows (about 0.5 MB of text)
 * keeps the server's memory flat. Indexing a product takes about 45 µs: other requests are let
 * through every {@link STRIDE} products (about 10 ms), not only between batches (45 ms).
 */
const BATCH = 1000;
const STRIDE = 200;

/** One index per database and day (two around midnight), rebuilt when the catalog changes. */
const indexes = perDatabase(() => new CatalogCache<IsoDate, SearchIndex>('search index', { max: 2 }));

/**
 * What searches found, by reading, and the ordered ids of filtered lists, until the catalog
 * changes: a search asks for a count, facets and a page, and buyers page through results. Sized
 * by products held (typed arrays: 4 bytes each, 8 for a score).
 */
const matchCache = perDatabase(
  () =>
    new CatalogCache<string, SearchMatches>('search matches', {
      max: 2000,
      maxSize: 1_000_000,
      sizeOf: (m) => 3 * m.slots.length + 1,
    }),
);
const orderCache = perDatabase(
  () =>
    new CatalogCache<string, number[]>('search orders', {
      max: 2000,
      maxSize: 500_000,
      sizeOf: (ids) => ids.length + 1,
    }),
);
const countCache = perDatabase(
  () =>
    new CatalogCache<string, { value: string; count: number }[]>('search facet counts', {
      max: 5000,
      maxSize: 200_000,
      sizeOf: (rows) => rows.length + 1,
    }),
);

/** Lets the event loop serve other requests between two batches of a long build. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Each region with products: its path and the names a buyer may type for it, nearest first. */
function placesOf(directory: RegionDirectory): Map<number, SearchIndexPlace> {
  const places = new Map<number, SearchIndexPlace>();
  for (const region of directory.all) {
    const lineage = (directory.lineage.get(region.id) ?? [region.id]).slice().reverse();
    places.set(region.id, {
      path: region.path,
      names: lineage.map((id) => directory.byId.get(id)?.nameVi ?? '').filter(Boolean),
    });
  }
  return places;
}

/**
 * The search index of the products published on `today`, read once and kept until the catalog
 * changes (cache/catalog-cache.ts: any write, in this process or, through the change feed, in
 * another), like every other cache of the server. Requests that arrive while it is built wait for
 * that one build. Building reads the published products in batches of {@link BATCH}
 * (20,000 products: about 15 statements, one to two seconds on two cores).
 */
export function searchIndex(em: SqlEntityManager, today: IsoDate): Promise<SearchIndex> {
  lastAsked = Date.now();
  return indexes(em).remember(today, () => buildSearchIndex(em, today));
}

/** When the index was last asked for (ms since the epoch; 0: never), for search.warm.ts. */
let lastAsked = 0;
export function searchIndexLastAsked(): number {
  return lastAsked;
}

async function buildSearchIndex(em: SqlEntityManager, today: IsoDate): Promise<SearchIndex> {
  const directory = await regionDirectory(em);
  const builder = new SearchIndexBuilder(placesOf(directory));
  const usedRegions = new Set<number>();
  const knex = em.getKnex();
  const published = new PublishedProductQuery(knex, dialectOf(em), today, {});
  for (let after = 0; ; ) {
    const rows = (await published
      .base(undefined, { producer: true })
      .select(
        'p.id',
        'p.name_vi',
        'p.name_en',
        'p.body_folded',
        'p.category',
        'p.region_id',
        'p.producer_id',
        'p.name_sort_key',
        'c.stars',
        'c.issued_on',
        'c.number',
        'p.trade',
        { producer_name: 'pr.name', producer_type: 'pr.type' },
      )
      .where('p.id', '>', after)
      .orderBy('p.id', 'asc')
      .limit(BATCH)) as Record<string, unknown>[];
    for (const [i, r] of rows.entries()) {
      if (i > 0 && i % STRIDE === 0) await breathe();
      const regionId = Number(r.region_id);
      usedRegions.add(regionId);
      builder.add({
        id: Number(r.id),
        nameVi: String(r.name_vi),
        nameEn: r.name_en == null ? null : String(r.name_en),
        bodyFolded: String(r.body_folded ?? ''),
        category: r.category as CategoryCode,
        regionId,
        producerId: Number(r.producer_id),
        producerName: String(r.producer_name),
        producerType: r.producer_type as ProducerType,
        nameSortKey: String(r.name_sort_key),
        stars: Number(r.stars),
        issuedOn: String(r.issued_on),
        certificateNumber: String(r.number),
        ...tradeFacts(r.trade, today),
      });
    }
    if (rows.length < BATCH) break;
    after = Number(rows[rows.length - 1]?.id);
    await breathe();
  }
  // The places and categories a buyer may name, in both languages, so they are never corrected away.
  const texts: string[] = [];
  const named = new Set<number>();
  for (const regionId of usedRegions) {
    for (const id of directory.lineage.get(regionId) ?? []) {
      if (named.has(id)) continue;
      named.add(id);
      const region = directory.byId.get(id);
      if (region) texts.push(region.nameVi, region.nameEn ?? '');
    }
  }
  for (const c of CATEGORIES) texts.push(c.nameVi, c.nameEn);
  await breathe();
  return builder.finish(texts);
}

/** What the trade filters ask of a product's trade information (stored as JSON), on `today`. */
function tradeFacts(value: unknown, today: IsoDate): Pick<SearchIndexRow, 'exportReady' | 'certifications'> {
  if (value === null || value === undefined) return { exportReady: false, certifications: [] };
  const trade = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<ProductTrade>;
  return {
    exportReady: trade.exportReadiness === 'EXPORT_READY' || trade.exportReadiness === 'EXPORTING',
    certifications: (trade.certifications ?? [])
      .filter((c) => (c.expiresOn ?? '9999-12-31') >= today)
      .map((c) => c.scheme),
  };
}

/** A search text as read by the index: the reading, and the key that identifies it. */
export interface ReadSearch {
  index: SearchIndex;
  query: Parameters<SearchIndex['match']>[0];
  key: string;
}

const NOTHING: SearchMatches = { slots: new Int32Array(0), scores: new Float64Array(0) };

/** The products a search matches on `today`, with their scores (kept until the catalog changes). */
export function searchMatches(em: SqlEntityManager, today: IsoDate, search: ReadSearch): Promise<SearchMatches> {
  return matchCache(em).remember(`${today}|${search.key}`, async () => search.index.match(search.query) ?? NOTHING);
}

/** The ids of a search's matches that pass `filter`, in the order asked (kept until the catalog changes). */
export async function searchOrder(
  em: SqlEntityManager,
  today: IsoDate,
  search: ReadSearch,
  filter: SearchIndexFilter,
  field: SearchOrderField,
  direction: 'ASC' | 'DESC',
): Promise<number[]> {
  const key = JSON.stringify([today, search.key, filter, field, direction]);
  return orderCache(em).remember(key, async () =>
    search.index.ordered(await searchMatches(em, today, search), filter, field, direction),
  );
}

/**
 * A search's matches per value of `dimension` with every filter but `except`'s (kept until the
 * catalog changes: the facets and the region facet ask for the same counts in one request).
 */
export function searchCounts(
  em: SqlEntityManager,
  today: IsoDate,
  search: ReadSearch,
  filter: SearchIndexFilter,
  dimension: SearchDimension,
  except?: SearchDimension,
): Promise<{ value: string; count: number }[]> {
  const key = JSON.stringify([today, search.key, filter, dimension, except ?? null]);
  return countCache(em).remember(key, async () =>
    search.index.countBy(await searchMatches(em, today, search), filter, dimension, except),
  );
}
