/// <reference path="../../types/graphql-upload.d.ts" />
import { DomainError, ERROR_CODES } from '@ocop/domain';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/Upload.mjs';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireId, runMutation } from '../audit/mutation.js';
import { requireRole } from '../auth/auth.guard.js';
import { Product } from '../product/product.entity.js';
import { storeImage } from './image.store.js';
import { attachPhotos, checkAlt, findProduct } from './photo.service.js';

/** Reads an upload into memory, refusing it as soon as it passes `max` bytes. */
async function readUpload(upload: FileUpload, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of upload.createReadStream()) {
      size += (chunk as Buffer).length;
      if (size > max) break;
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if ((error as { status?: number }).status !== 413) throw error;
    size = max + 1;
  }
  if (size > max) {
    const message = `The photo is larger than the ${(max / 1024 / 1024).toFixed(1)} MB accepted; save it as a JPEG of about 2000 pixels across.`;
    throw new DomainError(ERROR_CODES.IMAGE_TOO_LARGE, message, [
      { field: 'photo', code: ERROR_CODES.IMAGE_TOO_LARGE, message },
    ]);
  }
  return Buffer.concat(chunks);
}

@Resolver()
export class PhotoResolver {
  @Mutation(() => Product, {
    description:
      'Attaches a photo to a product, after its other photos (ADMIN). Send it as a GraphQL multipart request (one file, at most IMAGE_MAX_BYTES): a JPEG, PNG, WebP or AVIF photo of at least 400 × 300 pixels. It is stored without any metadata (no location) as AVIF, WebP and JPEG copies 400–1600 pixels wide. Refusals: NOT_AN_IMAGE, IMAGE_TOO_LARGE, IMAGE_TOO_SMALL.',
  })
  async addProductPhoto(
    @Ctx() ctx: Context,
    // type-graphql lists arguments in reverse order of the parameters: (productId, photo, altVi, altEn).
    @Arg('altEn', () => String, { nullable: true, description: 'Text alternative in English.' }) altEn: string | null,
    @Arg('altVi', () => String, { description: 'Text alternative in Vietnamese: what the photo shows.' }) altVi: string,
    @Arg('photo', () => GraphQLUpload, { description: 'The photo file.' }) photo: Promise<FileUpload>,
    @Arg('productId', () => ID, { description: 'The product’s `id`.' }) productId: string,
  ): Promise<Product> {
    const caller = requireRole(ctx, 'ADMIN');
    const { config } = ctx.portal;
    const alt = checkAlt(altVi, altEn);
    const id = requireId('productId', productId, 'Product');
    const bytes = await readUpload(await photo, config.images.maxBytes);
    const image = await storeImage(bytes, config.images);
    return runMutation(ctx, caller, 'addProductPhoto', async (tx, audit) => {
      const product = await findProduct(tx, { id }, 'productId');
      return (await attachPhotos(tx, audit, product, [{ image, ...alt }])).product;
    });
  }
}
