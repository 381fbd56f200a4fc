import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  checkAward,
  checkCriteriaVersion,
  type CouncilLevel,
  type CriteriaVersion,
  cycleStep,
  DomainError,
  ERROR_CODES,
  type IsoDate,
  isCriteriaVersion,
  type Stars,
  scoreEvaluation,
  validateScores,
} from '@ocop/domain';
import { type AuditTrail, checkPastDate, diff, findById, Issues, refuse } from '../audit/mutation.js';
import { Product } from '../product/product.entity.js';
import { Evaluation } from './evaluation.entity.js';
import { evaluationAudit, evaluationRow } from './evaluation.row.js';
import type { RecordEvaluationInput, UpdateEvaluationInput } from './evaluation.inputs.js';

/** The values of a score sheet as a council fills it in, before they are checked. */
export interface ScoreSheetValues {
  councilLevel: CouncilLevel;
  criteriaVersion: string;
  evaluatedOn: string;
  scoreA: number;
  scoreB: number;
  scoreC: number;
}

/**
 * Every rule a score sheet must meet, as field-level issues: a real date not in the future, a
 * known criteria version that was in use on that date, each part within its maximum, and stars
 * the council level may award on that date. Returns the total and stars computed by the domain
 * package when all hold.
 */
export function checkScoreSheet(
  values: ScoreSheetValues,
  today: IsoDate,
  issues: Issues,
): { total: number; stars: Stars } | undefined {
  const evaluatedOn = checkPastDate(issues, 'evaluatedOn', values.evaluatedOn, today, 'The evaluation date');
  const version =
    evaluatedOn !== undefined && isCriteriaVersion(values.criteriaVersion)
      ? checkCriteriaVersion(values.criteriaVersion, evaluatedOn)
      : undefined;
  if (version && !version.ok) issues.push(version.issue);
  const scoreIssues = validateScores(values.criteriaVersion, values);
  issues.push(...scoreIssues);
  if (scoreIssues.length > 0 || evaluatedOn === undefined || (version && !version.ok)) return undefined;
  const result = scoreEvaluation(values.criteriaVersion, values);
  const award = checkAward(values.councilLevel, result.stars, evaluatedOn);
  if (!award.ok) {
    issues.push(award.issue);
    return undefined;
  }
  return result;
}

/** The audited fields of an evaluation. */
function snapshot(e: Evaluation): Record<string, unknown> {
  return evaluationAudit(e, e.product.id);
}

function notFound(field: string, id: number | string): never {
  return refuse(
    field,
    ERROR_CODES.NOT_FOUND,
    `No evaluation has the ID ${id}. Use the \`id\` returned by recordEvaluation or listed by \`evaluations(productId:)\`.`,
  );
}

/** Recording, correcting and finalising council evaluations, inside one audited transaction. */
export class EvaluationService {
  constructor(
    private readonly tx: EntityManager,
    private readonly audit: AuditTrail,
    private readonly today: IsoDate,
  ) {}

  async record(input: RecordEvaluationInput): Promise<Evaluation> {
    const issues = new Issues();
    const product = await findById(
      issues,
      'productId',
      input.productId,
      'Product',
      (id) => this.tx.findOne(Product, id),
      `No product has the ID ${input.productId}. Use the \`id\` returned by createProduct.`,
    );
    if (product && product.cycleStage !== 'EVALUATION') {
      const at = cycleStep(product.cycleStage);
      issues.add(
        'productId',
        ERROR_CODES.CYCLE_STEP_OUT_OF_ORDER,
        `"${product.nameVi}" is at step ${at.step} (${at.nameEn}); councils evaluate products at step 5 (Evaluation and ranking). Move it there with moveProductToStage first.`,
      );
    }
    const result = checkScoreSheet(input, this.today, issues);
    issues.throwIfAny();
    if (!product || !result) throw new Error('unreachable: checked above');
    const evaluation = this.tx.create(
      Evaluation,
      evaluationRow(
        {
          ...input,
          criteriaVersion: input.criteriaVersion as CriteriaVersion,
          evaluatedOn: input.evaluatedOn.trim(),
          ...result,
          status: 'DRAFT',
        },
        product,
      ),
    );
    await this.tx.flush();
    this.audit.record('Evaluation', evaluation.id, diff({}, snapshot(evaluation)));
    return evaluation;
  }

  /** A draft of the evaluation, or a refusal when it does not exist or is already FINAL. */
  private async draft(id: number, field: string, action: string): Promise<Evaluation> {
    const evaluation = await this.tx.findOne(Evaluation, id);
    if (!evaluation) return notFound(field, id);
    if (evaluation.status === 'FINAL') {
      throw new DomainError(
        ERROR_CODES.EVALUATION_FINALISED,
        `This evaluation was finalised${evaluation.finalisedAt ? ` on ${evaluation.finalisedAt.toISOString().slice(0, 10)}` : ''} and is the record of the council’s decision, so it cannot ${action}. Record a new evaluation with recordEvaluation instead.`,
        [
          {
            field,
            code: ERROR_CODES.EVALUATION_FINALISED,
            message: `A FINAL evaluation cannot ${action}; record a new evaluation instead.`,
          },
        ],
      );
    }
    return evaluation;
  }

  async update(id: number, input: UpdateEvaluationInput): Promise<Evaluation> {
    const evaluation = await this.draft(id, 'id', 'be changed');
    const before = snapshot(evaluation);
    const values: ScoreSheetValues = {
      councilLevel: input.councilLevel ?? evaluation.councilLevel,
      criteriaVersion: input.criteriaVersion ?? evaluation.criteriaVersion,
      evaluatedOn: input.evaluatedOn ?? evaluation.evaluatedOn,
      scoreA: input.scoreA ?? evaluation.scoreA,
      scoreB: input.scoreB ?? evaluation.scoreB,
      scoreC: input.scoreC ?? evaluation.scoreC,
    };
    const issues = new Issues();
    const result = checkScoreSheet(values, this.today, issues);
    issues.throwIfAny();
    if (!result) throw new Error('unreachable: checked above');
    this.tx.assign(evaluation, {
      ...values,
      criteriaVersion: values.criteriaVersion as CriteriaVersion,
      evaluatedOn: values.evaluatedOn.trim(),
      total: result.total,
      stars: result.stars,
    });
    this.audit.record('Evaluation', evaluation.id, diff(before, snapshot(evaluation)));
    return evaluation;
  }

  /** Makes a draft the council’s decision: from now on it is never edited. */
  async finalise(id: number, now: Date): Promise<Evaluation> {
    const evaluation = await this.draft(id, 'id', 'be finalised again');
    evaluation.status = 'FINAL';
    evaluation.finalisedAt = now;
    this.audit.record('Evaluation', evaluation.id, { status: { from: 'DRAFT', to: 'FINAL' } });
    return evaluation;
  }
}

/** Evaluations of a product for officials and council members, newest first. */
export function evaluationsOf(em: EntityManager, productId: number): Promise<Evaluation[]> {
  return em.find(Evaluation, { product: productId }, { orderBy: { evaluatedOn: 'desc', id: 'desc' } });
}
