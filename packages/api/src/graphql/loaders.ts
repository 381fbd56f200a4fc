import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import DataLoader from 'dataloader';
import type { CertificateView } from '../modules/certificate/certificate.reader.js';
import { CertificateService } from '../modules/certificate/certificate.service.js';
import type { ProducerView } from '../modules/producer/producer.reader.js';
import { ProducerService } from '../modules/producer/producer.service.js';
import type { ProductView } from '../modules/product/product.reader.js';
import { ProductService } from '../modules/product/product.service.js';
import type { RegionView } from '../modules/region/region.reader.js';
import { RegionService } from '../modules/region/region.service.js';

/**
 * Batches look-ups made while resolving one request, so a page of N products costs one query per
 * relation instead of N (no N+1). Created per request; the rows behind them are shared between
 * requests until the catalog changes (each module's reader keeps them).
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
  const regions = new RegionService(em, today);
  const products = new ProductService(em, today);
  return {
    region: new DataLoader((ids) => regions.byIds(ids)),
    regionChildren: new DataLoader((parentIds) => regions.childrenOf(parentIds)),
    producer: new DataLoader((ids) => new ProducerService(em, today).byIds(ids)),
    product: new DataLoader((ids) => products.byIds(ids)),
    productPublished: new DataLoader(async (ids) => {
      const published = await products.publishedIds([...ids]);
      return ids.map((id) => published.has(id));
    }),
    activeCertificate: new DataLoader((productIds) => new CertificateService(em, today).activeFor(productIds)),
  };
}
