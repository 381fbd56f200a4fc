import { Check, Entity, Enum, Index, ManyToOne, OneToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import {
  COUNCIL_LEVELS,
  type CouncilLevel,
  STORED_CERTIFICATE_STATUSES,
  type Stars,
  type StoredCertificateStatus,
} from '@ocop/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { CouncilLevelEnum } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { BaseEntity } from '../../db/base.entity.js';
import { Evaluation } from '../evaluation/evaluation.entity.js';
import { Product } from '../product/product.entity.js';

/**
 * An OCOP certificate (3–5★), valid 36 months from issue. "Expired" is never stored: it is
 * computed from `expiresOn` and the day of the query, so nothing depends on a scheduled job.
 * At most one certificate per product is ISSUED; a new one supersedes it.
 */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'An OCOP certificate (3–5★), valid for 36 months from its issue date.',
})
@Entity({ tableName: 'certificate' })
@Index({ properties: ['product', 'status'] })
@Index({ properties: ['expiresOn'] })
@Check({ name: 'certificate_stars_check', expression: 'stars >= 3 and stars <= 5' })
@Check({ name: 'certificate_dates_check', expression: 'expires_on > issued_on' })
export class Certificate extends BaseEntity {
  /** Normalised (uppercase, no spaces), as printed on packaging. */
  @Field(() => String, { description: 'Certificate number as printed on packaging.' })
  @Property({ type: 'string', length: 40, unique: true })
  number!: string;

  @ManyToOne(() => Product, { ref: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  /**
   * The FINAL evaluation it was issued from. Null for a certificate recorded from its decision
   * alone: provincial lists and the public open data carry no score sheets (see `ocop import`).
   */
  @OneToOne(() => Evaluation, { ref: true, owner: true, unique: true, nullable: true, deleteRule: 'restrict' })
  evaluation?: Ref<Evaluation>;

  @Field(() => String, { description: 'Number of the issuing decision, e.g. "1234/QĐ-UBND".' })
  @Property({ type: 'string', length: 60 })
  decisionNumber!: string;

  @Field(() => String, { description: 'Date of the issuing decision (ISO date).' })
  @Property({ type: 'date' })
  decisionDate!: string;

  @Field(() => CouncilLevelEnum, { description: 'Level of the council that awarded the stars.' })
  @Enum({ items: () => [...COUNCIL_LEVELS], type: 'string' })
  issuingLevel!: CouncilLevel;

  @Field(() => Int, { description: 'Stars awarded, 3 to 5.' })
  @Property({ type: 'integer' })
  stars!: Stars;

  @Field(() => String, { description: 'Issue date (ISO date).' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => String, {
    description:
      'Last day of validity (ISO date): the corresponding day 36 months after issue, the issue day not counted (Civil Code 2015, arts. 147–148), e.g. issued 2022-06-15 → 2025-06-15.',
  })
  @Property({ type: 'date' })
  expiresOn!: string;

  @Enum({ items: () => [...STORED_CERTIFICATE_STATUSES], type: 'string' })
  status: StoredCertificateStatus & Opt = 'ISSUED';

  @Property({ type: 'date', nullable: true })
  revokedOn?: string;

  @Property({ type: 'text', nullable: true })
  revocationReason?: string;
}
