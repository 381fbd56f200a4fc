import type { RequiredEntityData } from '@mikro-orm/core';
import type { CategoryCode, CycleStage, ProductTrade } from '@ocop/domain';
import type { Link } from '../../db/base.entity.js';
import type { Producer } from '../producer/producer.entity.js';
import type { Region } from '../region/region.entity.js';
import { type Product, type ProductImage, productSearchColumns, type ProductTexts } from './product.entity.js';

/**
 * A product as checked input gives it, whoever checked it (an admin mutation or the importer):
 * the one place a product's stored fields are listed, for its new row and for its audit entry.
 */
export interface ProductValues extends ProductTexts {
  slug: string;
  category: CategoryCode;
  cycleStage: CycleStage;
  images: ProductImage[];
  trade?: ProductTrade | null;
}

/**
 * The row of a new product, for `em.create` (an admin mutation) and `insertMany` (an import)
 * alike; its sort and search columns are derived here, as bulk inserts run no entity hooks.
 */
export function productRow(
  p: ProductValues,
  region: Link<Region>,
  producer: Link<Producer>,
): RequiredEntityData<Product> {
  return { ...fields(p), region, producer, ...productSearchColumns(p) };
}

/** The fields of a product the audit log records, before and after a change. */
export function productAudit(p: ProductValues, regionCode: string, producerId: number): Record<string, unknown> {
  return { ...fields(p), regionCode, producer: producerId };
}

function fields(p: ProductValues) {
  return {
    slug: p.slug,
    nameVi: p.nameVi,
    nameEn: p.nameEn ?? null,
    category: p.category,
    cycleStage: p.cycleStage,
    descriptionVi: p.descriptionVi,
    descriptionEn: p.descriptionEn ?? null,
    storyVi: p.storyVi ?? null,
    storyEn: p.storyEn ?? null,
    images: p.images,
    trade: p.trade ?? null,
  };
}
