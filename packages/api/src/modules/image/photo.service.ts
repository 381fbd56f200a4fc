import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { ERROR_CODES, PRODUCT_IMAGE_FIELDS } from '@ocop/domain';
import { type AuditTrail, checkText, diff, Issues, refuse } from '../audit/mutation.js';
import { MAX_IMAGES } from '../product/product.admin.service.js';
import { Product, type ProductImage } from '../product/product.entity.js';
import { imageUrl, type StoredImage, storedImageId } from './image.store.js';

/** A stored photo and its text alternatives, ready to attach. */
export interface NewPhoto {
  image: StoredImage;
  altVi: string;
  altEn?: string | null;
}

/** The photo as a product keeps it: its largest JPEG as `url`, with its size and widths. */
export function photoRecord(photo: NewPhoto): ProductImage {
  const { image } = photo;
  const largest = image.widths.at(-1) as number;
  return {
    url: imageUrl(image.id, largest, 'jpg'),
    altVi: photo.altVi,
    ...(photo.altEn ? { altEn: photo.altEn } : {}),
    width: image.width,
    height: image.height,
    widths: image.widths,
  };
}

/** Checks a photo's text alternatives (required in Vietnamese, optional in English). */
export function checkAlt(altVi: string | null | undefined, altEn: string | null | undefined, field = 'altVi') {
  const issues = new Issues();
  const vi = checkText(issues, field, altVi, { ...PRODUCT_IMAGE_FIELDS.altVi, required: true });
  const en = checkText(issues, field.replace(/Vi$/u, 'En'), altEn, { ...PRODUCT_IMAGE_FIELDS.altEn, required: false });
  issues.throwIfAny();
  return { altVi: vi as string, altEn: en ?? null };
}

/**
 * Attaches stored photos to a product, after the ones it has, inside an audited transaction (so
 * the change feed and the audit log see it like any other change). A photo it already shows is
 * not added twice; more than {@link MAX_IMAGES} photos are refused.
 */
export async function attachPhotos(
  tx: EntityManager,
  audit: AuditTrail,
  product: Product,
  photos: NewPhoto[],
): Promise<{ product: Product; added: number }> {
  const before = product.images;
  const have = new Set(before.map((i) => storedImageId(i.url)).filter(Boolean));
  const fresh: NewPhoto[] = [];
  for (const photo of photos) {
    if (have.has(photo.image.id)) continue;
    have.add(photo.image.id);
    fresh.push(photo);
  }
  if (before.length + fresh.length > MAX_IMAGES) {
    refuse(
      'photo',
      ERROR_CODES.VALIDATION_FAILED,
      `"${product.nameVi}" has ${before.length} photos and ${fresh.length} more were sent; a product shows at most ${MAX_IMAGES}. Remove some with updateProduct(images:) first.`,
    );
  }
  if (fresh.length === 0) {
    // Nothing to change (the photos are there already): the attempt is still on record.
    audit.record('Product', product.id, {});
    return { product, added: 0 };
  }
  product.images = [...before, ...fresh.map(photoRecord)];
  await tx.flush();
  audit.record('Product', product.id, diff({ images: before }, { images: product.images }));
  return { product, added: fresh.length };
}

/** A product by slug or id, or a NOT_FOUND refusal naming `field`. */
export async function findProduct(tx: EntityManager, where: { id: number } | { slug: string }, field: string) {
  const product = await tx.findOne(Product, where);
  if (!product) {
    refuse(
      field,
      ERROR_CODES.NOT_FOUND,
      'slug' in where
        ? `No product has the slug "${where.slug}". Use the slug from its page address (/products/<slug>/) or the export.`
        : 'No product has the ID given. Use the `id` returned by createProduct or the products query.',
    );
  }
  return product;
}
