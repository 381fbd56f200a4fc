import { Arg, Ctx, Extensions, Field, Int, ObjectType } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { langArg, langOf, localized } from '../../graphql/language.js';
import { Connection } from '../../graphql/relay.js';
import { Product } from './product.entity.js';

@ObjectType({ simpleResolvers: true, description: 'A page of published products (Relay connection).' })
export class ProductConnection extends Connection(Product, 'Product', 'product') {}

@ObjectType({ simpleResolvers: true, description: 'The copies of a photo in one format, for a <source> element.' })
export class ImageSource {
  @Field(() => String, { description: 'MIME type: image/avif, image/webp or image/jpeg.' })
  type!: string;

  @Field(() => String, { description: 'The copies as an HTML `srcset`: "<url> <width>w, …", narrowest first.' })
  srcset!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One resized copy of a photo stored by the catalog.' })
export class ImageVariant {
  @Field(() => String, { description: 'Address of the copy: /images/<id>/<width>.<avif|webp|jpg> on the API.' })
  url!: string;

  @Field(() => Int, { description: 'Width in pixels.' })
  width!: number;

  @Field(() => Int, { description: 'Height in pixels.' })
  height!: number;

  @Field(() => String, { description: 'MIME type: image/avif, image/webp or image/jpeg.' })
  type!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A photo of a product.' })
export class ProductImage {
  @Field(() => String, {
    description: 'Address of the image: https://…, or a path on this API (/images/…) for photos it stores.',
  })
  url!: string;

  altVi!: string;
  altEn?: string;

  @Field(() => Int, { nullable: true, description: 'Width of the photo in pixels, for photos the catalog stores.' })
  width?: number;

  @Field(() => Int, { nullable: true, description: 'Height of the photo in pixels, for photos the catalog stores.' })
  height?: number;

  widths?: number[];

  @Extensions({ listSize: 3 })
  @Field(() => [ImageSource], {
    description:
      'The copies per format as an HTML `srcset` ("/images/…/400.avif 400w, /images/…/800.avif 800w, …"), AVIF first; empty for photos stored elsewhere. Cheaper than `variants` for a page of products.',
  })
  sources(): ImageSource[] {
    const variants = this.variants();
    return (['image/avif', 'image/webp', 'image/jpeg'] as const).flatMap((type) => {
      const list = variants.filter((v) => v.type === type);
      return list.length
        ? [Object.assign(new ImageSource(), { type, srcset: list.map((v) => `${v.url} ${v.width}w`).join(', ') })]
        : [];
    });
  }

  @Extensions({ listSize: 12 })
  @Field(() => [ImageVariant], {
    description:
      'Resized copies in AVIF, WebP and JPEG, 400 to 1600 pixels wide (for `srcset`); empty for photos stored elsewhere.',
  })
  variants(): ImageVariant[] {
    const { width, height, widths } = this;
    const id = /^\/images\/([0-9a-f]{24})\//u.exec(this.url)?.[1];
    if (!id || !width || !height || !widths) return [];
    return (['avif', 'webp', 'jpg'] as const).flatMap((ext) =>
      widths.map((w) =>
        Object.assign(new ImageVariant(), {
          url: `/images/${id}/${w}.${ext}`,
          width: w,
          height: Math.round((height * w) / width),
          type: ext === 'jpg' ? 'image/jpeg' : `image/${ext}`,
        }),
      ),
    );
  }

  @Field(() => String, { description: 'Text alternative describing the photo.' })
  alt(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    return localized(langOf(ctx, lang), this.altVi, this.altEn);
  }
}

@ObjectType({ simpleResolvers: true, description: 'How many results one choice of a facet would give.' })
export class FacetCount {
  @Field(() => String, {
    description: 'The value to pass back in the filter: a CategoryCode, a star count, a region code or a ProducerType.',
  })
  value!: string;

  labelVi!: string;
  labelEn!: string;

  @Field(() => String, { description: 'Human-readable name of the choice.' })
  label(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    return localized(langOf(ctx, lang), this.labelVi, this.labelEn);
  }

  @Field(() => Int, { description: 'Published products matching the search and every other filter with this choice.' })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Counts per choice for the current search and filter. Each dimension ignores its own filter, so a buyer sees what switching that choice would give.',
})
export class ProductFacets {
  @Field(() => Int, { description: 'Published products matching the search and the whole filter.' })
  totalCount!: number;

  @Extensions({ listSize: 6 })
  @Field(() => [FacetCount], { description: 'Per product group, in the plan’s order.' })
  categories!: FacetCount[];

  @Extensions({ listSize: 3 })
  @Field(() => [FacetCount], { description: 'Per star count, 5★ first.' })
  stars!: FacetCount[];

  @Field(() => [FacetCount], {
    description:
      'Per region one level below the `region` filter; without one, per district-level unit (per province when more than 100 district-level units have products). Most products first.',
  })
  regions!: FacetCount[];

  @Extensions({ listSize: 4 })
  @Field(() => [FacetCount], { description: 'Per producer type.' })
  producerTypes!: FacetCount[];

  @Extensions({ listSize: 6 })
  @Field(() => [FacetCount], {
    description: 'Per certification other than OCOP, valid today (a product may hold several).',
  })
  certifications!: FacetCount[];

  @Field(() => Int, {
    description:
      'Products among the results (the `exportReady` filter left out) that are ready to export or exporting.',
  })
  exportReady!: number;
}
