import type { RequiredEntityData } from '@mikro-orm/core';
import type { CouncilLevel, CriteriaVersion, EvaluationStatus, Stars } from '@ocop/domain';
import type { Link } from '../../db/base.entity.js';
import type { Product } from '../product/product.entity.js';
import type { Evaluation } from './evaluation.entity.js';

/**
 * A score sheet as checked input gives it, with the total and stars the domain computed from it,
 * whoever checked it (an admin mutation or the importer): the one place an evaluation's stored
 * fields are listed, for its new row and for its audit entry.
 */
export interface EvaluationValues {
  councilLevel: CouncilLevel;
  criteriaVersion: CriteriaVersion;
  evaluatedOn: string;
  scoreA: number;
  scoreB: number;
  scoreC: number;
  total: number;
  stars: number;
  status: EvaluationStatus;
  finalisedAt?: Date | null;
}

/** The row of a new evaluation, for `em.create` (an admin mutation) and `insertMany` (an import) alike. */
export function evaluationRow(e: EvaluationValues, product: Link<Product>): RequiredEntityData<Evaluation> {
  return { product, ...fields(e), finalisedAt: e.finalisedAt ?? null };
}

/** The fields of an evaluation the audit log records, before and after a change. */
export function evaluationAudit(e: EvaluationValues, productId: number): Record<string, unknown> {
  return { product: productId, ...fields(e) };
}

function fields(e: EvaluationValues) {
  return {
    councilLevel: e.councilLevel,
    criteriaVersion: e.criteriaVersion,
    evaluatedOn: e.evaluatedOn,
    scoreA: e.scoreA,
    scoreB: e.scoreB,
    scoreC: e.scoreC,
    total: e.total,
    stars: e.stars as Stars,
    status: e.status,
  };
}
