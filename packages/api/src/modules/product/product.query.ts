import type { SqlEntityManager } from '@mikro-orm/knex';
import type { CategoryCode, IsoDate, ProducerType } from '@ocop/domain';

type Knex = ReturnType<SqlEntityManager['getKnex']>;
export type QueryBuilder = ReturnType<Knex['queryBuilder']>;
export type Dialect = 'sqlite' | 'postgresql';

/** Which SQL dialect an EntityManager speaks, for the few statements that differ. */
export function dialectOf(em: SqlEntityManager): Dialect {
  return em.getPlatform().constructor.name.toLowerCase().includes('postgre') ? 'postgresql' : 'sqlite';
}

/** Validated filter values, as the service hands them to SQL. */
export interface PublishedFilter {
  categories?: CategoryCode[];
  minStars?: number;
  maxStars?: number;
  /** Materialised path of a region: the product's region must be it or under it. */
  regionPath?: string;
  producerTypes?: ProducerType[];
  certifiedFrom?: number;
  certifiedTo?: number;
}

export type FacetDimension = 'category' | 'stars' | 'region' | 'producerType';

/**
 * SQL for "published products matching a filter", written once for both databases: every public
 * listing, count and facet without a search goes through it, and so does the search index when
 * it reads the published catalog (modules/search/search.reader.ts). Searches themselves are
 * answered by that index, in memory.
 */
export class PublishedProductQuery {
  constructor(
    private readonly knex: Knex,
    private readonly today: IsoDate,
    private readonly filter: PublishedFilter,
  ) {}

  /**
   * Published products with their active certificate (c); the producer (pr) and region (r) are
   * joined only when a filter or facet needs them, since every join costs a row look-up per
   * product and lists of thousands of products are counted on every page.
   */
  base(except?: FacetDimension, joins: { producer?: boolean; region?: boolean } = {}): QueryBuilder {
    const { filter, today } = this;
    const qb = this.knex
      .queryBuilder()
      .from('product as p')
      .join('certificate as c', (on) => {
        on.on('c.product_id', 'p.id')
          .andOnVal('c.status', '=', 'ISSUED')
          .andOnVal('c.issued_on', '<=', today)
          .andOnVal('c.expires_on', '>=', today);
      });
    const byProducerType = except !== 'producerType' && Boolean(filter.producerTypes?.length);
    const byRegion = except !== 'region' && Boolean(filter.regionPath);
    if (joins.producer || byProducerType) qb.join('producer as pr', 'pr.id', 'p.producer_id');
    if (joins.region || byRegion) qb.join('region as r', 'r.id', 'p.region_id');
    if (except !== 'category' && filter.categories?.length) qb.whereIn('p.category', filter.categories);
    if (except !== 'stars' && filter.minStars !== undefined) qb.where('c.stars', '>=', filter.minStars);
    if (except !== 'stars' && filter.maxStars !== undefined) qb.where('c.stars', '<=', filter.maxStars);
    if (byRegion) qb.where('r.path', 'like', `${filter.regionPath}%`);
    if (byProducerType) qb.whereIn('pr.type', filter.producerTypes as string[]);
    if (filter.certifiedFrom !== undefined) qb.where('c.issued_on', '>=', `${filter.certifiedFrom}-01-01`);
    if (filter.certifiedTo !== undefined) qb.where('c.issued_on', '<=', `${filter.certifiedTo}-12-31`);
    return qb;
  }
}
