import type { ProducerType } from '@ocop/domain';
import { Field, InputType } from 'type-graphql';
import { ProducerTypeEnum } from '../../graphql/enums.js';
import type { Producer } from './producer.entity.js';

@InputType({ description: 'A new OCOP producer. Its slug is made from the name unless one is given.' })
export class CreateProducerInput implements Partial<Producer> {
  @Field(() => String, { description: 'Registered name, in Vietnamese (at most 255 characters).' })
  name!: string;

  @Field(() => ProducerTypeEnum, { description: 'Legal form.' })
  type!: ProducerType;

  @Field(() => String, { description: 'Legal representative.' })
  representative!: string;

  @Field(() => String, { description: 'Postal address.' })
  address!: string;

  @Field(() => String, { description: 'Code of the region it is based in, e.g. "AG-PQ" (from the `regions` query).' })
  regionCode!: string;

  @Field(() => String, { description: 'Contact phone number, e.g. "0297 3846 000".' })
  phone!: string;

  @Field(() => String, { description: 'Contact email address.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Website, starting with http:// or https://.' })
  website?: string;

  @Field(() => String, { nullable: true, description: 'Tax code: 10 digits, or 10 digits, a dash and 3 digits.' })
  taxCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'URL slug, e.g. "htx-phu-my"; made from the name when left out. Must be unused.',
  })
  slug?: string;
}

@InputType({ description: 'Changes to a producer; fields left out keep their values, null clears an optional one.' })
export class UpdateProducerInput implements Partial<Producer> {
  @Field(() => String, { nullable: true, description: 'Registered name. The slug does not change with it.' })
  name?: string;

  @Field(() => ProducerTypeEnum, { nullable: true, description: 'Legal form.' })
  type?: ProducerType;

  @Field(() => String, { nullable: true, description: 'Legal representative.' })
  representative?: string;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  address?: string;

  @Field(() => String, { nullable: true, description: 'Code of the region it is based in.' })
  regionCode?: string;

  @Field(() => String, { nullable: true, description: 'Contact phone number.' })
  phone?: string;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  email?: string;

  @Field(() => String, { nullable: true, description: 'Website; null removes it.' })
  website?: string;

  @Field(() => String, { nullable: true, description: 'Tax code; null removes it.' })
  taxCode?: string;

  @Field(() => String, { nullable: true, description: 'A new URL slug (old links stop working).' })
  slug?: string;
}
