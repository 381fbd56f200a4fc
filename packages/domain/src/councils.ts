import { COUNCIL_LEVELS, type CouncilLevel, type CriteriaVersion, MIN_CERTIFIED_STARS, type Stars } from './codes.js';
import { compareIsoDates, formatIsoDateEn, type IsoDate } from './dates.js';
import { ERROR_CODES, type ValidationIssue } from './errors.js';
import { SCORE_SHEETS, sheetLabel } from './scoring.js';

/**
 * Which council level may award which stars during one legal period. The rules changed twice:
 * Decision 148/QĐ-TTg (24 Feb 2023) let district councils award 3★, and from 1 Jul 2025 the
 * district level no longer exists (formalised by Decision 1489/QĐ-TTg of 6 Jul 2025).
 */
export interface AwardRuleSet {
  code: 'QD1048_2019' | 'QD148_2023' | 'QD1489_2025';
  decision: string;
  /** First day the rules apply. */
  from: IsoDate;
  /** Last day the rules apply; absent for the rules in force now. */
  to?: IsoDate;
  /** Certificate stars (3–5★) each level may award; empty if it awards none. */
  awards: Record<CouncilLevel, Stars[]>;
  levelExists: Record<CouncilLevel, boolean>;
  summaryVi: string;
  summaryEn: string;
}

/** The award rule sets, oldest first; consecutive periods with no gaps. */
export const AWARD_RULE_SETS: readonly AwardRuleSet[] = [
  {
    code: 'QD1048_2019',
    decision: '1048/QĐ-TTg',
    from: '2019-08-21',
    to: '2023-02-23',
    awards: { DISTRICT: [], PROVINCE: [3, 4], CENTRAL: [5] },
    levelExists: { DISTRICT: true, PROVINCE: true, CENTRAL: true },
    summaryVi:
      'Hội đồng cấp huyện sơ loại sản phẩm đạt từ 50 điểm; cấp tỉnh công nhận 3–4 sao; sản phẩm đạt từ 90 điểm được trình cấp trung ương công nhận 5 sao.',
    summaryEn:
      'District councils shortlist products scoring at least 50 points; provincial councils certify 3–4★; products scoring 90 or more go to the central council, which certifies 5★.',
  },
  {
    code: 'QD148_2023',
    decision: '148/QĐ-TTg',
    from: '2023-02-24',
    to: '2025-06-30',
    awards: { DISTRICT: [3], PROVINCE: [4], CENTRAL: [5] },
    levelExists: { DISTRICT: true, PROVINCE: true, CENTRAL: true },
    summaryVi: 'Cấp huyện công nhận 3 sao, cấp tỉnh công nhận 4 sao, cấp trung ương công nhận 5 sao.',
    summaryEn: 'District councils certify 3★, provincial councils 4★, the central council 5★.',
  },
  {
    code: 'QD1489_2025',
    decision: '1489/QĐ-TTg',
    from: '2025-07-01',
    awards: { DISTRICT: [], PROVINCE: [3, 4], CENTRAL: [5] },
    levelExists: { DISTRICT: false, PROVINCE: true, CENTRAL: true },
    summaryVi:
      'Từ 01/7/2025 không còn cấp huyện (Quyết định 1489/QĐ-TTg ngày 06/7/2025): cấp tỉnh công nhận 3–4 sao, cấp trung ương công nhận 5 sao.',
    summaryEn:
      'From 1 Jul 2025 there is no district level (Decision 1489/QĐ-TTg of 6 Jul 2025): provincial councils certify 3–4★, the central council 5★.',
  },
];

/** Decision 148/QĐ-TTg replaced the 1048 score sheet on the day it was signed. */
const CRITERIA_148_FROM: IsoDate = '2023-02-24';

const LEVEL_NAMES_EN: Record<CouncilLevel, string> = {
  DISTRICT: 'district',
  PROVINCE: 'provincial',
  CENTRAL: 'central',
};

/**
 * The award rules in force on `date`. Dates before the first set (evaluations recorded from the
 * 2018–2019 pilot) use the 1048 rules, the earliest national ones. Throws RangeError for an
 * invalid date.
 */
export function awardRulesOn(date: IsoDate): AwardRuleSet {
  let current = AWARD_RULE_SETS[0];
  for (const set of AWARD_RULE_SETS) {
    if (compareIsoDates(set.from, date) <= 0) current = set;
  }
  if (!current) throw new Error('AWARD_RULE_SETS is empty.');
  return current;
}

/** The score sheet in use on `date`: 148/2023 from 24 Feb 2023, 1048/2019 before. */
export function criteriaVersionOn(date: IsoDate): CriteriaVersion {
  return compareIsoDates(date, CRITERIA_148_FROM) < 0 ? 'QD1048_2019' : 'QD148_2023';
}

/**
 * Whether a score sheet of `version` may be dated `evaluatedOn`: it must be the sheet in use that
 * day ({@link criteriaVersionOn}). A 148/2023 sheet dated before 24 Feb 2023 did not exist yet; a
 * 1048/2019 sheet dated from then on had been replaced. Refused with
 * CRITERIA_VERSION_NOT_IN_FORCE (field 'criteriaVersion'), naming the version that applied.
 */
export function checkCriteriaVersion(
  version: CriteriaVersion,
  evaluatedOn: IsoDate,
): { ok: true } | { ok: false; issue: ValidationIssue } {
  const inForce = criteriaVersionOn(evaluatedOn);
  if (version === inForce) return { ok: true };
  const used = SCORE_SHEETS[version];
  const right = SCORE_SHEETS[inForce];
  const changed = formatIsoDateEn(CRITERIA_148_FROM);
  const when =
    compareIsoDates(evaluatedOn, CRITERIA_148_FROM) < 0
      ? `applies from ${changed}`
      : `was replaced by the ${sheetLabel(right)} sheet on ${changed}`;
  return {
    ok: false,
    issue: {
      field: 'criteriaVersion',
      code: ERROR_CODES.CRITERIA_VERSION_NOT_IN_FORCE,
      message: `The ${sheetLabel(used)} score sheet (Decision ${used.decision}) ${when}, so an evaluation dated ${formatIsoDateEn(evaluatedOn)} cannot be scored on it: on that date councils used the ${sheetLabel(right)} sheet (${inForce}). Record it under ${inForce}, or correct the date.`,
    },
  };
}

/** The certificate stars `level` may award on `date` (empty if none, or if the level is gone). */
export function awardableStars(level: CouncilLevel, date: IsoDate): Stars[] {
  const rules = awardRulesOn(date);
  return rules.levelExists[level] ? [...rules.awards[level]] : [];
}

/** "3–4★", "5★", or "no stars". */
function starsRange(stars: readonly Stars[]): string {
  const first = stars[0];
  const last = stars[stars.length - 1];
  if (first === undefined || last === undefined) return 'no stars';
  return first === last ? `${first}★` : `${first}–${last}★`;
}

function period(rules: AwardRuleSet): string {
  return rules.to
    ? `${formatIsoDateEn(rules.from)} – ${formatIsoDateEn(rules.to)}`
    : `from ${formatIsoDateEn(rules.from)}`;
}

/**
 * Whether a council of `level` may record `stars` on `date`. A 1–2★ result certifies nothing, so
 * any level that exists may record it; a level that no longer exists gets
 * COUNCIL_LEVEL_ABOLISHED (field 'councilLevel'); stars the level may not award get
 * AWARD_NOT_ALLOWED (field 'stars') with a message naming the rules and the level that does.
 */
export function checkAward(
  level: CouncilLevel,
  stars: Stars,
  date: IsoDate,
): { ok: true } | { ok: false; issue: ValidationIssue } {
  const rules = awardRulesOn(date);
  const existing = COUNCIL_LEVELS.filter((l) => rules.levelExists[l]);
  if (!rules.levelExists[level]) {
    const alternatives = existing.map((l) => `the ${LEVEL_NAMES_EN[l]} council (${starsRange(rules.awards[l])})`);
    return {
      ok: false,
      issue: {
        field: 'councilLevel',
        code: ERROR_CODES.COUNCIL_LEVEL_ABOLISHED,
        message: `Under Decision ${rules.decision} (${period(rules)}) there is no ${LEVEL_NAMES_EN[level]} council, so none can evaluate on ${date}. Record the evaluation under ${alternatives.join(' or ')}.`,
      },
    };
  }
  if (stars < MIN_CERTIFIED_STARS || rules.awards[level].includes(stars)) return { ok: true };

  const awarding = existing.find((l) => rules.awards[l].includes(stars));
  const mayAward = rules.awards[level];
  const what =
    mayAward.length > 0
      ? `awards ${starsRange(mayAward)}`
      : level === 'DISTRICT'
        ? 'awards no stars (it shortlists products scoring at least 50 points)'
        : 'awards no stars';
  const who = awarding ? `; ${stars}★ is awarded by the ${LEVEL_NAMES_EN[awarding]} council` : '';
  return {
    ok: false,
    issue: {
      field: 'stars',
      code: ERROR_CODES.AWARD_NOT_ALLOWED,
      message: `Under Decision ${rules.decision} (${period(rules)}) a ${LEVEL_NAMES_EN[level]} council ${what}${who}.`,
    },
  };
}

/**
 * Whether a decision dated `decisionDate` may issue a certificate awarded by a council of `level`.
 * The level must exist on the decision's date as well as on the evaluation's (checkAward): a
 * district council's 3★ of June 2025 cannot be certified by a decision of July 2025, when there
 * is no district level left to stand behind it. Refused with COUNCIL_LEVEL_ABOLISHED (field
 * 'decisionDate') and a message saying what to do.
 */
export function checkIssuingLevel(
  level: CouncilLevel,
  decisionDate: IsoDate,
): { ok: true } | { ok: false; issue: ValidationIssue } {
  const rules = awardRulesOn(decisionDate);
  if (rules.levelExists[level]) return { ok: true };
  const lastWith = AWARD_RULE_SETS.filter(
    (set) => set.levelExists[level] && set.to !== undefined && compareIsoDates(set.to, decisionDate) < 0,
  ).at(-1);
  const alternatives = COUNCIL_LEVELS.filter((l) => rules.levelExists[l] && rules.awards[l].length > 0).map(
    (l) => `the ${LEVEL_NAMES_EN[l]} council (${starsRange(rules.awards[l])})`,
  );
  const ifEarlier = lastWith?.to
    ? `If the decision was signed by ${formatIsoDateEn(lastWith.to)}, enter its real date; otherwise the`
    : 'The';
  return {
    ok: false,
    issue: {
      field: 'decisionDate',
      code: ERROR_CODES.COUNCIL_LEVEL_ABOLISHED,
      message: `There is no ${LEVEL_NAMES_EN[level]} council ${period(rules)} (Decision ${rules.decision}), so a decision dated ${formatIsoDateEn(decisionDate)} cannot issue a certificate on its behalf. ${ifEarlier} product needs an evaluation by ${alternatives.join(' or ')}, and the certificate is issued from that evaluation.`,
    },
  };
}
