import {
  checkAward,
  checkCriteriaVersion,
  criteriaVersionOn,
  ERROR_CODES,
  type IsoDate,
  type PartScores,
  scoreEvaluation,
  validateScores,
} from '@ocop/domain';
import type { EvaluationNode, ProductNode } from './import.model.js';
import type { Counts, ImportPlan } from './import.plan.js';
import { changedFields, type PlanLedger } from './import.plan.ledger.js';
import type { ProductPlanner } from './import.plan.products.js';
import { pastDate, pushTo, quote, type RowCheck } from './import.plan.rows.js';
import { parseCouncilLevel, parseCriteriaVersion, parseEvaluationStatus, parseScore } from './values.js';

/** Plans the rows of an evaluations file; certificates are linked to the evaluations found here. */
export class EvaluationPlanner {
  readonly evaluationsOf = new Map<ProductNode, EvaluationNode[]>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly ledger: PlanLedger,
    private readonly products: ProductPlanner,
    private readonly today: IsoDate,
  ) {}

  indexEvaluation(e: EvaluationNode): void {
    pushTo(this.evaluationsOf, e.product, e);
  }

  private readonly evaluationKeysInFile = new Map<string, string>();

  planEvaluation(check: RowCheck, counts: Counts): void {
    const product = this.products.productCell(check);
    const councilLevel = check.parse('council_level', parseCouncilLevel, 'every evaluation names its council level');
    const evaluatedOn = pastDate(
      check,
      this.today,
      'evaluated_on',
      'every evaluation has the date of the council meeting',
    );
    const givenVersion = check.parse('criteria_version', parseCriteriaVersion);
    if (givenVersion && evaluatedOn) {
      const inForce = checkCriteriaVersion(givenVersion, evaluatedOn);
      if (!inForce.ok) check.problem('criteria_version', inForce.issue.message);
    }
    const version = givenVersion ?? (evaluatedOn ? criteriaVersionOn(evaluatedOn) : undefined);
    const status = check.parse('status', parseEvaluationStatus) ?? 'FINAL';
    const scores: Partial<Record<keyof PartScores, number>> = {};
    for (const [key, field] of [
      ['score_a', 'scoreA'],
      ['score_b', 'scoreB'],
      ['score_c', 'scoreC'],
    ] as const) {
      const value = check.parse(key, parseScore, `every evaluation has its Part ${field.slice(-1)} score`);
      if (value !== undefined) scores[field] = value;
    }
    if (version && scores.scoreA !== undefined && scores.scoreB !== undefined && scores.scoreC !== undefined) {
      const columnOf: Record<string, string> = {
        scoreA: 'score_a',
        scoreB: 'score_b',
        scoreC: 'score_c',
        criteriaVersion: 'criteria_version',
      };
      for (const issue of validateScores(version, scores as PartScores))
        check.problem(columnOf[issue.field], issue.message);
    }
    if (councilLevel && evaluatedOn) {
      const award = checkAward(councilLevel, 1, evaluatedOn);
      if (!award.ok && award.issue.code === ERROR_CODES.COUNCIL_LEVEL_ABOLISHED) {
        check.problem('council_level', award.issue.message);
      }
    }
    if (check.bad || !product || !councilLevel || !evaluatedOn || !version) return;
    const { total, stars } = scoreEvaluation(version, scores as PartScores);

    const key = `${product.slug}\u0000${councilLevel}\u0000${evaluatedOn}`;
    const earlier = this.evaluationKeysInFile.get(key);
    if (earlier) {
      check.problem(undefined, `the same evaluation (product, council level and date) is already on ${earlier}.`);
      return;
    }
    this.evaluationKeysInFile.set(key, check.where);
    const values = {
      criteriaVersion: version,
      scoreA: scores.scoreA as number,
      scoreB: scores.scoreB as number,
      scoreC: scores.scoreC as number,
      total,
      stars,
      status,
    };
    const existing = (this.evaluationsOf.get(product) ?? []).find(
      (e) => e.councilLevel === councilLevel && e.evaluatedOn === evaluatedOn,
    );
    if (existing) {
      const fields = changedFields(existing, values);
      if (fields.size > 0 && existing.status === 'FINAL' && existing.id !== undefined) {
        check.problem(
          undefined,
          `the ${councilLevel.toLowerCase()} council's evaluation of ${quote(product.slug)} on ${evaluatedOn} is FINAL in the catalog (${existing.total} points, ${existing.stars}★) and a final evaluation is never edited; record a new evaluation with its own date instead.`,
        );
        return;
      }
      if (fields.has('status') && status === 'FINAL') {
        existing.finalisedAt = new Date();
        fields.add('finalisedAt');
      }
      Object.assign(existing, values);
      this.ledger.record(this.plan.evaluations, existing, fields, counts);
      return;
    }
    const node: EvaluationNode = {
      product,
      councilLevel,
      evaluatedOn,
      ...values,
      finalisedAt: status === 'FINAL' ? new Date(`${evaluatedOn}T00:00:00Z`) : null,
    };
    pushTo(this.evaluationsOf, product, node);
    this.plan.evaluations.creates.push(node);
    counts.created++;
  }
}
