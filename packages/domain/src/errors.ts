/**
 * Stable machine-readable error codes shared by the domain, the GraphQL API (as
 * `extensions.code`) and the CLI. Clients branch on these codes, never on message text, so a
 * code once published is never renamed; messages may be reworded freely.
 */
export const ERROR_CODES = {
  /** One or more fields failed validation; the details are in the issues list. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** A part score is missing, not a number, or not finite. */
  SCORE_NOT_A_NUMBER: 'SCORE_NOT_A_NUMBER',
  /** A score is negative (or a total is outside 0–100). */
  SCORE_OUT_OF_RANGE: 'SCORE_OUT_OF_RANGE',
  /** A part score has more than one decimal place; score sheets are kept to tenths. */
  SCORE_TOO_PRECISE: 'SCORE_TOO_PRECISE',
  /** A part score exceeds that part's maximum on the score sheet in use. */
  PART_SCORE_OVER_MAXIMUM: 'PART_SCORE_OVER_MAXIMUM',
  UNKNOWN_CRITERIA_VERSION: 'UNKNOWN_CRITERIA_VERSION',
  /** The score sheet version was not the one in use on the evaluation date (148/2023 from 24 Feb 2023). */
  CRITERIA_VERSION_NOT_IN_FORCE: 'CRITERIA_VERSION_NOT_IN_FORCE',
  /** Not a real calendar date written YYYY-MM-DD. */
  INVALID_DATE: 'INVALID_DATE',
  DATE_IN_FUTURE: 'DATE_IN_FUTURE',
  /** The council level may not award these stars under the rules in force on that date. */
  AWARD_NOT_ALLOWED: 'AWARD_NOT_ALLOWED',
  /** The council level did not exist on that date (district councils after 30 June 2025). */
  COUNCIL_LEVEL_ABOLISHED: 'COUNCIL_LEVEL_ABOLISHED',
  /** A certificate can only be issued from a FINAL evaluation. */
  EVALUATION_NOT_FINAL: 'EVALUATION_NOT_FINAL',
  /** A FINAL evaluation is a record of a council's decision and is never edited. */
  EVALUATION_FINALISED: 'EVALUATION_FINALISED',
  /** Only 3★ and above are certified OCOP products. */
  STARS_NOT_CERTIFIABLE: 'STARS_NOT_CERTIFIABLE',
  DUPLICATE_CERTIFICATE_NUMBER: 'DUPLICATE_CERTIFICATE_NUMBER',
  INVALID_CERTIFICATE_NUMBER: 'INVALID_CERTIFICATE_NUMBER',
  /** A product moved between OCOP cycle steps in an order the programme does not allow. */
  CYCLE_STEP_OUT_OF_ORDER: 'CYCLE_STEP_OUT_OF_ORDER',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_ID: 'INVALID_ID',
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** A change-feed cursor older than the changes kept: re-read the catalog, then follow from `currentCursor`. */
  CURSOR_EXPIRED: 'CURSOR_EXPIRED',
  PAGE_SIZE_TOO_LARGE: 'PAGE_SIZE_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  DUPLICATE_SLUG: 'DUPLICATE_SLUG',
  UNKNOWN_CATEGORY: 'UNKNOWN_CATEGORY',
  UNKNOWN_REGION: 'UNKNOWN_REGION',
  /** The bytes sent as a photo are not a JPEG, PNG, WebP, AVIF or TIFF image. */
  NOT_AN_IMAGE: 'NOT_AN_IMAGE',
  /** A photo over the size or pixel limit. */
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  /** A photo too small to show on a product page. */
  IMAGE_TOO_SMALL: 'IMAGE_TOO_SMALL',
  /** A quote request without the buyer's consent to pass their details to the producer. */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  /** A form field that people leave empty (a trap for programs that fill in every field) was filled in. */
  SPAM_SUSPECTED: 'SPAM_SUSPECTED',
  /** Too many quote requests from one address in a short time. */
  INQUIRY_LIMIT_REACHED: 'INQUIRY_LIMIT_REACHED',
} as const;

/** One of the stable codes in {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** True if `s` is one of the published error codes (e.g. when reading a code back from JSON). */
export function isErrorCode(s: string): s is ErrorCode {
  return Object.hasOwn(ERROR_CODES, s) && ERROR_CODES[s as keyof typeof ERROR_CODES] === s;
}

/**
 * One problem with one input field. `field` names the input field (e.g. 'scoreA'); `message`
 * says what was wrong and what to do, in words an evaluator can act on without reading code.
 */
export interface ValidationIssue {
  field: string;
  code: ErrorCode;
  message: string;
}

/**
 * Where a problem lies when it is not told as a list of field issues: the one request argument at
 * fault (`argumentName`: a page size, a cursor, an id) or the one filter field (`field`); `{}`
 * says no more than the code. Clients read these beside the code, as they always have.
 */
export type ErrorLocation = { argumentName: string } | { field: string } | Record<string, never>;

/**
 * A broken business rule. `code` is stable for clients; `issues` lists every field problem found
 * (empty when the error is not about particular fields), so a form can show them all at once.
 * An error about one argument or filter field gives its `location` instead of issues.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[];
  readonly location?: ErrorLocation;

  constructor(code: ErrorCode, message: string, issues: ValidationIssue[] = [], location?: ErrorLocation) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
    if (location) this.location = location;
  }

  /** An error about one request argument (a page size, a cursor, an id). */
  static argument(code: ErrorCode, message: string, argumentName: string): DomainError {
    return new DomainError(code, message, [], { argumentName });
  }

  /** An error about one filter field. */
  static field(code: ErrorCode, message: string, field: string): DomainError {
    return new DomainError(code, message, [], { field });
  }

  /** A VALIDATION_FAILED error carrying `issues`, its message joining theirs. */
  static validation(issues: ValidationIssue[]): DomainError {
    const message = issues.length === 0 ? 'The input is not valid.' : issues.map((i) => i.message).join(' ');
    return new DomainError(ERROR_CODES.VALIDATION_FAILED, message, issues);
  }
}
