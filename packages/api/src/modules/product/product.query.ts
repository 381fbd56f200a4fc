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

/** Longest search accepted, and how many of its words count. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TOKENS = 8;

const NAME = `(' ' || p.name_folded || ' ')`;
const BODY = `(' ' || p.body_folded || ' ')`;
/** Indexed on PostgreSQL (pg_trgm GIN on this exact expression), so keep it byte-identical. */
export const SEARCH_DOCUMENT = `(' ' || p.name_folded || ' ' || p.body_folded)`;

/**
 * SQL for "published products matching a filter and a search", written once for both databases.
 * Matching and ranking use only LIKE on columns our own code folded, so SQLite and PostgreSQL
 * return the same rows in the same order; each database adds only an index to find them fast
 * (FTS5 on SQLite, trigram GIN on PostgreSQL).
 */
export class PublishedProductQuery {
  constructor(
    private readonly knex: Knex,
    private readonly dialect: Dialect,
    private readonly today: IsoDate,
    private readonly filter: PublishedFilter,
    /** Folded search words; empty when not searching. */
    readonly tokens: string[],
    /**
     * The ids of the products the words match (from {@link matching}), as a JSON array, when
     * known: the filter then reads them instead of searching the text again. A new search asks
     * for a count, four facets and a page; searching once saves the other five text scans
     * (33 ms each on PostgreSQL for a common word, where the planner scans the whole table).
     */
    private readonly matches?: string,
  ) {}

  /** Ids of all products, published or not, whose text matches the search words. */
  matching(): QueryBuilder {
    const qb = this.knex.queryBuilder().from('product as p').select('p.id');
    this.applyTextSearch(qb);
    return qb;
  }

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
    if (except !== 'exportReady' && filter.exportReady) qb.whereRaw(this.exportReadySql());
    if (except !== 'certification') {
      for (const scheme of filter.certifications ?? []) {
        qb.whereRaw(`exists (select 1 from ${this.certificationsOf()} where ${this.validCertification()})`, [
          scheme,
          today,
        ]);
      }
    }
    this.applySearch(qb);
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

  private applySearch(qb: QueryBuilder): void {
    if (this.tokens.length === 0) return;
    if (this.matches === undefined) {
      this.applyTextSearch(qb);
    } else if (this.dialect === 'sqlite') {
      qb.whereRaw('p.id in (select value from json_each(?))', [this.matches]);
    } else {
      qb.whereRaw('p.id in (select jsonb_array_elements_text(?::jsonb)::int)', [this.matches]);
    }
  }

  private applyTextSearch(qb: QueryBuilder): void {
    if (this.dialect === 'sqlite') {
      // FTS5 finds candidates by word prefix; the LIKE below decides, identically on both databases.
      const match = this.tokens.map((t) => `"${t}"*`).join(' ');
      qb.whereRaw('p.id in (select rowid from product_fts where product_fts match ?)', [match]);
    }
    for (const token of this.tokens) qb.whereRaw(`${SEARCH_DOCUMENT} like ?`, [`% ${token}%`]);
  }

  /**
   * Relevance: per word, a whole word in the name 8, a name word starting with it 4, a whole
   * word in the description or story 2, a prefix there 1; plus 6 when the whole query stands in
   * the name as a phrase and 3 when the name starts with it.
   */
  relevance(): { sql: string; bindings: string[] } {
    const parts: string[] = [];
    const bindings: string[] = [];
    for (const t of this.tokens) {
      parts.push(`(case when ${NAME} like ? then 8 when ${NAME} like ? then 4 when ${BODY} like ? then 2 else 1 end)`);
      bindings.push(`% ${t} %`, `% ${t}%`, `% ${t} %`);
    }
    const phrase = this.tokens.join(' ');
    if (this.tokens.length > 1) {
      parts.push(`(case when ${NAME} like ? then 6 else 0 end)`);
      bindings.push(`% ${phrase} %`);
    }
    parts.push(`(case when p.name_folded like ? then 3 else 0 end)`);
    bindings.push(`${phrase}%`);
    return { sql: parts.join(' + '), bindings };
  }
}
