import type { SqlEntityManager } from '@mikro-orm/knex';
import type { IsoDate, ProducerType } from '@ocop/domain';
import { catalogVersion } from '../../cache/catalog-version.js';
import { RowCache } from '../../cache/row-cache.js';
import { optStr, type Ref, type Row, rows, Statement, str, type Typed, viewsByIds } from '../../db/rows.js';
import { dialectOf, PublishedProductQuery } from '../product/product.query.js';

/** The producer module's reads: producers as plain views, and which of them the public may see. */

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

/** A producer's columns, in the order toProducerView reads them. */
export const PRODUCER_COLUMNS = 'id, slug, name, type, representative, address, region_id, phone, email, website';

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

const producerCache = new RowCache<ProducerView>('producer rows');

export async function producersByIds(
  em: SqlEntityManager,
  ids: readonly number[],
): Promise<(ProducerView | undefined)[]> {
  return viewsByIds(em, producerCache, ids, {
    select: `select ${PRODUCER_COLUMNS} from producer`,
    idColumn: 'id',
    toView: toProducerView,
  });
}

/** Keeps a producer another query read on the way (the product page), read at catalog version `readAt`. */
export function primeProducer(em: SqlEntityManager, producer: ProducerView, readAt: number): void {
  producerCache.prime(em, String(producer.id), producer, readAt);
}

const BY_SLUG = new Statement(`select ${PRODUCER_COLUMNS} from producer where slug = ?`);

/** A producer by slug, whether or not the public may see it; kept for the loaders. */
export async function producerBySlug(em: SqlEntityManager, slug: string): Promise<ProducerView | null> {
  const readAt = catalogVersion.current;
  const [row] = await rows(em, BY_SLUG, [slug]);
  if (!row) return null;
  const producer = toProducerView(row);
  primeProducer(em, producer, readAt);
  return producer;
}

/** Those of `ids` with a product published on `today`. */
export async function publishedProducerIds(em: SqlEntityManager, today: IsoDate, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = (await new PublishedProductQuery(em.getKnex(), dialectOf(em), today, {})
    .base()
    .distinct('p.producer_id')
    .whereIn('p.producer_id', ids)) as { producer_id: number }[];
  return new Set(found.map((r) => Number(r.producer_id)));
}
