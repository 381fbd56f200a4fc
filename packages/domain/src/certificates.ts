import { MIN_CERTIFIED_STARS, type StoredCertificateStatus } from './codes.js';
import { addDays, compareIsoDates, daysBetween, endOfPeriodInMonths, type IsoDate } from './dates.js';
import { foldVietnamese } from './text.js';

/** An OCOP certificate is valid for 36 months from its issue date. */
export const CERTIFICATE_VALIDITY_MONTHS = 36;

/** The issuer must notify the producer at least 30 days before a certificate expires. */
export const EXPIRY_NOTICE_DAYS = 30;

/**
 * The last day a certificate issued on `issuedOn` is valid. Its 36 months are counted as Vietnam's
 * Civil Code 2015 counts any period in months: the issue day itself is not counted (art. 147),
 * and the period ends at the end of the corresponding day of the 36th month, or on that month's
 * last day where it has no such day (art. 148). Issued 2022-06-15 → valid through 2025-06-15;
 * issued 2024-02-29 → valid through 2027-02-28.
 */
export function certificateExpiry(issuedOn: IsoDate): IsoDate {
  return endOfPeriodInMonths(issuedOn, CERTIFICATE_VALIDITY_MONTHS);
}

/**
 * The expiry this catalog computed before it followed the Civil Code: the issue day counted, so
 * one day before {@link certificateExpiry} (issued 2022-06-15 → 2025-06-14). Only for
 * recognising dates written under that rule in older exports and import files.
 */
export function certificateExpiryCountingIssueDay(issuedOn: IsoDate): IsoDate {
  return addDays(certificateExpiry(issuedOn), -1);
}

/**
 * A certificate's status as shown to buyers on a given day. EXPIRED and NOT_YET_VALID are never
 * stored: they follow from the dates, so no nightly job is needed to keep them true.
 */
export type CertificateStatus = 'VALID' | 'NOT_YET_VALID' | 'EXPIRED' | 'REVOKED' | 'SUPERSEDED';

/** The dates and stored status that decide a certificate's status on a day. */
export interface CertificateDates {
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  stored: StoredCertificateStatus;
}

/**
 * The status of `c` on day `on`. A revocation or a newer certificate ends validity whatever the
 * dates say; otherwise it is valid from issuedOn to expiresOn, both inclusive.
 */
export function certificateStatus(c: CertificateDates, on: IsoDate): CertificateStatus {
  if (c.stored === 'REVOKED') return 'REVOKED';
  if (c.stored === 'SUPERSEDED') return 'SUPERSEDED';
  if (compareIsoDates(on, c.issuedOn) < 0) return 'NOT_YET_VALID';
  if (compareIsoDates(on, c.expiresOn) > 0) return 'EXPIRED';
  return 'VALID';
}

/** Only 3★, 4★ and 5★ results are certified OCOP products; 1–2★ are recorded, never certified. */
export function isCertifiableStars(stars: number): boolean {
  return Number.isInteger(stars) && stars >= MIN_CERTIFIED_STARS && stars <= 5;
}

/**
 * True while `c` is valid on `on` and expires at most `days` days later: the certificates whose
 * producers must be told to ask for re-evaluation (use EXPIRY_NOTICE_DAYS).
 */
export function expiresWithin(c: CertificateDates, on: IsoDate, days: number): boolean {
  return certificateStatus(c, on) === 'VALID' && daysBetween(on, c.expiresOn) <= days;
}

const CERTIFICATE_NUMBER = /^[A-Z0-9][A-Z0-9./-]{2,39}$/;
/** Hyphen look-alikes a buyer may copy or type: hyphen, dashes, minus sign, underscore. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_]/gu;

/**
 * A certificate number as typed by a buyer from a package, normalised for lookup, or null if it
 * cannot be one. Case, Vietnamese diacritics (đ → D) and full-width forms are folded; dashes and
 * underscores become '-'; spaces next to '-', '/' or '.' vanish and other spaces between groups
 * become '-': ' kg ocop 2024 0123 ' → 'KG-OCOP-2024-0123', 'KG - OCOP' → 'KG-OCOP'. The result
 * must be 3–40 of A–Z, 0–9, '.', '/', '-' starting with a letter or digit ('<script>' → null).
 */
export function normalizeCertificateNumber(input: string): string | null {
  if (typeof input !== 'string' || input.length > 200) return null;
  const folded = foldVietnamese(input)
    .replace(DASHES, '-')
    .replace(/ ?([-/.]) ?/gu, '$1')
    .replace(/ /gu, '-')
    .toUpperCase();
  return CERTIFICATE_NUMBER.test(folded) ? folded : null;
}
