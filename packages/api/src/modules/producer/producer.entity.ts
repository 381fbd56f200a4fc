import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { PRODUCER_TYPES, type ProducerType } from '@ocop/domain';
import { Field, ObjectType } from 'type-graphql';
import { ProducerTypeEnum } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { BaseEntity } from '../../db/base.entity.js';
import { Region } from '../region/region.entity.js';

/** An OCOP producer ("chủ thể OCOP"): an enterprise, cooperative, cooperative group or household. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'An OCOP producer (chủ thể OCOP) with the contact details published on the national portal.',
})
@Entity({ tableName: 'producer' })
export class Producer extends BaseEntity {
  @Field(() => String, { description: 'Stable, URL-safe identifier made from the name.' })
  @Property({ type: 'string', length: 120, unique: true })
  slug!: string;

  @Field(() => String, { description: 'Registered name, in Vietnamese.' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => ProducerTypeEnum, { description: 'Legal form.' })
  @Enum({ items: () => [...PRODUCER_TYPES], type: 'string' })
  type!: ProducerType;

  @Field(() => String, { description: 'Legal representative.' })
  @Property({ type: 'string', length: 255 })
  representative!: string;

  @Field(() => String, { description: 'Postal address.' })
  @Property({ type: 'string', length: 500 })
  address!: string;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @Field(() => String, { description: 'Contact phone number.' })
  @Property({ type: 'string', length: 40 })
  phone!: string;

  @Field(() => String, { description: 'Contact email address.' })
  @Property({ type: 'string', length: 255 })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Website, when the producer has one.' })
  @Property({ type: 'string', length: 500, nullable: true })
  website?: string;

  @Property({ type: 'string', length: 20, nullable: true, unique: true })
  taxCode?: string;
}
