import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERIA_VERSIONS, type CriteriaVersion } from './codes.js';
import { DomainError } from './errors.js';
import {
  isCriteriaVersion,
  SCORE_SHEETS,
  STAR_BANDS,
  scoreEvaluation,
  starsFromScore,
  validateScores,
} from './scoring.js';

const version = fc.constantFrom<CriteriaVersion>(...CRITERIA_VERSIONS);
/** A score with at most one decimal place from 0 to 100. */
const total = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);

describe('SCORE_SHEETS', () => {
  it('weighs the parts as the two decisions do, always totalling 100', () => {
    const maxima = (v: CriteriaVersion) => Object.values(SCORE_SHEETS[v].parts).map((p) => p.max);
    expect(maxima('QD1048_2019')).toEqual([35, 25, 40]);
    expect(maxima('QD148_2023')).toEqual([40, 25, 35]);
    for (const v of CRITERIA_VERSIONS) {
      expect(maxima(v).reduce((a, b) => a + b)).toBe(SCORE_SHEETS[v].total);
      expect(SCORE_SHEETS[v].version).toBe(v);
    }
    expect(SCORE_SHEETS.QD1048_2019.decision).toBe('1048/QĐ-TTg');
    expect(SCORE_SHEETS.QD148_2023.year).toBe(2023);
  });

  it('recognises criteria versions', () => {
    expect(isCriteriaVersion('QD148_2023')).toBe(true);
    expect(isCriteriaVersion('QD148')).toBe(false);
  });
});

describe('starsFromScore', () => {
  it('uses the published band edges', () => {
    const cases: [number, number][] = [
      [100, 5],
      [90, 5],
      [89.9, 4],
      [70, 4],
      [69.9, 3],
      [50, 3],
      [49.9, 2],
      [30, 2],
      [29.9, 1],
      [0, 1],
    ];
    for (const v of CRITERIA_VERSIONS) {
      for (const [score, stars] of cases) expect(starsFromScore(score, v)).toBe(stars);
    }
  });

  it('throws RangeError outside 0–100', () => {
    for (const bad of [Number.NaN, -0.1, 100.1, Number.POSITIVE_INFINITY]) {
      expect(() => starsFromScore(bad, 'QD148_2023')).toThrow(RangeError);
    }
  });

  it('never gives fewer stars for a higher total', () => {
    fc.assert(
      fc.property(version, total, total, (v, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(starsFromScore(low, v)).toBeLessThanOrEqual(starsFromScore(high, v));
      }),
    );
  });

  it('gives exactly the stars of the band the total falls in', () => {
    fc.assert(
      fc.property(version, total, (v, t) => {
        const bands = STAR_BANDS[v];
        const stars = starsFromScore(t, v);
        const band = bands.find((b) => b.stars === stars);
        const higher = bands.find((b) => b.stars === stars + 1);
        expect(band && t >= band.minScore).toBe(true);
        if (higher) expect(t).toBeLessThan(higher.minScore);
      }),
    );
  });

  it('keeps band tables ordered from the highest minimum down to 0', () => {
    for (const v of CRITERIA_VERSIONS) {
      const mins = STAR_BANDS[v].map((b) => b.minScore);
      expect([...mins].sort((a, b) => b - a)).toEqual(mins);
      expect(mins.at(-1)).toBe(0);
    }
  });
});

describe('validateScores', () => {
  it('accepts scores within each part maximum', () => {
    expect(validateScores('QD1048_2019', { scoreA: 35, scoreB: 25, scoreC: 40 })).toEqual([]);
    expect(validateScores('QD148_2023', { scoreA: 40, scoreB: 0, scoreC: 35 })).toEqual([]);
  });

  it('names the limit when a part is over its maximum', () => {
    const issues = validateScores('QD1048_2019', { scoreA: 38, scoreB: 20, scoreC: 30 });
    expect(issues).toEqual([
      {
        field: 'scoreA',
        code: 'PART_SCORE_OVER_MAXIMUM',
        message:
          'Part A scored 38 but the 1048/2019 score sheet allows at most 35 for Part A (production organisation and community strength). Enter a score from 0 to 35.',
      },
    ]);
    // The same 38 is fine under 148/2023, where Part A is worth 40, but Part C is now capped at 35.
    expect(validateScores('QD148_2023', { scoreA: 38, scoreB: 20, scoreC: 38 }).map((i) => i.field)).toEqual([
      'scoreC',
    ]);
  });

  it('gives each kind of problem its own code', () => {
    const issues = validateScores('QD148_2023', { scoreA: Number.NaN, scoreB: -1, scoreC: 20.25 });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['scoreA', 'SCORE_NOT_A_NUMBER'],
      ['scoreB', 'SCORE_OUT_OF_RANGE'],
      ['scoreC', 'SCORE_TOO_PRECISE'],
    ]);
    for (const issue of issues) expect(issue.message).toMatch(/\.$/);
  });

  it('rejects values that are not numbers at all (raw API input)', () => {
    const raw = { scoreA: '30', scoreB: null, scoreC: undefined } as unknown as Parameters<typeof validateScores>[1];
    expect(validateScores('QD148_2023', raw).map((i) => i.code)).toEqual([
      'SCORE_NOT_A_NUMBER',
      'SCORE_NOT_A_NUMBER',
      'SCORE_NOT_A_NUMBER',
    ]);
  });

  it('reports an unknown version and still checks what it can', () => {
    const issues = validateScores('QD999', { scoreA: 10, scoreB: -2, scoreC: 10 });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['criteriaVersion', 'UNKNOWN_CRITERIA_VERSION'],
      ['scoreB', 'SCORE_OUT_OF_RANGE'],
    ]);
    expect(issues[0]?.message).toContain('QD148_2023');
  });
});

describe('scoreEvaluation', () => {
  it('totals the parts without float noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(scoreEvaluation('QD1048_2019', { scoreA: 33.5, scoreB: 20.1, scoreC: 36.2 })).toEqual({
      total: 89.8,
      stars: 4,
    });
    expect(scoreEvaluation('QD148_2023', { scoreA: 36.1, scoreB: 22.2, scoreC: 31.7 })).toEqual({
      total: 90,
      stars: 5,
    });
  });

  it('throws a DomainError listing every issue', () => {
    try {
      scoreEvaluation('QD148_2023', { scoreA: 41, scoreB: 26, scoreC: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.issues.map((i) => i.field)).toEqual(['scoreA', 'scoreB']);
    }
  });

  it('returns a one-decimal total equal to the sum for any valid scores', () => {
    const part = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((t) => t / 10);
    fc.assert(
      fc.property(version, fc.gen(), (v, gen) => {
        const { A, B, C } = SCORE_SHEETS[v].parts;
        const scores = { scoreA: gen(part, A.max), scoreB: gen(part, B.max), scoreC: gen(part, C.max) };
        const { total: t, stars } = scoreEvaluation(v, scores);
        expect(Math.abs(t - (scores.scoreA + scores.scoreB + scores.scoreC))).toBeLessThan(1e-9);
        expect(Number(t.toFixed(1))).toBe(t);
        expect(stars).toBe(starsFromScore(t, v));
      }),
    );
  });
});
