import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DomainError } from '@ocop/domain';
import type { Config } from '../../config.js';
import { migrate } from '../../db/database.js';
import { openOrm } from '../../db/orm.js';
import { audited, CLI_ACTOR } from '../audit/mutation.js';
import { userPath } from '../transfer/transfer.cli.js';
import { storeImage } from './image.store.js';
import { attachPhotos, checkAlt, findProduct, type NewPhoto } from './photo.service.js';

/**
 * `ocop images add SLUG FILE… [--alt-vi TEXT] [--alt-en TEXT]`: checks every file, stores its
 * copies, then attaches them all to the product in one audited transaction (the change feed sees
 * it, so the site rebuilds the page), or none when any file is refused. Without --alt-vi the
 * product's name is the text alternative. Returns the exit code: 0 done, 1 a file refused, 2 misuse.
 */
export async function imagesCommand(
  config: Config,
  args: string[],
  options: { altVi?: string; altEn?: string },
): Promise<number> {
  const [sub, slug, ...files] = args;
  if (sub !== 'add' || !slug || files.length === 0) {
    console.error(
      'ocop: use "images add SLUG FILE… [--alt-vi TEXT] [--alt-en TEXT]", e.g. pnpm ocop images add nuoc-mam-phu-quoc-khai-hoan-38-do-dam photos/chai.jpg.',
    );
    return 2;
  }
  const orm = await openOrm(config.database);
  try {
    await migrate(orm);
    const em = orm.em.fork() as SqlEntityManager;
    const product = await em.findOne('Product', { slug }).catch(() => null);
    if (!product) {
      console.error(`ocop: no product has the slug "${slug}"; use the slug from its page address (/products/<slug>/).`);
      return 1;
    }
    const name = (product as { nameVi: string; nameEn?: string }).nameVi;
    const nameEn = (product as { nameEn?: string }).nameEn;
    const photos: NewPhoto[] = [];
    let failed = 0;
    for (const [i, file] of files.entries()) {
      const shown = basename(file);
      try {
        const alt = checkAlt(
          options.altVi ?? (files.length > 1 ? `${name} (ảnh ${i + 1})` : name),
          options.altEn ?? (nameEn ? (files.length > 1 ? `${nameEn} (photo ${i + 1})` : nameEn) : null),
        );
        let bytes: Buffer;
        try {
          bytes = readFileSync(userPath(file));
        } catch (error) {
          console.error(`${file}: cannot be read: ${(error as Error).message}`);
          failed++;
          continue;
        }
        photos.push({ image: await storeImage(bytes, config.images, shown), ...alt });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        console.error(`${file}: ${error.message}`);
        failed++;
      }
    }
    if (failed > 0) {
      console.error(`ocop: ${failed} of ${files.length} files refused; no photo was added.`);
      return 1;
    }
    try {
      const { added } = await audited(em, CLI_ACTOR, 'addProductPhotos', async (tx, audit) => {
        const target = await findProduct(tx, { slug }, 'slug');
        return attachPhotos(tx, audit, target, photos);
      });
      console.log(
        `Added ${added} photo${added === 1 ? '' : 's'} to ${slug}${added < photos.length ? ` (${photos.length - added} already there)` : ''}.`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(`ocop: ${error.message}`);
      return 1;
    }
  } finally {
    await orm.close();
  }
}
