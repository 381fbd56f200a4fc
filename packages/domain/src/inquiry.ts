/**
 * A buyer's request for a quote ("yêu cầu báo giá"), as a form or a partner app sends it: who
 * asks, how to answer, how much, and the buyer's consent to pass all of it to the producer
 * (personal data under Decree 13/2023/NĐ-CP). {@link checkQuoteRequest} is the one rule the API
 * applies; each refusal names its field and says what to do.
 */
import { ERROR_CODES, type ValidationIssue } from './errors.js';
import { countryName } from './trade.js';

export const QUOTE_LIMITS = {
  name: 120,
  company: 160,
  email: 254,
  phone: 30,
  quantity: 200,
  message: 2000,
} as const;

export interface QuoteRequestFields {
  name: string;
  company: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  email: string | null;
  phone: string | null;
  quantity: string | null;
  message: string;
}

export interface QuoteRequestInputValues {
  name?: string | null;
  company?: string | null;
  country?: string | null;
  email?: string | null;
  phone?: string | null;
  quantity?: string | null;
  message?: string | null;
  consent?: boolean | null;
  /** The field people never see: a program that fills in every field fills this one too. */
  website?: string | null;
}

/**
 * Buyers' contacts differ from producers' (fields.ts) on purpose: they come from a public form
 * and are answered by mail, so the e-mail needs a top-level domain of letters and the phone must
 * end in a digit, within the quote_request columns (254 and 30).
 */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/iu;
const PHONE = /^\+?[0-9][0-9 .()-]{6,28}[0-9]$/u;
// Control characters other than line breaks and tabs: never part of what a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Text as typed, without control characters, in NFC, trimmed; one line unless `multiline`. */
export function cleanInput(value: string | null | undefined, multiline = false): string {
  const text = (value ?? '').normalize('NFC').replace(CONTROL, '');
  return (multiline ? text.replace(/\r\n?/gu, '\n') : text.replace(/[\r\n\t]+/gu, ' ')).trim();
}

/**
 * Checks a quote request. Returns the cleaned fields, or the issues: SPAM_SUSPECTED when the
 * hidden field was filled, CONSENT_REQUIRED without consent, VALIDATION_FAILED for the rest.
 */
export function checkQuoteRequest(
  input: QuoteRequestInputValues,
): { ok: true; value: QuoteRequestFields } | { ok: false; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const add = (field: string, message: string, code: ValidationIssue['code'] = ERROR_CODES.VALIDATION_FAILED) =>
    issues.push({ field, code, message });
  if (cleanInput(input.website) !== '') {
    add(
      'website',
      'The form was filled in as a program would fill it (a hidden field has a value), so it was not sent. If you are a person, reload the page and send it again without filling in hidden fields.',
      ERROR_CODES.SPAM_SUSPECTED,
    );
    return { ok: false, issues };
  }
  const text = (field: keyof typeof QUOTE_LIMITS, label: string, required: boolean, multiline = false) => {
    const value = cleanInput(input[field], multiline);
    if (value === '') {
      if (required) add(field, `${label} is required.`);
      return null;
    }
    if (value.length > QUOTE_LIMITS[field]) {
      add(field, `${label} is ${value.length} characters long; shorten it to at most ${QUOTE_LIMITS[field]}.`);
      return null;
    }
    return value;
  };
  const name = text('name', 'Your name', true);
  const company = text('company', 'The company name', false);
  const email = text('email', 'The e-mail address', false);
  const phone = text('phone', 'The phone number', false);
  const quantity = text('quantity', 'The quantity', false);
  const message = text('message', 'The message', true, true);
  const country = cleanInput(input.country).toUpperCase() || null;
  if (country && countryName(country, 'en') === undefined) {
    add('country', `"${country}" is not a country code; choose a country from the list (e.g. VN, JP, US).`);
  }
  if (email && !EMAIL.test(email)) add('email', `"${email}" is not an e-mail address; write it as name@example.com.`);
  if (phone && !PHONE.test(phone))
    add('phone', `"${phone}" is not a phone number; write digits, e.g. +84 912 345 678.`);
  if (!email && !phone && !issues.some((i) => i.field === 'email' || i.field === 'phone')) {
    add('email', 'Give an e-mail address or a phone number, so the producer can answer you.');
  }
  if (input.consent !== true) {
    add(
      'consent',
      'Tick the box to agree that your details are passed to the producer; without it the request cannot be sent.',
      ERROR_CODES.CONSENT_REQUIRED,
    );
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { name: name!, company, country, email, phone, quantity, message: message! } };
}
