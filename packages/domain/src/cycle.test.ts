import { describe, expect, it } from 'vitest';
import { CYCLE_STAGES } from './codes.js';
import { allowedNextStages, CYCLE_STEPS, checkCycleTransition, cycleStep } from './cycle.js';

describe('CYCLE_STEPS', () => {
  it('numbers the six stages in order', () => {
    expect(CYCLE_STEPS.map((s) => s.stage)).toEqual([...CYCLE_STAGES]);
    expect(CYCLE_STEPS.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cycleStep('EVALUATION').nameVi).toBe('Đánh giá và xếp hạng sản phẩm');
  });
});

describe('allowedNextStages', () => {
  it('allows the next step and the two loops back', () => {
    expect(allowedNextStages('PROPAGANDA')).toEqual(['IDEA']);
    expect(allowedNextStages('PRODUCTION')).toEqual(['EVALUATION']);
    expect(allowedNextStages('EVALUATION')).toEqual(['PROMOTION', 'PRODUCTION']);
    expect(allowedNextStages('PROMOTION')).toEqual(['EVALUATION']);
  });
});

describe('checkCycleTransition', () => {
  it('accepts exactly the allowed moves', () => {
    for (const from of CYCLE_STAGES) {
      for (const to of CYCLE_STAGES) {
        expect(checkCycleTransition(from, to).ok).toBe(allowedNextStages(from).includes(to));
      }
    }
  });

  it('explains a skipped step by number and name', () => {
    const result = checkCycleTransition('IDEA', 'PRODUCTION');
    expect(result).toEqual({
      ok: false,
      issue: {
        field: 'cycleStage',
        code: 'CYCLE_STEP_OUT_OF_ORDER',
        message:
          'A product cannot move from step 2 (Receiving product ideas) to step 4 (Implementing the business plan); from there it can move only to step 3 (Receiving business plans).',
      },
    });
  });

  it('refuses staying on the same stage', () => {
    const result = checkCycleTransition('EVALUATION', 'EVALUATION');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.message).toBe(
        'The product is already at step 5 (Evaluation and ranking); from there it can move only to step 6 (Trade promotion) or step 4 (Implementing the business plan).',
      );
    }
  });
});
