import type { CouncilLevel } from '@ocop/domain';
import { Field, Float, ID, InputType } from 'type-graphql';
import { CouncilLevelEnum } from '../../graphql/enums.js';
import type { Evaluation } from './evaluation.entity.js';

/**
 * criteriaVersion is a String, not an enum, so an unknown version gets the same field-level
 * UNKNOWN_CRITERIA_VERSION issue as every other rule instead of a schema error.
 */
type EvaluationFields = Partial<Omit<Evaluation, 'criteriaVersion'>>;

@InputType({
  description:
    'A council’s score sheet. The total and the stars are computed by the server from the part scores; the evaluation is saved as a DRAFT.',
})
export class RecordEvaluationInput implements EvaluationFields {
  @Field(() => ID, { description: 'The product evaluated (its `id`). It must be at the EVALUATION step of the cycle.' })
  productId!: string;

  @Field(() => CouncilLevelEnum, {
    description: 'Level of the council; it must be allowed to award the resulting stars on that date.',
  })
  councilLevel!: CouncilLevel;

  @Field(() => String, {
    description:
      'Score sheet used: QD1048_2019 (parts 35/25/40, to 23 Feb 2023) or QD148_2023 (40/25/35, from 24 Feb 2023); it must be the one in use on `evaluatedOn` (CRITERIA_VERSION_NOT_IN_FORCE).',
  })
  criteriaVersion!: string;

  @Field(() => String, { description: 'Date of the council meeting, YYYY-MM-DD; not in the future (Vietnam time).' })
  evaluatedOn!: string;

  @Field(() => Float, { description: 'Part A score, 0 to the sheet’s maximum, at most one decimal.' })
  scoreA!: number;

  @Field(() => Float, { description: 'Part B score, 0 to 25, at most one decimal.' })
  scoreB!: number;

  @Field(() => Float, { description: 'Part C score, 0 to the sheet’s maximum, at most one decimal.' })
  scoreC!: number;
}

@InputType({ description: 'Corrections to a DRAFT evaluation; fields left out keep their values.' })
export class UpdateEvaluationInput implements EvaluationFields {
  @Field(() => CouncilLevelEnum, { nullable: true, description: 'Level of the council.' })
  councilLevel?: CouncilLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Score sheet used: QD1048_2019 or QD148_2023, the one in use on the evaluation date.',
  })
  criteriaVersion?: string;

  @Field(() => String, { nullable: true, description: 'Date of the council meeting, YYYY-MM-DD.' })
  evaluatedOn?: string;

  @Field(() => Float, { nullable: true, description: 'Part A score.' })
  scoreA?: number;

  @Field(() => Float, { nullable: true, description: 'Part B score.' })
  scoreB?: number;

  @Field(() => Float, { nullable: true, description: 'Part C score.' })
  scoreC?: number;
}
