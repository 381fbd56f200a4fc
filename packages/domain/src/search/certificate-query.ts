/**
 * A certificate number typed into the search box: the buyer holds a package and wants to know if
 * its OCOP claim is real, so the caller sends them to the verification page instead of searching.
 */
import { normalizeCertificateNumber } from '../certificates.js';
import { foldVietnamese } from '../text.js';

/**
 * The shape of the catalog's certificate numbers, normalised: issuer, OCOP, year, a sequence of
 * four digits ("KG-OCOP-2024-0012", "TW-OCOP-2022-0001"), and the national synthetic catalog's
 * "SYN-P01-2024-000123". Only this shape counts, so "tieu den 2024 500" stays a search.
 */
const CATALOG_CERTIFICATE_NUMBER = /^(?:[A-Z]{2,3}-OCOP-20\d{2}-\d{4}|SYN-[A-Z]\d{2}-20\d{2}-\d{6})$/u;
/** Digits in a sequence number: the catalog pads them, buyers may not ("KG-OCOP-2024-12"). */
const OCOP_SEQUENCE_DIGITS = 4;
const SYNTHETIC_SEQUENCE_DIGITS = 6;

/** Hyphens, dashes, minus signs, underscores, dots or spaces between a number's groups, or none. */
const GAP = '[\\s._\\-\\u2010-\\u2015\\u2212]*';
/** The same shape inside other text, folded, with any separators or none ("kgocop20240012"). */
const EMBEDDED = new RegExp(
  `(?<![a-z0-9])(?:([a-z]{2,3})${GAP}ocop|syn${GAP}([a-z]\\d{2}))${GAP}(20\\d{2})${GAP}(\\d{1,6})(?![a-z0-9])`,
  'u',
);

/** Where a certificate number was found in a query, and the number normalised. */
export interface CertificateNumberMatch {
  /** Normalised as stored ('KG-OCOP-2024-0012'). */
  number: string;
  /** The folded query with the number taken out, trimmed (usually ''). */
  rest: string;
}

/**
 * The certificate number in a buyer's query, normalised by normalizeCertificateNumber, or null.
 * The whole query may be the number in any case, with any separators or none ("kg ocop 2024
 * 0012", "KG–OCOP–2024–0012", "kgocop20240012", full-width forms), or the number may sit among
 * words ("số KG-OCOP-2024-0012"). A sequence typed without its leading zeros is padded to the
 * catalog's width ("KG-OCOP-2024-12" → "KG-OCOP-2024-0012").
 */
export function findCertificateNumber(query: string): CertificateNumberMatch | null {
  if (typeof query !== 'string' || query.length > 200) return null;
  const whole = normalizeCertificateNumber(query);
  if (whole !== null && CATALOG_CERTIFICATE_NUMBER.test(whole)) return { number: whole, rest: '' };
  const folded = foldVietnamese(query);
  const m = EMBEDDED.exec(folded);
  if (!m) return null;
  const [, issuer, synProvince, year, sequence = ''] = m;
  const typed =
    issuer !== undefined
      ? `${issuer} ocop ${year} ${sequence.padStart(OCOP_SEQUENCE_DIGITS, '0')}`
      : `syn ${synProvince} ${year} ${sequence.padStart(SYNTHETIC_SEQUENCE_DIGITS, '0')}`;
  const number = normalizeCertificateNumber(typed);
  if (number === null || !CATALOG_CERTIFICATE_NUMBER.test(number)) return null;
  const rest = `${folded.slice(0, m.index)} ${folded.slice(m.index + m[0].length)}`.replace(/\s+/gu, ' ').trim();
  return { number, rest };
}
