/**
 * The site's settings, read once from the environment, each with a default and a description. A
 * wrong value stops the build (or the server) with one line naming the variable.
 */

export interface SiteSettings {
  /** GraphQL endpoint the build reads the catalog from and /verify asks at request time. */
  apiUrl: string;
  /** Public origin of the site, for canonical URLs, Open Graph, the sitemap, the feed and QR codes. */
  siteUrl: string;
  /** Who runs the portal, shown in every page's footer and on the take-away catalogs. */
  operator: Operator;
}

export interface Operator {
  name: { vi: string; en: string };
  hotline: string;
  email: string;
  address: string;
  legalNotice: { vi: string; en: string };
  /** True while none of the OPERATOR_* settings is given: the sample's office is shown, marked as illustrative. */
  illustrative: boolean;
}

/** The sample catalog's operator: the provincial OCOP office, with made-up contact details. */
export const SAMPLE_OPERATOR: Omit<Operator, 'illustrative'> = {
  name: {
    vi: 'Văn phòng Điều phối Chương trình OCOP tỉnh An Giang',
    en: 'An Giang Provincial OCOP Programme Coordination Office',
  },
  hotline: '0000 000 000',
  email: 'ocop@example.vn',
  address: 'Số 000 đường Mẫu, phường Rạch Giá, tỉnh An Giang',
  legalNotice: {
    vi: 'Cổng thông tin sản phẩm OCOP do cơ quan nêu trên vận hành. Thông tin sản phẩm do chủ thể cung cấp và văn phòng OCOP kiểm tra; giấy chứng nhận OCOP tra cứu trực tiếp tại trang Kiểm tra. Dữ liệu cá nhân trong yêu cầu báo giá được xử lý theo Nghị định 13/2023/NĐ-CP.',
    en: 'The OCOP product portal is run by the office named above. Product information is supplied by the producers and checked by the OCOP office; OCOP certificates can be checked live on the Verify page. Personal data in quote requests is processed under Decree 13/2023/NĐ-CP.',
  },
};

export { isLocalUrl } from '../../scripts/local-url.mjs';

export const SETTINGS = {
  OCOP_API_URL: {
    default: 'http://localhost:4000/graphql',
    description: 'URL of the OCOP GraphQL API (build-time data and the live certificate check)',
  },
  SITE_URL: {
    default: 'http://localhost:4321',
    description: 'public origin of the catalog site, used in canonical URLs, the sitemap and QR codes',
  },
  OPERATOR_NAME: { default: SAMPLE_OPERATOR.name.vi, description: 'the agency that runs the portal, in Vietnamese' },
  OPERATOR_NAME_EN: { default: SAMPLE_OPERATOR.name.en, description: 'the agency that runs the portal, in English' },
  OPERATOR_HOTLINE: { default: SAMPLE_OPERATOR.hotline, description: 'its hotline' },
  OPERATOR_EMAIL: { default: SAMPLE_OPERATOR.email, description: 'its e-mail address' },
  OPERATOR_ADDRESS: { default: SAMPLE_OPERATOR.address, description: 'its postal address' },
  LEGAL_NOTICE: {
    default: SAMPLE_OPERATOR.legalNotice.vi,
    description: 'the legal notice in the footer, in Vietnamese',
  },
  LEGAL_NOTICE_EN: { default: SAMPLE_OPERATOR.legalNotice.en, description: 'the legal notice, in English' },
} as const;

const OPERATOR_SETTINGS = [
  'OPERATOR_NAME',
  'OPERATOR_NAME_EN',
  'OPERATOR_HOTLINE',
  'OPERATOR_EMAIL',
  'OPERATOR_ADDRESS',
  'LEGAL_NOTICE',
  'LEGAL_NOTICE_EN',
] as const;

export class SettingError extends Error {
  override name = 'SettingError';
}

function httpUrl(name: 'OCOP_API_URL' | 'SITE_URL', env: Record<string, string | undefined>): string {
  const raw = env[name]?.trim() || SETTINGS[name].default;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError(
      `${name}="${raw}" is not a URL; set it to the ${SETTINGS[name].description}, e.g. ${SETTINGS[name].default}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingError(`${name}="${raw}" must start with http:// or https://, e.g. ${SETTINGS[name].default}.`);
  }
  return url.toString();
}

/** The last settings read, with the raw values they were read from (pages ask on every render). */
let last: { raw: string; settings: SiteSettings } | undefined;

function operatorOf(env: Record<string, string | undefined>): Operator {
  const get = (name: (typeof OPERATOR_SETTINGS)[number]) => env[name]?.trim() || SETTINGS[name].default;
  const email = get('OPERATOR_EMAIL');
  if (!/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/iu.test(email)) {
    throw new SettingError(
      `OPERATOR_EMAIL="${email}" is not an e-mail address; set it to ${SETTINGS.OPERATOR_EMAIL.description}.`,
    );
  }
  return {
    name: { vi: get('OPERATOR_NAME'), en: get('OPERATOR_NAME_EN') },
    hotline: get('OPERATOR_HOTLINE'),
    email,
    address: get('OPERATOR_ADDRESS'),
    legalNotice: { vi: get('LEGAL_NOTICE'), en: get('LEGAL_NOTICE_EN') },
    illustrative: OPERATOR_SETTINGS.every((name) => !env[name]?.trim()),
  };
}

/** Reads and checks every setting; `env` defaults to the process environment. */
export function loadSettings(env: Record<string, string | undefined> = process.env): SiteSettings {
  const raw = JSON.stringify([env.OCOP_API_URL, env.SITE_URL, ...OPERATOR_SETTINGS.map((n) => env[n])]);
  if (last && last.raw === raw) return { ...last.settings };
  const settings = {
    apiUrl: httpUrl('OCOP_API_URL', env),
    // No trailing slash, so `${siteUrl}${path}` is always right.
    siteUrl: httpUrl('SITE_URL', env).replace(/\/+$/u, ''),
    operator: operatorOf(env),
  };
  last = { raw, settings };
  return { ...settings };
}
