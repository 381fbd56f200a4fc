import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import DataLoader from 'dataloader';
import {
  activeCertificatesByProductIds,
  type CertificateView,
  type ProducerView,
  type ProductView,
  producersByIds,
  productsByIds,
  type RegionView,
  regionDirectory,
} from '../db/catalog-reader.js';
import { ProductService } from '../modules/product/product.service.js';

/**
 * Batches look-ups made while resolving one request, so a page of N products costs one query per
 * relation instead of N (no N+1). Created per request: caches never outlive it, except regions,
 * which come from the directory kept per catalog version.
 */
export interface Loaders {
  region: DataLoader<number, RegionView | undefined>;
  regionChildren: DataLoader<number, RegionView[]>;
  producer: DataLoader<number, ProducerView | undefined>;
  product: DataLoader<number, ProductView | undefined>;
  /** Whether a product is published today (the public may see it). */
  productPublished: DataLoader<number, boolean>;
  /** The certificate that makes a product published today (ISSUED, 3★+, within its dates). */
  activeCertificate: DataLoader<number, CertificateView | undefined>;
}

function byKey<T>(rows: T[], key: (row: T) => number, ids: readonly number[]): (T | undefined)[] {
  const map = new Map(rows.map((row) => [key(row), row]));
  return ids.map((id) => map.get(id));
}

export function createLoaders(em: EntityManager, today: IsoDate): Loaders {
  return {
    region: new DataLoader(async (ids) => {
      const { byId } = await regionDirectory(em);
      return ids.map((id) => byId.get(id));
    }),
    regionChildren: new DataLoader(async (parentIds) => {
      const { children } = await regionDirectory(em);
      return parentIds.map((id) => children.get(id) ?? []);
    }),
    producer: new DataLoader(async (ids) => byKey(await producersByIds(em, ids), (r) => r.id, ids)),
    product: new DataLoader(async (ids) => byKey(await productsByIds(em, ids), (r) => r.id, ids)),
    productPublished: new DataLoader(async (ids) => {
      const published = await new ProductService(em, today).publishedIds([...ids]);
      return ids.map((id) => published.has(id));
    }),
    activeCertificate: new DataLoader(async (productIds) =>
      byKey(await activeCertificatesByProductIds(em, productIds, today), (c) => c.product.id, productIds),
    ),
  };
}
