/**
 * The trade portal's words and formats on the site, in Vietnamese and English: the "Thông tin
 * thương mại / Trade information" block, the contact buttons, the quote form, the QR downloads
 * and the take-away catalogs. Values come from the API; only their labels and formats live here.
 */
import { formatShelfLife, formatVnd } from '@ocop/domain';
import type { MaybeLocalized, Producer, Trade } from './api.js';
import { formatDate, type Lang } from './i18n.js';

/** A trade text in `lang`, else in the other language, with the language it is really in. */
export function tradeText(value: MaybeLocalized, lang: Lang): { text: string; lang: Lang } | null {
  const own = value[lang];
  if (own) return { text: own, lang };
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return value[other] ? { text: value[other] as string, lang: other } : null;
}

export interface TradeRow {
  key: string;
  label: string;
  value: string;
  /** The language of `value` when it differs from the page's. */
  lang?: Lang;
  /** Whether the value is a list of items (certifications). */
  items?: { text: string; muted?: boolean }[];
}

const WORDS = {
  vi: {
    title: 'Thông tin thương mại',
    packaging: 'Quy cách đóng gói',
    retail: 'Giá bán lẻ',
    wholesale: 'Giá bán sỉ',
    per: (unit: string) => ` / ${unit}`,
    minimumOrder: 'Đơn hàng tối thiểu',
    capacity: 'Năng lực cung ứng mỗi tháng',
    shelfLife: 'Hạn sử dụng',
    storage: 'Bảo quản',
    certifications: 'Chứng nhận khác',
    expires: (d: string) => `hiệu lực đến ${d}`,
    expired: (d: string) => `đã hết hạn ${d}`,
    export: 'Xuất khẩu',
    markets: 'Thị trường đang xuất khẩu',
    leadTime: 'Thời gian giao hàng',
    days: (n: number) => `${n} ngày`,
    samples: 'Hàng mẫu',
    tourDuration: 'Thời lượng',
    tourPrice: 'Giá mỗi khách',
    tourSeason: 'Mùa',
    booking: 'Đặt tour',
    readiness: {
      DOMESTIC_ONLY: 'Chỉ bán trong nước',
      EXPORT_READY: 'Sẵn sàng xuất khẩu',
      EXPORTING: 'Đang xuất khẩu',
    },
    none: 'Chủ thể chưa cung cấp thông tin thương mại. Hãy gửi yêu cầu báo giá hoặc gọi điện trực tiếp.',
    priceNote: 'Giá tham khảo, chưa gồm vận chuyển.',
    contact: 'Liên hệ chủ thể',
    call: 'Gọi điện',
    zalo: 'Zalo',
    email: 'E-mail',
    quoteButton: 'Gửi yêu cầu báo giá',
    qrDownload: 'Tải mã QR để in',
    qrSvg: 'SVG (vector)',
    qrPng: 'PNG 300 dpi',
    qrSize: 'Khổ in 30 × 30 mm; giữ lề trắng xung quanh mã.',
    catalogs: 'Danh mục mang theo',
    pdf: 'Danh mục PDF (A4)',
    pdfTooLarge: (max: number) => `PDF chỉ có cho danh mục đến ${max} sản phẩm: xem danh mục theo địa phương`,
    sheet: 'Bảng tính cho người mua (CSV)',
  },
  en: {
    title: 'Trade information',
    packaging: 'Pack sizes',
    retail: 'Retail price',
    wholesale: 'Wholesale price',
    per: (unit: string) => ` per ${unit}`,
    minimumOrder: 'Minimum order',
    capacity: 'Monthly capacity',
    shelfLife: 'Shelf life',
    storage: 'Storage',
    certifications: 'Other certifications',
    expires: (d: string) => `valid until ${d}`,
    expired: (d: string) => `expired ${d}`,
    export: 'Export',
    markets: 'Exporting to',
    leadTime: 'Lead time',
    days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    samples: 'Samples',
    tourDuration: 'Duration',
    tourPrice: 'Price per person',
    tourSeason: 'Season',
    booking: 'Booking',
    readiness: {
      DOMESTIC_ONLY: 'Domestic market only',
      EXPORT_READY: 'Ready to export',
      EXPORTING: 'Already exporting',
    },
    none: 'The producer has not given trade information yet. Send a quote request or call them directly.',
    priceNote: 'Indicative prices, shipping not included.',
    contact: 'Contact the producer',
    call: 'Call',
    zalo: 'Zalo',
    email: 'E-mail',
    quoteButton: 'Request a quote',
    qrDownload: 'Download the QR code to print',
    qrSvg: 'SVG (vector)',
    qrPng: 'PNG 300 dpi',
    qrSize: 'Print size 30 × 30 mm; keep the white margin around the code.',
    catalogs: 'Take-away catalogs',
    pdf: 'PDF catalog (A4)',
    pdfTooLarge: (max: number) => `PDF catalogs hold up to ${max} products: see the districts’ catalogs`,
    sheet: 'Buyers’ spreadsheet (CSV)',
  },
} as const;

export function tradeWords(lang: Lang) {
  return WORDS[lang];
}

/** A price range in đồng: "85.000 – 120.000 ₫". */
export function priceRange(min: number | null, max: number | null, lang: Lang): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min !== max) {
    return `${formatVnd(min, lang).replace(/ ?(₫|VND)$/u, '')} – ${formatVnd(max, lang)}`;
  }
  return formatVnd((min ?? max) as number, lang);
}

/** The rows of the trade block, in the order a buyer reads them; only fields that were given. */
export function tradeRows(trade: Trade, lang: Lang): TradeRow[] {
  const w = WORDS[lang];
  const rows: TradeRow[] = [];
  const text = (key: string, label: string, value: MaybeLocalized, suffix = '') => {
    const t = tradeText(value, lang);
    if (t) rows.push({ key, label, value: `${t.text}${suffix}`, ...(t.lang !== lang ? { lang: t.lang } : {}) });
  };
  const unit = tradeText(trade.priceUnit, lang)?.text;
  const per = unit ? w.per(unit) : '';
  const tour = trade.tour;
  if (tour) {
    text('tour-duration', w.tourDuration, tour.duration);
    if (tour.pricePerPerson !== null)
      rows.push({ key: 'tour-price', label: w.tourPrice, value: formatVnd(tour.pricePerPerson, lang) });
    text('tour-season', w.tourSeason, tour.season);
    if (tour.bookingContact) rows.push({ key: 'booking', label: w.booking, value: tour.bookingContact });
  }
  text('packaging', w.packaging, trade.packaging);
  const retail = priceRange(trade.retailPriceMin, trade.retailPriceMax, lang);
  if (retail) rows.push({ key: 'retail', label: w.retail, value: `${retail}${per}` });
  if (trade.wholesalePrice !== null) {
    rows.push({ key: 'wholesale', label: w.wholesale, value: `${formatVnd(trade.wholesalePrice, lang)}${per}` });
  }
  text('minimum-order', w.minimumOrder, trade.minimumOrder);
  text('capacity', w.capacity, trade.monthlyCapacity);
  if (trade.shelfLifeDays !== null) {
    rows.push({ key: 'shelf-life', label: w.shelfLife, value: formatShelfLife(trade.shelfLifeDays, lang) });
  }
  text('storage', w.storage, trade.storage);
  if (trade.certifications.length) {
    const items = trade.certifications.map((c) => ({
      text: [
        c.name[lang],
        c.number,
        c.expiresOn ? `(${(c.valid ? w.expires : w.expired)(formatDate(c.expiresOn, lang))})` : null,
      ]
        .filter(Boolean)
        .join(' '),
      muted: !c.valid,
    }));
    rows.push({ key: 'certifications', label: w.certifications, value: items.map((i) => i.text).join('; '), items });
  }
  if (trade.exportReadiness) {
    const markets = trade.exportMarkets.map((m) => m.name[lang]).join(', ');
    rows.push({
      key: 'export',
      label: w.export,
      value: `${w.readiness[trade.exportReadiness]}${markets ? ` — ${markets}` : ''}`,
    });
  } else if (trade.exportMarkets.length) {
    rows.push({ key: 'export', label: w.markets, value: trade.exportMarkets.map((m) => m.name[lang]).join(', ') });
  }
  if (trade.leadTimeDays !== null)
    rows.push({ key: 'lead-time', label: w.leadTime, value: w.days(trade.leadTimeDays) });
  text('samples', w.samples, trade.samplePolicy);
  return rows;
}

/** A phone number as tel: and Zalo (zalo.me/<digits>, the Vietnamese national form) want it. */
export function phoneDigits(phone: string): { tel: string; zalo: string } | null {
  const tel = phone.replace(/[^+\d]/gu, '');
  if (tel.replace(/\D/gu, '').length < 8) return null;
  const national = tel.startsWith('+84') ? `0${tel.slice(3)}` : tel.replace(/^\+/u, '');
  return { tel, zalo: national };
}

/** The three ways to reach a producer from a product page. */
export function contactLinks(producer: Producer, subject: string) {
  const digits = phoneDigits(producer.phone);
  return {
    call: digits ? `tel:${digits.tel}` : null,
    zalo: digits ? `https://zalo.me/${digits.zalo}` : null,
    email: producer.email ? `mailto:${producer.email}?subject=${encodeURIComponent(subject)}` : null,
  };
}
