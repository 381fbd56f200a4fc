import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { compareVietnamese, type IsoDate } from '@ocop/domain';
import DataLoader from 'dataloader';
import { Certificate } from '../modules/certificate/certificate.entity.js';
import { Producer } from '../modules/producer/producer.entity.js';
import { Product } from '../modules/product/product.entity.js';
import { ProductService } from '../modules/product/product.service.js';
import { Region } from '../modules/region/region.entity.js';

/**
 * Batches look-ups made while resolving one request, so a page of N products costs one query per
 * relation instead of N (no N+1). Created per request: caches never outlive it.
 */
export interface Loaders {
  region: DataLoader<number, Region | undefined>;
  regionChildren: DataLoader<number, Region[]>;
  producer: DataLoader<number, Producer | undefined>;
  product: DataLoader<number, Product | undefined>;
  /** Whether a product is published today (the public may see it). */
  productPublished: DataLoader<number, boolean>;
  /** The certificate that makes a product published today (ISSUED, 3★+, within its dates). */
  activeCertificate: DataLoader<number, Certificate | undefined>;
}

function byId<T extends { id: number }>(rows: T[], ids: readonly number[]): (T | undefined)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id));
}

export function createLoaders(em: EntityManager, today: IsoDate): Loaders {
  return {
    region: new DataLoader(async (ids) => byId(await em.find(Region, { id: { $in: [...ids] } }), ids)),
    regionChildren: new DataLoader(async (parentIds) => {
      // Sorted here, not in SQL, so both databases give Vietnamese dictionary order whatever their collation.
      const rows = await em.find(Region, { parent: { $in: [...parentIds] } });
      rows.sort((a, b) => compareVietnamese(a.nameVi, b.nameVi) || a.id - b.id);
      return parentIds.map((id) => rows.filter((r) => r.parent?.id === id));
    }),
    producer: new DataLoader(async (ids) => byId(await em.find(Producer, { id: { $in: [...ids] } }), ids)),
    product: new DataLoader(async (ids) => byId(await em.find(Product, { id: { $in: [...ids] } }), ids)),
    productPublished: new DataLoader(async (ids) => {
      const published = await new ProductService(em, today).publishedIds([...ids]);
      return ids.map((id) => published.has(id));
    }),
    activeCertificate: new DataLoader(async (productIds) => {
      const rows = await em.find(Certificate, {
        product: { $in: [...productIds] },
        status: 'ISSUED',
        issuedOn: { $lte: today },
        expiresOn: { $gte: today },
      });
      const map = new Map(rows.map((c) => [c.product.id, c]));
      return productIds.map((id) => map.get(id));
    }),
  };
}
