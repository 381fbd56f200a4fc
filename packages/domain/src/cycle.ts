import { CYCLE_STAGES, type CycleStage } from './codes.js';
import { ERROR_CODES, type ValidationIssue } from './errors.js';

/** One step of the six-step OCOP cycle a product goes through, numbered as the programme does. */
export interface CycleStep {
  stage: CycleStage;
  step: 1 | 2 | 3 | 4 | 5 | 6;
  nameVi: string;
  nameEn: string;
}

/** The six steps of the OCOP cycle, in order. */
export const CYCLE_STEPS: readonly CycleStep[] = [
  { stage: 'PROPAGANDA', step: 1, nameVi: 'Tuyên truyền, hướng dẫn', nameEn: 'Propaganda and guidance' },
  { stage: 'IDEA', step: 2, nameVi: 'Nhận ý tưởng sản phẩm', nameEn: 'Receiving product ideas' },
  { stage: 'BUSINESS_PLAN', step: 3, nameVi: 'Nhận kế hoạch kinh doanh', nameEn: 'Receiving business plans' },
  {
    stage: 'PRODUCTION',
    step: 4,
    nameVi: 'Triển khai kế hoạch kinh doanh',
    nameEn: 'Implementing the business plan',
  },
  { stage: 'EVALUATION', step: 5, nameVi: 'Đánh giá và xếp hạng sản phẩm', nameEn: 'Evaluation and ranking' },
  { stage: 'PROMOTION', step: 6, nameVi: 'Xúc tiến thương mại', nameEn: 'Trade promotion' },
];

/**
 * The two ways back the programme allows: a product that scored too low is improved and
 * resubmitted (evaluation → production), and a certified product is re-evaluated before its
 * certificate expires (promotion → evaluation).
 */
const LOOPS: Partial<Record<CycleStage, CycleStage>> = {
  EVALUATION: 'PRODUCTION',
  PROMOTION: 'EVALUATION',
};

/** The step record for a stage. */
export function cycleStep(stage: CycleStage): CycleStep {
  const step = CYCLE_STEPS.find((s) => s.stage === stage);
  if (!step)
    throw new RangeError(`Unknown OCOP cycle stage "${String(stage)}"; use one of ${CYCLE_STAGES.join(', ')}.`);
  return step;
}

/** The stages a product at `from` may move to: the next step first, then any loop back. */
export function allowedNextStages(from: CycleStage): CycleStage[] {
  const index = CYCLE_STAGES.indexOf(from);
  if (index < 0) return [];
  const next = CYCLE_STAGES[index + 1];
  const loop = LOOPS[from];
  return [...(next ? [next] : []), ...(loop ? [loop] : [])];
}

function describe(stage: CycleStage): string {
  const step = CYCLE_STEPS.find((s) => s.stage === stage);
  return step ? `step ${step.step} (${step.nameEn})` : `"${String(stage)}"`;
}

/**
 * Whether a product may move from `from` to `to`. Steps are taken in order, with the two loops
 * of {@link allowedNextStages}; skipping ahead, going back otherwise, or "moving" to the stage it
 * is already at is refused with CYCLE_STEP_OUT_OF_ORDER (field 'cycleStage').
 */
export function checkCycleTransition(
  from: CycleStage,
  to: CycleStage,
): { ok: true } | { ok: false; issue: ValidationIssue } {
  const allowed = allowedNextStages(from);
  if (allowed.includes(to)) return { ok: true };
  const options = allowed.length > 0 ? allowed.map(describe).join(' or ') : 'no other step';
  const problem =
    from === to
      ? `The product is already at ${describe(from)}`
      : `A product cannot move from ${describe(from)} to ${describe(to)}`;
  return {
    ok: false,
    issue: {
      field: 'cycleStage',
      code: ERROR_CODES.CYCLE_STEP_OUT_OF_ORDER,
      message: `${problem}; from there it can move only to ${options}.`,
    },
  };
}
