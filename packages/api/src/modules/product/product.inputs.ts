import type { CategoryCode, CertificationScheme, ProducerType } from '@ocop/domain';
import { Field, InputType, Int } from 'type-graphql';
import { CategoryCodeEnum, CertificationSchemeEnum, describedEnum, ProducerTypeEnum } from '../../graphql/enums.js';
import type { OrderDirection, ProductOrderField } from './product.reader.js';
import type { ProductFilterArgs } from './product.service.js';

export const ProductOrderFieldEnum = describedEnum<ProductOrderField>(
  'ProductOrderField',
  'What to sort products by. Ties are broken by Vietnamese name order.',
  {
    RELEVANCE:
      'Best search matches first (name above description, whole words above prefixes); name order when not searching.',
    STARS: 'Stars of the valid certificate.',
    CERTIFIED_AT: 'Issue date of the valid certificate.',
    NAME: 'Vietnamese dictionary order of the name (Đ after D, Ă and Â after A).',
  },
);

export const OrderDirectionEnum = describedEnum<OrderDirection>('OrderDirection', 'Sort direction.', {
  ASC: 'Smallest, oldest or A first.',
  DESC: 'Largest, newest or Z first.',
});

@InputType({ description: 'Narrows the published products; every condition given must hold.' })
export class ProductFilter implements ProductFilterArgs {
  @Field(() => [CategoryCodeEnum], { nullable: true, description: 'Any of these product groups.' })
  categories?: CategoryCode[];

  @Field(() => Int, { nullable: true, description: 'At least this many stars (3–5).' })
  minStars?: number;

  @Field(() => Int, { nullable: true, description: 'At most this many stars (3–5).' })
  maxStars?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Code of a province, district-level or commune-level unit: products from it and everything under it.',
  })
  region?: string;

  @Field(() => [ProducerTypeEnum], {
    nullable: true,
    description: 'Products of producers of any of these legal forms.',
  })
  producerTypes?: ProducerType[];

  @Field(() => Int, { nullable: true, description: 'Valid certificate issued in this year or later.' })
  certifiedFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Valid certificate issued in this year or earlier.' })
  certifiedTo?: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only products ready to export or already exporting (`trade.exportReadiness`).',
  })
  exportReady?: boolean;

  @Field(() => [CertificationSchemeEnum], {
    nullable: true,
    description: 'Products holding each of these certifications, valid today (e.g. [HACCP]).',
  })
  certifications?: CertificationScheme[];
}

@InputType({ description: 'Sort order of a product list.' })
export class ProductOrder {
  @Field(() => ProductOrderFieldEnum, { description: 'What to sort by.' })
  field!: ProductOrderField;

  @Field(() => OrderDirectionEnum, {
    nullable: true,
    description: 'Direction; DESC for RELEVANCE, STARS and CERTIFIED_AT, ASC for NAME when left out.',
  })
  direction?: OrderDirection;
}
