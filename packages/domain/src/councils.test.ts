import { describe, expect, it } from 'vitest';
import { COUNCIL_LEVELS, STARS } from './codes.js';
import {
  AWARD_RULE_SETS,
  awardableStars,
  awardRulesOn,
  checkAward,
  checkCriteriaVersion,
  checkIssuingLevel,
  criteriaVersionOn,
} from './councils.js';
import { addDays } from './dates.js';

describe('AWARD_RULE_SETS', () => {
  it('covers time without gaps, oldest first, open-ended at the end', () => {
    for (let i = 1; i < AWARD_RULE_SETS.length; i++) {
      const previous = AWARD_RULE_SETS[i - 1];
      const current = AWARD_RULE_SETS[i];
      expect(previous?.to && addDays(previous.to, 1)).toBe(current?.from);
    }
    expect(AWARD_RULE_SETS.at(-1)?.to).toBeUndefined();
  });

  it('lets exactly one existing level award each certificate star', () => {
    for (const rules of AWARD_RULE_SETS) {
      for (const stars of [3, 4, 5] as const) {
        const awarding = COUNCIL_LEVELS.filter((l) => rules.levelExists[l] && rules.awards[l].includes(stars));
        expect(awarding).toHaveLength(1);
      }
    }
  });
});

describe('awardRulesOn', () => {
  it('switches on the first day of each period', () => {
    expect(awardRulesOn('2023-02-23').code).toBe('QD1048_2019');
    expect(awardRulesOn('2023-02-24').code).toBe('QD148_2023');
    expect(awardRulesOn('2025-06-30').code).toBe('QD148_2023');
    expect(awardRulesOn('2025-07-01').code).toBe('QD1489_2025');
    expect(awardRulesOn('2030-01-01').code).toBe('QD1489_2025');
  });

  it('uses the 1048 rules for earlier dates', () => {
    expect(awardRulesOn('2018-11-20').code).toBe('QD1048_2019');
  });

  it('throws on an invalid date', () => {
    expect(() => awardRulesOn('2025-02-30')).toThrow(RangeError);
  });
});

describe('criteriaVersionOn', () => {
  it('changes to 148/2023 on 24 Feb 2023', () => {
    expect(criteriaVersionOn('2020-08-13')).toBe('QD1048_2019');
    expect(criteriaVersionOn('2023-02-23')).toBe('QD1048_2019');
    expect(criteriaVersionOn('2023-02-24')).toBe('QD148_2023');
    expect(criteriaVersionOn('2025-09-01')).toBe('QD148_2023');
  });
});

describe('awardableStars', () => {
  it('follows each period', () => {
    expect(awardableStars('DISTRICT', '2021-05-01')).toEqual([]);
    expect(awardableStars('PROVINCE', '2021-05-01')).toEqual([3, 4]);
    expect(awardableStars('DISTRICT', '2024-05-01')).toEqual([3]);
    expect(awardableStars('PROVINCE', '2024-05-01')).toEqual([4]);
    expect(awardableStars('CENTRAL', '2024-05-01')).toEqual([5]);
    expect(awardableStars('DISTRICT', '2025-08-01')).toEqual([]);
    expect(awardableStars('PROVINCE', '2025-08-01')).toEqual([3, 4]);
  });

  it('returns a copy the caller may change', () => {
    awardableStars('PROVINCE', '2025-08-01').push(5);
    expect(awardableStars('PROVINCE', '2025-08-01')).toEqual([3, 4]);
  });
});

describe('checkAward', () => {
  it('allows the stars each level awards', () => {
    expect(checkAward('DISTRICT', 3, '2024-03-01')).toEqual({ ok: true });
    expect(checkAward('PROVINCE', 3, '2025-07-01')).toEqual({ ok: true });
    expect(checkAward('PROVINCE', 4, '2020-10-01')).toEqual({ ok: true });
    expect(checkAward('CENTRAL', 5, '2022-06-01')).toEqual({ ok: true });
  });

  it('allows 1–2★ results at any level that exists', () => {
    for (const date of ['2020-01-01', '2024-01-01', '2025-07-01']) {
      for (const level of COUNCIL_LEVELS) {
        if (level === 'DISTRICT' && date === '2025-07-01') continue;
        expect(checkAward(level, 1, date).ok).toBe(true);
        expect(checkAward(level, 2, date).ok).toBe(true);
      }
    }
  });

  it('refuses stars the level may not award, naming the level that does', () => {
    expect(checkAward('PROVINCE', 5, '2025-07-01')).toEqual({
      ok: false,
      issue: {
        field: 'stars',
        code: 'AWARD_NOT_ALLOWED',
        message:
          'Under Decision 1489/QĐ-TTg (from 1 Jul 2025) a provincial council awards 3–4★; 5★ is awarded by the central council.',
      },
    });
    const r148 = checkAward('PROVINCE', 3, '2024-01-10');
    expect(r148.ok === false && r148.issue.message).toBe(
      'Under Decision 148/QĐ-TTg (24 Feb 2023 – 30 Jun 2025) a provincial council awards 4★; 3★ is awarded by the district council.',
    );
    const r1048 = checkAward('DISTRICT', 3, '2021-01-10');
    expect(r1048.ok === false && r1048.issue.code).toBe('AWARD_NOT_ALLOWED');
    expect(r1048.ok === false && r1048.issue.message).toContain('shortlists products scoring at least 50 points');
    expect(r1048.ok === false && r1048.issue.message).toContain('3★ is awarded by the provincial council');
  });

  it('refuses every result from a district council after 30 Jun 2025', () => {
    for (const stars of STARS) {
      const result = checkAward('DISTRICT', stars, '2025-07-01');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issue.code).toBe('COUNCIL_LEVEL_ABOLISHED');
        expect(result.issue.field).toBe('councilLevel');
        expect(result.issue.message).toContain('provincial council (3–4★)');
      }
    }
    expect(checkAward('DISTRICT', 3, '2025-06-30')).toEqual({ ok: true });
  });

  it('agrees with awardableStars for certificate stars', () => {
    for (const date of ['2019-01-01', '2021-06-01', '2023-02-24', '2025-06-30', '2025-07-01']) {
      for (const level of COUNCIL_LEVELS) {
        for (const stars of [3, 4, 5] as const) {
          expect(checkAward(level, stars, date).ok).toBe(awardableStars(level, date).includes(stars));
        }
      }
    }
  });
});

describe('checkIssuingLevel', () => {
  it('lets a certificate be issued by a decision dated while its council level exists', () => {
    expect(checkIssuingLevel('DISTRICT', '2023-06-21')).toEqual({ ok: true });
    expect(checkIssuingLevel('DISTRICT', '2025-06-30')).toEqual({ ok: true });
    expect(checkIssuingLevel('PROVINCE', '2025-07-01')).toEqual({ ok: true });
    expect(checkIssuingLevel('CENTRAL', '2030-01-01')).toEqual({ ok: true });
  });

  it('refuses a district council’s certificate by a decision dated after 30 Jun 2025, saying what to do', () => {
    expect(checkIssuingLevel('DISTRICT', '2025-07-10')).toEqual({
      ok: false,
      issue: {
        field: 'decisionDate',
        code: 'COUNCIL_LEVEL_ABOLISHED',
        message:
          'There is no district council from 1 Jul 2025 (Decision 1489/QĐ-TTg), so a decision dated 10 Jul 2025 cannot issue a certificate on its behalf. If the decision was signed by 30 Jun 2025, enter its real date; otherwise the product needs an evaluation by the provincial council (3–4★) or the central council (5★), and the certificate is issued from that evaluation.',
      },
    });
    expect(checkIssuingLevel('DISTRICT', '2025-07-01').ok).toBe(false);
  });
});

describe('checkCriteriaVersion', () => {
  it('accepts the score sheet in use on the evaluation date', () => {
    expect(checkCriteriaVersion('QD1048_2019', '2018-11-20')).toEqual({ ok: true });
    expect(checkCriteriaVersion('QD1048_2019', '2023-02-23')).toEqual({ ok: true });
    expect(checkCriteriaVersion('QD148_2023', '2023-02-24')).toEqual({ ok: true });
    expect(checkCriteriaVersion('QD148_2023', '2026-11-20')).toEqual({ ok: true });
  });

  it('refuses a 148/2023 sheet dated before it existed, naming the version that applied', () => {
    expect(checkCriteriaVersion('QD148_2023', '2022-10-01')).toEqual({
      ok: false,
      issue: {
        field: 'criteriaVersion',
        code: 'CRITERIA_VERSION_NOT_IN_FORCE',
        message:
          'The 148/2023 score sheet (Decision 148/QĐ-TTg) applies from 24 Feb 2023, so an evaluation dated 1 Oct 2022 cannot be scored on it: on that date councils used the 1048/2019 sheet (QD1048_2019). Record it under QD1048_2019, or correct the date.',
      },
    });
    expect(checkCriteriaVersion('QD148_2023', '2023-02-23').ok).toBe(false);
  });

  it('refuses a 1048/2019 sheet dated after it was replaced', () => {
    const result = checkCriteriaVersion('QD1048_2019', '2024-03-10');
    expect(result.ok === false && result.issue.message).toBe(
      'The 1048/2019 score sheet (Decision 1048/QĐ-TTg) was replaced by the 148/2023 sheet on 24 Feb 2023, so an evaluation dated 10 Mar 2024 cannot be scored on it: on that date councils used the 148/2023 sheet (QD148_2023). Record it under QD148_2023, or correct the date.',
    );
  });

  it('agrees with criteriaVersionOn', () => {
    for (const date of ['2019-01-01', '2023-02-23', '2023-02-24', '2025-07-01']) {
      expect(checkCriteriaVersion(criteriaVersionOn(date), date).ok).toBe(true);
    }
  });
});
