import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  type CategoryCode,
  type CertificationScheme,
  ERROR_CODES,
  type IsoDate,
  type ProducerType,
  type QueryInterpretation,
} from '@ocop/domain';
import { GraphQLError } from 'graphql';
import { catalogVersion } from '../../cache/catalog-version.js';
import {
  PRODUCT_COLUMNS,
  type ProductView,
  primeRows,
  productsByIds,
  type RegionView,
  regionDirectory,
  toCertificateView,
  toProducerView,
  toProductView,
} from '../../db/catalog-reader.js';
import { cachedRows, derivedFrom } from '../../cache/query-cache.js';
import type { SearchIndex } from '../search/search.index.js';
import { searchCounts, searchIndex, searchMatches, searchOrder } from '../search/search.reader.js';
import { checkSearchLength } from '../search/search.input.js';
import {
  dialectOf,
  type FacetDimension,
  type PublishedFilter,
  PublishedProductQuery,
  type QueryBuilder,
} from './product.query.js';

/** The certificate's and the producer's columns, prefixed, for the one-statement product page. */
const SLUG_PAGE_COLUMNS = [
  ...[
    'id',
    'number',
    'product_id',
    'decision_number',
    'decision_date',
    'issuing_level',
    'stars',
    'issued_on',
    'expires_on',
    'status',
    'revoked_on',
  ].map((c) => `c.${c} as c__${c}`),
  ...['id', 'slug', 'name', 'type', 'representative', 'address', 'region_id', 'phone', 'email', 'website'].map(
    (c) => `pr.${c} as pr__${c}`,
  ),
].join(', ');

/** Most related products one product lists (`related(first:)`), and how many by default. */
export const MAX_RELATED = 20;
export const DEFAULT_RELATED = 4;

export const PRODUCT_ORDER_FIELDS = ['RELEVANCE', 'STARS', 'CERTIFIED_AT', 'NAME'] as const;
export type ProductOrderField = (typeof PRODUCT_ORDER_FIELDS)[number];
export type OrderDirection = 'ASC' | 'DESC';

/** What a client may send as a filter, before it is checked. */
export interface ProductFilterArgs {
  categories?: CategoryCode[] | null;
  minStars?: number | null;
  maxStars?: number | null;
  region?: string | null;
  producerTypes?: ProducerType[] | null;
  certifiedFrom?: number | null;
  certifiedTo?: number | null;
  exportReady?: boolean | null;
  certifications?: CertificationScheme[] | null;
}

/** A search text as the search index read it. */
export interface TextSearch {
  index: SearchIndex;
  query: QueryInterpretation;
  /** Identifies the reading: two texts read the same way ("nuoc mam", "NƯỚC MẮM") share results. */
  key: string;
}

export interface ProductSearch {
  filter: PublishedFilter;
  /** The search text, read; null when there is none (or nothing in it to search for). */
  text: TextSearch | null;
}

/** No filter, no search: every published product. */
const EVERYTHING: ProductSearch = { filter: {}, text: null };

/** The parts of a reading that decide what it matches and how it ranks. */
function readingKey(q: QueryInterpretation): string {
  return JSON.stringify([
    q.certificateNumber,
    q.terms.map((t) => [t.prefix ? 1 : 0, t.alternatives.map((a) => [a.word, a.cost])]),
  ]);
}

export interface ListRequest extends ProductSearch {
  order: { field: ProductOrderField; direction: OrderDirection };
  offset: number;
  limit: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  totalCount: number;
  categories: FacetCount[];
  stars: FacetCount[];
  regions: FacetCount[];
  producerTypes: FacetCount[];
  certifications: FacetCount[];
  exportReady: number;
}

/** The facet dimension each grouped column counts. */
const DIMENSION_OF_COLUMN: Record<string, FacetDimension> = {
  'p.category': 'category',
  'c.stars': 'stars',
  'pr.type': 'producerType',
  'p.region_id': 'region',
};

function badInput(message: string, code: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, field } });
}

/** Reads published products: every public path (lists, search, facets, counts, slugs) goes through here. */
export class ProductService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  /** The cache key of a SQL query over published products: its kind, the day, the filter and the rest. */
  private key(kind: string, search: ProductSearch, ...rest: unknown[]): unknown[] {
    return [kind, this.today, search.filter, ...rest];
  }

  private query(search: ProductSearch): PublishedProductQuery {
    return new PublishedProductQuery(this.em.getKnex(), dialectOf(this.em), this.today, search.filter);
  }

  /** Checks a client's filter and search text and turns them into SQL-ready values. */
  async prepare(
    filter: ProductFilterArgs | null | undefined,
    search: string | null | undefined,
  ): Promise<ProductSearch> {
    const f = filter ?? {};
    const starsOk = (v: number | null | undefined) =>
      v === null || v === undefined || (Number.isInteger(v) && v >= 3 && v <= 5);
    if (!starsOk(f.minStars) || !starsOk(f.maxStars)) {
      throw badInput(
        'Star filters take 3, 4 or 5: only products rated 3★ or more are certified and published.',
        ERROR_CODES.VALIDATION_FAILED,
        starsOk(f.minStars) ? 'maxStars' : 'minStars',
      );
    }
    if (f.minStars != null && f.maxStars != null && f.minStars > f.maxStars) {
      throw badInput(
        `minStars (${f.minStars}) is above maxStars (${f.maxStars}): swap them or drop one.`,
        ERROR_CODES.VALIDATION_FAILED,
        'minStars',
      );
    }
    const yearOk = (v: number | null | undefined) => v == null || (Number.isInteger(v) && v >= 2018 && v <= 2100);
    if (!yearOk(f.certifiedFrom) || !yearOk(f.certifiedTo)) {
      throw badInput(
        'certifiedFrom and certifiedTo are years such as 2024 (the OCOP programme began in 2018).',
        ERROR_CODES.VALIDATION_FAILED,
        yearOk(f.certifiedFrom) ? 'certifiedTo' : 'certifiedFrom',
      );
    }
    if (f.certifiedFrom != null && f.certifiedTo != null && f.certifiedFrom > f.certifiedTo) {
      throw badInput(
        `certifiedFrom (${f.certifiedFrom}) is after certifiedTo (${f.certifiedTo}): swap them.`,
        ERROR_CODES.VALIDATION_FAILED,
        'certifiedFrom',
      );
    }
    let regionPath: string | undefined;
    if (f.region != null) {
      const code = f.region.trim().toUpperCase();
      const region = (await regionDirectory(this.em)).byCode.get(code);
      if (!region) {
        throw badInput(
          `No region has the code "${f.region}". Use a \`code\` from the \`regions\` query, e.g. "KG" for Kiên Giang or "KG-PQ" for Phú Quốc.`,
          ERROR_CODES.UNKNOWN_REGION,
          'region',
        );
      }
      regionPath = region.path;
    }
    checkSearchLength(search);
    return {
      filter: {
        categories: f.categories ?? undefined,
        minStars: f.minStars ?? undefined,
        maxStars: f.maxStars ?? undefined,
        regionPath,
        producerTypes: f.producerTypes ?? undefined,
        certifiedFrom: f.certifiedFrom ?? undefined,
        certifiedTo: f.certifiedTo ?? undefined,
        exportReady: f.exportReady ?? undefined,
        certifications: f.certifications?.length ? [...new Set(f.certifications)] : undefined,
      },
      text: search?.trim() ? await this.read(search) : null,
    };
  }

  /**
   * A search text read against the catalog's vocabulary (see modules/search): null when it holds
   * nothing to search for (only punctuation), so the catalog is listed as without a search.
   */
  async read(search: string): Promise<TextSearch | null> {
    const index = await searchIndex(this.em, this.today);
    const query = index.interpret(search);
    if (query.terms.length === 0 && query.certificateNumber === null) return null;
    return { index, query, key: readingKey(query) };
  }

  async count(search: ProductSearch): Promise<number> {
    if (search.text) {
      const { index } = search.text;
      return index.count(await searchMatches(this.em, this.today, search.text), search.filter);
    }
    if (!search.filter.categories?.length) {
      // Without a category filter, the category facet (which leaves out only that filter)
      // counts every match once: its sum is the count, and a search needs one query less.
      const rows = await this.countBy(search, 'p.category', 'category');
      return derivedFrom(rows, 'total', () => rows.reduce((n, r) => n + r.count, 0));
    }
    const rows = await cachedRows<{ n: number | string }>(this.em, this.key('count', search), () =>
      this.query(search).base().count({ n: '*' }),
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** One page of product ids in the requested order, then the products in one query. */
  async list(request: ListRequest): Promise<ProductView[]> {
    const { order, offset, limit } = request;
    if (request.text) {
      const { index } = request.text;
      const ids = await searchOrder(this.em, this.today, request.text, request.filter, order.field, order.direction);
      // The index knows their stars: listing them needs no certificate rows.
      return (await this.byIdsInOrder(ids.slice(offset, offset + limit))).map((p) => ({
        ...p,
        stars: index.starsOf(p.id),
      }));
    }
    const key = this.key('list', request, order.field, order.direction, offset, limit);
    const rows = await cachedRows<{ id: number | string }>(this.em, key, () => {
      const qb = this.query(request).base().select('p.id');
      this.applyOrder(qb, order);
      return qb.offset(offset).limit(limit);
    });
    const ids = rows.map((r) => Number(r.id));
    return this.byIdsInOrder(ids);
  }

  /** Order without a search: RELEVANCE means nothing there and lists by name. */
  private applyOrder(qb: QueryBuilder, order: ListRequest['order']): void {
    const dir = order.direction.toLowerCase() as 'asc' | 'desc';
    const field = order.field === 'RELEVANCE' ? 'NAME' : order.field;
    switch (field) {
      case 'STARS':
        qb.orderBy('c.stars', dir);
        break;
      case 'CERTIFIED_AT':
        qb.orderBy('c.issued_on', dir);
        break;
      case 'NAME':
        qb.orderBy('p.name_sort_key', dir);
        break;
    }
    qb.orderBy('p.name_sort_key', field === 'NAME' ? dir : 'asc').orderBy('p.id', 'asc');
  }

  async byIdsInOrder(ids: number[]): Promise<ProductView[]> {
    if (ids.length === 0) return [];
    return (await productsByIds(this.em, ids)).filter((p): p is ProductView => p !== undefined);
  }

  async publishedCountByCategory(): Promise<Map<CategoryCode, number>> {
    const rows = await this.countBy(EVERYTHING, 'p.category');
    return derivedFrom(rows, 'byCategory', () => new Map(rows.map((r) => [r.value as CategoryCode, r.count])));
  }

  /** Published products per region id (the region products are attached to, not its ancestors). */
  async publishedCountByRegionId(search: ProductSearch = EVERYTHING, except?: FacetDimension) {
    const rows = await this.countBy(search, 'p.region_id', except);
    return derivedFrom(rows, 'byRegionId', () => new Map(rows.map((r) => [Number(r.value), r.count])));
  }

  private async countBy(search: ProductSearch, column: string, except?: FacetDimension): Promise<FacetCount[]> {
    if (search.text) {
      const dimension = DIMENSION_OF_COLUMN[column] ?? 'category';
      return searchCounts(this.em, this.today, search.text, search.filter, dimension, except);
    }
    const rows = await cachedRows<{ value: string | number; n: number | string }>(
      this.em,
      this.key('countBy', search, column, except ?? null),
      () =>
        this.query(search)
          .base(except, { producer: column.startsWith('pr.'), region: column.startsWith('r.') })
          .select({ value: column })
          .count({ n: '*' })
          .groupBy(column),
    );
    return derivedFrom(rows, 'facetCounts', () => rows.map((r) => ({ value: String(r.value), count: Number(r.n) })));
  }

  /**
   * Counts for each choice of each dimension, with every other filter applied, so a buyer sees
   * how many results picking that choice would give (the choice's own dimension is left out).
   */
  async facets(search: ProductSearch): Promise<Omit<Facets, 'regions'> & { regionIds: Map<number, number> }> {
    const [totalCount, categories, stars, producerTypes, regionIds, certifications, exportReady] = await Promise.all([
      this.count(search),
      this.countBy(search, 'p.category', 'category'),
      this.countBy(search, 'c.stars', 'stars'),
      this.countBy(search, 'pr.type', 'producerType'),
      this.publishedCountByRegionId(search, 'region'),
      this.certificationCounts(search),
      this.exportReadyCount(search),
    ]);
    return { totalCount, categories, stars, producerTypes, regionIds, certifications, exportReady };
  }

  /** Per certification scheme valid today: what adding it to the filter would give. */
  private async certificationCounts(search: ProductSearch): Promise<FacetCount[]> {
    if (search.text) {
      return searchCounts(this.em, this.today, search.text, search.filter, 'certification', 'certification');
    }
    const rows = await cachedRows<{ value: string; n: number | string }>(
      this.em,
      this.key('certificationCounts', search),
      () => this.query(search).certificationCounts(),
    );
    return derivedFrom(rows, 'facetCounts', () => rows.map((r) => ({ value: String(r.value), count: Number(r.n) })));
  }

  /** Products among the results that are ready to export or exporting (the exportReady filter left out). */
  private async exportReadyCount(search: ProductSearch): Promise<number> {
    if (search.text) {
      const counts = await searchCounts(this.em, this.today, search.text, search.filter, 'exportReady', 'exportReady');
      return counts[0]?.count ?? 0;
    }
    const q = this.query(search);
    const rows = await cachedRows<{ n: number | string }>(this.em, this.key('exportReadyCount', search), () =>
      q.base('exportReady').whereRaw(q.exportReadySql()).count({ n: '*' }),
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * A published product by slug, read in one statement with its valid certificate and its
   * producer, which are kept for the loaders: a product page asked cold costs one query.
   */
  async publishedBySlug(slug: string): Promise<ProductView | null> {
    const readAt = catalogVersion.current;
    const rows = (await this.query(EVERYTHING)
      .base(undefined, { producer: true })
      .where('p.slug', slug)
      .select(this.em.getKnex().raw(`${PRODUCT_COLUMNS}, ${SLUG_PAGE_COLUMNS}`))) as Record<string, unknown>[];
    const row = rows[0];
    if (!row) return null;
    const pick = (prefix: string) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, value]) => [name.slice(prefix.length), value]),
      );
    const product = toProductView(row);
    primeRows(this.em, this.today, readAt, {
      product,
      certificate: toCertificateView(pick('c__')),
      producer: toProducerView(pick('pr__')),
    });
    return product;
  }

  async publishedIds(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.query(EVERYTHING).base().whereIn('p.id', ids).select('p.id')) as {
      id: number;
    }[];
    return new Set(rows.map((r) => Number(r.id)));
  }

  /**
   * Other published products of the same category, nearest first: those from the same district
   * (stars, then name), then the rest of the category (stars, then name). Asked as two small
   * queries that many products share: one per district and category, one per category. A single
   * query ordering the whole category by distance cost about 8 ms per product at national scale.
   */
  async related(product: ProductView, district: RegionView | undefined, limit: number): Promise<ProductView[]> {
    const search: ProductSearch = { filter: { categories: [product.category] }, text: null };
    const ranked = (qb: QueryBuilder, n: number) =>
      qb.select('p.id').orderBy('c.stars', 'desc').orderBy('p.name_sort_key', 'asc').orderBy('p.id', 'asc').limit(n);
    const ids = (rows: { id: number | string }[]) => rows.map((r) => Number(r.id)).filter((id) => id !== product.id);
    let near: number[] = [];
    if (district) {
      const regionIds = (await regionDirectory(this.em)).subtree(district.id);
      const rows = await cachedRows<{ id: number }>(
        this.em,
        this.key('relatedNear', search, district.id, limit + 1),
        () => ranked(this.query(search).base().whereIn('p.region_id', regionIds), limit + 1),
      );
      near = ids(rows).slice(0, limit);
    }
    let far: number[] = [];
    if (near.length < limit) {
      // Enough of the category's best for any product: the district's own are skipped, and a
      // district that did not fill the list has fewer than `limit` of them.
      const n = 2 * MAX_RELATED + 1;
      const rows = await cachedRows<{ id: number }>(this.em, this.key('relatedTop', search, n), () =>
        ranked(this.query(search).base(), n),
      );
      const taken = new Set(near);
      far = ids(rows)
        .filter((id) => !taken.has(id))
        .slice(0, limit - near.length);
    }
    return this.byIdsInOrder([...near, ...far]);
  }

  /** A producer's published products, page by page, in name order. */
  async byProducer(
    producerId: number,
    offset: number,
    limit: number,
  ): Promise<{ items: ProductView[]; total: number }> {
    const base = () => this.query(EVERYTHING).base().where('p.producer_id', producerId);
    const [rows, countRows] = await Promise.all([
      base().select('p.id').orderBy('p.name_sort_key', 'asc').orderBy('p.id', 'asc').offset(offset).limit(limit),
      base().count({ n: '*' }),
    ]);
    return {
      items: await this.byIdsInOrder((rows as { id: number }[]).map((r) => Number(r.id))),
      total: Number((countRows as { n: number | string }[])[0]?.n ?? 0),
    };
  }
}
