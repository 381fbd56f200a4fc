import { Check, Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import {
  COUNCIL_LEVELS,
  type CouncilLevel,
  CRITERIA_VERSIONS,
  type CriteriaVersion,
  EVALUATION_STATUSES,
  type EvaluationStatus,
  type Stars,
} from '@ocop/domain';
import { BaseEntity } from '../../db/base.entity.js';
import { Product } from '../product/product.entity.js';

/**
 * A council's rating of a product on a score sheet. Total and stars are computed by the domain
 * package from the part scores, never taken from a client; the database re-checks the ranges.
 * A FINAL evaluation is never edited, only superseded by a later one.
 */
@Entity({ tableName: 'evaluation' })
@Index({ properties: ['product', 'evaluatedOn'] })
@Check({ name: 'evaluation_score_a_check', expression: 'score_a >= 0 and score_a <= 40' })
@Check({ name: 'evaluation_score_b_check', expression: 'score_b >= 0 and score_b <= 25' })
@Check({ name: 'evaluation_score_c_check', expression: 'score_c >= 0 and score_c <= 40' })
@Check({ name: 'evaluation_total_check', expression: 'total >= 0 and total <= 100' })
@Check({ name: 'evaluation_stars_check', expression: 'stars >= 1 and stars <= 5' })
export class Evaluation extends BaseEntity {
  @ManyToOne(() => Product, { ref: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  @Enum({ items: () => [...COUNCIL_LEVELS], type: 'string' })
  councilLevel!: CouncilLevel;

  @Enum({ items: () => [...CRITERIA_VERSIONS], type: 'string' })
  criteriaVersion!: CriteriaVersion;

  @Property({ type: 'date' })
  evaluatedOn!: string;

  @Property({ type: 'double' })
  scoreA!: number;

  @Property({ type: 'double' })
  scoreB!: number;

  @Property({ type: 'double' })
  scoreC!: number;

  @Property({ type: 'double' })
  total!: number;

  @Property({ type: 'integer' })
  stars!: Stars;

  @Enum({ items: () => [...EVALUATION_STATUSES], type: 'string' })
  status: EvaluationStatus & Opt = 'DRAFT';

  @Property({ type: 'datetime', nullable: true })
  finalisedAt?: Date;
}
