import type { CategoryCode } from '@ocop/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { CategoryCodeEnum } from '../../graphql/enums.js';

@ObjectType({
  simpleResolvers: true,
  description: 'One of the six OCOP product groups, with how many certified products it holds today.',
})
export class Category {
  @Field(() => CategoryCodeEnum, { description: 'Stable code of the group.' })
  code!: CategoryCode;

  @Field(() => String, { description: 'URL segment used by the catalog site, e.g. "food".' })
  slug!: string;

  nameVi!: string;
  nameEn!: string;

  @Field(() => Int, { description: 'Position in the plan’s order (1–6).' })
  position!: number;

  @Field(() => Int, { description: 'Products with a certificate of 3★ or more valid today.' })
  certifiedProductCount!: number;
}
