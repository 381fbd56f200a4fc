/**
 * The live certificate check behind /verify: asks the API at request time (never cached) and
 * turns every outcome, including an API that does not answer, into something the page can show.
 */
import { normalizeCertificateNumber } from '@ocop/domain';
import type { AstroGlobal } from 'astro';
import type { Certificate } from './api.js';
import { loadSettings } from './config.js';
import { ApiError, graphql, request } from './graphql.js';
import type { CheckResult, Lang } from './i18n.js';
import { clientAddress } from './on-demand.js';

export interface CheckedCertificate extends Certificate {
  status: string;
  productName: string;
  producerName: string;
  /** Null when the product is not published (then it has no page). */
  product: { slug: string } | null;
}

export interface CertificateCheck {
  query: string;
  number: string | null;
  result: CheckResult;
  message: string;
  certificate: CheckedCertificate | null;
  /** For a superseded number, the product's newest certificate: it decides whether the product is certified. */
  latestCertificate: { number: string; status: string } | null;
}

export type VerifyOutcome =
  /** Nothing asked yet: show the form. */
  | { kind: 'EMPTY' }
  /** Input that cannot be a certificate number; the API is not asked. */
  | { kind: 'INVALID'; input: string }
  | { kind: 'CHECKED'; input: string; check: CertificateCheck }
  /** The API did not answer or failed: the number could not be checked. */
  | { kind: 'UNAVAILABLE'; input: string };

const CHECK_QUERY = graphql(`
  query VerifyCertificate($number: String!, $lang: Language) {
    certificate(number: $number) {
      query number result message(lang: $lang)
      certificate {
        number stars issuedOn expiresOn decisionNumber decisionDate issuingLevel status
        productName(lang: $lang) producerName
        product { slug }
      }
      latestCertificate { number status }
    }
  }
`);

/** Longest input echoed back or sent on; anything longer is not a certificate number. */
const MAX_INPUT = 200;

/**
 * Checks `raw` (the `number` query parameter) against the API. Never throws. The buyer's address
 * goes with it (X-Forwarded-For), so the API's per-client allowance is the buyer's, not the site's.
 */
export async function verifyCertificate(
  raw: string | null,
  lang: Lang,
  clientAddress?: string,
): Promise<VerifyOutcome> {
  const input = (raw ?? '').trim();
  if (!input) return { kind: 'EMPTY' };
  if (input.length > MAX_INPUT || !normalizeCertificateNumber(input)) {
    return { kind: 'INVALID', input: input.slice(0, MAX_INPUT) };
  }
  try {
    const { apiUrl } = loadSettings();
    const data = await request(
      apiUrl,
      CHECK_QUERY,
      { number: input, lang: lang === 'vi' ? 'VI' : 'EN' },
      { timeoutMs: 5_000, headers: clientAddress ? { 'x-forwarded-for': clientAddress } : undefined },
    );
    if (data.certificate.result === 'INVALID_NUMBER') return { kind: 'INVALID', input };
    const check: CertificateCheck = data.certificate;
    return { kind: 'CHECKED', input, check };
  } catch (error) {
    // The operator needs the reason; the buyer gets a calm page (see verify.astro).
    console.error(
      `[ocop] /verify could not check "${input}": ${error instanceof ApiError ? error.message : String(error)}`,
    );
    return { kind: 'UNAVAILABLE', input };
  }
}

/** The on-demand /verify route (both languages): the check of ?number=, never cached, 503 when the API failed. */
export async function handleVerify(astro: AstroGlobal, lang: Lang): Promise<VerifyOutcome> {
  const outcome = await verifyCertificate(astro.url.searchParams.get('number'), lang, clientAddress(astro));
  astro.response.headers.set('Cache-Control', 'no-store');
  if (outcome.kind === 'UNAVAILABLE') astro.response.status = 503;
  return outcome;
}
