/**
 * The buyers' spreadsheet: one row per certified product with everything needed to plan a
 * purchase (stars, certificate, producer and contact, trade information, links), in the page's
 * language, as CSV that Excel and LibreOffice open with Vietnamese intact (UTF-8 with BOM).
 * Unlike the open data (the import format, four files to join), it is flat and made for people.
 */
import { toCsv } from '@ocop/domain';
import type { Product } from './api.js';
import { categoryShortName, type Lang, producerTypeName } from './i18n.js';
import { localized, paths } from './routes.js';
import { phoneDigits, tradeText, tradeWords } from './trade.js';

const HEADERS: Record<Lang, string[]> = {
  vi: [
    'Sản phẩm',
    'Nhóm',
    'Địa phương',
    'Số sao',
    'Số giấy chứng nhận',
    'Hiệu lực đến',
    'Chủ thể',
    'Loại hình',
    'Người đại diện',
    'Điện thoại',
    'Zalo',
    'E-mail',
    'Địa chỉ',
    'Quy cách đóng gói',
    'Đơn vị tính giá',
    'Giá bán lẻ từ (VND)',
    'Giá bán lẻ đến (VND)',
    'Giá bán sỉ (VND)',
    'Đơn hàng tối thiểu',
    'Năng lực cung ứng mỗi tháng',
    'Hạn sử dụng (ngày)',
    'Bảo quản',
    'Chứng nhận khác (còn hiệu lực)',
    'Khả năng xuất khẩu',
    'Thị trường xuất khẩu',
    'Thời gian giao hàng (ngày)',
    'Hàng mẫu',
    'Giá tour mỗi khách (VND)',
    'Ghi chú',
    'Trang sản phẩm',
    'Kiểm tra chứng nhận',
  ],
  en: [
    'Product',
    'Group',
    'Place',
    'Stars',
    'Certificate number',
    'Valid until',
    'Producer',
    'Producer type',
    'Representative',
    'Phone',
    'Zalo',
    'E-mail',
    'Address',
    'Pack sizes',
    'Price unit',
    'Retail price from (VND)',
    'Retail price to (VND)',
    'Wholesale price (VND)',
    'Minimum order',
    'Monthly capacity',
    'Shelf life (days)',
    'Storage',
    'Other certifications (valid)',
    'Export readiness',
    'Export markets',
    'Lead time (days)',
    'Samples',
    'Tour price per person (VND)',
    'Note',
    'Product page',
    'Check the certificate',
  ],
};

export function buyersSheet(products: Product[], lang: Lang, siteUrl: string): string {
  const w = tradeWords(lang);
  const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  const rows = products.map((p) => {
    const t = p.trade;
    const txt = (v: Parameters<typeof tradeText>[0] | undefined) => (v ? (tradeText(v, lang)?.text ?? '') : '');
    return [
      p.name[lang],
      categoryShortName(p.category, lang),
      [p.region.name[lang], p.district && p.district.code !== p.region.code ? p.district.name[lang] : null]
        .filter(Boolean)
        .join(', '),
      String(p.stars),
      p.certificate.number,
      p.certificate.expiresOn,
      p.producer.name,
      producerTypeName(p.producer.type, lang),
      p.producer.representative,
      p.producer.phone,
      phoneDigits(p.producer.phone) ? `https://zalo.me/${phoneDigits(p.producer.phone)!.zalo}` : '',
      p.producer.email,
      p.producer.address,
      txt(t?.packaging),
      txt(t?.priceUnit),
      num(t?.retailPriceMin),
      num(t?.retailPriceMax),
      num(t?.wholesalePrice),
      txt(t?.minimumOrder),
      txt(t?.monthlyCapacity),
      num(t?.shelfLifeDays),
      txt(t?.storage),
      (t?.certifications ?? [])
        .filter((c) => c.valid)
        .map((c) => [c.name[lang], c.number, c.expiresOn ? `(${c.expiresOn})` : null].filter(Boolean).join(' '))
        .join('; '),
      t?.exportReadiness ? w.readiness[t.exportReadiness] : '',
      (t?.exportMarkets ?? []).map((m) => m.name[lang]).join(', '),
      num(t?.leadTimeDays),
      txt(t?.samplePolicy),
      num(t?.tour?.pricePerPerson),
      txt(t?.note),
      `${siteUrl}${localized(lang, paths.product(p.slug))}`,
      `${siteUrl}${localized(lang, paths.verify(p.certificate.number))}`,
    ];
  });
  return toCsv(HEADERS[lang], rows);
}
