/**
 * The on-demand /quote route (both languages): GET shows the form for ?product=<slug> or
 * ?producer=<slug>; POST (the form, no JavaScript needed) sends it to the API and shows the
 * reference, or the form again with each refusal next to its field.
 */
import type { AstroGlobal } from 'astro';
import type { Lang } from './i18n.js';
import { clientAddress } from './on-demand.js';
import { QUOTE_FIELDS, type QuoteOutcome, quoteTarget, type QuoteValues, submitQuote } from './quote.js';

/** Longest form accepted by this page (the API has its own, smaller, limits per field). */
const MAX_FORM_BYTES = 16 * 1024;

export async function handleQuote(astro: AstroGlobal, lang: Lang) {
  astro.response.headers.set('Cache-Control', 'no-store');
  let values: QuoteValues = {};
  let outcome: QuoteOutcome | null = null;
  let target: { productSlug?: string; producerSlug?: string } = {};
  const slug = (v: unknown) => (typeof v === 'string' && /^[a-z0-9-]{1,120}$/u.test(v) ? v : undefined);
  if (astro.request.method === 'POST') {
    const length = Number(astro.request.headers.get('content-length') ?? 0);
    const form = length > MAX_FORM_BYTES ? null : await astro.request.formData().catch(() => null);
    if (!form) {
      astro.response.status = 413;
      outcome = {
        kind: 'REFUSED',
        code: 'PAYLOAD_TOO_LARGE',
        message: lang === 'vi' ? 'Biểu mẫu quá dài.' : 'The form is too long.',
        issues: [
          {
            field: '',
            message:
              lang === 'vi' ? 'Biểu mẫu quá dài; hãy rút ngắn nội dung.' : 'The form is too long; shorten the message.',
          },
        ],
      };
    } else {
      const text = (name: string) => {
        const v = form.get(name);
        return typeof v === 'string' ? v : undefined;
      };
      target = { productSlug: slug(text('product')), producerSlug: slug(text('producer')) };
      values = Object.fromEntries(
        [...QUOTE_FIELDS, 'consent', 'website'].map((f) => [f, text(f)]).filter(([, v]) => v !== undefined),
      );
      outcome = await submitQuote(target, values, lang, clientAddress(astro));
      if (outcome.kind === 'UNAVAILABLE') astro.response.status = 503;
      else if (outcome.kind === 'REFUSED') {
        astro.response.status =
          outcome.code === 'INQUIRY_LIMIT_REACHED' ? 429 : outcome.code === 'NOT_FOUND' ? 404 : 400;
      }
    }
  } else {
    target = {
      productSlug: slug(astro.url.searchParams.get('product')),
      producerSlug: slug(astro.url.searchParams.get('producer')),
    };
  }
  const about = await quoteTarget(target, lang);
  if (!about && !outcome) astro.response.status = 404;
  return { target, about, outcome, values };
}
