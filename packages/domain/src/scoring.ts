import { CRITERIA_VERSIONS, type CriteriaVersion, type Stars } from './codes.js';
import { DomainError, ERROR_CODES, type ValidationIssue } from './errors.js';

/** The three parts of an OCOP score sheet. */
export type ScorePart = 'A' | 'B' | 'C';

/**
 * A score sheet ("bộ tiêu chí"): the decision that issued it and the maximum for each of its
 * three parts. Both versions total 100 points but weigh Part A and Part C differently.
 */
export interface ScoreSheet {
  version: CriteriaVersion;
  /** The issuing decision's number, e.g. '1048/QĐ-TTg'. */
  decision: string;
  year: number;
  parts: Record<ScorePart, { max: number; nameVi: string; nameEn: string }>;
  total: 100;
}

const PART_NAMES = {
  A: { nameVi: 'Sản phẩm và sức mạnh cộng đồng', nameEn: 'Production organisation and community strength' },
  B: { nameVi: 'Khả năng tiếp thị', nameEn: 'Marketing capability' },
  C: { nameVi: 'Chất lượng sản phẩm', nameEn: 'Product quality' },
} as const;

/**
 * The score sheets in use: Decision 1048/QĐ-TTg (2019) with parts 35/25/40, replaced by
 * Decision 148/QĐ-TTg (2023) with 40/25/35. An evaluation records which one it was scored on.
 */
export const SCORE_SHEETS: Readonly<Record<CriteriaVersion, ScoreSheet>> = {
  QD1048_2019: {
    version: 'QD1048_2019',
    decision: '1048/QĐ-TTg',
    year: 2019,
    parts: { A: { max: 35, ...PART_NAMES.A }, B: { max: 25, ...PART_NAMES.B }, C: { max: 40, ...PART_NAMES.C } },
    total: 100,
  },
  QD148_2023: {
    version: 'QD148_2023',
    decision: '148/QĐ-TTg',
    year: 2023,
    parts: { A: { max: 40, ...PART_NAMES.A }, B: { max: 25, ...PART_NAMES.B }, C: { max: 35, ...PART_NAMES.C } },
    total: 100,
  },
};

/** True if `s` is a known criteria version (input from the API or CLI is checked with this). */
export function isCriteriaVersion(s: string): s is CriteriaVersion {
  return (CRITERIA_VERSIONS as readonly string[]).includes(s);
}

/** One row of a star band table: a total of at least `minScore` earns `stars`. */
export interface StarBand {
  minScore: number;
  stars: Stars;
}

const BANDS: readonly StarBand[] = [
  { minScore: 90, stars: 5 },
  { minScore: 70, stars: 4 },
  { minScore: 50, stars: 3 },
  { minScore: 30, stars: 2 },
  { minScore: 0, stars: 1 },
];

/**
 * Minimum total per star rating, highest first: 90–100 = 5★, 70–89 = 4★, 50–69 = 3★,
 * 30–49 = 2★, below 30 = 1★. Both versions use the same bands today; the table is kept per
 * version so a future score sheet can change them without touching old evaluations.
 */
export const STAR_BANDS: Readonly<Record<CriteriaVersion, readonly StarBand[]>> = {
  QD1048_2019: BANDS,
  QD148_2023: BANDS,
};

/**
 * The star rating a total earns under `version`. Throws RangeError for a total that is not a
 * number from 0 to 100 or an unknown version: a caller passing those has a bug, not bad input.
 */
export function starsFromScore(total: number, version: CriteriaVersion): Stars {
  if (typeof total !== 'number' || Number.isNaN(total) || total < 0 || total > 100) {
    throw new RangeError(`A total score must be a number from 0 to 100; got ${String(total)}.`);
  }
  const bands = STAR_BANDS[version];
  if (!bands) throw new RangeError(`Unknown criteria version "${String(version)}".`);
  const band = bands.find((b) => total >= b.minScore);
  if (!band) throw new RangeError(`No star band of ${version} covers the total ${total}.`);
  return band.stars;
}

/** The three part scores an evaluation council records. */
export interface PartScores {
  scoreA: number;
  scoreB: number;
  scoreC: number;
}

const PART_FIELDS: readonly { part: ScorePart; field: keyof PartScores }[] = [
  { part: 'A', field: 'scoreA' },
  { part: 'B', field: 'scoreB' },
  { part: 'C', field: 'scoreC' },
];

/** '1048/2019': how score sheets are named in messages. */
export function sheetLabel(sheet: ScoreSheet): string {
  return `${sheet.decision.split('/')[0] ?? sheet.decision}/${sheet.year}`;
}

function hasAtMostOneDecimal(x: number): boolean {
  return Number(x.toFixed(1)) === x;
}

function checkPart(
  part: ScorePart,
  field: keyof PartScores,
  value: unknown,
  sheet: ScoreSheet | undefined,
): ValidationIssue | undefined {
  const range = sheet ? `from 0 to ${sheet.parts[part].max}` : 'of 0 or more';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const got =
      value === undefined || value === null
        ? 'nothing'
        : typeof value === 'string'
          ? JSON.stringify(value)
          : String(value);
    return {
      field,
      code: ERROR_CODES.SCORE_NOT_A_NUMBER,
      message: `Part ${part} score must be a number but got ${got}. Enter a score ${range}.`,
    };
  }
  if (value < 0) {
    return {
      field,
      code: ERROR_CODES.SCORE_OUT_OF_RANGE,
      message: `Part ${part} scored ${value}, but a score cannot be negative. Enter a score ${range}.`,
    };
  }
  if (!hasAtMostOneDecimal(value)) {
    return {
      field,
      code: ERROR_CODES.SCORE_TOO_PRECISE,
      message: `Part ${part} scored ${value}, but scores are recorded to one decimal place. Round it, e.g. to ${Number(value.toFixed(1))}.`,
    };
  }
  if (sheet && value > sheet.parts[part].max) {
    const { max, nameEn } = sheet.parts[part];
    return {
      field,
      code: ERROR_CODES.PART_SCORE_OVER_MAXIMUM,
      message: `Part ${part} scored ${value} but the ${sheetLabel(sheet)} score sheet allows at most ${max} for Part ${part} (${nameEn.toLowerCase()}). Enter a score from 0 to ${max}.`,
    };
  }
  return undefined;
}

/**
 * Every problem with a council's part scores, or an empty list. Each field gets at most one
 * issue: an unknown criteria version ('criteriaVersion'), then per part ('scoreA', 'scoreB',
 * 'scoreC') a non-number, a negative score, more than one decimal place, or a score over the
 * part's maximum on that version's sheet. Messages name the limit so the user can fix it.
 */
export function validateScores(version: string, scores: PartScores): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const sheet = isCriteriaVersion(version) ? SCORE_SHEETS[version] : undefined;
  if (!sheet) {
    const known = CRITERIA_VERSIONS.map((v) => `${v} (Decision ${SCORE_SHEETS[v].decision})`).join(' or ');
    issues.push({
      field: 'criteriaVersion',
      code: ERROR_CODES.UNKNOWN_CRITERIA_VERSION,
      message: `"${version}" is not a known score sheet. Choose ${known}.`,
    });
  }
  const input: Partial<Record<keyof PartScores, unknown>> = scores ?? {};
  for (const { part, field } of PART_FIELDS) {
    const issue = checkPart(part, field, input[field], sheet);
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * The total and stars for valid part scores. The total is rounded to one decimal so float noise
 * never reaches a band edge (33.5 + 20.1 + 36.2 is 89.8, not 89.80000000000001). Throws a
 * VALIDATION_FAILED DomainError listing every issue when the scores are invalid.
 */
export function scoreEvaluation(version: string, scores: PartScores): { total: number; stars: Stars } {
  const issues = validateScores(version, scores);
  if (issues.length > 0) throw DomainError.validation(issues);
  const total = Math.round((scores.scoreA + scores.scoreB + scores.scoreC) * 10) / 10;
  return { total, stars: starsFromScore(total, version as CriteriaVersion) };
}
