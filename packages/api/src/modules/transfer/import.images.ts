import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { DomainError } from '@ocop/domain';
import type { ImageSettings } from '../../config.js';
import { inspectImage, type StoredImage, storedImageId, storeImage } from '../image/image.store.js';
import { photoRecord } from '../image/photo.service.js';
import { MAX_IMAGES } from '../product/product.admin.service.js';
import { Product, type ProductImage } from '../product/product.entity.js';
import type { ProductNode } from './import.model.js';
import type { Problem } from './import.sources.js';

/**
 * Photos that come with an import: a folder `images/` beside the imported files (or inside an
 * imported folder), one subfolder per product named by its slug, holding its photos in name
 * order. Each is checked and stored like an upload; the product's name is its text
 * alternative. A photo the product already shows is not added twice.
 */

const PHOTO = /\.(jpe?g|png|webp|avif|tiff?)$/iu;

export interface ImportPhoto {
  slug: string;
  file: string;
  bytes: Buffer;
  image?: StoredImage;
}

/** The images/ folders next to `paths`. */
export function imageFolders(paths: string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    let dir: string;
    try {
      dir = statSync(path).isDirectory() ? path : dirname(path);
    } catch {
      continue;
    }
    const candidate = join(dir, 'images');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) folders.add(candidate);
  }
  return [...folders];
}

/** Reads and checks the photos of every folder (stores their copies unless `dryRun`). */
export async function readImportPhotos(
  folders: string[],
  products: Map<string, ProductNode>,
  settings: ImageSettings,
  display: (p: string) => string,
  dryRun: boolean,
): Promise<{ photos: ImportPhoto[]; problems: Problem[] }> {
  const photos: ImportPhoto[] = [];
  const problems: Problem[] = [];
  for (const folder of folders) {
    for (const slug of readdirSync(folder).sort()) {
      const dir = join(folder, slug);
      if (!statSync(dir).isDirectory()) continue;
      const product = products.get(slug);
      if (!product) {
        problems.push({
          where: display(dir),
          message: `no product has the slug "${slug}" in the catalog or in this import; name the folder after the product's slug.`,
        });
        continue;
      }
      const files = readdirSync(dir)
        .filter((f) => PHOTO.test(f))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      const known = new Set(product.images.map((i) => storedImageId(i.url)).filter(Boolean));
      let count = product.images.length;
      for (const file of files) {
        const path = join(dir, file);
        const bytes = readFileSync(path);
        try {
          let image: Awaited<ReturnType<typeof storeImage>> | undefined;
          if (dryRun) await inspectImage(bytes, settings, file);
          else image = await storeImage(bytes, settings, file);
          if (image && known.has(image.id)) continue;
          if (image) known.add(image.id);
          count++;
          photos.push({ slug, file: display(path), bytes, ...(image ? { image } : {}) });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problems.push({ where: display(path), message: error.message });
        }
      }
      if (count > MAX_IMAGES) {
        problems.push({
          where: display(dir),
          message: `"${slug}" would have ${count} photos; a product shows at most ${MAX_IMAGES}. Keep the best ones.`,
        });
      }
    }
  }
  return { photos, problems };
}

/**
 * Appends the stored photos to their products, inside the import's transaction: how many were
 * added, and the new photo lists by product slug.
 */
export async function attachImportPhotos(
  tx: EntityManager,
  photos: ImportPhoto[],
): Promise<{ added: number; images: Map<string, ProductImage[]> }> {
  let added = 0;
  const images = new Map<string, ProductImage[]>();
  const bySlug = new Map<string, ImportPhoto[]>();
  for (const p of photos) bySlug.set(p.slug, [...(bySlug.get(p.slug) ?? []), p]);
  for (const [slug, list] of bySlug) {
    const product = await tx.findOneOrFail(Product, { slug });
    const have = new Set(product.images.map((i) => storedImageId(i.url)));
    const next: ProductImage[] = [...product.images];
    for (const p of list) {
      if (!p.image || have.has(p.image.id)) continue;
      have.add(p.image.id);
      next.push(photoRecord({ image: p.image, altVi: product.nameVi, altEn: product.nameEn ?? null }));
      added++;
    }
    if (next.length !== product.images.length) {
      await tx.nativeUpdate(Product, { id: product.id }, { images: next, updatedAt: new Date() });
      images.set(slug, next);
    }
  }
  return { added, images };
}
