import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { describedEnum } from '../../graphql/enums.js';
import { BaseEntity } from '../../db/base.entity.js';
import { Producer } from '../producer/producer.entity.js';
import { Product } from '../product/product.entity.js';

export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED', 'NOT_CONFIGURED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliveryStatusEnum = describedEnum<DeliveryStatus>(
  'DeliveryStatus',
  'Whether a quote request reached the producer by e-mail.',
  {
    PENDING: 'Stored; the mail is being sent.',
    SENT: 'The mail server accepted the mail to the producer.',
    FAILED: 'The mail server refused it or did not answer; `deliveryError` says why. resendQuoteRequest tries again.',
    NOT_CONFIGURED: 'No mail server is configured (SMTP_URL): kept for the office to pass on by hand.',
  },
);

/** A buyer's request for a quote, kept with its delivery to the producer. ADMIN only. */
@ObjectType({
  simpleResolvers: true,
  description:
    'A buyer’s request for a quote to a producer, with whether it was delivered. Personal data: visible to ADMIN only.',
})
@Entity({ tableName: 'quote_request' })
@Index({ properties: ['clientKey', 'createdAt'] })
export class QuoteRequest extends BaseEntity {
  @Field(() => String, { description: 'The reference shown to the buyer, e.g. RQ-7K4M-2P9X.' })
  @Property({ type: 'string', length: 20, unique: true })
  reference!: string;

  @ManyToOne(() => Product, { ref: true, nullable: true, deleteRule: 'restrict' })
  product?: Ref<Product> | null;

  @ManyToOne(() => Producer, { ref: true, deleteRule: 'restrict' })
  producer!: Ref<Producer>;

  @Field(() => String, { description: 'The buyer’s name.' })
  @Property({ type: 'string', length: 120 })
  buyerName!: string;

  @Field(() => String, { nullable: true, description: 'The buyer’s company.' })
  @Property({ type: 'string', length: 160, nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true, description: 'The buyer’s country (ISO 3166-1 alpha-2).' })
  @Property({ type: 'string', length: 2, nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to answer by e-mail.' })
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to answer by phone.' })
  @Property({ type: 'string', length: 30, nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'The quantity asked about, as the buyer wrote it.' })
  @Property({ type: 'string', length: 200, nullable: true })
  quantity?: string | null;

  @Field(() => String, { description: 'The buyer’s message (plain text).' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => String, { description: 'The language the buyer wrote in: vi or en.' })
  @Property({ type: 'string', length: 2 })
  lang!: 'vi' | 'en';

  @Property({ type: 'datetime' })
  consentAt!: Date;

  /** SHA-256 of the address the request came from: enough to count, not to find the person. */
  @Property({ type: 'string', length: 64 })
  clientKey!: string;

  @Field(() => DeliveryStatusEnum, { description: 'Whether the mail reached the producer.' })
  @Enum({ items: () => [...DELIVERY_STATUSES], type: 'string' })
  status!: DeliveryStatus;

  @Field(() => Number, { description: 'How many times sending was tried.' })
  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed.' })
  @Property({ type: 'string', length: 500, nullable: true })
  deliveryError?: string | null;
}
