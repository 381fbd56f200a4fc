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
 * relation instead of N (no N+1). Created per request; the rows behind them are shared between
 * requests until the catalog changes (db/catalog-reader.ts).
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
    producer: new DataLoader((ids) => producersByIds(em, ids)),
    product: new DataLoader((ids) => productsByIds(em, ids)),
    productPublished: new DataLoader(async (ids) => {
      const published = await new ProductService(em, today).publishedIds([...ids]);
      return ids.map((id) => published.has(id));
    }),
    activeCertificate: new DataLoader((productIds) => activeCertificatesByProductIds(em, productIds, today)),
  };
}
