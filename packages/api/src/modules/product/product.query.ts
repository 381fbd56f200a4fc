import type { SqlEntityManager } from '@mikro-orm/knex';
import type { CategoryCode, CertificationScheme, IsoDate, ProducerType } from '@ocop/domain';

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
  /** Only products ready to export or exporting. */
  exportReady?: boolean;
  /** Products holding each of these certifications, valid today. */
  certifications?: CertificationScheme[];
}

export type FacetDimension = 'category' | 'stars' | 'region' | 'producerType' | 'certification' | 'exportReady';

/**
 * SQL for "published products matching a filter", written once for both databases: every public
 * listing, count and facet without a search goes through it, and so does the search index when
 * it reads the published catalog (modules/search/search.reader.ts). Searches themselves are
 * answered by that index, in memory.
 */
export class PublishedProductQuery {
  constructor(
    private readonly knex: Knex,
    private readonly dialect: Dialect,
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
        // 'ISSUED' is written into the SQL, not bound: `status` is the condition of a partial
        // index (certificate_one_issued_per_product), and SQLite compiles a statement again at
        // every run when a bound value is compared with such a column (it might choose that
        // index). Bound, the one-row product page's statement cost 95–140 µs instead of 36–43.
        on.on('c.product_id', 'p.id')
          .andOn('c.status', '=', this.knex.raw("'ISSUED'"))
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
    if (except !== 'exportReady' && filter.exportReady) qb.whereRaw(this.exportReadySql());
    if (except !== 'certification') {
      for (const scheme of filter.certifications ?? []) {
        qb.whereRaw(`exists (select 1 from ${this.certificationsOf()} where ${this.validCertification()})`, [
          scheme,
          today,
        ]);
      }
    }
    return qb;
  }

  /**
   * Trade information is one JSON document per product (p.trade); these are the only statements
   * that look inside it, one spelling per database.
   */
  exportReadySql(): string {
    const readiness =
      this.dialect === 'sqlite' ? `json_extract(p.trade, '$.exportReadiness')` : `(p.trade ->> 'exportReadiness')`;
    return `${readiness} in ('EXPORT_READY', 'EXPORTING')`;
  }

  /** The product's other certifications as rows `j` (a table expression for FROM or JOIN). */
  private certificationsOf(): string {
    return this.dialect === 'sqlite'
      ? `json_each(p.trade, '$.certifications') as j`
      : `jsonb_array_elements(coalesce(p.trade -> 'certifications', '[]'::jsonb)) as j(value)`;
  }

  /** `j` is of the scheme bound first and valid on the day bound second (no expiry recorded counts). */
  private validCertification(): string {
    return `${this.certificationScheme()} = ? and coalesce(${this.certificationField('expiresOn')}, '9999-12-31') >= ?`;
  }

  private certificationField(name: string): string {
    return this.dialect === 'sqlite' ? `json_extract(j.value, '$.${name}')` : `(j.value ->> '${name}')`;
  }

  private certificationScheme(): string {
    return this.certificationField('scheme');
  }

  /** Published products per certification scheme valid today, with every filter but the certification one. */
  certificationCounts(): QueryBuilder {
    const join = this.dialect === 'sqlite' ? 'cross join' : 'cross join lateral';
    return this.base('certification')
      .joinRaw(`${join} ${this.certificationsOf()}`)
      .whereRaw(`coalesce(${this.certificationField('expiresOn')}, '9999-12-31') >= ?`, [this.today])
      .select({ value: this.knex.raw(this.certificationScheme()) })
      .countDistinct({ n: 'p.id' })
      .groupByRaw(this.certificationScheme());
  }
}
