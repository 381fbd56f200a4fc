import { Arg, Ctx, Extensions, Field, Int, ObjectType } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { langOf, localized } from '../../graphql/language.js';
import { Connection } from '../../graphql/relay.js';
import { Product } from './product.entity.js';

const langArg = { nullable: true, description: 'Language of the text; overrides Accept-Language.' } as const;

@ObjectType({ description: 'A page of published products (Relay connection).' })
export class ProductConnection extends Connection(Product, 'Product', 'product') {}

@ObjectType({ description: 'A photo of a product.' })
export class ProductImage {
  @Field(() => String, { description: 'Address of the image.' })
  url!: string;

  altVi!: string;
  altEn?: string;

  @Field(() => String, { description: 'Text alternative describing the photo.' })
  alt(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    return localized(langOf(ctx, lang), this.altVi, this.altEn);
  }
}

@ObjectType({ description: 'How many results one choice of a facet would give.' })
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
