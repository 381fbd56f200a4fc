/**
 * The rules for the catalog's text fields, written once: how long each may be, and what a phone
 * number, an e-mail address, a web address, a tax code and a slug look like. The admin mutations
 * and the spreadsheet importer both apply them, and a test in the API checks every `max` against
 * the width of its database column, so a value that passes always fits.
 *
 * Each check takes the text as typed (trimmed) and returns the value to store, or a stable code
 * and a message that says what was wrong and what to write instead. Whether a field may be empty
 * is the caller's to decide (an update may leave a field out; an import may leave a cell empty).
 */
import { ERROR_CODES, type ErrorCode } from './errors.js';
import { slugify } from './text.js';

/** A text field: its name in messages ("The phone number is …") and its longest value. */
export interface TextField {
  readonly label: string;
  readonly max: number;
}

/** The value to store, or why the text was refused. */
export type FieldCheck<T = string> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/**
 * Field code of every refusal below. Clients branch on the refusal's code, and field problems
 * have always been VALIDATION_FAILED (with the field named in the issue), so they stay so.
 */
const INVALID = ERROR_CODES.VALIDATION_FAILED;

const refused = (message: string): FieldCheck<never> => ({ ok: false, code: INVALID, message });

/** Producers: widths of the `producer` table's columns. */
export const PRODUCER_FIELDS = {
  slug: { label: 'The slug', max: 120 },
  name: { label: 'The name', max: 255 },
  representative: { label: 'The representative', max: 255 },
  address: { label: 'The address', max: 500 },
  phone: { label: 'The phone number', max: 40 },
  email: { label: 'The email address', max: 255 },
  website: { label: 'The website', max: 500 },
  // The column, not the pattern: a tax code may be typed with spaces ("1700 123 456 - 001"),
  // which are removed before it is stored, so the stored code never has more than 14.
  taxCode: { label: 'The tax code', max: 20 },
} as const satisfies Record<string, TextField>;

/**
 * Products. Names and slug are the widths of the `product` table's columns; descriptions and
 * stories are stored in unbounded text columns, so their limits are the programme's choice: a
 * product page shows them in full, and a description is a summary, not a brochure.
 */
export const PRODUCT_FIELDS = {
  slug: { label: 'The slug', max: 120 },
  nameVi: { label: 'The Vietnamese name', max: 255 },
  nameEn: { label: 'The English name', max: 255 },
  descriptionVi: { label: 'The Vietnamese description', max: 5000 },
  descriptionEn: { label: 'The English description', max: 5000 },
  storyVi: { label: 'The Vietnamese story', max: 10_000 },
  storyEn: { label: 'The English story', max: 10_000 },
} as const satisfies Record<string, TextField>;

/** A product photo, kept in the product's JSON `images` column; the limits keep a page light. */
export const PRODUCT_IMAGE_FIELDS = {
  url: { label: 'The photo’s url', max: 500 },
  altVi: { label: 'The Vietnamese text alternative', max: 300 },
  altEn: { label: 'The English text alternative', max: 300 },
} as const satisfies Record<string, TextField>;

/** Regions: widths of the `region` table's columns. */
export const REGION_FIELDS = {
  code: { label: 'The region code', max: 32 },
  nameVi: { label: 'The Vietnamese name', max: 120 },
  nameEn: { label: 'The English name', max: 120 },
} as const satisfies Record<string, TextField>;

/** Certificates: widths of the `certificate` table's columns. */
export const CERTIFICATE_FIELDS = {
  /** Checked by normalizeCertificateNumber (certificates.ts), whose pattern allows 3–40 characters. */
  number: { label: 'The certificate number', max: 40 },
  decisionNumber: { label: 'The decision number', max: 60 },
} as const satisfies Record<string, TextField>;

const ASCII = /^[\x20-\x7e]*$/u;

/**
 * Text as stored: trimmed, in Unicode NFC. macOS and some Vietnamese keyboards type letters
 * decomposed ("ơ" as "o" + a combining horn), which would otherwise look the same but compare,
 * sort and count differently.
 */
export function cleanText(text: string): string {
  const trimmed = text.trim();
  return ASCII.test(trimmed) ? trimmed : trimmed.normalize('NFC');
}

/** `text` if it fits `field`, else a message giving its length and the limit. */
export function checkLength(field: TextField, text: string): FieldCheck {
  if (text.length <= field.max) return { ok: true, value: text };
  return refused(`${field.label} is ${text.length} characters long; shorten it to at most ${field.max}.`);
}

/** Room for the longest number with spaces, dots, dashes and brackets; the column is the limit. */
const PHONE = /^\+?[0-9][0-9 .()-]{5,}$/u;

/**
 * A producer's phone number as people write it: digits, spaces, dots, dashes, brackets, an
 * optional leading +. Buyers' numbers on quote requests have their own rule (inquiry.ts).
 */
export function checkPhone(text: string): FieldCheck {
  const length = checkLength(PRODUCER_FIELDS.phone, text);
  if (!length.ok) return length;
  if (PHONE.test(text)) return { ok: true, value: text };
  return refused(`"${text}" is not a phone number; write digits, e.g. 0297 3846 000 or +84 297 3846 000.`);
}

/** Something before the @, and a domain of dot-separated, non-empty labels after it. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

/**
 * A producer's e-mail address. Buyers' addresses on quote requests follow their own, stricter rule
 * on purpose (see inquiry.ts): they come from a public form.
 */
export function checkEmail(text: string): FieldCheck {
  const length = checkLength(PRODUCER_FIELDS.email, text);
  if (!length.ok) return length;
  if (EMAIL.test(text)) return { ok: true, value: text };
  return refused(`"${text.slice(0, 100)}" is not an email address; write it as name@example.vn.`);
}

/**
 * The WHATWG URL parser, which every runtime the catalog runs on (Node, browsers) has but the
 * ECMAScript library types leave out; the domain declares the one property it reads.
 */
declare const URL: new (input: string) => { protocol: string };

/** A web address starting http:// or https://, as the WHATWG URL parser reads it. */
export function checkWebsite(text: string): FieldCheck {
  const length = checkLength(PRODUCER_FIELDS.website, text);
  if (!length.ok) return length;
  let protocol = '';
  try {
    protocol = new URL(text).protocol;
  } catch {
    // Not a URL at all: refused below.
  }
  if (protocol === 'https:' || protocol === 'http:') return { ok: true, value: text };
  return refused(`"${text.slice(0, 100)}" is not a web address; write it in full, e.g. https://example.vn.`);
}

const IMAGE_URL = /^(https?:\/\/\S+|\/\S*)$/u;

/**
 * A product photo's address: https:// (or http://) elsewhere, or a path on the catalog site such
 * as /images/nuoc-mam.jpg. `label` names the photo in messages, e.g. "Photo 2's url".
 */
export function checkImageUrl(text: string, label: string = PRODUCT_IMAGE_FIELDS.url.label): FieldCheck {
  const length = checkLength({ label, max: PRODUCT_IMAGE_FIELDS.url.max }, text);
  if (!length.ok) return length;
  if (IMAGE_URL.test(text)) return { ok: true, value: text };
  return refused(
    `${label} "${text.slice(0, 100)}" is neither https://… nor a path on the catalog site such as /images/nuoc-mam.jpg.`,
  );
}

const TAX_CODE = /^[0-9]{10}(-[0-9]{3})?$/u;

/**
 * A Vietnamese tax code (mã số thuế): 10 digits, or 10 digits, a dash and 3 digits for a branch.
 * Spaces are removed ("1700 123 456" → "1700123456"), as tax codes are often copied with them.
 */
export function checkTaxCode(text: string): FieldCheck {
  const length = checkLength(PRODUCER_FIELDS.taxCode, text);
  if (!length.ok) return length;
  const compact = text.replace(/\s+/gu, '');
  if (TAX_CODE.test(compact)) return { ok: true, value: compact };
  return refused(
    `"${text}" is not a tax code (mã số thuế); it has 10 digits, or 10 digits, a dash and 3 digits for a branch (e.g. 1700123456-001).`,
  );
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** Longest slug stored; both tables' slug columns hold 120. */
export const MAX_SLUG_LENGTH = PRODUCT_FIELDS.slug.max;

/** A slug given explicitly: lowercase letters a–z, digits and single dashes; the message suggests one. */
export function checkSlug(text: string): FieldCheck {
  if (SLUG.test(text) && text.length <= MAX_SLUG_LENGTH) return { ok: true, value: text };
  const suggestion = slugify(text, MAX_SLUG_LENGTH);
  return refused(
    `"${text.slice(0, 130)}" is not a slug: use at most ${MAX_SLUG_LENGTH} lowercase letters a–z, digits and single dashes${suggestion ? `, e.g. "${suggestion}"` : ''}.`,
  );
}
