/**
 * The quote request as the site relays it: the form's fields, the countries offered, the words of
 * the form and its answers, and the on-demand route's call to the API's `requestQuote` (with the
 * buyer's address, so the API's per-address limit counts each buyer, not the site).
 */
import { countryName } from '@ocop/domain';
import { loadSettings } from './config.js';
import { ApiError, graphql, request } from './graphql.js';
import type { Lang } from './i18n.js';

/** Countries buyers of OCOP products most often come from, then the rest of ASEAN and major markets. */
const COUNTRIES = [
  'VN',
  'JP',
  'KR',
  'CN',
  'TW',
  'HK',
  'SG',
  'TH',
  'MY',
  'ID',
  'PH',
  'KH',
  'LA',
  'MM',
  'IN',
  'AU',
  'NZ',
  'US',
  'CA',
  'GB',
  'FR',
  'DE',
  'NL',
  'BE',
  'IT',
  'ES',
  'CH',
  'SE',
  'DK',
  'NO',
  'PL',
  'CZ',
  'RU',
  'AE',
  'SA',
  'IL',
];

export function countryOptions(lang: Lang): { code: string; name: string }[] {
  const locale = lang === 'vi' ? 'vi' : 'en';
  return COUNTRIES.map((code) => ({ code, name: countryName(code, locale) ?? code }));
}

export const QUOTE_FIELDS = ['name', 'company', 'country', 'email', 'phone', 'quantity', 'message'] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];
export type QuoteValues = Partial<Record<QuoteField | 'consent' | 'website', string>>;

const WORDS = {
  vi: {
    title: 'Gửi yêu cầu báo giá',
    intro: (to: string) => `Yêu cầu được gửi tới ${to}; chủ thể trả lời trực tiếp cho bạn.`,
    name: 'Họ và tên',
    company: 'Công ty',
    country: 'Quốc gia',
    chooseCountry: 'Chọn quốc gia',
    email: 'E-mail',
    phone: 'Điện thoại',
    contactHint: 'Cần ít nhất e-mail hoặc điện thoại.',
    quantity: 'Số lượng cần mua',
    quantityHint: 'Ví dụ: 200 chai mỗi tháng',
    message: 'Nội dung',
    messageHint: 'Quy cách, điều kiện giao hàng, giấy tờ cần có…',
    honeypot: 'Để trống ô này',
    consent:
      'Tôi đồng ý để Cổng chuyển các thông tin trên cho chủ thể, chỉ nhằm trả lời yêu cầu này (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).',
    privacy:
      'Thông tin được lưu để văn phòng OCOP theo dõi việc chuyển yêu cầu và không dùng vào việc khác. Bạn có thể yêu cầu xem hoặc xóa qua đường dây nóng ở cuối trang.',
    send: 'Gửi yêu cầu',
    required: '(bắt buộc)',
    sentTitle: 'Đã nhận yêu cầu báo giá',
    reference: 'Mã yêu cầu',
    keepReference: 'Hãy ghi lại mã này khi liên hệ với chủ thể hoặc văn phòng OCOP.',
    refusedTitle: 'Chưa gửi được yêu cầu',
    fix: 'Hãy sửa các mục dưới đây rồi gửi lại:',
    unavailable:
      'Lúc này chưa gửi được yêu cầu (máy chủ không trả lời). Bạn có thể gọi điện trực tiếp cho chủ thể hoặc thử lại sau ít phút.',
    back: 'Quay lại trang sản phẩm',
    backProducer: 'Quay lại trang chủ thể',
    about: 'Về',
  },
  en: {
    title: 'Request a quote',
    intro: (to: string) => `The request goes to ${to}, who will answer you directly.`,
    name: 'Your name',
    company: 'Company',
    country: 'Country',
    chooseCountry: 'Choose a country',
    email: 'E-mail',
    phone: 'Phone',
    contactHint: 'An e-mail or a phone number is needed.',
    quantity: 'Quantity',
    quantityHint: 'For example: 200 bottles a month',
    message: 'Message',
    messageHint: 'Pack sizes, delivery terms, documents you need…',
    honeypot: 'Leave this field empty',
    consent:
      'I agree that the portal passes these details to the producer, only to answer this request (Decree 13/2023/NĐ-CP on personal data protection).',
    privacy:
      'The details are kept so the OCOP office can follow the request up, and for nothing else. Ask to see or delete them through the hotline at the foot of the page.',
    send: 'Send the request',
    required: '(required)',
    sentTitle: 'Quote request received',
    reference: 'Reference',
    keepReference: 'Quote this reference when you contact the producer or the OCOP office.',
    refusedTitle: 'The request was not sent',
    fix: 'Please correct the following and send it again:',
    unavailable:
      'The request cannot be sent right now (the server does not answer). You can call the producer directly or try again in a few minutes.',
    back: 'Back to the product',
    backProducer: 'Back to the producer',
    about: 'About',
  },
} as const;

export function quoteWords(lang: Lang) {
  return WORDS[lang];
}

export type QuoteOutcome =
  | { kind: 'SENT' | 'SAVED'; reference: string; message: string }
  | { kind: 'REFUSED'; code: string; message: string; issues: { field: string; message: string }[] }
  | { kind: 'UNAVAILABLE' };

const MUTATION = `mutation RequestQuote($input: RequestQuoteInput!, $lang: Language) {
  requestQuote(input: $input) { reference status message(lang: $lang) }
}`;

/** Sends the form to the API; refusals come back as the API's own words, field by field. */
export async function submitQuote(
  target: { productSlug?: string; producerSlug?: string },
  values: QuoteValues,
  lang: Lang,
  clientAddress: string | undefined,
): Promise<QuoteOutcome> {
  const { apiUrl } = loadSettings();
  const input = {
    ...target,
    ...Object.fromEntries(QUOTE_FIELDS.map((f) => [f, values[f]?.trim() || null])),
    consent: values.consent === 'yes',
    website: values.website ?? null,
  };
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'accept-language': lang,
      ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}),
    },
    body: JSON.stringify({ query: MUTATION, variables: { input, lang: lang.toUpperCase() } }),
    signal: AbortSignal.timeout(20_000),
  }).catch(() => undefined);
  if (!res) return { kind: 'UNAVAILABLE' };
  const body = (await res.json().catch(() => ({}))) as {
    data?: { requestQuote?: { reference: string; status: string; message: string } } | null;
    errors?: { message: string; extensions?: { code?: string; issues?: { field: string; message: string }[] } }[];
  };
  const receipt = body.data?.requestQuote;
  if (receipt) {
    return {
      kind: receipt.status === 'SENT' ? 'SENT' : 'SAVED',
      reference: receipt.reference,
      message: receipt.message,
    };
  }
  const error = body.errors?.[0];
  const code = error?.extensions?.code ?? 'UNAVAILABLE';
  if (!error || ['DATABASE_UNAVAILABLE', 'DATABASE_BUSY', 'INTERNAL_SERVER_ERROR', 'SERVER_BUSY'].includes(code)) {
    return { kind: 'UNAVAILABLE' };
  }
  return {
    kind: 'REFUSED',
    code,
    message: error.message,
    issues: error.extensions?.issues ?? [{ field: '', message: error.message }],
  };
}

const QUOTE_PRODUCT_QUERY = graphql(
  'query QuoteProduct($slug: String!, $lang: Language) { product(slug: $slug) { name(lang: $lang) producer { name } } }',
);
const QUOTE_PRODUCER_QUERY = graphql('query QuoteProducer($slug: String!) { producer(slug: $slug) { name } }');

/** What the form is about, read live (the page is rendered on demand). */
export async function quoteTarget(
  target: { productSlug?: string; producerSlug?: string },
  lang: Lang,
): Promise<{ title: string; producerName: string; back: string } | null> {
  const { apiUrl } = loadSettings();
  try {
    if (target.productSlug) {
      const data = await request(apiUrl, QUOTE_PRODUCT_QUERY, {
        slug: target.productSlug,
        lang: lang === 'vi' ? 'VI' : 'EN',
      });
      return data.product
        ? {
            title: data.product.name,
            producerName: data.product.producer.name,
            back: `/products/${target.productSlug}/`,
          }
        : null;
    }
    if (target.producerSlug) {
      const data = await request(apiUrl, QUOTE_PRODUCER_QUERY, { slug: target.producerSlug });
      return data.producer
        ? { title: data.producer.name, producerName: data.producer.name, back: `/producers/${target.producerSlug}/` }
        : null;
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  return null;
}
