import type { CategoryCode, CertificationScheme, CycleStage, ExportReadiness, TradeChanges } from '@ocop/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CategoryCodeEnum, CertificationSchemeEnum, CycleStageEnum, ExportReadinessEnum } from '../../graphql/enums.js';
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

@InputType({ description: 'A certification other than OCOP.' })
export class CertificationInput {
  @Field(() => CertificationSchemeEnum, { description: 'The scheme.' })
  scheme!: CertificationScheme;

  @Field(() => String, { nullable: true, description: 'The certificate’s number as printed.' })
  number?: string | null;

  @Field(() => String, { nullable: true, description: 'Last valid day, YYYY-MM-DD.' })
  expiresOn?: string | null;
}

const vi = (what: string) => ({ nullable: true, description: `${what}, in Vietnamese.` });
const en = (what: string) => ({ nullable: true, description: `${what}, in English.` });

@InputType({
  description:
    'Trade information. Every field is optional: a field left out keeps its value, null clears it. Prices are whole VND.',
})
export class ProductTradeInput implements TradeChanges {
  @Field(() => String, vi('Pack sizes and specifications (at most 1,000 characters)'))
  packagingVi?: string | null;
  @Field(() => String, en('Pack sizes and specifications'))
  packagingEn?: string | null;
  @Field(() => String, vi('The unit prices are for, e.g. "chai 500 ml"'))
  priceUnitVi?: string | null;
  @Field(() => String, en('The unit prices are for, e.g. "500 ml bottle"'))
  priceUnitEn?: string | null;
  @Field(() => Int, { nullable: true, description: 'Lowest retail price in VND.' })
  retailPriceMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Highest retail price in VND.' })
  retailPriceMax?: number | null;
  @Field(() => Int, { nullable: true, description: 'Wholesale price in VND.' })
  wholesalePrice?: number | null;
  @Field(() => String, vi('The minimum order'))
  minimumOrderVi?: string | null;
  @Field(() => String, en('The minimum order'))
  minimumOrderEn?: string | null;
  @Field(() => String, vi('Monthly capacity'))
  monthlyCapacityVi?: string | null;
  @Field(() => String, en('Monthly capacity'))
  monthlyCapacityEn?: string | null;
  @Field(() => Int, { nullable: true, description: 'Shelf life in days (1–3650).' })
  shelfLifeDays?: number | null;
  @Field(() => String, vi('Storage conditions'))
  storageVi?: string | null;
  @Field(() => String, en('Storage conditions'))
  storageEn?: string | null;
  @Field(() => [CertificationInput], {
    nullable: true,
    description: 'Replaces the list of other certifications (at most 10).',
  })
  certifications?: CertificationInput[] | null;
  @Field(() => ExportReadinessEnum, { nullable: true, description: 'Whether the product is sold abroad, or could be.' })
  exportReadiness?: ExportReadiness | null;
  @Field(() => [String], { nullable: true, description: 'Countries it is sold to, as ISO 3166 codes (JP, KR, US…).' })
  exportMarkets?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Days from order to dispatch (0–365).' })
  leadTimeDays?: number | null;
  @Field(() => String, vi('Whether and how samples are sent'))
  samplePolicyVi?: string | null;
  @Field(() => String, en('Whether and how samples are sent'))
  samplePolicyEn?: string | null;
  @Field(() => String, vi('Tourism: how long the tour lasts'))
  tourDurationVi?: string | null;
  @Field(() => String, en('Tourism: how long the tour lasts'))
  tourDurationEn?: string | null;
  @Field(() => Int, { nullable: true, description: 'Tourism: price per person in VND.' })
  tourPricePerPerson?: number | null;
  @Field(() => String, vi('Tourism: the season'))
  tourSeasonVi?: string | null;
  @Field(() => String, en('Tourism: the season'))
  tourSeasonEn?: string | null;
  @Field(() => String, { nullable: true, description: 'Tourism: phone, e-mail or web address to book.' })
  bookingContact?: string | null;
  @Field(() => String, vi('A remark on these figures'))
  noteVi?: string | null;
  @Field(() => String, en('A remark on these figures'))
  noteEn?: string | null;
}

@InputType({
  description:
    'A new product, in Vietnamese and (optionally) English. It starts at step 2 of the OCOP cycle (IDEA) and stays unpublished until it holds a valid certificate of 3★ or more.',
})
export class CreateProductInput implements Partial<Omit<Product, 'trade'>> {
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

  @Field(() => ProductTradeInput, { nullable: true, description: 'Trade information, field by field.' })
  trade?: ProductTradeInput;

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
export class UpdateProductInput implements Partial<Omit<Product, 'trade'>> {
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

  @Field(() => ProductTradeInput, {
    nullable: true,
    description: 'Changes to the trade information: fields left out keep their values, null clears one.',
  })
  trade?: ProductTradeInput;

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
