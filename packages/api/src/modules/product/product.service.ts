import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  type CategoryCode,
  type CertificationScheme,
  DomainError,
  ERROR_CODES,
  type ErrorCode,
  type IsoDate,
  type ProducerType,
  type QueryInterpretation,
} from '@ocop/domain';
import { derivedFrom } from '../../cache/query-cache.js';
import { type RegionView, regionDirectory } from '../region/region.reader.js';
import type { SearchIndex } from '../search/search.index.js';
import { searchCounts, searchIndex, searchMatches, searchOrder } from '../search/search.reader.js';
import { checkSearchLength } from '../search/search.input.js';
import type { FacetDimension, PublishedFilter } from './product.query.js';
import {
  type FacetCount,
  type OrderDirection,
  ProductReader,
  type ProductOrderField,
  type ProductView,
  type Ranked,
  productsByIds,
} from './product.reader.js';

/** Most related products one product lists (`related(first:)`), and how many by default. */
export const MAX_RELATED = 20;
export const DEFAULT_RELATED = 4;

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

function badInput(message: string, code: ErrorCode, field: string): DomainError {
  return DomainError.field(code, message, field);
}

/** Reads published products: every public path (lists, search, facets, counts, slugs) goes through here. */
export class ProductService {
  private readonly reader: ProductReader;

  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {
    this.reader = new ProductReader(em, today);
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
    return this.reader.count(search.filter);
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
    return this.byIdsInOrder(await this.reader.idsInOrder(request.filter, order, offset, limit));
  }

  byIdsInOrder(ids: number[]): Promise<ProductView[]> {
    return this.reader.byIdsInOrder(ids);
  }

  /** Products by id, published or not, in the order asked (for the loaders: callers decide what the public sees). */
  byIds(ids: readonly number[]): Promise<(ProductView | undefined)[]> {
    return productsByIds(this.em, ids);
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
    return this.reader.countBy(search.filter, column, except);
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
  private certificationCounts(search: ProductSearch): Promise<FacetCount[]> {
    if (search.text) {
      return searchCounts(this.em, this.today, search.text, search.filter, 'certification', 'certification');
    }
    return this.reader.certificationCounts(search.filter);
  }

  /** Products among the results that are ready to export or exporting (the exportReady filter left out). */
  private async exportReadyCount(search: ProductSearch): Promise<number> {
    if (search.text) {
      const counts = await searchCounts(this.em, this.today, search.text, search.filter, 'exportReady', 'exportReady');
      return counts[0]?.count ?? 0;
    }
    return this.reader.exportReadyCount(search.filter);
  }

  /** A published product by slug; its certificate and producer are read with it (a cold page is one query). */
  publishedBySlug(slug: string): Promise<ProductView | null> {
    return this.reader.bySlug(slug);
  }

  publishedIds(ids: number[]): Promise<Set<number>> {
    return this.reader.publishedIds(ids);
  }

  /**
   * Other published products of the same category, nearest first: those from the same district
   * (stars, then name), then the rest of the category (stars, then name). Asked as two small
   * queries that many products share: one per district and category, one per category. A single
   * query ordering the whole category by distance cost about 8 ms per product at national scale.
   */
  async related(product: ProductView, district: RegionView | undefined, limit: number): Promise<ProductView[]> {
    const others = (list: Ranked[]) => list.filter((r) => r.id !== product.id);
    let near: Ranked[] = [];
    if (district) {
      const regionIds = (await regionDirectory(this.em)).subtree(district.id);
      near = others(
        await this.reader.bestInCategory(product.category, limit + 1, { districtId: district.id, regionIds }),
      ).slice(0, limit);
    }
    let far: Ranked[] = [];
    if (near.length < limit) {
      // Enough of the category's best for any product: the district's own are skipped, and a
      // district that did not fill the list has fewer than `limit` of them.
      const taken = new Set(near.map((r) => r.id));
      far = others(await this.reader.bestInCategory(product.category, 2 * MAX_RELATED + 1))
        .filter((r) => !taken.has(r.id))
        .slice(0, limit - near.length);
    }
    const chosen = [...near, ...far];
    // Their stars came with them: listing them reads no certificate row.
    const stars = new Map(chosen.map((r) => [r.id, r.stars]));
    return (await this.byIdsInOrder(chosen.map((r) => r.id))).map((p) => ({ ...p, stars: stars.get(p.id) }));
  }

  /** A producer's published products, page by page, in name order. */
  async byProducer(
    producerId: number,
    offset: number,
    limit: number,
  ): Promise<{ items: ProductView[]; total: number }> {
    const { ids, total } = await this.reader.byProducer(producerId, offset, limit);
    return { items: await this.byIdsInOrder(ids), total };
  }
}
