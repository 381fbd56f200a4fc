import type { ProductImage } from './product.entity.js';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { type CategoryCode, type CycleStage, type IsoDate, MAX_SLUG_LENGTH, type ProductTrade } from '@ocop/domain';
import { catalogVersion } from '../../cache/catalog-version.js';
import { cachedRows, derivedFrom } from '../../cache/query-cache.js';
import { RowCache } from '../../cache/row-cache.js';
import { json, optStr, type Ref, type Row, rows, Statement, str, type Typed, viewsByIds } from '../../db/rows.js';
import { CERTIFICATE_COLUMNS, primeActiveCertificate, toCertificateView } from '../certificate/certificate.reader.js';
import { PRODUCER_COLUMNS, primeProducer, toProducerView } from '../producer/producer.reader.js';
import {
  dialectOf,
  type FacetDimension,
  type PublishedFilter,
  PublishedProductQuery,
  type QueryBuilder,
} from './product.query.js';

/**
 * The product module's reads: products as plain views by id (kept between requests until the
 * catalog changes), and the SQL over published products (product.query.ts) that lists, counts
 * and pages them. Searches are answered by the search index instead (modules/search).
 */

/** A product photo as reads return it: the shape the product row stores. */
export type ProductImageView = ProductImage;

export interface ProductView extends Typed<'Product'> {
  id: number;
  slug: string;
  nameVi: string;
  nameEn?: string | null;
  category: CategoryCode;
  cycleStage: CycleStage;
  descriptionVi: string;
  descriptionEn?: string | null;
  storyVi?: string | null;
  storyEn?: string | null;
  images: ProductImageView[];
  trade?: ProductTrade | null;
  producer: Ref;
  region: Ref;
  /**
   * Stars of the certificate that publishes it, when the reader already knows them (the search
   * index does), so listing them reads no certificate row.
   */
  stars?: number;
}

export const PRODUCT_ORDER_FIELDS = ['RELEVANCE', 'STARS', 'CERTIFIED_AT', 'NAME'] as const;
export type ProductOrderField = (typeof PRODUCT_ORDER_FIELDS)[number];
export type OrderDirection = 'ASC' | 'DESC';

export interface FacetCount {
  value: string;
  count: number;
}

export const PRODUCT_COLUMNS =
  'p.id, p.slug, p.name_vi, p.name_en, p.category, p.cycle_stage, p.description_vi, p.description_en, p.story_vi, p.story_en, p.images, p.trade, p.producer_id, p.region_id';

/** The certificate's and the producer's columns (as their readers read them), prefixed, for the one-statement product page. */
const CERTIFICATE_FIELDS = CERTIFICATE_COLUMNS.split(', ');
const PRODUCER_FIELDS = PRODUCER_COLUMNS.split(', ');
const SLUG_PAGE_COLUMNS = [
  ...CERTIFICATE_FIELDS.map((c) => `c.${c} as c__${c}`),
  ...PRODUCER_FIELDS.map((c) => `pr.${c} as pr__${c}`),
].join(', ');

/** The columns of `row` named `prefix` + one of `fields`, without the prefix. */
function prefixed(row: Row, prefix: string, fields: readonly string[]): Row {
  const out: Row = {};
  for (const field of fields) out[field] = row[prefix + field];
  return out;
}

/**
 * The product page's statement, compiled once per dialect and day (two around midnight): the
 * slug is its last binding. Building it with the query builder cost more than running it.
 */
const slugStatements = new Map<string, { read: Statement; bindings: unknown[] }>();

export function toProductView(r: Row): ProductView {
  return {
    __typename: 'Product',
    id: Number(r.id),
    slug: str(r.slug),
    nameVi: str(r.name_vi),
    nameEn: optStr(r.name_en),
    category: r.category as CategoryCode,
    cycleStage: r.cycle_stage as CycleStage,
    descriptionVi: str(r.description_vi),
    descriptionEn: optStr(r.description_en),
    storyVi: optStr(r.story_vi),
    storyEn: optStr(r.story_en),
    images: json<ProductImageView[]>(r.images) ?? [],
    trade: r.trade === null || r.trade === undefined ? null : json<ProductTrade>(r.trade),
    producer: { id: Number(r.producer_id) },
    region: { id: Number(r.region_id) },
  };
}

const productCache = new RowCache<ProductView>('product rows');
/** Published products by `day|slug`: a product page asked again reads no SQL until the catalog changes. */
const publishedBySlugCache = new RowCache<ProductView>('published products by slug');

/** Products by id (published or not: callers decide what the public may see), in the order asked. */
export async function productsByIds(
  em: SqlEntityManager,
  ids: readonly number[],
): Promise<(ProductView | undefined)[]> {
  return viewsByIds(em, productCache, ids, {
    select: `select ${PRODUCT_COLUMNS} from product p`,
    idColumn: 'p.id',
    toView: toProductView,
  });
}

/** A product id with the stars of the certificate that publishes it. */
export interface Ranked {
  id: number;
  stars: number;
}
type RankedRow = { id: number | string; stars: number | string };

const ids = (found: { id: number | string }[]) => found.map((r) => Number(r.id));
const facetCounts = (found: { value: string | number; n: number | string }[]) =>
  derivedFrom(found, 'facetCounts', () => found.map((r) => ({ value: String(r.value), count: Number(r.n) })));

/** Published products on one day: each read is kept, by its kind, the day and the filter, until the catalog changes. */
export class ProductReader {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly today: IsoDate,
  ) {}

  /** The cache key of a SQL query over published products: its kind, the day, the filter and the rest. */
  private key(kind: string, filter: PublishedFilter, ...rest: unknown[]): unknown[] {
    return [kind, this.today, filter, ...rest];
  }

  private query(filter: PublishedFilter): PublishedProductQuery {
    return new PublishedProductQuery(this.em.getKnex(), dialectOf(this.em), this.today, filter);
  }

  /** Products by id in the order asked, those missing left out. */
  async byIdsInOrder(list: number[]): Promise<ProductView[]> {
    if (list.length === 0) return [];
    return (await productsByIds(this.em, list)).filter((p): p is ProductView => p !== undefined);
  }

  async count(filter: PublishedFilter): Promise<number> {
    const found = await cachedRows<{ n: number | string }>(this.em, this.key('count', filter), () =>
      this.query(filter).base().count({ n: '*' }),
    );
    return Number(found[0]?.n ?? 0);
  }

  /** One page of ids in the order asked; RELEVANCE means nothing without a search and lists by name. */
  async idsInOrder(
    filter: PublishedFilter,
    order: { field: ProductOrderField; direction: OrderDirection },
    offset: number,
    limit: number,
  ): Promise<number[]> {
    const key = this.key('list', filter, order.field, order.direction, offset, limit);
    const found = await cachedRows<{ id: number | string }>(this.em, key, () => {
      const qb = this.query(filter).base().select('p.id');
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
      return qb.offset(offset).limit(limit);
    });
    return ids(found);
  }

  /** Published products per value of `column`, with every filter but the `except` dimension. */
  async countBy(filter: PublishedFilter, column: string, except?: FacetDimension): Promise<FacetCount[]> {
    const found = await cachedRows<{ value: string | number; n: number | string }>(
      this.em,
      this.key('countBy', filter, column, except ?? null),
      () =>
        this.query(filter)
          .base(except, { producer: column.startsWith('pr.'), region: column.startsWith('r.') })
          .select({ value: column })
          .count({ n: '*' })
          .groupBy(column),
    );
    return facetCounts(found);
  }

  /** Per certification scheme valid today: what adding it to the filter would give. */
  async certificationCounts(filter: PublishedFilter): Promise<FacetCount[]> {
    const found = await cachedRows<{ value: string; n: number | string }>(
      this.em,
      this.key('certificationCounts', filter),
      () => this.query(filter).certificationCounts(),
    );
    return facetCounts(found);
  }

  /** Products among the results that are ready to export or exporting (the exportReady filter left out). */
  async exportReadyCount(filter: PublishedFilter): Promise<number> {
    const q = this.query(filter);
    const found = await cachedRows<{ n: number | string }>(this.em, this.key('exportReadyCount', filter), () =>
      q.base('exportReady').whereRaw(q.exportReadySql()).count({ n: '*' }),
    );
    return Number(found[0]?.n ?? 0);
  }

  /**
   * A published product by slug, kept by day and slug until the catalog changes (a product page
   * asked again reads nothing). No stored slug is longer than MAX_SLUG_LENGTH: a longer one finds
   * nothing and is not kept.
   */
  async bySlug(slug: string): Promise<ProductView | null> {
    if (slug.length > MAX_SLUG_LENGTH) return null;
    const key = `${this.today}|${slug}`;
    const [found] = await publishedBySlugCache.many(this.em, [key], async () => {
      const product = await this.readBySlug(slug);
      return new Map(product ? [[key, product]] : []);
    });
    return found ?? null;
  }

  /**
   * A published product by slug, read in one statement with its valid certificate and its
   * producer, which are kept for the loaders: a product page asked cold costs one query.
   */
  private async readBySlug(slug: string): Promise<ProductView | null> {
    const readAt = catalogVersion.current;
    const key = `${dialectOf(this.em)}|${this.today}`;
    let statement = slugStatements.get(key);
    if (!statement) {
      const { sql, bindings } = this.query({})
        .base(undefined, { producer: true })
        .where('p.slug', '')
        .select(this.em.getKnex().raw(`${PRODUCT_COLUMNS}, ${SLUG_PAGE_COLUMNS}`))
        .toSQL();
      statement = { read: new Statement(sql), bindings: bindings.slice(0, -1) };
      if (slugStatements.size >= 2) slugStatements.delete(slugStatements.keys().next().value as string);
      slugStatements.set(key, statement);
    }
    const row = (await rows(this.em, statement.read, [...statement.bindings, slug]))[0];
    if (!row) return null;
    const product = toProductView(row);
    productCache.prime(this.em, String(product.id), product, readAt);
    primeActiveCertificate(this.em, this.today, toCertificateView(prefixed(row, 'c__', CERTIFICATE_FIELDS)), readAt);
    primeProducer(this.em, toProducerView(prefixed(row, 'pr__', PRODUCER_FIELDS)), readAt);
    return product;
  }

  /** Those of `list` published today. */
  async publishedIds(list: number[]): Promise<Set<number>> {
    if (list.length === 0) return new Set();
    const found = (await this.query({}).base().whereIn('p.id', list).select('p.id')) as { id: number }[];
    return new Set(ids(found));
  }

  /**
   * The best `n` of a category (stars, then name), from the regions given only when `near` is
   * set, with their stars: listing them as related products then reads no certificate row.
   */
  async bestInCategory(
    category: CategoryCode,
    n: number,
    near?: { districtId: number; regionIds: number[] },
  ): Promise<Ranked[]> {
    const filter: PublishedFilter = { categories: [category] };
    const ranked = (qb: QueryBuilder) =>
      qb
        .select('p.id', 'c.stars')
        .orderBy('c.stars', 'desc')
        .orderBy('p.name_sort_key', 'asc')
        .orderBy('p.id', 'asc')
        .limit(n);
    const found = near
      ? await cachedRows<RankedRow>(this.em, this.key('relatedNear', filter, near.districtId, n), () =>
          ranked(this.query(filter).base().whereIn('p.region_id', near.regionIds)),
        )
      : await cachedRows<RankedRow>(this.em, this.key('relatedTop', filter, n), () =>
          ranked(this.query(filter).base()),
        );
    return derivedFrom(found, 'ranked', () => found.map((r) => ({ id: Number(r.id), stars: Number(r.stars) })));
  }

  /** A producer's published products, page by page, in name order, and how many there are. */
  async byProducer(producerId: number, offset: number, limit: number): Promise<{ ids: number[]; total: number }> {
    const base = () => this.query({}).base().where('p.producer_id', producerId);
    const [page, counted] = await Promise.all([
      base().select('p.id').orderBy('p.name_sort_key', 'asc').orderBy('p.id', 'asc').offset(offset).limit(limit),
      base().count({ n: '*' }),
    ]);
    return {
      ids: ids(page as { id: number }[]),
      total: Number((counted as { n: number | string }[])[0]?.n ?? 0),
    };
  }
}
