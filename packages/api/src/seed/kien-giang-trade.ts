/**
 * Illustrative trade information for the sample Kiên Giang catalog: plausible pack sizes, prices,
 * minimum orders, capacities, shelf lives, certifications and export markets, made up per kind of
 * product (fish sauce, pepper, dried seafood, rice, honey, handicrafts, tours…) with a little
 * variation from the product's slug. None of it is any producer's real offer: every product's
 * note says so, in both languages, and the site shows the note with the figures.
 */
import { foldVietnamese, type TradeChanges } from '@ocop/domain';

export const ILLUSTRATIVE_NOTE = {
  vi: 'Số liệu minh họa của danh mục mẫu, không phải báo giá của chủ thể.',
  en: 'Illustrative figures from the sample catalog, not the producer’s quote.',
} as const;

interface Template {
  /** Words of the folded name that pick this template. */
  words: string[];
  trade: TradeChanges;
}

const FOOD_STORAGE = {
  storageVi: 'Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp',
  storageEn: 'Cool, dry place away from direct sunlight',
};
const COLD_STORAGE = { storageVi: 'Bảo quản đông lạnh dưới -18 °C', storageEn: 'Keep frozen below -18 °C' };
const SAMPLES = {
  samplePolicyVi: 'Gửi mẫu miễn phí, người mua trả phí vận chuyển',
  samplePolicyEn: 'Free samples; the buyer pays the shipping',
};

const TEMPLATES: Template[] = [
  {
    words: ['nuoc mam'],
    trade: {
      packagingVi: 'Chai thủy tinh 500 ml và 250 ml; thùng 12 chai; can PET 2 lít cho nhà hàng',
      packagingEn: '500 ml and 250 ml glass bottles; cartons of 12; 2-litre PET cans for restaurants',
      priceUnitVi: 'chai 500 ml',
      priceUnitEn: '500 ml bottle',
      retailPriceMin: 85_000,
      retailPriceMax: 120_000,
      wholesalePrice: 72_000,
      minimumOrderVi: '10 thùng (120 chai)',
      minimumOrderEn: '10 cartons (120 bottles)',
      monthlyCapacityVi: '15.000 chai',
      monthlyCapacityEn: '15,000 bottles',
      shelfLifeDays: 720,
      ...FOOD_STORAGE,
      certifications: [{ scheme: 'HACCP' }, { scheme: 'ISO_22000' }],
      exportReadiness: 'EXPORTING',
      exportMarkets: ['JP', 'KR', 'US', 'AU'],
      leadTimeDays: 10,
      ...SAMPLES,
    },
  },
  {
    words: ['gao'],
    trade: {
      packagingVi: 'Túi 2 kg và 5 kg; bao 25 kg',
      packagingEn: '2 kg and 5 kg bags; 25 kg sacks',
      priceUnitVi: 'túi 5 kg',
      priceUnitEn: '5 kg bag',
      retailPriceMin: 150_000,
      retailPriceMax: 190_000,
      wholesalePrice: 130_000,
      minimumOrderVi: '1 tấn',
      minimumOrderEn: '1 tonne',
      monthlyCapacityVi: '60 tấn',
      monthlyCapacityEn: '60 tonnes',
      shelfLifeDays: 360,
      ...FOOD_STORAGE,
      certifications: [{ scheme: 'VIETGAP' }, { scheme: 'ORGANIC' }],
      exportReadiness: 'EXPORTING',
      exportMarkets: ['SG', 'MY', 'DE'],
      leadTimeDays: 14,
      ...SAMPLES,
    },
  },
  {
    words: ['tieu', 'muoi tieu'],
    trade: {
      packagingVi: 'Hũ thủy tinh 100 g và 200 g; túi zip 500 g; bao 25 kg cho nhà chế biến',
      packagingEn: '100 g and 200 g glass jars; 500 g zip bags; 25 kg sacks for processors',
      priceUnitVi: 'hũ 100 g',
      priceUnitEn: '100 g jar',
      retailPriceMin: 45_000,
      retailPriceMax: 60_000,
      wholesalePrice: 36_000,
      minimumOrderVi: '200 hũ hoặc 1 bao 25 kg',
      minimumOrderEn: '200 jars or one 25 kg sack',
      monthlyCapacityVi: '2 tấn',
      monthlyCapacityEn: '2 tonnes',
      shelfLifeDays: 720,
      ...FOOD_STORAGE,
      certifications: [{ scheme: 'VIETGAP' }, { scheme: 'HACCP' }],
      exportReadiness: 'EXPORT_READY',
      exportMarkets: [],
      leadTimeDays: 7,
      ...SAMPLES,
    },
  },
  {
    words: ['mam'],
    trade: {
      packagingVi: 'Hũ nhựa 500 g và 1 kg',
      packagingEn: '500 g and 1 kg tubs',
      priceUnitVi: 'hũ 500 g',
      priceUnitEn: '500 g tub',
      retailPriceMin: 60_000,
      retailPriceMax: 80_000,
      wholesalePrice: 50_000,
      minimumOrderVi: '50 hũ',
      minimumOrderEn: '50 tubs',
      monthlyCapacityVi: '3.000 hũ',
      monthlyCapacityEn: '3,000 tubs',
      shelfLifeDays: 180,
      storageVi: 'Bảo quản ngăn mát tủ lạnh sau khi mở',
      storageEn: 'Refrigerate after opening',
      certifications: [],
      exportReadiness: 'DOMESTIC_ONLY',
      leadTimeDays: 5,
      ...SAMPLES,
    },
  },
  {
    words: ['kho', 'muc', 'ca', 'tom', 'ghe', 'cua', 'ba khia', 'cha'],
    trade: {
      packagingVi: 'Túi hút chân không 250 g và 500 g; thùng xốp 10 kg',
      packagingEn: '250 g and 500 g vacuum bags; 10 kg insulated boxes',
      priceUnitVi: 'túi 500 g',
      priceUnitEn: '500 g bag',
      retailPriceMin: 180_000,
      retailPriceMax: 260_000,
      wholesalePrice: 150_000,
      minimumOrderVi: '20 kg',
      minimumOrderEn: '20 kg',
      monthlyCapacityVi: '1,5 tấn',
      monthlyCapacityEn: '1.5 tonnes',
      shelfLifeDays: 180,
      ...COLD_STORAGE,
      certifications: [{ scheme: 'HACCP' }],
      exportReadiness: 'EXPORT_READY',
      exportMarkets: [],
      leadTimeDays: 5,
      ...SAMPLES,
    },
  },
  {
    words: ['mat ong', 'phan hoa'],
    trade: {
      packagingVi: 'Chai thủy tinh 500 ml; hũ 250 g',
      packagingEn: '500 ml glass bottles; 250 g jars',
      priceUnitVi: 'chai 500 ml',
      priceUnitEn: '500 ml bottle',
      retailPriceMin: 250_000,
      retailPriceMax: 320_000,
      wholesalePrice: 210_000,
      minimumOrderVi: '50 chai',
      minimumOrderEn: '50 bottles',
      monthlyCapacityVi: '800 chai (theo mùa)',
      monthlyCapacityEn: '800 bottles (seasonal)',
      shelfLifeDays: 730,
      ...FOOD_STORAGE,
      certifications: [{ scheme: 'ORGANIC' }],
      exportReadiness: 'DOMESTIC_ONLY',
      leadTimeDays: 7,
      ...SAMPLES,
    },
  },
  {
    words: ['ruou', 'nuoc ep', 'tra'],
    trade: {
      packagingVi: 'Chai 500 ml và 750 ml; hộp quà 2 chai',
      packagingEn: '500 ml and 750 ml bottles; gift boxes of 2',
      priceUnitVi: 'chai 500 ml',
      priceUnitEn: '500 ml bottle',
      retailPriceMin: 120_000,
      retailPriceMax: 180_000,
      wholesalePrice: 95_000,
      minimumOrderVi: '5 thùng (60 chai)',
      minimumOrderEn: '5 cartons (60 bottles)',
      monthlyCapacityVi: '5.000 chai',
      monthlyCapacityEn: '5,000 bottles',
      shelfLifeDays: 1095,
      ...FOOD_STORAGE,
      certifications: [{ scheme: 'ISO_22000' }],
      exportReadiness: 'EXPORT_READY',
      exportMarkets: [],
      leadTimeDays: 10,
      ...SAMPLES,
    },
  },
  {
    words: ['tinh dau', 'dau', 'cao', 'nam linh chi'],
    trade: {
      packagingVi: 'Chai 10 ml, 30 ml và 100 ml; hộp quà',
      packagingEn: '10 ml, 30 ml and 100 ml bottles; gift boxes',
      priceUnitVi: 'chai 30 ml',
      priceUnitEn: '30 ml bottle',
      retailPriceMin: 65_000,
      retailPriceMax: 95_000,
      wholesalePrice: 52_000,
      minimumOrderVi: '100 chai',
      minimumOrderEn: '100 bottles',
      monthlyCapacityVi: '4.000 chai',
      monthlyCapacityEn: '4,000 bottles',
      shelfLifeDays: 1095,
      ...FOOD_STORAGE,
      certifications: [],
      exportReadiness: 'EXPORT_READY',
      leadTimeDays: 7,
      ...SAMPLES,
    },
  },
  {
    words: ['xoai', 'khom', 'dua', 'keo', 'banh', 'mut'],
    trade: {
      packagingVi: 'Túi 200 g và 500 g; thùng 20 túi',
      packagingEn: '200 g and 500 g bags; cartons of 20',
      priceUnitVi: 'túi 500 g',
      priceUnitEn: '500 g bag',
      retailPriceMin: 55_000,
      retailPriceMax: 90_000,
      wholesalePrice: 45_000,
      minimumOrderVi: '10 thùng',
      minimumOrderEn: '10 cartons',
      monthlyCapacityVi: '8.000 túi',
      monthlyCapacityEn: '8,000 bags',
      shelfLifeDays: 270,
      ...FOOD_STORAGE,
      certifications: [{ scheme: 'VIETGAP' }],
      exportReadiness: 'EXPORT_READY',
      exportMarkets: [],
      leadTimeDays: 7,
      ...SAMPLES,
    },
  },
];

const HANDICRAFT: TradeChanges = {
  packagingVi: 'Từng chiếc trong túi vải; thùng carton 20 chiếc',
  packagingEn: 'Each in a cloth bag; cartons of 20',
  priceUnitVi: 'chiếc',
  priceUnitEn: 'piece',
  retailPriceMin: 150_000,
  retailPriceMax: 450_000,
  wholesalePrice: 120_000,
  minimumOrderVi: '50 chiếc, mẫu mã theo yêu cầu từ 200 chiếc',
  minimumOrderEn: '50 pieces; custom designs from 200',
  monthlyCapacityVi: '1.200 chiếc',
  monthlyCapacityEn: '1,200 pieces',
  storageVi: 'Nơi khô ráo',
  storageEn: 'Keep dry',
  exportReadiness: 'EXPORTING',
  exportMarkets: ['JP', 'FR', 'NL'],
  leadTimeDays: 21,
  samplePolicyVi: 'Mẫu tính phí, hoàn lại khi đặt hàng',
  samplePolicyEn: 'Samples charged, refunded with the order',
};

const TOUR: TradeChanges = {
  tourDurationVi: 'Nửa ngày (khoảng 4 giờ) hoặc trọn ngày',
  tourDurationEn: 'Half a day (about 4 hours) or a full day',
  tourPricePerPerson: 450_000,
  tourSeasonVi: 'Quanh năm; đẹp nhất từ tháng 11 đến tháng 4',
  tourSeasonEn: 'All year; best from November to April',
  bookingContact: '0000 000 000 (Zalo)',
  minimumOrderVi: 'Đoàn từ 2 khách; đoàn trên 20 khách đặt trước 7 ngày',
  minimumOrderEn: 'Groups of 2 or more; book 7 days ahead for over 20 guests',
};

/** A small, stable number from a slug, to vary the figures between products. */
function spread(slug: string, n: number): number {
  let h = 0;
  for (const ch of slug) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % n;
}

/** Rounds to a price a shop would print: thousands of đồng. */
const price = (v: number | null | undefined, factor: number) =>
  v === null || v === undefined ? v : Math.round((v * factor) / 1000) * 1000;

/** Illustrative trade information for a sample product, or undefined for none (a few keep none). */
export function illustrativeTrade(p: { slug: string; nameVi: string; category: string }): TradeChanges | undefined {
  const name = ` ${foldVietnamese(p.nameVi)} `;
  let base: TradeChanges | undefined;
  if (p.category === 'TOURISM') base = TOUR;
  else if (p.category === 'TEXTILE' || p.category === 'SOUVENIR') base = HANDICRAFT;
  else base = TEMPLATES.find((t) => t.words.some((w) => name.includes(` ${w} `)))?.trade;
  if (!base) return undefined;
  const factor = 0.85 + spread(p.slug, 7) * 0.05;
  const trade: TradeChanges = {
    ...base,
    retailPriceMin: price(base.retailPriceMin, factor),
    retailPriceMax: price(base.retailPriceMax, factor),
    wholesalePrice: price(base.wholesalePrice, factor),
    tourPricePerPerson: price(base.tourPricePerPerson, factor),
    noteVi: ILLUSTRATIVE_NOTE.vi,
    noteEn: ILLUSTRATIVE_NOTE.en,
  };
  // Certificates of other schemes run three years; their numbers are as made up as the rest.
  trade.certifications = (base.certifications ?? []).map((c, i) => ({
    scheme: c.scheme,
    number: `${String(1000 + spread(`${p.slug}${c.scheme}`, 8999))}/${2024 + (i % 2)}/CN`,
    expiresOn: `${2027 + (spread(p.slug, 3) === 0 && i === 0 ? -2 : i % 2)}-${String(1 + spread(p.slug, 12)).padStart(2, '0')}-28`,
  }));
  return trade;
}
