import type { CategoryCode, CycleStage } from '@ocop/domain';
import { Field, ID, InputType } from 'type-graphql';
import { CategoryCodeEnum, CycleStageEnum } from '../../graphql/enums.js';
import type { Product, ProductImage } from './product.entity.js';

@InputType({ description: 'A photo of a product.' })
export class ProductImageInput implements ProductImage {
  @Field(() => String, { description: 'Address of the image: https://… or a path on the catalog site (/images/…).' })
  url!: string;

  @Field(() => String, { description: 'Text alternative in Vietnamese.' })
  altVi!: string;

  @Field(() => String, { nullable: true, description: 'Text alternative in English.' })
  altEn?: string;
}

@InputType({
  description:
    'A new product, in Vietnamese and (optionally) English. It starts at step 2 of the OCOP cycle (IDEA) and stays unpublished until it holds a valid certificate of 3★ or more.',
})
export class CreateProductInput implements Partial<Product> {
  @Field(() => ID, { description: 'The producer’s `id` (from createProducer).' })
  producerId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the region the product comes from; the producer’s region when left out.',
  })
  regionCode?: string;

  @Field(() => CategoryCodeEnum, { description: 'The product group.' })
  category!: CategoryCode;

  @Field(() => String, { description: 'Name in Vietnamese (the slug is made from it).' })
  nameVi!: string;

  @Field(() => String, { nullable: true, description: 'Name in English.' })
  nameEn?: string;

  @Field(() => String, { description: 'What the product is, in Vietnamese.' })
  descriptionVi!: string;

  @Field(() => String, { nullable: true, description: 'What the product is, in English.' })
  descriptionEn?: string;

  @Field(() => String, { nullable: true, description: 'The story behind it, in Vietnamese.' })
  storyVi?: string;

  @Field(() => String, { nullable: true, description: 'The story behind it, in English.' })
  storyEn?: string;

  @Field(() => [ProductImageInput], { nullable: true, description: 'Photos, best first (at most 12).' })
  images?: ProductImageInput[];

  @Field(() => String, {
    nullable: true,
    description: 'URL slug; made from the Vietnamese name when left out. Must be unused (DUPLICATE_SLUG otherwise).',
  })
  slug?: string;
}

@InputType({
  description:
    'Changes to a product; fields left out keep their values, null clears an optional one. The cycle step changes only through moveProductToStage.',
})
export class UpdateProductInput implements Partial<Product> {
  @Field(() => ID, { nullable: true, description: 'Another producer’s `id`.' })
  producerId?: string;

  @Field(() => String, { nullable: true, description: 'Code of the region the product comes from.' })
  regionCode?: string;

  @Field(() => CategoryCodeEnum, { nullable: true, description: 'The product group.' })
  category?: CategoryCode;

  @Field(() => String, { nullable: true, description: 'Name in Vietnamese. The slug does not change with it.' })
  nameVi?: string;

  @Field(() => String, { nullable: true, description: 'Name in English.' })
  nameEn?: string;

  @Field(() => String, { nullable: true, description: 'Description in Vietnamese.' })
  descriptionVi?: string;

  @Field(() => String, { nullable: true, description: 'Description in English.' })
  descriptionEn?: string;

  @Field(() => String, { nullable: true, description: 'Story in Vietnamese.' })
  storyVi?: string;

  @Field(() => String, { nullable: true, description: 'Story in English.' })
  storyEn?: string;

  @Field(() => [ProductImageInput], { nullable: true, description: 'Replaces all photos.' })
  images?: ProductImageInput[];

  @Field(() => String, { nullable: true, description: 'A new URL slug (old links stop working).' })
  slug?: string;
}

@InputType({ description: 'A step of the OCOP cycle to move a product to.' })
export class MoveProductToStageInput implements Partial<Product> {
  @Field(() => ID, { description: 'The product’s `id`.' })
  productId!: string;

  @Field(() => CycleStageEnum, {
    description:
      'The next step, or one of the two ways back: EVALUATION → PRODUCTION (improve and resubmit), PROMOTION → EVALUATION (re-evaluation before expiry).',
  })
  cycleStage!: CycleStage;
}
