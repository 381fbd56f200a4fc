import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  type CategoryCode,
  type CouncilLevel,
  type CycleStage,
  type IsoDate,
  type ProducerType,
  type ProductTrade,
  type RegionKind,
  type RegionLevel,
  type Stars,
  type StoredCertificateStatus,
  vietnameseSortKey,
} from '@ocop/domain';
import { CatalogCache, perDatabase } from '../cache/catalog-cache.js';
import { RowCache } from '../cache/row-cache.js';

/**
 * The public read path: products, producers, certificates and regions as plain objects read with
 * one SQL statement per batch, not as ORM entities. Building a MikroORM entity (identity map,
 * references, change-set snapshot) cost more CPU than the SQL itself on a catalog page, and
 * public reads never write. Entities satisfy these same shapes, so resolvers take either: an
 * admin mutation returns its entity, a public list returns views.
 */
interface Ref {
  readonly id: number;
}

/** Which GraphQL type a plain view is, for the Node interface (entities are told by their class). */
interface Typed<Name extends string> {
  readonly __typename?: Name;
}

export interface ProductImageView {
  url: string;
  altVi: string;
  altEn?: string;
  width?: number;
  height?: number;
  widths?: number[];
}

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

export interface ProducerView extends Typed<'Producer'> {
  id: number;
  slug: string;
  name: string;
  type: ProducerType;
  representative: string;
  address: string;
  region: Ref;
  phone: string;
  email: string;
  website?: string | null;
}

export interface CertificateView extends Typed<'Certificate'> {
  id: number;
  number: string;
  product: Ref;
  decisionNumber: string;
  decisionDate: string;
  issuingLevel: CouncilLevel;
  stars: Stars;
  issuedOn: string;
  expiresOn: string;
  status: StoredCertificateStatus;
  revokedOn?: string | null;
}

export interface RegionView extends Typed<'Region'> {
  id: number;
  code: string;
  nameVi: string;
  nameEn?: string | null;
  level: RegionLevel;
  kind: RegionKind;
  parent?: Ref | null;
  path: string;
  validFrom?: string | null;
  validTo?: string | null;
  successor?: Ref | null;
}

type Row = Record<string, unknown>;

const str = (v: unknown): string => String(v);
const optStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const ref = (v: unknown): Ref | null => (v === null || v === undefined ? null : { id: Number(v) });
/** SQLite hands JSON columns back as text, PostgreSQL (jsonb) as parsed values. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export const PRODUCT_COLUMNS =
  'p.id, p.slug, p.name_vi, p.name_en, p.category, p.cycle_stage, p.description_vi, p.description_en, p.story_vi, p.story_en, p.images, p.trade, p.producer_id, p.region_id';

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

export function toProducerView(r: Row): ProducerView {
  return {
    __typename: 'Producer',
    id: Number(r.id),
    slug: str(r.slug),
    name: str(r.name),
    type: r.type as ProducerType,
    representative: str(r.representative),
    address: str(r.address),
    region: { id: Number(r.region_id) },
    phone: str(r.phone),
    email: str(r.email),
    website: optStr(r.website),
  };
}

export function toCertificateView(r: Row): CertificateView {
  return {
    __typename: 'Certificate',
    id: Number(r.id),
    number: str(r.number),
    product: { id: Number(r.product_id) },
    decisionNumber: str(r.decision_number),
    decisionDate: str(r.decision_date),
    issuingLevel: r.issuing_level as CouncilLevel,
    stars: Number(r.stars) as Stars,
    issuedOn: str(r.issued_on),
    expiresOn: str(r.expires_on),
    status: r.status as StoredCertificateStatus,
    revokedOn: optStr(r.revoked_on),
  };
}

function toRegionView(r: Row): RegionView {
  return {
    __typename: 'Region',
    id: Number(r.id),
    code: str(r.code),
    nameVi: str(r.name_vi),
    nameEn: optStr(r.name_en),
    level: r.level as RegionLevel,
    kind: r.kind as RegionKind,
    parent: ref(r.parent_id),
    path: str(r.path),
    validFrom: optStr(r.valid_from),
    validTo: optStr(r.valid_to),
    successor: ref(r.successor_id),
  };
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/**
 * Runs a read with its values as bindings, not written into the SQL: MikroORM's `execute` inlines
 * them, so every product id made a new statement for SQLite to compile (the prepared-statement
 * cache in orm.ts keys on the SQL text) and for PostgreSQL to parse and plan. The statement is
 * still reported to the ORM's logger (tests count statements with it).
 */
export async function rows(em: SqlEntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const connection = em.getConnection() as unknown as { logQuery(query: string, context?: object): void };
  const started = Date.now();
  const result = (await em.getKnex().raw(sql, params as never[])) as Row[] | { rows: Row[] };
  connection.logQuery(sql, { took: Date.now() - started });
  return Array.isArray(result) ? result : result.rows;
}

const productCache = new RowCache<ProductView>('product rows');
const producerCache = new RowCache<ProducerView>('producer rows');
const certificateCache = new RowCache<CertificateView>('certificate rows');

function byKey<T>(list: T[], key: (row: T) => string): Map<string, T> {
  return new Map(list.map((row) => [key(row), row]));
}

/** Products by id (published or not: callers decide what the public may see), in the order asked. */
export async function productsByIds(
  em: SqlEntityManager,
  ids: readonly number[],
): Promise<(ProductView | undefined)[]> {
  return productCache.many(em, ids.map(String), async (missing) => {
    const list = await rows(
      em,
      `select ${PRODUCT_COLUMNS} from product p where p.id in (${placeholders(missing.length)})`,
      missing.map(Number),
    );
    return byKey(list.map(toProductView), (p) => String(p.id));
  });
}

export async function producersByIds(
  em: SqlEntityManager,
  ids: readonly number[],
): Promise<(ProducerView | undefined)[]> {
  return producerCache.many(em, ids.map(String), async (missing) => {
    const list = await rows(
      em,
      `select id, slug, name, type, representative, address, region_id, phone, email, website from producer where id in (${placeholders(missing.length)})`,
      missing.map(Number),
    );
    return byKey(list.map(toProducerView), (p) => String(p.id));
  });
}

const CERTIFICATE_COLUMNS =
  'id, number, product_id, decision_number, decision_date, issuing_level, stars, issued_on, expires_on, status, revoked_on';

/** The certificate that makes each product published today (ISSUED and within its dates), in the order asked. */
export async function activeCertificatesByProductIds(
  em: SqlEntityManager,
  productIds: readonly number[],
  today: IsoDate,
): Promise<(CertificateView | undefined)[]> {
  return certificateCache.many(
    em,
    productIds.map((id) => `${today}|${id}`),
    async (missing) => {
      const ids = missing.map((key) => Number(key.split('|')[1]));
      const list = await rows(
        em,
        `select ${CERTIFICATE_COLUMNS} from certificate where product_id in (${placeholders(ids.length)}) and status = 'ISSUED' and issued_on <= ? and expires_on >= ?`,
        [...ids, today, today],
      );
      return byKey(list.map(toCertificateView), (c) => `${today}|${c.product.id}`);
    },
  );
}

/**
 * Keeps rows another query read on the way (the product page reads its product, certificate and
 * producer in one statement), so the loaders find them instead of asking again.
 */
export function primeRows(
  em: SqlEntityManager,
  today: IsoDate,
  readAt: number,
  found: { product?: ProductView; certificate?: CertificateView; producer?: ProducerView },
): void {
  if (found.product) productCache.prime(em, String(found.product.id), found.product, readAt);
  if (found.certificate)
    certificateCache.prime(em, `${today}|${found.certificate.product.id}`, found.certificate, readAt);
  if (found.producer) producerCache.prime(em, String(found.producer.id), found.producer, readAt);
}

/** Every region, indexed: a few thousand rows that change only when the catalog does. */
export interface RegionDirectory {
  byId: Map<number, RegionView>;
  byCode: Map<string, RegionView>;
  /** Children of each region, in Vietnamese dictionary order. */
  children: Map<number, RegionView[]>;
  /** Provinces and other roots, in Vietnamese dictionary order. */
  roots: RegionView[];
  /** All regions in path order. */
  all: RegionView[];
  /** Depth in the tree: 1 for a province, 2 for a district-level unit (or a commune under a province after 2025)… */
  depth: Map<number, number>;
  /** Each region's id and its ancestors' ids, root first. */
  lineage: Map<number, number[]>;
  /** Each region's id and the ids of every region under it. */
  subtree(id: number): number[];
  /** Orders regions by Vietnamese name (sort keys computed once), then path. */
  compareByName(a: RegionView, b: RegionView): number;
  /**
   * The district-level unit a region belongs to (itself when it is one); after 2025 a commune
   * directly under the province is its own district-level unit.
   */
  districtOf(id: number): RegionView | undefined;
}

function buildDirectory(all: RegionView[]): RegionDirectory {
  const byId = new Map(all.map((r) => [r.id, r]));
  const byCode = new Map(all.map((r) => [r.code, r]));
  const sortKey = new Map(all.map((r) => [r.id, vietnameseSortKey(r.nameVi)]));
  const byVietnameseName = (a: RegionView, b: RegionView) => {
    const ka = sortKey.get(a.id) ?? '';
    const kb = sortKey.get(b.id) ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : a.id - b.id;
  };
  // The materialised path ('/KG/KG-PQ/') names the ancestors by code, root first.
  const lineage = new Map<number, number[]>();
  const depth = new Map<number, number>();
  for (const r of all) {
    const codes = r.path.split('/').filter(Boolean);
    depth.set(r.id, codes.length);
    lineage.set(
      r.id,
      codes.map((code) => byCode.get(code)?.id).filter((id): id is number => id !== undefined),
    );
  }
  const subtrees = new Map<number, number[]>();
  for (const [id, ancestors] of lineage) {
    for (const ancestor of ancestors) {
      const list = subtrees.get(ancestor);
      if (list) list.push(id);
      else subtrees.set(ancestor, [id]);
    }
  }
  const children = new Map<number, RegionView[]>();
  const roots: RegionView[] = [];
  for (const r of all) {
    if (!r.parent) {
      roots.push(r);
      continue;
    }
    const list = children.get(r.parent.id);
    if (list) list.push(r);
    else children.set(r.parent.id, [r]);
  }
  for (const list of children.values()) list.sort(byVietnameseName);
  roots.sort(byVietnameseName);
  return {
    byId,
    byCode,
    children,
    roots,
    all,
    depth,
    lineage,
    compareByName: byVietnameseName,
    subtree: (id) => subtrees.get(id) ?? [id],
    districtOf(id) {
      let region = byId.get(id);
      while (region?.parent) {
        const parent = byId.get(region.parent.id);
        if (!parent?.parent) return region;
        region = parent;
      }
      return region;
    },
  };
}

const directories = perDatabase(() => new CatalogCache<'regions', RegionDirectory>('region tree', { max: 1 }));

/**
 * All regions, read once and kept until the catalog changes (catalog-cache.ts), so a renamed or
 * added region shows on the next request, whichever process wrote it.
 */
export function regionDirectory(em: SqlEntityManager): Promise<RegionDirectory> {
  return directories(em).remember('regions', () =>
    rows(
      em,
      'select id, code, name_vi, name_en, level, kind, parent_id, path, valid_from, valid_to, successor_id from region order by path, id',
      [],
    ).then((list) => buildDirectory(list.map(toRegionView))),
  );
}
