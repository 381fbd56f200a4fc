/**
 * What a trade buyer needs to decide whether to ask a producer for a quote: pack sizes, prices,
 * minimum order, capacity, shelf life, other certifications, export markets and readiness, lead
 * time, samples, and for community-tourism products the tour itself. Every field is optional;
 * text fields come in Vietnamese and English. The rules here are the only ones: the API's
 * mutations and the CSV importer both check trade information with {@link checkTrade}.
 */
import { ERROR_CODES, type ValidationIssue } from './errors.js';
import { isIsoDate } from './dates.js';

/** Certifications other than OCOP that buyers ask about. */
export const CERTIFICATION_SCHEMES = ['VIETGAP', 'GLOBALGAP', 'HACCP', 'ISO_22000', 'ORGANIC', 'HALAL'] as const;
export type CertificationScheme = (typeof CERTIFICATION_SCHEMES)[number];

export const CERTIFICATION_SCHEME_INFO: Record<
  CertificationScheme,
  { name: string; nameVi: string; nameEn: string; aliases: readonly string[] }
> = {
  VIETGAP: { name: 'VietGAP', nameVi: 'VietGAP', nameEn: 'VietGAP', aliases: ['viet gap'] },
  GLOBALGAP: { name: 'GlobalG.A.P.', nameVi: 'GlobalG.A.P.', nameEn: 'GlobalG.A.P.', aliases: ['global gap'] },
  HACCP: { name: 'HACCP', nameVi: 'HACCP', nameEn: 'HACCP', aliases: [] },
  ISO_22000: { name: 'ISO 22000', nameVi: 'ISO 22000', nameEn: 'ISO 22000', aliases: ['iso22000'] },
  ORGANIC: {
    name: 'Organic',
    nameVi: 'Hữu cơ',
    nameEn: 'Organic',
    aliases: ['huu co', 'tcvn 11041', 'usda organic', 'eu organic'],
  },
  HALAL: { name: 'Halal', nameVi: 'Halal', nameEn: 'Halal', aliases: [] },
};

/** How far a product is from being sold abroad. */
export const EXPORT_READINESS = ['DOMESTIC_ONLY', 'EXPORT_READY', 'EXPORTING'] as const;
export type ExportReadiness = (typeof EXPORT_READINESS)[number];

export const EXPORT_READINESS_INFO: Record<ExportReadiness, { nameVi: string; nameEn: string }> = {
  DOMESTIC_ONLY: { nameVi: 'Chỉ bán trong nước', nameEn: 'Domestic market only' },
  EXPORT_READY: { nameVi: 'Sẵn sàng xuất khẩu', nameEn: 'Ready to export' },
  EXPORTING: { nameVi: 'Đang xuất khẩu', nameEn: 'Already exporting' },
};

/** True for the readiness values a buyer filtering on "export-ready" wants. */
export function isExportReady(readiness: ExportReadiness | null | undefined): boolean {
  return readiness === 'EXPORT_READY' || readiness === 'EXPORTING';
}

export interface OtherCertification {
  scheme: CertificationScheme;
  /** The certificate's number as printed; null when not recorded. */
  number: string | null;
  /** Last valid day (ISO date); null when not recorded. */
  expiresOn: string | null;
}

/** A text field in both languages: `<key>Vi` and `<key>En`. */
export const TRADE_TEXTS = {
  packaging: { max: 1000, label: 'Pack sizes and specifications' },
  priceUnit: { max: 80, label: 'The unit prices are given for' },
  minimumOrder: { max: 200, label: 'The minimum order' },
  monthlyCapacity: { max: 200, label: 'The monthly capacity' },
  storage: { max: 500, label: 'Storage conditions' },
  samplePolicy: { max: 500, label: 'The sample policy' },
  tourDuration: { max: 200, label: 'The tour duration' },
  tourSeason: { max: 200, label: 'The season' },
  note: { max: 500, label: 'The note on the trade information' },
} as const;
export type TradeTextKey = keyof typeof TRADE_TEXTS;
export const TRADE_TEXT_KEYS = Object.keys(TRADE_TEXTS) as TradeTextKey[];

/** Whole numbers, with their bounds. */
export const TRADE_NUMBERS = {
  retailPriceMin: { min: 0, max: 1_000_000_000, label: 'The lowest retail price (VND)' },
  retailPriceMax: { min: 0, max: 1_000_000_000, label: 'The highest retail price (VND)' },
  wholesalePrice: { min: 0, max: 1_000_000_000, label: 'The wholesale price (VND)' },
  shelfLifeDays: { min: 1, max: 3650, label: 'The shelf life (days)' },
  leadTimeDays: { min: 0, max: 365, label: 'The lead time (days)' },
  tourPricePerPerson: { min: 0, max: 100_000_000, label: 'The price per person (VND)' },
} as const;
export type TradeNumberKey = keyof typeof TRADE_NUMBERS;
export const TRADE_NUMBER_KEYS = Object.keys(TRADE_NUMBERS) as TradeNumberKey[];

export const TRADE_LIMITS = {
  certifications: 10,
  certificationNumber: 80,
  exportMarkets: 40,
  bookingContact: 300,
} as const;

type TextFields = { [K in TradeTextKey as `${K}Vi` | `${K}En`]: string | null };
type NumberFields = { [K in TradeNumberKey]: number | null };

/** Trade information as stored and published; null (or an empty list) where not given. */
export interface ProductTrade extends TextFields, NumberFields {
  certifications: OtherCertification[];
  exportReadiness: ExportReadiness | null;
  /** ISO 3166-1 alpha-2 country codes, upper case, in the order given. */
  exportMarkets: string[];
  /** A phone number, e-mail or web address to book a tour. */
  bookingContact: string | null;
}

/** A certification as a client or a file sends it: number and expiry may be left out. */
export interface CertificationChange {
  scheme: CertificationScheme;
  number?: string | null;
  expiresOn?: string | null;
}

/** Changes to trade information: a field left out keeps its value, null clears it. */
export type TradeChanges = { [K in Exclude<keyof ProductTrade, 'certifications'>]?: ProductTrade[K] | null } & {
  certifications?: CertificationChange[] | null;
};

export function emptyTrade(): ProductTrade {
  const trade = { certifications: [], exportReadiness: null, exportMarkets: [], bookingContact: null } as Record<
    string,
    unknown
  >;
  for (const key of TRADE_TEXT_KEYS) {
    trade[`${key}Vi`] = null;
    trade[`${key}En`] = null;
  }
  for (const key of TRADE_NUMBER_KEYS) trade[key] = null;
  return trade as unknown as ProductTrade;
}

/** True when nothing is recorded: such a product has no trade information to show. */
export function isTradeEmpty(trade: ProductTrade | null | undefined): boolean {
  if (!trade) return true;
  return Object.values(trade).every((v) => v === null || (Array.isArray(v) && v.length === 0));
}

/** Trade information with its keys in one fixed order, so equal contents compare equal as JSON. */
export function normalizeTrade(trade: Partial<ProductTrade> | null | undefined): ProductTrade {
  const out = emptyTrade() as unknown as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    const value = (trade as Record<string, unknown> | null | undefined)?.[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  const t = out as unknown as ProductTrade;
  t.certifications = t.certifications.map((c) => ({
    scheme: c.scheme,
    number: c.number ?? null,
    expiresOn: c.expiresOn ?? null,
  }));
  return t;
}

/** Countries by code, for names in both languages (Node and browsers carry the ICU data). */
const REGION_NAMES = {
  vi: new Intl.DisplayNames(['vi'], { type: 'region', fallback: 'none' }),
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
};

/** The country's name, or undefined when `code` is not an ISO 3166-1 alpha-2 code. */
export function countryName(code: string, lang: 'vi' | 'en'): string | undefined {
  if (!/^[A-Z]{2}$/u.test(code)) return undefined;
  try {
    return REGION_NAMES[lang].of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A certification scheme named by its code or one of its names: "HACCP", "ISO 22000", "hữu cơ". */
export function parseCertificationScheme(text: string): CertificationScheme | undefined {
  const key = fold(text);
  for (const scheme of CERTIFICATION_SCHEMES) {
    const info = CERTIFICATION_SCHEME_INFO[scheme];
    const names = [scheme, info.name, info.nameVi, info.nameEn, ...info.aliases].map(fold);
    if (names.includes(key)) return scheme;
  }
  return undefined;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '');
}

/**
 * Checks changes to trade information and applies them to `current`. Returns the new trade
 * information and one issue per field at fault, each naming the field under `prefix` (e.g.
 * `trade.retailPriceMin`) and saying what to do.
 */
export function checkTrade(
  changes: TradeChanges,
  current: ProductTrade | null | undefined,
  prefix = 'trade',
): { trade: ProductTrade; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const trade = normalizeTrade(current);
  const add = (field: string, message: string) =>
    issues.push({ field: `${prefix}.${field}`, code: ERROR_CODES.VALIDATION_FAILED, message });
  const t = trade as unknown as Record<string, unknown>;

  for (const key of TRADE_TEXT_KEYS) {
    for (const [suffix, language] of [
      ['Vi', 'Vietnamese'],
      ['En', 'English'],
    ] as const) {
      const field = `${key}${suffix}` as keyof TradeChanges;
      const value = changes[field];
      if (value === undefined) continue;
      const text = typeof value === 'string' ? value.trim() : null;
      if (text && text.length > TRADE_TEXTS[key].max) {
        add(
          field,
          `${TRADE_TEXTS[key].label} (${language}) is ${text.length} characters long; shorten it to at most ${TRADE_TEXTS[key].max}.`,
        );
        continue;
      }
      t[field] = text || null;
    }
  }
  for (const key of TRADE_NUMBER_KEYS) {
    const value = changes[key];
    if (value === undefined) continue;
    if (value === null) {
      t[key] = null;
      continue;
    }
    const rule = TRADE_NUMBERS[key];
    if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
      add(
        key,
        `${rule.label} is ${value}; give a whole number from ${rule.min.toLocaleString('en')} to ${rule.max.toLocaleString('en')}.`,
      );
      continue;
    }
    t[key] = value;
  }
  if (
    trade.retailPriceMin !== null &&
    trade.retailPriceMax !== null &&
    trade.retailPriceMin > trade.retailPriceMax &&
    !issues.some((i) => i.field.endsWith('retailPrice'))
  ) {
    add(
      changes.retailPriceMax !== undefined ? 'retailPriceMax' : 'retailPriceMin',
      `The retail price range runs from ${trade.retailPriceMin.toLocaleString('en')} to ${trade.retailPriceMax.toLocaleString('en')} VND, lowest above highest: swap them.`,
    );
  }

  if (changes.exportReadiness !== undefined) trade.exportReadiness = changes.exportReadiness ?? null;

  if (changes.exportMarkets !== undefined) {
    const markets = (changes.exportMarkets ?? []).map((c) => c.trim().toUpperCase());
    const bad = markets.filter((c) => countryName(c, 'en') === undefined);
    if (bad.length > 0) {
      add(
        'exportMarkets',
        `${bad.map((c) => `"${c}"`).join(', ')} ${bad.length === 1 ? 'is not a country code' : 'are not country codes'}; write two-letter ISO 3166 codes such as JP (Japan), KR (South Korea), US (United States).`,
      );
    } else if (markets.length > TRADE_LIMITS.exportMarkets) {
      add('exportMarkets', `${markets.length} markets were given; list at most ${TRADE_LIMITS.exportMarkets}.`);
    } else trade.exportMarkets = [...new Set(markets)];
  }

  if (changes.bookingContact !== undefined) {
    const text = changes.bookingContact?.trim() ?? '';
    if (text.length > TRADE_LIMITS.bookingContact) {
      add(
        'bookingContact',
        `The booking contact is ${text.length} characters long; shorten it to at most ${TRADE_LIMITS.bookingContact}.`,
      );
    } else trade.bookingContact = text || null;
  }

  if (changes.certifications !== undefined) {
    const list = changes.certifications ?? [];
    if (list.length > TRADE_LIMITS.certifications) {
      add('certifications', `${list.length} certifications were given; list at most ${TRADE_LIMITS.certifications}.`);
    } else {
      const checked: OtherCertification[] = [];
      list.forEach((c, i) => {
        const field = `certifications.${i}`;
        if (!CERTIFICATION_SCHEMES.includes(c.scheme)) {
          add(
            `${field}.scheme`,
            `"${c.scheme}" is not a certification scheme; use one of ${CERTIFICATION_SCHEMES.join(', ')}.`,
          );
          return;
        }
        const number = c.number?.trim() || null;
        if (number && number.length > TRADE_LIMITS.certificationNumber) {
          add(
            `${field}.number`,
            `The ${CERTIFICATION_SCHEME_INFO[c.scheme].name} certificate number is ${number.length} characters long; at most ${TRADE_LIMITS.certificationNumber} fit.`,
          );
          return;
        }
        const expiresOn = c.expiresOn?.trim() || null;
        if (expiresOn && !isIsoDate(expiresOn)) {
          add(
            `${field}.expiresOn`,
            `The ${CERTIFICATION_SCHEME_INFO[c.scheme].name} certificate's expiry "${expiresOn}" is not a calendar date; write it as YYYY-MM-DD.`,
          );
          return;
        }
        if (checked.some((x) => x.scheme === c.scheme && x.number === number)) {
          add(
            `${field}.scheme`,
            `${CERTIFICATION_SCHEME_INFO[c.scheme].name} ${number ?? ''} is listed twice; keep one.`,
          );
          return;
        }
        checked.push({ scheme: c.scheme, number, expiresOn });
      });
      trade.certifications = checked;
    }
  }
  return { trade, issues };
}

/** The certifications valid on `today`: no expiry recorded, or not expired. */
export function validCertifications(trade: ProductTrade | null | undefined, today: string): OtherCertification[] {
  return (trade?.certifications ?? []).filter((c) => c.expiresOn === null || c.expiresOn >= today);
}

/** A shelf life in words: "24 tháng", "2 years", "90 days". */
export function formatShelfLife(days: number, lang: 'vi' | 'en'): string {
  const unit = (n: number, vi: string, en: string) =>
    lang === 'vi' ? `${n} ${vi}` : `${n} ${en}${n === 1 ? '' : 's'}`;
  if (days % 365 === 0) return unit(days / 365, 'năm', 'year');
  if (days % 30 === 0) return unit(days / 30, 'tháng', 'month');
  return unit(days, 'ngày', 'day');
}

/**
 * A duration typed by a person: "720", "24 tháng", "2 năm", "18 months", "90 ngày" → days (a
 * month counts 30, a year 365). Undefined when it cannot be read.
 */
export function parseDays(text: string): number | undefined {
  const match = /^(\d{1,5})\s*([\p{L} ]*)$/u.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = fold(match[2] ?? '');
  if (unit === '' || ['ngay', 'day', 'days', 'd'].includes(unit)) return n;
  if (['thang', 'month', 'months', 'm'].includes(unit)) return n * 30;
  if (['nam', 'year', 'years', 'y'].includes(unit)) return n * 365;
  return undefined;
}

/** Vietnamese đồng as a buyer reads them: "85.000 ₫" (vi) or "85,000 VND" (en). */
export function formatVnd(amount: number, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? `${amount.toLocaleString('vi-VN')} ₫` : `${amount.toLocaleString('en-US')} VND`;
}

// ─── Trade information in CSV files ─────────────────────────────────────────────────────────
// One column per field in products.csv (import and open data): the texts as `<field>_vi` and
// `<field>_en`, whole numbers, and three cells with a small format of their own, written here
// and read back by the importer:
//   certifications  "HACCP HACCP-1234/2024 (2027-05-28); VietGAP VG-0012"
//   export_markets  "JP, KR, US"
//   export_readiness EXPORTING (or its Vietnamese name)

const snake = (key: string) => key.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);

/** The two columns of a text in both languages: `<column>_vi`, then `<column>_en`. */
function bilingual(key: TradeTextKey, column = snake(key)): { column: string; field: keyof ProductTrade }[] {
  return [
    { column: `${column}_vi`, field: `${key}Vi` },
    { column: `${column}_en`, field: `${key}En` },
  ];
}

/** The CSV column of each trade field, in the order files carry them. */
export const TRADE_COLUMNS: readonly { column: string; field: keyof ProductTrade }[] = [
  ...bilingual('packaging'),
  ...bilingual('priceUnit'),
  { column: 'retail_price_min', field: 'retailPriceMin' },
  { column: 'retail_price_max', field: 'retailPriceMax' },
  { column: 'wholesale_price', field: 'wholesalePrice' },
  ...bilingual('minimumOrder'),
  ...bilingual('monthlyCapacity'),
  { column: 'shelf_life_days', field: 'shelfLifeDays' },
  ...bilingual('storage'),
  { column: 'certifications', field: 'certifications' },
  { column: 'export_readiness', field: 'exportReadiness' },
  { column: 'export_markets', field: 'exportMarkets' },
  { column: 'lead_time_days', field: 'leadTimeDays' },
  ...bilingual('samplePolicy'),
  ...bilingual('tourDuration'),
  { column: 'tour_price_per_person', field: 'tourPricePerPerson' },
  ...bilingual('tourSeason'),
  { column: 'booking_contact', field: 'bookingContact' },
  ...bilingual('note', 'trade_note'),
];

/** One certification list as a cell: entries separated by "; ", each "Name number (expiry)". */
export function certificationsCell(list: readonly OtherCertification[]): string | null {
  if (list.length === 0) return null;
  return list
    .map((c) =>
      [CERTIFICATION_SCHEME_INFO[c.scheme].name, c.number, c.expiresOn ? `(${c.expiresOn})` : null]
        .filter(Boolean)
        .join(' '),
    )
    .join('; ');
}

/** Trade information as the cells of a products.csv row (null for an empty cell). */
export function tradeCells(trade: ProductTrade | null | undefined): Record<string, string | number | null> {
  const t = normalizeTrade(trade);
  const cells: Record<string, string | number | null> = {};
  for (const { column, field } of TRADE_COLUMNS) {
    const value = t[field];
    if (field === 'certifications') cells[column] = certificationsCell(t.certifications);
    else if (field === 'exportMarkets') cells[column] = t.exportMarkets.length ? t.exportMarkets.join(', ') : null;
    else cells[column] = (value as string | number | null) ?? null;
  }
  return cells;
}

/** A whole number of đồng as people write it: "85000", "85.000", "85,000 đ", "85.000 VND". */
export function parseVnd(text: string): number | undefined {
  const bare = text
    .trim()
    .replace(/\s*(đ|₫|vnd|vnđ|dong|đồng)$/iu, '')
    .trim();
  if (/^\d{1,3}([.,\s]\d{3})+$/u.test(bare)) return Number(bare.replace(/[.,\s]/gu, ''));
  if (/^\d{1,10}$/u.test(bare)) return Number(bare);
  return undefined;
}

/** Export readiness by code or by name in either language. */
export function parseExportReadiness(text: string): ExportReadiness | undefined {
  const key = fold(text);
  return EXPORT_READINESS.find(
    (r) =>
      fold(r) === key || fold(EXPORT_READINESS_INFO[r].nameVi) === key || fold(EXPORT_READINESS_INFO[r].nameEn) === key,
  );
}

/** Country codes in a cell: "JP, KR US; AU". */
export function parseCountryCodes(text: string): string[] {
  return text
    .split(/[,;\s]+/u)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

const SCHEME_NAMES = CERTIFICATION_SCHEMES.flatMap((scheme) => {
  const info = CERTIFICATION_SCHEME_INFO[scheme];
  return [scheme, scheme.replace('_', ' '), info.name, info.nameVi, info.nameEn, ...info.aliases].map((name) => ({
    name: name.toLowerCase(),
    scheme,
  }));
}).sort((a, b) => b.name.length - a.name.length);

/**
 * A certifications cell read back: each entry starts with a scheme's name and may go on with the
 * certificate's number and its expiry in brackets (YYYY-MM-DD or dd/mm/yyyy). The error says
 * which entry could not be read and how to write it.
 */
export function parseCertificationsCell(
  text: string,
): { ok: true; value: CertificationChange[] } | { ok: false; message: string } {
  const value: CertificationChange[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.trim().normalize('NFC');
    if (entry === '') continue;
    const lower = entry.toLowerCase();
    const match = SCHEME_NAMES.find(
      ({ name }) =>
        lower.startsWith(name) && (lower.length === name.length || /[\s(:-]/u.test(lower[name.length] ?? '')),
    );
    if (!match) {
      return {
        ok: false,
        message: `"${entry}" does not start with a certification's name; write e.g. "HACCP 0123/2024 (31/12/2027)", one of ${CERTIFICATION_SCHEMES.map((s) => CERTIFICATION_SCHEME_INFO[s].name).join(', ')}, entries separated by ";"`,
      };
    }
    let rest = entry.slice(match.name.length).replace(/^[\s:-]+/u, '');
    let expiresOn: string | null = null;
    const date = /\(([^)]*)\)\s*$/u.exec(rest);
    if (date) {
      const d = (date[1] ?? '').trim();
      const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(d);
      expiresOn = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : d;
      if (!isIsoDate(expiresOn)) {
        return {
          ok: false,
          message: `"${d}" in "${entry}" is not a date; write the expiry as (31/12/2027) or (2027-12-31)`,
        };
      }
      rest = rest.slice(0, date.index).trim();
    }
    value.push({ scheme: match.scheme, number: rest || null, expiresOn });
  }
  return { ok: true, value };
}
