import type { CouncilLevel, EvaluationStatus, Stars } from '@ocop/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CouncilLevelEnum, describedEnum } from '../../graphql/enums.js';

export const EvaluationStatusEnum = describedEnum<EvaluationStatus>(
  'EvaluationStatus',
  'Whether an evaluation may still be corrected.',
  {
    DRAFT: 'Being recorded: may be corrected with updateEvaluation.',
    FINAL: 'The council’s decision: never edited, only superseded by a later evaluation.',
  },
);

/**
 * The GraphQL shape of an evaluation entity (resolvers return the entity itself). Only ADMIN
 * and EVALUATOR tokens ever reach it: scores are not public, whatever the stars.
 */
@ObjectType('Evaluation', {
  simpleResolvers: true,
  description:
    'A council’s score sheet for a product: part scores, the total and stars computed from them, and its status. Visible to ADMIN and EVALUATOR tokens only.',
})
export class EvaluationView {
  @Field(() => CouncilLevelEnum, { description: 'Level of the council that evaluated.' })
  councilLevel!: CouncilLevel;

  @Field(() => String, { description: 'Score sheet: QD1048_2019 (Decision 1048/QĐ-TTg) or QD148_2023 (148/QĐ-TTg).' })
  criteriaVersion!: string;

  @Field(() => String, { description: 'Date of the council meeting (ISO date).' })
  evaluatedOn!: string;

  @Field(() => Float, { description: 'Part A: production organisation and community strength.' })
  scoreA!: number;

  @Field(() => Float, { description: 'Part B: marketing capability.' })
  scoreB!: number;

  @Field(() => Float, { description: 'Part C: product quality.' })
  scoreC!: number;

  @Field(() => Float, { description: 'Total out of 100, computed from the parts.' })
  total!: number;

  @Field(() => Int, { description: 'Stars the total earns (1–5); only 3★ and above can be certified.' })
  stars!: Stars;

  @Field(() => EvaluationStatusEnum, { description: 'DRAFT or FINAL.' })
  status!: EvaluationStatus;
}
