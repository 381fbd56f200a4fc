/**
 * Every word the site shows, in Vietnamese (the default) and English, plus the formatting of
 * dates, numbers and names. Catalog text (product names, descriptions) comes from the API.
 */
import {
  CATEGORIES,
  type Category,
  type CategoryCode,
  categoryByCode,
  type CouncilLevel,
  formatIsoDateEn,
  PRODUCER_TYPE_INFO,
  type ProducerType,
} from '@ocop/domain';
import type { Localized } from './api.js';

export type Lang = 'vi' | 'en';

/** The text of `value` in `lang`. */
export function pick(value: Localized, lang: Lang): string {
  return value[lang];
}

/**
 * The language an API text is really in: English texts fall back to Vietnamese where no
 * translation exists, and such a text must be marked lang="vi" on an English page.
 */
export function textLang(value: Localized, lang: Lang): Lang {
  return lang === 'en' && value.en === value.vi ? 'vi' : lang;
}

/** 2022-06-15 → "15/06/2022" (Vietnamese) or "15 Jun 2022" (English, unambiguous). */
export function formatDate(iso: string, lang: Lang): string {
  if (lang === 'en') return formatIsoDateEn(iso);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

// Made once: creating an Intl.NumberFormat costs far more than formatting with it, and counts are
// formatted on tens of thousands of pages.
const NUMBER_FORMAT: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};
const PERCENT_FORMAT: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 }),
};

export function formatNumber(n: number, lang: Lang): string {
  return NUMBER_FORMAT[lang].format(n);
}

/** A share as a whole percentage: 0.6583 → "66%". */
export function formatPercent(share: number, lang: Lang): string {
  return PERCENT_FORMAT[lang].format(share);
}

/** The name in `lang` of something @ocop/domain names in both languages (nameVi, nameEn). */
function nameIn(named: { nameVi: string; nameEn: string }, lang: Lang): string {
  return lang === 'vi' ? named.nameVi : named.nameEn;
}

export function categoryName(code: CategoryCode, lang: Lang): string {
  return nameIn(categoryByCode(code), lang);
}

/** Short names for navigation, where the official ones are too long. */
const CATEGORY_SHORT: Record<CategoryCode, Localized> = {
  FOOD: { vi: 'Thực phẩm', en: 'Food' },
  BEVERAGE: { vi: 'Đồ uống', en: 'Beverages' },
  HERB: { vi: 'Thảo dược', en: 'Herbs' },
  TEXTILE: { vi: 'Vải, may mặc', en: 'Textiles' },
  SOUVENIR: { vi: 'Lưu niệm, trang trí', en: 'Souvenirs' },
  TOURISM: { vi: 'Du lịch cộng đồng', en: 'Tourism' },
};

export function categoryShortName(code: CategoryCode, lang: Lang): string {
  return CATEGORY_SHORT[code][lang];
}

const CATEGORY_BLURB: Record<CategoryCode, Localized> = {
  FOOD: {
    vi: 'Nước mắm, hồ tiêu, mật ong, hải sản khô và những đặc sản làm từ nguyên liệu của vùng biển, rừng U Minh.',
    en: 'Fish sauce, pepper, honey, dried seafood and other specialities made from the sea and the U Minh forest.',
  },
  BEVERAGE: {
    vi: 'Rượu, trà, nước ép và đồ uống từ trái cây, thảo mộc địa phương.',
    en: 'Wines, teas, juices and drinks made from local fruit and herbs.',
  },
  HERB: {
    vi: 'Dược liệu và sản phẩm từ thảo dược: tinh dầu, cao, trà thảo mộc.',
    en: 'Medicinal plants and herbal products: essential oils, extracts and herbal teas.',
  },
  TEXTILE: {
    vi: 'Vải, sản phẩm dệt và may mặc của làng nghề.',
    en: 'Fabrics, woven goods and garments from craft villages.',
  },
  SOUVENIR: {
    vi: 'Hàng thủ công mỹ nghệ, đồ lưu niệm, nội thất và trang trí: túi cỏ bàng, đồ mây tre, ngọc trai.',
    en: 'Handicrafts, souvenirs, furniture and decoration: sedge bags, rattan and bamboo, pearls.',
  },
  TOURISM: {
    vi: 'Điểm du lịch và dịch vụ du lịch cộng đồng: homestay, vườn, làng nghề, trải nghiệm sông nước.',
    en: 'Tourist sites and community tourism: homestays, orchards, craft villages, river experiences.',
  },
};

export function categoryBlurb(code: CategoryCode, lang: Lang): string {
  return CATEGORY_BLURB[code][lang];
}

export function producerTypeName(type: ProducerType, lang: Lang): string {
  return nameIn(PRODUCER_TYPE_INFO[type], lang);
}

const COUNCIL_LEVEL_NAMES: Record<CouncilLevel, Localized> = {
  DISTRICT: { vi: 'Cấp huyện', en: 'District level' },
  PROVINCE: { vi: 'Cấp tỉnh', en: 'Provincial level' },
  CENTRAL: { vi: 'Cấp trung ương', en: 'Central (national) level' },
};

export function councilLevelName(level: CouncilLevel, lang: Lang): string {
  return COUNCIL_LEVEL_NAMES[level][lang];
}

export function categoryLabel(category: Category, lang: Lang): string {
  return nameIn(category, lang);
}

export { CATEGORIES };

/** Certificate check results, as the API's CertificateCheck.result names them. */
export type CheckResult =
  | 'VALID'
  | 'EXPIRED'
  | 'REVOKED'
  | 'SUPERSEDED'
  | 'NOT_YET_VALID'
  | 'NOT_FOUND'
  | 'INVALID_NUMBER';

const vi = {
  siteName: 'OCOP Kiên Giang',
  siteTagline: 'Sản phẩm OCOP — Mỗi xã một sản phẩm',
  siteDescription:
    'Danh mục sản phẩm OCOP (Mỗi xã một sản phẩm) của tỉnh Kiên Giang đạt từ 3 đến 5 sao, với thông tin chủ thể và giấy chứng nhận còn hiệu lực.',
  skipToContent: 'Bỏ qua, đến nội dung chính',
  nav: {
    label: 'Điều hướng chính',
    menu: 'Menu',
    categories: 'Danh mục',
    districts: 'Địa phương',
    producers: 'Chủ thể',
    verify: 'Kiểm tra chứng nhận',
    progress: 'Tiến độ',
    openData: 'Dữ liệu mở',
  },
  switchTo: 'English',
  switchToLabel: 'Read this page in English',
  search: {
    label: 'Tìm sản phẩm',
    placeholder: 'Tìm: nước mắm, tiêu, mật ong…',
    button: 'Tìm',
    title: 'Tìm sản phẩm OCOP',
    intro:
      'Gõ tên sản phẩm, chủ thể hoặc địa phương — có dấu hay không dấu, sai một chữ hay gõ Telex, VNI khi chưa bật bộ gõ đều được: “tieu den” tìm ra “Tiêu đen”, “xoaif saays” tìm ra “Xoài sấy”. Gõ số giấy chứng nhận để kiểm tra.',
    results: (n: number, q: string) => `${n} sản phẩm khớp với “${q}”`,
    noResults: (q: string) => `Không có sản phẩm nào khớp với “${q}”. Hãy thử từ khóa ngắn hơn hoặc xem theo danh mục.`,
    loading: 'Đang tìm…',
    noScript: 'Ô tìm kiếm cần JavaScript. Bạn vẫn có thể xem sản phẩm theo danh mục và địa phương.',
    unavailable: 'Chưa tải được chỉ mục tìm kiếm. Hãy thử lại sau.',
    didYouMean: 'Có phải bạn muốn tìm:',
    certificate: (n: string) => `“${n}” là số giấy chứng nhận OCOP.`,
    checkCertificate: 'Kiểm tra giấy chứng nhận này',
    filters: 'Lọc kết quả',
    facetStars: 'Số sao',
    facetCategory: 'Danh mục',
    facetDistrict: 'Địa phương',
    all: 'Tất cả',
    more: 'Xem thêm kết quả',
    capped: (n: number) => `Chỉ xếp hạng ${n} kết quả đầu tiên. Thêm từ để thu hẹp.`,
    namedTitle: 'Xem theo danh mục, địa phương:',
    helpTitle: 'Gợi ý',
    helpCategories: 'Danh mục có tên này',
    helpDistricts: 'Địa phương có tên này',
    helpBrowse: 'Xem sản phẩm theo danh mục',
    helpVerify: 'Kiểm tra số giấy chứng nhận in trên bao bì',
  },
  breadcrumb: { label: 'Vị trí trang', home: 'Trang chủ' },
  stars: (n: number) => `${n} sao`,
  starsOcop: (n: number) => `OCOP ${n} sao`,
  productCount: (n: number) => `${formatNumber(n, 'vi')} sản phẩm`,
  home: {
    title: 'Sản phẩm OCOP Kiên Giang',
    eyebrow: 'Chương trình Mỗi xã một sản phẩm',
    lead: 'Đặc sản của biển đảo Phú Quốc, Hà Tiên, rừng U Minh và đồng bằng Kiên Giang — được hội đồng đánh giá, xếp hạng và chứng nhận từ 3 đến 5 sao.',
    about: 'OCOP là gì?',
    aboutText: [
      'Chương trình Mỗi xã một sản phẩm (OCOP) giúp hợp tác xã, doanh nghiệp và hộ sản xuất đưa sản phẩm truyền thống của địa phương thành hàng hóa có thương hiệu, theo tinh thần “dân biết, dân bàn, dân làm”.',
      'Theo Kế hoạch 118/KH-UBND ngày 13/8/2020, Kiên Giang phấn đấu giai đoạn 2021–2025 có ít nhất 120 sản phẩm đạt từ 3 sao trở lên. Hội đồng đánh giá chấm sản phẩm trên thang 100 điểm; sản phẩm đạt 3, 4 hoặc 5 sao được cấp giấy chứng nhận có hiệu lực 36 tháng.',
    ],
    facts: [
      { value: '100', label: 'điểm trên phiếu đánh giá, ba phần: tổ chức sản xuất, tiếp thị, chất lượng' },
      { value: '3–5★', label: 'sản phẩm đạt từ 3 sao được công nhận là sản phẩm OCOP' },
      { value: '36', label: 'tháng hiệu lực của mỗi giấy chứng nhận; hết hạn phải đánh giá lại' },
    ],
    statsTitle: 'Sản phẩm đang được chứng nhận',
    total: 'sản phẩm OCOP',
    categoriesTitle: 'Danh mục sản phẩm',
    fiveStarTitle: 'Sản phẩm 5 sao',
    fiveStarIntro: 'Hạng cao nhất, do Hội đồng cấp trung ương công nhận: sản phẩm đạt từ 90 điểm.',
    fiveStarNone: 'Hiện chưa có sản phẩm 5 sao nào có giấy chứng nhận còn hiệu lực.',
    newestTitle: 'Mới được công nhận',
    newestIntro: 'Các sản phẩm vừa được cấp giấy chứng nhận OCOP.',
    districtsTitle: 'Theo địa phương',
    seeAllDistricts: 'Xem tất cả địa phương',
    verifyTitle: 'Kiểm tra giấy chứng nhận',
    verifyText: 'Nhập số giấy chứng nhận in trên bao bì để biết sản phẩm còn được công nhận hay không.',
  },
  category: {
    title: (name: string) => `${name}`,
    metaDescription: (name: string, n: number) =>
      `${n} sản phẩm OCOP nhóm ${name.toLowerCase()} của Kiên Giang, đạt từ 3 đến 5 sao.`,
    filters: 'Lọc sản phẩm',
    starsFilter: 'Hạng sao',
    districtFilter: 'Huyện, thành phố',
    all: 'Tất cả',
    allDistricts: 'Tất cả địa phương',
    chooseDistrict: (n: number) => `Chọn trong ${formatNumber(n, 'vi')} huyện, thành phố`,
    chooserTitle: (name: string) => `${name}: chọn huyện, thành phố`,
    none: 'Chưa có sản phẩm nào trong mục này.',
    showing: (from: number, to: number, total: number) => `Sản phẩm ${from}–${to} trên ${total}`,
    filteredBy: 'Đang lọc',
    clearFilters: 'Bỏ lọc',
  },
  pagination: {
    label: 'Phân trang',
    previous: 'Trang trước',
    next: 'Trang sau',
    page: (n: number) => `Trang ${n}`,
    pageOf: (n: number, total: number) => `Trang ${n}/${total}`,
  },
  product: {
    category: 'Danh mục',
    region: 'Địa phương',
    certificate: 'Giấy chứng nhận OCOP',
    certificateNumber: 'Số chứng nhận',
    issuedOn: 'Ngày cấp',
    expiresOn: 'Hiệu lực đến',
    decision: 'Quyết định',
    decisionOf: (n: string, d: string) => `${n} ngày ${d}`,
    issuingLevel: 'Cấp công nhận',
    verify: 'Kiểm tra giấy chứng nhận',
    producer: 'Chủ thể sản xuất',
    producerType: 'Loại hình',
    representative: 'Người đại diện',
    address: 'Địa chỉ',
    phone: 'Điện thoại',
    email: 'Thư điện tử',
    website: 'Trang web',
    otherProducts: 'Xem các sản phẩm của chủ thể',
    description: 'Giới thiệu sản phẩm',
    story: 'Câu chuyện sản phẩm',
    related: 'Sản phẩm liên quan',
    qrTitle: 'Mã QR của sản phẩm',
    qrText: 'In mã này lên bao bì: người mua quét mã để mở trang này.',
    qrAlt: (name: string) => `Mã QR dẫn đến trang sản phẩm ${name}`,
    noPhoto: 'Chưa có ảnh sản phẩm',
    photos: 'Ảnh sản phẩm',
  },
  producers: {
    title: 'Chủ thể OCOP',
    intro: 'Doanh nghiệp, hợp tác xã, tổ hợp tác và hộ sản xuất có sản phẩm OCOP đang được chứng nhận.',
    products: 'Sản phẩm OCOP',
    contact: 'Liên hệ',
    metaDescription: (name: string, n: number) => `${name}: ${n} sản phẩm OCOP, thông tin liên hệ.`,
  },
  districts: {
    title: 'Sản phẩm theo địa phương',
    intro:
      'Sản phẩm OCOP theo đơn vị hành chính cấp huyện nơi sản phẩm được công nhận. Từ ngày 01/7/2025 không còn cấp huyện; Kiên Giang hợp nhất vào tỉnh An Giang mới.',
    until: (date: string) => `đến ${date}`,
    productsOf: (name: string) => `Sản phẩm OCOP của ${name}`,
    historical: (date: string) =>
      `Đơn vị hành chính cấp huyện đến ngày ${date}; từ 01/7/2025 không còn cấp huyện, sản phẩm được giữ theo địa danh đã công nhận.`,
    none: 'Chưa có sản phẩm OCOP đang được chứng nhận.',
    metaDescription: (name: string, n: number) => `${n} sản phẩm OCOP của ${name}, Kiên Giang.`,
  },
  verify: {
    title: 'Kiểm tra giấy chứng nhận OCOP',
    intro:
      'Nhập số giấy chứng nhận in trên bao bì sản phẩm. Kết quả lấy trực tiếp từ cơ sở dữ liệu OCOP tại thời điểm bạn kiểm tra.',
    label: 'Số giấy chứng nhận',
    hint: 'Ví dụ: KG-OCOP-2024-0123. Không phân biệt chữ hoa, chữ thường; có thể gõ dấu cách thay cho gạch nối.',
    button: 'Kiểm tra',
    resultFor: (n: string) => `Kết quả cho số ${n}`,
    result: {
      VALID: 'Giấy chứng nhận còn hiệu lực',
      EXPIRED: 'Giấy chứng nhận đã hết hiệu lực',
      REVOKED: 'Giấy chứng nhận đã bị thu hồi',
      SUPERSEDED: 'Giấy chứng nhận đã được thay bằng giấy mới',
      NOT_YET_VALID: 'Giấy chứng nhận chưa có hiệu lực',
      NOT_FOUND: 'Không tìm thấy giấy chứng nhận',
      INVALID_NUMBER: 'Đây không phải là số giấy chứng nhận',
    } satisfies Record<CheckResult, string>,
    invalidHelp:
      'Số giấy chứng nhận gồm chữ cái, chữ số và dấu gạch nối, dài 3–40 ký tự. Hãy kiểm tra lại số in trên bao bì.',
    notFoundHelp:
      'Không có giấy chứng nhận nào mang số này. Hãy kiểm tra lại từng ký tự; nếu vẫn không thấy, sản phẩm có thể không phải sản phẩm OCOP.',
    product: 'Sản phẩm',
    producer: 'Chủ thể',
    stars: 'Hạng sao',
    viewProduct: 'Xem trang sản phẩm',
    checkLatest: (n: string) => `Kiểm tra giấy chứng nhận mới nhất, số ${n}`,
    unavailableTitle: 'Chưa kiểm tra được lúc này',
    unavailable:
      'Hệ thống tra cứu OCOP đang tạm thời không phản hồi, nên chưa thể xác nhận giấy chứng nhận này. Vui lòng thử lại sau ít phút.',
    tryAgain: 'Thử lại',
  },
  progress: {
    title: 'Tiến độ thực hiện Chương trình OCOP',
    description:
      'Kết quả công nhận sản phẩm OCOP của Kiên Giang so với chỉ tiêu Kế hoạch 118/KH-UBND: theo huyện, theo năm và hạng sao, và kinh phí kế hoạch.',
    lead: (plan: string, from: number, to: number, asOf: string) =>
      `Số sản phẩm được công nhận từ ${from} đến ${to} so với chỉ tiêu của Kế hoạch ${plan}, tính đến ngày ${asOf}. Mỗi biểu đồ có bảng số liệu đi kèm.`,
    summary: {
      certified: 'sản phẩm được công nhận (từ 3 sao)',
      fiveStar: 'sản phẩm đạt 5 sao (kể cả 5 sao cấp tỉnh)',
      ofTarget: (share: string, target: string, period: string) => `${share} chỉ tiêu ${target} sản phẩm (${period})`,
    },
    conflictTitle: 'Hai chỉ tiêu của kế hoạch không khớp nhau',
    conflict: (
      total: string,
      perDistrict: string,
      units: number,
      years: number,
      implied: string,
      ratio: string,
      even: string,
    ) =>
      `Kế hoạch đặt “ít nhất ${total} sản phẩm đạt từ 3 sao” cho cả giai đoạn, đồng thời ghi “bình quân ${perDistrict} sản phẩm/huyện, thành phố/năm”. Với ${units} đơn vị cấp huyện trong ${years} năm, mức ${perDistrict}/huyện/năm là ${implied} sản phẩm — gấp ${ratio} lần ${total}; ngược lại, ${total} sản phẩm chỉ tương đương ${even} sản phẩm/huyện/năm. Trang này đo tiến độ toàn tỉnh theo chỉ tiêu ${total} sản phẩm và tiến độ từng huyện theo mức ${perDistrict}/năm, đúng như số liệu hệ thống báo cáo.`,
    districtsTitle: 'Theo huyện, thành phố',
    districtsIntro: (period: string, perYear: string) =>
      `Sản phẩm được công nhận ${period} của từng đơn vị cấp huyện, so với chỉ tiêu ${perYear} sản phẩm/năm cộng dồn cho các năm trong giai đoạn.`,
    districtsChart: (period: string) => `Sản phẩm được công nhận theo huyện, thành phố, ${period}, so với chỉ tiêu`,
    yearsTitle: 'Theo năm và hạng sao',
    yearsIntro:
      'Sản phẩm được công nhận mỗi năm theo hạng sao cao nhất trong năm (sản phẩm được công nhận lại được tính lại), so với chỉ tiêu năm 2020 và hai cách hiểu chỉ tiêu 2021–2025 chia theo năm.',
    yearsChart: 'Sản phẩm được công nhận mỗi năm theo hạng sao, so với chỉ tiêu',
    targetsTitle: 'Chỉ tiêu của kế hoạch',
    targetsIntro: 'Mỗi chỉ tiêu được đếm trong giai đoạn của chính nó: số sản phẩm khác nhau đạt từ số sao yêu cầu.',
    targetsChart: 'Mức hoàn thành các chỉ tiêu sản phẩm của kế hoạch',
    budgetTitle: 'Kinh phí kế hoạch',
    budgetIntro:
      'Kinh phí dự kiến của kế hoạch (triệu đồng), chia theo nguồn: ngân sách nhà nước và vốn của chủ thể tham gia, huy động khác. Đây là số kế hoạch, không phải số đã chi.',
    budgetChart: 'Cơ cấu kinh phí kế hoạch theo nguồn vốn',
    tableNote: 'Bảng số liệu',
    col: {
      district: 'Huyện, thành phố',
      certified: 'Được công nhận',
      target: 'Chỉ tiêu',
      share: 'Đạt',
      year: 'Năm',
      total: 'Tổng',
      newProducts: 'Sản phẩm mới',
      fiveStar: '5 sao (kể cả cấp tỉnh)',
      targetCol: 'Chỉ tiêu',
      period: 'Giai đoạn',
      achieved: 'Đã đạt',
      state: 'Ngân sách nhà nước',
      participants: 'Chủ thể và huy động khác',
      budgetTotal: 'Tổng kinh phí',
      stateShare: 'Tỷ lệ ngân sách',
    },
    none: 'Không có chỉ tiêu',
    notMeasured: 'Chưa đo được (không có dữ liệu đào tạo)',
    noUnit: 'Không thuộc huyện nào',
    legendTarget: 'Chỉ tiêu',
    legend2020: (range: string) => `Chỉ tiêu 2020: ${range} sản phẩm`,
    legendPerDistrictN: (per: string, n: string) => `${per} sản phẩm/huyện/năm: ${n} sản phẩm/năm`,
    legendEven: (total: string, years: number, n: string) => `${total} sản phẩm chia đều ${years} năm: ${n}/năm`,
    million: 'triệu đồng',
    starsLabel: (n: number) => `${n} sao`,
    reached: 'đạt',
    notReached: 'chưa đạt',
    openDataLink: 'Tải danh mục sản phẩm dưới dạng dữ liệu mở',
  },
  openData: {
    title: 'Dữ liệu mở',
    description:
      'Tải danh mục sản phẩm OCOP Kiên Giang đang được chứng nhận dưới dạng CSV và JSON, tự do sử dụng, cùng định dạng với lệnh xuất dữ liệu của hệ thống.',
    lead: 'Danh mục công khai các sản phẩm OCOP đang được chứng nhận (từ 3 sao, giấy chứng nhận còn hiệu lực), kèm chủ thể, giấy chứng nhận và đơn vị hành chính, để tải về và dùng lại.',
    built: (date: string) => `Dữ liệu được tạo ngày ${date}, khi trang web được xây dựng.`,
    counts: (products: string, producers: string) => `${products} sản phẩm, ${producers} chủ thể.`,
    filesTitle: 'Tệp tải về',
    csvTitle: 'CSV (mở bằng Excel, LibreOffice)',
    csvText:
      'Bốn tệp UTF-8 có BOM, phân tách bằng dấu phẩy, dòng đầu là tên cột. Các cột mã (sản phẩm, chủ thể, địa bàn) liên kết các tệp với nhau.',
    jsonTitle: 'JSON (cho lập trình viên)',
    jsonText: 'Một tệp gồm cả bốn bảng, ngày dữ liệu (asOf) và số bản ghi của từng bảng.',
    kinds: {
      regions: 'Đơn vị hành chính',
      producers: 'Chủ thể',
      products: 'Sản phẩm',
      certificates: 'Giấy chứng nhận',
    },
    rows: (n: string) => `${n} dòng`,
    licenceTitle: 'Điều kiện sử dụng',
    licence:
      'Dữ liệu là thông tin công khai của Chương trình OCOP: được tự do sao chép, phân phối và sử dụng, kể cả cho mục đích thương mại, không cần xin phép và không mất phí. Khi sử dụng, vui lòng ghi nguồn “Danh mục sản phẩm OCOP Kiên Giang” và ngày dữ liệu. Thông tin liên hệ do chủ thể cung cấp.',
    formatTitle: 'Các cột',
    formatText:
      'Cùng định dạng với lệnh “pnpm ocop export” của hệ thống và nhập lại được bằng “pnpm ocop import”. Ngày theo dạng ISO (năm-tháng-ngày); ô trống là không có thông tin. Điểm chấm và mã số thuế không công khai nên không có trong dữ liệu.',
    column: 'Cột',
    meaning: 'Ý nghĩa',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Trang bạn tìm không có hoặc sản phẩm không còn được chứng nhận OCOP.',
  },
  footer: {
    about:
      'Danh mục công khai các sản phẩm OCOP đạt từ 3 sao trở lên, có giấy chứng nhận còn hiệu lực. Thông tin liên hệ do chủ thể cung cấp.',
    explore: 'Khám phá',
    more: 'Thông tin',
    rss: 'Sản phẩm mới (RSS)',
    sitemap: 'Sơ đồ trang',
    updated: (date: string, time: string) =>
      `Chương trình Mỗi xã một sản phẩm (OCOP) · Dữ liệu công bố lúc ${time} ngày ${date} (giờ Việt Nam)`,
  },
  rss: {
    title: 'Sản phẩm OCOP Kiên Giang mới được công nhận',
    description: 'Sản phẩm OCOP của Kiên Giang vừa được cấp giấy chứng nhận, mới nhất trước.',
    item: (stars: number, category: string, district: string) => `OCOP ${stars} sao · ${category} · ${district}`,
  },
};

type Strings = typeof vi;

const en: Strings = {
  siteName: 'OCOP Kiên Giang',
  siteTagline: 'OCOP products — One Commune One Product',
  siteDescription:
    'The catalog of Kiên Giang’s OCOP (One Commune One Product) products rated 3 to 5 stars, with their producers and valid certificates.',
  skipToContent: 'Skip to main content',
  nav: {
    label: 'Main navigation',
    menu: 'Menu',
    categories: 'Categories',
    districts: 'Districts',
    producers: 'Producers',
    verify: 'Check a certificate',
    progress: 'Progress',
    openData: 'Open data',
  },
  switchTo: 'Tiếng Việt',
  switchToLabel: 'Xem trang này bằng tiếng Việt',
  search: {
    label: 'Search products',
    placeholder: 'Search: fish sauce, pepper, honey…',
    button: 'Search',
    title: 'Search OCOP products',
    intro:
      'Type a product, producer or place, with or without Vietnamese accents, even with a typo or as raw Telex or VNI: “tieu den” finds “Tiêu đen”, “xoaif saays” finds “Xoài sấy”. Type a certificate number to check it.',
    results: (n: number, q: string) => `${n} product${n === 1 ? '' : 's'} match “${q}”`,
    noResults: (q: string) => `No product matches “${q}”. Try a shorter word or browse the categories.`,
    loading: 'Searching…',
    noScript: 'The search box needs JavaScript. You can still browse products by category and district.',
    unavailable: 'The search index could not be loaded. Please try again later.',
    didYouMean: 'Did you mean:',
    certificate: (n: string) => `“${n}” is an OCOP certificate number.`,
    checkCertificate: 'Check this certificate',
    filters: 'Filter the results',
    facetStars: 'Stars',
    facetCategory: 'Category',
    facetDistrict: 'District',
    all: 'All',
    more: 'Show more results',
    capped: (n: number) => `Only the first ${n} matches are ranked. Add a word to narrow them down.`,
    namedTitle: 'Browse by category or district:',
    helpTitle: 'Suggestions',
    helpCategories: 'Categories with this name',
    helpDistricts: 'Districts with this name',
    helpBrowse: 'Browse products by category',
    helpVerify: 'Check the certificate number printed on a package',
  },
  breadcrumb: { label: 'Breadcrumb', home: 'Home' },
  stars: (n: number) => `${n} star${n === 1 ? '' : 's'}`,
  starsOcop: (n: number) => `OCOP ${n} stars`,
  productCount: (n: number) => `${formatNumber(n, 'en')} product${n === 1 ? '' : 's'}`,
  home: {
    title: 'OCOP products of Kiên Giang',
    eyebrow: 'One Commune One Product',
    lead: 'Specialities from the islands of Phú Quốc, Hà Tiên, the U Minh forest and the Kiên Giang delta — evaluated, ranked and certified from 3 to 5 stars.',
    about: 'What is OCOP?',
    aboutText: [
      'Vietnam’s One Commune One Product programme (OCOP) helps cooperatives, enterprises and household producers turn traditional local products into branded goods, decided from the bottom up: “the people know, discuss and do”.',
      'Under Plan 118/KH-UBND of 13 August 2020, Kiên Giang aims for at least 120 products rated 3 stars or more in 2021–2025. A council scores each product out of 100; products rated 3, 4 or 5 stars receive a certificate valid for 36 months.',
    ],
    facts: [
      { value: '100', label: 'points on the score sheet, in three parts: production, marketing, quality' },
      { value: '3–5★', label: 'products rated 3 stars or more are certified OCOP products' },
      { value: '36', label: 'months of validity for each certificate; then the product is re-evaluated' },
    ],
    statsTitle: 'Currently certified',
    total: 'OCOP products',
    categoriesTitle: 'Product categories',
    fiveStarTitle: '5-star products',
    fiveStarIntro: 'The highest rank, certified by the central council: products scoring 90 points or more.',
    fiveStarNone: 'No 5-star product holds a valid certificate at the moment.',
    newestTitle: 'Newly certified',
    newestIntro: 'Products that have just received their OCOP certificate.',
    districtsTitle: 'By district',
    seeAllDistricts: 'See all districts',
    verifyTitle: 'Check a certificate',
    verifyText: 'Enter the certificate number printed on the package to see whether the product is still certified.',
  },
  category: {
    title: (name: string) => `${name}`,
    metaDescription: (name: string, n: number) =>
      `${n} OCOP products from Kiên Giang in ${name.toLowerCase()}, rated 3 to 5 stars.`,
    filters: 'Filter products',
    starsFilter: 'Stars',
    districtFilter: 'District',
    all: 'All',
    allDistricts: 'All districts',
    chooseDistrict: (n: number) => `Choose from ${formatNumber(n, 'en')} districts`,
    chooserTitle: (name: string) => `${name}: choose a district`,
    none: 'No products in this list yet.',
    showing: (from: number, to: number, total: number) => `Products ${from}–${to} of ${total}`,
    filteredBy: 'Filtered by',
    clearFilters: 'Clear filters',
  },
  pagination: {
    label: 'Pagination',
    previous: 'Previous page',
    next: 'Next page',
    page: (n: number) => `Page ${n}`,
    pageOf: (n: number, total: number) => `Page ${n} of ${total}`,
  },
  product: {
    category: 'Category',
    region: 'From',
    certificate: 'OCOP certificate',
    certificateNumber: 'Certificate number',
    issuedOn: 'Issued on',
    expiresOn: 'Valid until',
    decision: 'Decision',
    decisionOf: (n: string, d: string) => `${n} of ${d}`,
    issuingLevel: 'Certified at',
    verify: 'Check this certificate',
    producer: 'Producer',
    producerType: 'Type',
    representative: 'Representative',
    address: 'Address',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    otherProducts: 'See all products of this producer',
    description: 'About the product',
    story: 'The story',
    related: 'Related products',
    qrTitle: 'QR code of this product',
    qrText: 'Print it on the package: buyers scan it to open this page.',
    qrAlt: (name: string) => `QR code linking to the page of ${name}`,
    noPhoto: 'No photo yet',
    photos: 'Product photos',
  },
  producers: {
    title: 'OCOP producers',
    intro: 'Enterprises, cooperatives, cooperative groups and households with currently certified OCOP products.',
    products: 'OCOP products',
    contact: 'Contact',
    metaDescription: (name: string, n: number) =>
      `${name}: ${n} OCOP product${n === 1 ? '' : 's'} and contact details.`,
  },
  districts: {
    title: 'Products by district',
    intro:
      'OCOP products by the district-level unit they were certified in. The district level was abolished on 1 July 2025, when Kiên Giang merged into the new An Giang province.',
    until: (date: string) => `until ${date}`,
    productsOf: (name: string) => `OCOP products of ${name}`,
    historical: (date: string) =>
      `A district-level unit until ${date}; the district level was abolished on 1 Jul 2025, and products keep the place names they were certified under.`,
    none: 'No currently certified OCOP products.',
    metaDescription: (name: string, n: number) => `${n} OCOP product${n === 1 ? '' : 's'} from ${name}, Kiên Giang.`,
  },
  verify: {
    title: 'Check an OCOP certificate',
    intro:
      'Enter the certificate number printed on the product’s package. The answer comes live from the OCOP database at the moment you check.',
    label: 'Certificate number',
    hint: 'For example KG-OCOP-2024-0123. Upper or lower case both work; spaces may stand for hyphens.',
    button: 'Check',
    resultFor: (n: string) => `Result for ${n}`,
    result: {
      VALID: 'This certificate is valid',
      EXPIRED: 'This certificate has expired',
      REVOKED: 'This certificate has been revoked',
      SUPERSEDED: 'This certificate was replaced by a newer one',
      NOT_YET_VALID: 'This certificate is not valid yet',
      NOT_FOUND: 'No certificate has this number',
      INVALID_NUMBER: 'This is not a certificate number',
    },
    invalidHelp:
      'A certificate number is 3 to 40 letters, digits and hyphens. Please check the number printed on the package.',
    notFoundHelp:
      'No certificate carries this number. Check each character; if it still is not found, the product may not be an OCOP product.',
    product: 'Product',
    producer: 'Producer',
    stars: 'Stars',
    viewProduct: 'View the product page',
    checkLatest: (n: string) => `Check the newest certificate, ${n}`,
    unavailableTitle: 'We cannot check right now',
    unavailable:
      'The OCOP lookup service is not answering at the moment, so this certificate cannot be confirmed yet. Please try again in a few minutes.',
    tryAgain: 'Try again',
  },
  progress: {
    title: 'Progress of the OCOP programme',
    description:
      'Kiên Giang’s certified OCOP products against the targets of Plan 118/KH-UBND: by district, by year and stars, and the plan’s budget.',
    lead: (plan: string, from: number, to: number, asOf: string) =>
      `Products certified from ${from} to ${to} against the targets of Plan ${plan}, counted up to ${asOf}. Every chart has its data table next to it.`,
    summary: {
      certified: 'products certified (3 stars or more)',
      fiveStar: '5-star products (including provincial 5 stars)',
      ofTarget: (share: string, target: string, period: string) =>
        `${share} of the target of ${target} products (${period})`,
    },
    conflictTitle: 'The plan’s two targets do not agree',
    conflict: (
      total: string,
      perDistrict: string,
      units: number,
      years: number,
      implied: string,
      ratio: string,
      even: string,
    ) =>
      `The plan sets “at least ${total} products rated 3 stars or more” for the whole period, and also “about ${perDistrict} products per district per year”. With ${units} district-level units over ${years} years, ${perDistrict} per district per year makes ${implied} products — ${ratio} times ${total}; the other way round, ${total} products are only ${even} per district per year. This page measures the province against the target of ${total} products and each district against ${perDistrict} a year, as the system reports them.`,
    districtsTitle: 'By district',
    districtsIntro: (period: string, perYear: string) =>
      `Products certified in ${period} in each district-level unit, against the target of ${perYear} products a year added up over the years of the period.`,
    districtsChart: (period: string) => `Products certified by district, ${period}, against the target`,
    yearsTitle: 'By year and stars',
    yearsIntro:
      'Products certified each year by their highest stars that year (a product certified again counts again), against the 2020 target and the two readings of the 2021–2025 target per year.',
    yearsChart: 'Products certified each year by stars, against the targets',
    targetsTitle: 'The plan’s targets',
    targetsIntro: 'Each target is counted over its own period: distinct products reaching the stars it asks for.',
    targetsChart: 'How far the plan’s product targets are reached',
    budgetTitle: 'The plan’s budget',
    budgetIntro:
      'The plan’s budget (million VND) by source: the state budget, and participants’ own funds and other sources. These are planned figures, not spending.',
    budgetChart: 'The plan’s budget by source',
    tableNote: 'Data table',
    col: {
      district: 'District',
      certified: 'Certified',
      target: 'Target',
      share: 'Reached',
      year: 'Year',
      total: 'Total',
      newProducts: 'New products',
      fiveStar: '5 stars (incl. provincial)',
      targetCol: 'Target',
      period: 'Period',
      achieved: 'Achieved',
      state: 'State budget',
      participants: 'Participants and other sources',
      budgetTotal: 'Total budget',
      stateShare: 'State share',
    },
    none: 'No target',
    notMeasured: 'Not measured (no training records)',
    noUnit: 'No district',
    legendTarget: 'Target',
    legend2020: (range: string) => `2020 target: ${range} products`,
    legendPerDistrictN: (per: string, n: string) => `${per} per district per year: ${n} a year`,
    legendEven: (total: string, years: number, n: string) => `${total} products over ${years} years: ${n} a year`,
    million: 'million VND',
    starsLabel: (n: number) => `${n} stars`,
    reached: 'reached',
    notReached: 'not reached',
    openDataLink: 'Download the product catalog as open data',
  },
  openData: {
    title: 'Open data',
    description:
      'Download Kiên Giang’s currently certified OCOP products as CSV and JSON, free to reuse, in the same format as the system’s export command.',
    lead: 'The public list of currently certified OCOP products (3 stars or more, valid certificate), with their producers, certificates and administrative units, to download and reuse.',
    built: (date: string) => `Data generated on ${date}, when this site was built.`,
    counts: (products: string, producers: string) => `${products} products, ${producers} producers.`,
    filesTitle: 'Downloads',
    csvTitle: 'CSV (opens in Excel, LibreOffice)',
    csvText:
      'Four UTF-8 files with a byte order mark, comma-separated, column names in the first line. The code columns (product, producer, region) link the files together.',
    jsonTitle: 'JSON (for developers)',
    jsonText: 'One file with all four tables, the day the data describes (asOf) and the number of records of each.',
    kinds: {
      regions: 'Administrative units',
      producers: 'Producers',
      products: 'Products',
      certificates: 'Certificates',
    },
    rows: (n: string) => `${n} rows`,
    licenceTitle: 'Terms of use',
    licence:
      'This is public information of the OCOP programme: you may copy, share and use it freely, commercially too, without asking and without paying. Please credit “OCOP Kiên Giang product catalog” and the date of the data. Contact details are provided by the producers.',
    formatTitle: 'Columns',
    formatText:
      'The same format as the system’s “pnpm ocop export” command, and it imports back with “pnpm ocop import”. Dates are ISO (year-month-day); an empty cell means no information. Scores and tax codes are not public and are not included.',
    column: 'Column',
    meaning: 'Meaning',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist, or the product is no longer OCOP certified.',
  },
  footer: {
    about:
      'The public list of OCOP products rated 3 stars or more with a valid certificate. Contact details are provided by the producers.',
    explore: 'Explore',
    more: 'More',
    rss: 'New products (RSS)',
    sitemap: 'Sitemap',
    updated: (date: string, time: string) =>
      `One Commune One Product programme (OCOP) · Data published ${date}, ${time} (Vietnam time)`,
  },
  rss: {
    title: 'Newly certified OCOP products from Kiên Giang',
    description: 'Kiên Giang’s OCOP products that have just been certified, newest first.',
    item: (stars: number, category: string, district: string) => `OCOP ${stars} stars · ${category} · ${district}`,
  },
};

const STRINGS: Record<Lang, Strings> = { vi, en };

/** The site's words in `lang`. */
export function t(lang: Lang): Strings {
  return STRINGS[lang];
}

/** The value of the `lang` attribute and Open Graph locale of each language. */
export const LOCALES: Record<Lang, { htmlLang: string; ogLocale: string }> = {
  vi: { htmlLang: 'vi', ogLocale: 'vi_VN' },
  en: { htmlLang: 'en', ogLocale: 'en_US' },
};
