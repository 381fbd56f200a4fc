/**
 * A deterministic, national-scale synthetic OCOP catalog for load tests and benchmarks: the 63
 * provinces (before the 2025 reorganisation), about ten district-level units each, some communes,
 * about one producer per 2.5 products, and products over the six categories with 1–3 evaluations
 * that follow the award rules of their dates. About 75% of products hold a certificate valid on
 * 2026-11-29; the rest are 1–2★, expired, drafts or revoked.
 *
 * The same options always give the same catalog, byte for byte: all randomness comes from a
 * seeded PRNG (mulberry32), never Math.random or the clock. Everything here is invented; names are
 * built from word lists so that searches like "nuoc mam" or "tieu den" find plenty. The catalog
 * is an import document, loaded through the importer like the sample one.
 */
import {
  type CategoryCode,
  type CouncilLevel,
  type CriteriaVersion,
  type CycleStage,
  type ProducerType,
  type RegionKind,
  regionFullName,
  SCORE_SHEETS,
  slugify,
} from '@ocop/domain';
import type { ImportRecord } from '../modules/transfer/import.sources.js';
import { addressPartVi, resultRecords, type SeedAward, type SeedCatalog, type SeedResult } from './catalog.js';

export const DEFAULT_SYNTHETIC_SEED = 20201;

export interface SyntheticOptions {
  /** How many products to generate (a non-negative whole number). */
  products: number;
  /** PRNG seed; the same seed gives the same catalog. */
  seed: number;
}

// ─── Seeded randomness ──────────────────────────────────────────────────────────────────────

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from lo to hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  /** One key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string | number>(weights: readonly (readonly [K, number])[]): K {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [key, w] of weights) {
      x -= w;
      if (x < 0) return key;
    }
    const last = weights[weights.length - 1];
    if (!last) throw new Error('weighted() with no weights');
    return last[0];
  }
}

// ─── Calendar (day numbers, UTC; deterministic) ─────────────────────────────────────────────

const MS_PER_DAY = 86_400_000;

function day(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

function iso(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

const AS_OF = day('2026-11-29');
const FIRST_EVALUATION = day('2020-03-01');
const LAST_EVALUATION = day('2026-11-20');
/** Decision 148/QĐ-TTg: new score sheet, district councils award 3★. */
const RULES_148 = day('2023-02-24');
/** No district level from this day (Decision 1489/QĐ-TTg). */
const RULES_1489 = day('2025-07-01');
/** A certificate issued on or after this day is still valid on 2026-11-29. */
const VALID_NOW_FROM = day('2023-12-01');
const LAST_EXPIRED_EVALUATION = day('2023-11-10');
const MINISTRY_RENAMED = day('2025-03-01');

/** Keeps a council session and its decision under one set of rules: a date in the 20 days
 * before a rule change moves to the first day of the new rules. */
function clearOfRuleChange(d: number): number {
  for (const boundary of [RULES_148, RULES_1489]) {
    if (d >= boundary - 20 && d < boundary) return boundary;
  }
  return d;
}

// ─── Word lists ─────────────────────────────────────────────────────────────────────────────

/** The 63 provinces and centrally run cities before 1 July 2025, alphabetical (codes P01–P63). */
const PROVINCES: readonly (readonly [name: string, kind: RegionKind])[] = [
  ['An Giang', 'PROVINCE'],
  ['Bà Rịa – Vũng Tàu', 'PROVINCE'],
  ['Bắc Giang', 'PROVINCE'],
  ['Bắc Kạn', 'PROVINCE'],
  ['Bạc Liêu', 'PROVINCE'],
  ['Bắc Ninh', 'PROVINCE'],
  ['Bến Tre', 'PROVINCE'],
  ['Bình Định', 'PROVINCE'],
  ['Bình Dương', 'PROVINCE'],
  ['Bình Phước', 'PROVINCE'],
  ['Bình Thuận', 'PROVINCE'],
  ['Cà Mau', 'PROVINCE'],
  ['Cần Thơ', 'CITY'],
  ['Cao Bằng', 'PROVINCE'],
  ['Đà Nẵng', 'CITY'],
  ['Đắk Lắk', 'PROVINCE'],
  ['Đắk Nông', 'PROVINCE'],
  ['Điện Biên', 'PROVINCE'],
  ['Đồng Nai', 'PROVINCE'],
  ['Đồng Tháp', 'PROVINCE'],
  ['Gia Lai', 'PROVINCE'],
  ['Hà Giang', 'PROVINCE'],
  ['Hà Nam', 'PROVINCE'],
  ['Hà Nội', 'CITY'],
  ['Hà Tĩnh', 'PROVINCE'],
  ['Hải Dương', 'PROVINCE'],
  ['Hải Phòng', 'CITY'],
  ['Hậu Giang', 'PROVINCE'],
  ['Hồ Chí Minh', 'CITY'],
  ['Hòa Bình', 'PROVINCE'],
  ['Hưng Yên', 'PROVINCE'],
  ['Khánh Hòa', 'PROVINCE'],
  ['Kiên Giang', 'PROVINCE'],
  ['Kon Tum', 'PROVINCE'],
  ['Lai Châu', 'PROVINCE'],
  ['Lâm Đồng', 'PROVINCE'],
  ['Lạng Sơn', 'PROVINCE'],
  ['Lào Cai', 'PROVINCE'],
  ['Long An', 'PROVINCE'],
  ['Nam Định', 'PROVINCE'],
  ['Nghệ An', 'PROVINCE'],
  ['Ninh Bình', 'PROVINCE'],
  ['Ninh Thuận', 'PROVINCE'],
  ['Phú Thọ', 'PROVINCE'],
  ['Phú Yên', 'PROVINCE'],
  ['Quảng Bình', 'PROVINCE'],
  ['Quảng Nam', 'PROVINCE'],
  ['Quảng Ngãi', 'PROVINCE'],
  ['Quảng Ninh', 'PROVINCE'],
  ['Quảng Trị', 'PROVINCE'],
  ['Sóc Trăng', 'PROVINCE'],
  ['Sơn La', 'PROVINCE'],
  ['Tây Ninh', 'PROVINCE'],
  ['Thái Bình', 'PROVINCE'],
  ['Thái Nguyên', 'PROVINCE'],
  ['Thanh Hóa', 'PROVINCE'],
  ['Thừa Thiên Huế', 'PROVINCE'],
  ['Tiền Giang', 'PROVINCE'],
  ['Trà Vinh', 'PROVINCE'],
  ['Tuyên Quang', 'PROVINCE'],
  ['Vĩnh Long', 'PROVINCE'],
  ['Vĩnh Phúc', 'PROVINCE'],
  ['Yên Bái', 'PROVINCE'],
];

/** A word list written on one line. */
function words(list: string): readonly string[] {
  return list.split(' ');
}

/** Syllables for place names ("Tân Phú", "Vĩnh Lợi"). */
const PLACE_FIRST = words(
  'An Bình Phú Tân Long Vĩnh Hòa Thạnh Mỹ Đông Tây Nam Bắc Hưng Phước Thuận Đức Lộc Sơn Thái Quảng Kim Ngọc Hải Định Yên Thanh Cẩm Hoài Diên',
);
const PLACE_SECOND = words(
  'Phú Hòa Lợi Thành Hưng Thuận Lộc Minh Xuân Lâm Sơn Điền Khánh Trung Tiến Phong Lạc Đông An Bình Hiệp Mỹ Thới Hải Giang Châu Quang Tường Đạt Vinh',
);

const FAMILY_NAMES = words(
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm Mai',
);
const MIDDLE_NAMES = words('Văn Thị Minh Thanh Hoàng Ngọc Quốc Thu Kim Hữu Đức Bảo Gia');
const GIVEN_NAMES = words(
  'An Bình Châu Dũng Đào Giang Hà Hải Hạnh Hùng Hương Khang Lan Linh Long Mai Nam Ngân Nhàn Phúc Phương Quân Sơn Tâm Thảo Thịnh Trang Trung Tuấn Vân Vy Yến',
);

const BRAND_FIRST = words('Hương Phúc Minh Kim Sao Đồng Hoàng Thành Ngọc Bảo Tâm Quê Mộc Xanh Hồng');
const BRAND_SECOND = words('Quê Lộc Tâm Ngân Mai Xanh Gia Đạt Việt An Phát Nguyên Hà Sen Đăng');

/** What producers call their line of work, per category ("Hợp tác xã Nông nghiệp Tân Phú"). */
const SECTOR: Record<CategoryCode, readonly string[]> = {
  FOOD: ['Nông nghiệp', 'Thủy sản', 'Chế biến nông sản', 'Thực phẩm', 'Dịch vụ nông nghiệp'],
  BEVERAGE: ['Cà phê', 'Trà', 'Rượu truyền thống', 'Đồ uống'],
  HERB: ['Dược liệu', 'Thảo dược', 'Tinh dầu'],
  TEXTILE: ['Dệt thổ cẩm', 'Dệt may', 'Lụa tơ tằm'],
  SOUVENIR: ['Thủ công mỹ nghệ', 'Mây tre đan', 'Gốm', 'Mỹ nghệ'],
  TOURISM: ['Du lịch cộng đồng', 'Du lịch sinh thái', 'Du lịch nông nghiệp'],
};

/** Product kinds per category: Vietnamese name and English name (lower case, after the place). */
const PRODUCT_KINDS: Record<CategoryCode, readonly (readonly [vi: string, en: string])[]> = {
  FOOD: [
    ['Nước mắm cá cơm', 'anchovy fish sauce'],
    ['Nước mắm nhĩ', 'first-press fish sauce'],
    ['Nước mắm truyền thống', 'traditional fish sauce'],
    ['Tiêu đen', 'black pepper'],
    ['Tiêu đen xay', 'ground black pepper'],
    ['Tiêu sọ', 'white pepper'],
    ['Mật ong', 'honey'],
    ['Mật ong hoa cà phê', 'coffee-blossom honey'],
    ['Mật ong rừng', 'wild forest honey'],
    ['Gạo thơm', 'fragrant rice'],
    ['Gạo ST25', 'ST25 rice'],
    ['Gạo lứt', 'brown rice'],
    ['Gạo nếp cái hoa vàng', 'yellow-flower sticky rice'],
    ['Khô cá lóc', 'dried snakehead'],
    ['Khô mực', 'dried squid'],
    ['Khô cá dứa', 'dried catfish'],
    ['Khô bò', 'beef jerky'],
    ['Bánh tráng', 'rice paper'],
    ['Bánh pía', 'bánh pía pastry'],
    ['Bánh đậu xanh', 'mung-bean cake'],
    ['Bánh phồng tôm', 'prawn crackers'],
    ['Chả cá', 'fish cake'],
    ['Giò lụa', 'pork roll'],
    ['Nem chua', 'fermented pork roll'],
    ['Mắm tôm', 'shrimp paste'],
    ['Mắm ruốc', 'krill paste'],
    ['Kẹo dừa', 'coconut candy'],
    ['Hạt điều rang muối', 'salted roasted cashews'],
    ['Xoài sấy dẻo', 'soft-dried mango'],
    ['Chuối sấy', 'dried banana'],
    ['Miến dong', 'arrowroot glass noodles'],
    ['Bún khô', 'dried rice noodles'],
    ['Măng khô', 'dried bamboo shoots'],
    ['Nấm hương', 'shiitake mushrooms'],
    ['Trứng vịt muối', 'salted duck eggs'],
    ['Tương ớt', 'chilli sauce'],
    ['Lạp xưởng', 'Chinese-style sausage'],
    ['Cốm', 'green rice flakes'],
    ['Bưởi da xanh', 'green-skin pomelo'],
    ['Cam sành', 'king orange'],
    ['Vải thiều', 'lychee'],
    ['Nhãn lồng', 'longan'],
    ['Đặc sản đậu phộng da cá', 'fish-skin peanuts'],
  ],
  BEVERAGE: [
    ['Cà phê rang xay', 'ground roasted coffee'],
    ['Cà phê hạt', 'whole-bean coffee'],
    ['Cà phê Robusta', 'Robusta coffee'],
    ['Trà xanh', 'green tea'],
    ['Trà Shan tuyết', 'Shan tuyết tea'],
    ['Trà ô long', 'oolong tea'],
    ['Trà sen', 'lotus tea'],
    ['Rượu nếp', 'sticky-rice wine'],
    ['Rượu sim', 'rose-myrtle wine'],
    ['Rượu mơ', 'apricot wine'],
    ['Nước cốt chanh dây', 'passion-fruit concentrate'],
    ['Nước ép khóm', 'pineapple juice'],
    ['Sữa hạt sen', 'lotus-seed milk'],
    ['Ca cao nguyên chất', 'pure cocoa'],
  ],
  HERB: [
    ['Tinh dầu tràm', 'cajeput oil'],
    ['Tinh dầu sả chanh', 'lemongrass oil'],
    ['Tinh dầu quế', 'cinnamon oil'],
    ['Cao atiso', 'artichoke extract'],
    ['Tinh bột nghệ', 'turmeric starch'],
    ['Trà thảo dược', 'herbal tea'],
    ['Nấm linh chi', 'reishi mushroom'],
    ['Đông trùng hạ thảo', 'cordyceps'],
    ['Quế thanh', 'cinnamon sticks'],
    ['Hoa hồi', 'star anise'],
    ['Cao dây thìa canh', 'gymnema extract'],
    ['Xà phòng thảo dược', 'herbal soap'],
  ],
  TEXTILE: [
    ['Vải thổ cẩm', 'brocade cloth'],
    ['Khăn thổ cẩm', 'brocade scarf'],
    ['Lụa tơ tằm', 'mulberry silk'],
    ['Khăn lụa', 'silk scarf'],
    ['Áo bà ba', 'áo bà ba blouse'],
    ['Áo dài lụa', 'silk áo dài'],
    ['Vải lanh', 'linen cloth'],
    ['Túi thổ cẩm', 'brocade bag'],
    ['Khăn rằn', 'checked scarf'],
  ],
  SOUVENIR: [
    ['Nón lá', 'conical hat'],
    ['Giỏ mây', 'rattan basket'],
    ['Bình gốm', 'ceramic vase'],
    ['Tranh tre', 'bamboo picture'],
    ['Chiếu cói', 'sedge mat'],
    ['Đồ gỗ mỹ nghệ', 'carved woodware'],
    ['Đèn lồng', 'lantern'],
    ['Giỏ lục bình', 'water-hyacinth basket'],
    ['Hộp sơn mài', 'lacquer box'],
    ['Túi cỏ bàng', 'grey-sedge bag'],
  ],
  TOURISM: [
    ['Điểm du lịch cộng đồng', 'community tourism site'],
    ['Homestay', 'homestay'],
    ['Du lịch làng nghề', 'craft village tour'],
    ['Khu du lịch sinh thái', 'eco-tourism site'],
    ['Tour miệt vườn', 'orchard tour'],
    ['Trải nghiệm nông trại', 'farm experience'],
  ],
};

const CATEGORY_WEIGHTS: readonly (readonly [CategoryCode, number])[] = [
  ['FOOD', 60],
  ['BEVERAGE', 12],
  ['HERB', 10],
  ['TEXTILE', 5],
  ['SOUVENIR', 9],
  ['TOURISM', 4],
];

/** The national split: 22% enterprises, 32.5% cooperatives, 40.3% households; the rest groups. */
const PRODUCER_TYPE_WEIGHTS: readonly (readonly [ProducerType, number])[] = [
  ['ENTERPRISE', 220],
  ['COOPERATIVE', 325],
  ['COOPERATIVE_GROUP', 52],
  ['HOUSEHOLD', 403],
];

/** One Vietnamese/English sentence pair per category, chosen at random. */
const CATEGORY_LINES: Record<CategoryCode, readonly (readonly [vi: string, en: string])[]> = {
  FOOD: [
    [
      'Nguyên liệu được thu mua tại địa phương và chế biến theo công thức truyền thống.',
      'Ingredients are sourced locally and processed to a traditional recipe.',
    ],
    [
      'Sản phẩm có truy xuất nguồn gốc, đóng gói tiện lợi làm quà.',
      'Fully traceable and conveniently packed as a gift.',
    ],
    ['Cơ sở đạt chứng nhận đủ điều kiện an toàn thực phẩm.', 'The facility is certified for food safety.'],
  ],
  BEVERAGE: [
    [
      'Đồ uống được sản xuất từ nguyên liệu vùng trồng của chính chủ thể.',
      'Made from the producer’s own growing area.',
    ],
    [
      'Không thêm hương liệu nhân tạo, hương vị đặc trưng của vùng đất.',
      'No artificial flavourings; a true taste of the land.',
    ],
  ],
  HERB: [
    [
      'Dược liệu được trồng và thu hái theo hướng dẫn thực hành tốt.',
      'Herbs grown and harvested under good agricultural practice.',
    ],
    ['Sản phẩm sơ chế, sấy và đóng gói tại cơ sở.', 'Processed, dried and packed on site.'],
  ],
  TEXTILE: [
    [
      'Sản phẩm dệt thủ công, giữ hoa văn truyền thống của đồng bào địa phương.',
      'Hand-woven, keeping the traditional patterns of local communities.',
    ],
    ['Sợi tự nhiên, nhuộm màu từ cây cỏ.', 'Natural fibres dyed with plants.'],
  ],
  SOUVENIR: [
    ['Mỗi sản phẩm được làm thủ công bởi nghệ nhân làng nghề.', 'Each piece is hand-made by village artisans.'],
    ['Nguyên liệu tự nhiên, thân thiện với môi trường.', 'Natural, environmentally friendly materials.'],
  ],
  TOURISM: [
    [
      'Du khách được trải nghiệm đời sống và ẩm thực của người dân địa phương.',
      'Visitors share the daily life and food of local people.',
    ],
    ['Dịch vụ do cộng đồng cùng vận hành và chia sẻ lợi ích.', 'Run by the community, which shares the income.'],
  ],
};

const STORIES: readonly (readonly [vi: string, en: string])[] = [
  [
    'Nghề được truyền qua ba thế hệ trong gia đình {rep}; từ khi tham gia Chương trình OCOP, cơ sở đầu tư bao bì và mở rộng thị trường.',
    'The craft has passed through three generations of {rep}’s family; since joining the OCOP programme the business has invested in packaging and new markets.',
  ],
  [
    'Xuất phát từ ý tưởng của bà con trong ấp, sản phẩm được hoàn thiện qua nhiều lần góp ý theo tinh thần "dân biết, dân bàn, dân làm".',
    'It began as an idea from villagers and was refined through many rounds of discussion, in the spirit of "the people know, discuss and do".',
  ],
  [
    '{rep} trở về quê sau nhiều năm làm việc ở thành phố và cùng bà con xây dựng thương hiệu cho đặc sản địa phương.',
    '{rep} came home after years working in the city and built a brand for the local speciality together with neighbours.',
  ],
];

// ─── Generation ─────────────────────────────────────────────────────────────────────────────

/** What the generator needs to know of a unit it made: its code and how to name it. */
interface Place {
  code: string;
  nameVi: string;
  kind: RegionKind;
}

interface DistrictInfo {
  region: Place;
  province: Place;
  communes: Place[];
}

interface ProducerInfo {
  slug: string;
  name: string;
  representative: string;
  regionCode: string;
  record: ImportRecord;
  brand: string;
  specialty: CategoryCode;
  district: DistrictInfo;
  provinceCode: string;
}

type Scenario = 'VALID' | 'EXPIRED' | 'LOW' | 'DRAFT' | 'REVOKED';

const SCENARIO_WEIGHTS: readonly (readonly [Scenario, number])[] = [
  ['VALID', 755],
  ['EXPIRED', 85],
  ['LOW', 70],
  ['DRAFT', 50],
  ['REVOKED', 40],
];

const CERTIFIED_STARS: readonly (readonly [3 | 4 | 5, number])[] = [
  [3, 74],
  [4, 22],
  [5, 4],
];

const TOTAL_RANGE: Record<1 | 2 | 3 | 4 | 5, readonly [number, number]> = {
  1: [12, 29],
  2: [30, 49],
  3: [50, 69],
  4: [70, 89],
  5: [90, 97],
};

const REVOCATION_REASONS = [
  'Không đạt chỉ tiêu an toàn thực phẩm khi tái kiểm tra định kỳ.',
  'Chủ thể ngừng sản xuất, không duy trì các tiêu chí của sản phẩm OCOP.',
  'Vi phạm quy định về ghi nhãn hàng hóa và sử dụng biểu trưng OCOP.',
  'Thay đổi công thức, nguyên liệu mà không đăng ký đánh giá lại.',
];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Slugs made unique by a numeric suffix, in generation order (so deterministic). */
class SlugRegistry {
  private readonly used = new Map<string, number>();

  claim(base: string): string {
    const count = this.used.get(base);
    if (count === undefined) {
      this.used.set(base, 1);
      return base;
    }
    let n = count + 1;
    while (this.used.has(`${base}-${n}`)) n++;
    this.used.set(base, n);
    const slug = `${base}-${n}`;
    this.used.set(slug, 1);
    return slug;
  }
}

function generateRegions(rng: Rng): { regions: ImportRecord[]; districts: DistrictInfo[] } {
  const regions: ImportRecord[] = [];
  const districts: DistrictInfo[] = [];
  PROVINCES.forEach(([name, kind], pi) => {
    const code = `P${pad(pi + 1, 2)}`;
    const province: Place = { code, nameVi: name, kind };
    regions.push({ code, name_vi: name, level: 'PROVINCE', kind });
    const names = new Set<string>([name]);
    const placeName = (): string => {
      for (;;) {
        const candidate = `${rng.pick(PLACE_FIRST)} ${rng.pick(PLACE_SECOND)}`;
        const [a, b] = candidate.split(' ');
        if (a !== b && !names.has(candidate)) {
          names.add(candidate);
          return candidate;
        }
      }
    };
    const districtCount = rng.int(8, 12);
    for (let di = 1; di <= districtCount; di++) {
      const dKind: RegionKind = di === 1 ? 'CITY' : rng.chance(0.1) ? 'TOWN' : 'DISTRICT';
      const region: Place = { code: `${code}-D${pad(di, 2)}`, nameVi: placeName(), kind: dKind };
      regions.push({ ...unit(region), level: 'DISTRICT', parent: code, valid_to: '2025-06-30' });
      const communes: Place[] = [];
      for (let ci = 1; ci <= 3; ci++) {
        const cKind: RegionKind = dKind === 'DISTRICT' ? (ci === 1 ? 'TOWNSHIP' : 'COMMUNE') : 'WARD';
        const commune: Place = { code: `${region.code}-C${pad(ci, 2)}`, nameVi: placeName(), kind: cKind };
        regions.push({ ...unit(commune), level: 'COMMUNE', parent: region.code, valid_to: '2025-06-30' });
        communes.push(commune);
      }
      districts.push({ region, province, communes });
    }
    // Commune-level units directly under the province from 1 July 2025.
    for (let xi = 1; xi <= 4; xi++) {
      regions.push({
        code: `${code}-X${pad(xi, 2)}`,
        name_vi: placeName(),
        level: 'COMMUNE',
        kind: xi === 1 ? 'WARD' : 'COMMUNE',
        parent: code,
        valid_from: '2025-07-01',
      });
    }
  });
  return { regions, districts };
}

/** A unit's record, less its place in the tree. */
function unit(place: Place): ImportRecord {
  return { code: place.code, name_vi: place.nameVi, kind: place.kind };
}

function personName(rng: Rng): string {
  return `${rng.pick(FAMILY_NAMES)} ${rng.pick(MIDDLE_NAMES)} ${rng.pick(GIVEN_NAMES)}`;
}

function producerName(
  rng: Rng,
  type: ProducerType,
  specialty: CategoryCode,
  brand: string,
  place: string,
  rep: string,
): string {
  switch (type) {
    case 'ENTERPRISE':
      return rng.chance(0.5) ? `Công ty TNHH ${brand}` : `Công ty Cổ phần ${rng.pick(SECTOR[specialty])} ${brand}`;
    case 'COOPERATIVE':
      return `Hợp tác xã ${rng.pick(SECTOR[specialty])} ${place}`;
    case 'COOPERATIVE_GROUP':
      return `Tổ hợp tác ${rng.pick(SECTOR[specialty])} ${place}`;
    case 'HOUSEHOLD':
      return rng.chance(0.5) ? `Hộ kinh doanh ${rep}` : `Cơ sở sản xuất ${brand}`;
  }
}

function fullNameVi(r: Place): string {
  return addressPartVi(r.kind, r.nameVi);
}

function fullNameEn(r: Place): string {
  return regionFullName(r.kind, r.nameVi, 'en');
}

function generateProducers(rng: Rng, count: number, districts: DistrictInfo[], slugs: SlugRegistry): ProducerInfo[] {
  const producers: ProducerInfo[] = [];
  for (let i = 0; i < count; i++) {
    const district = rng.pick(districts);
    const region = rng.chance(0.5) ? district.region : rng.pick(district.communes);
    const type = rng.weighted(PRODUCER_TYPE_WEIGHTS);
    const specialty = rng.weighted(CATEGORY_WEIGHTS);
    const brand = `${rng.pick(BRAND_FIRST)} ${rng.pick(BRAND_SECOND)}`;
    const representative = personName(rng);
    const name = producerName(rng, type, specialty, brand, region.nameVi, representative);
    const slug = slugs.claim(slugify(name, 60));
    const addressParts =
      region === district.region ? [district.region, district.province] : [region, district.region, district.province];
    producers.push({
      slug,
      name,
      representative,
      regionCode: region.code,
      brand,
      specialty,
      district,
      provinceCode: district.province.code,
      record: {
        slug,
        name,
        type,
        representative,
        address: `Số 000 (địa chỉ minh họa), ${addressParts.map(fullNameVi).join(', ')}`,
        region: region.code,
        phone: `0000 ${pad(Math.floor(i / 1000) % 1000, 3)} ${pad(i % 1000, 3)}`,
        email: `${slug}@example.vn`,
        ...(type === 'ENTERPRISE' || (type === 'COOPERATIVE' && rng.chance(0.3))
          ? { website: `https://${slug}.example.vn` }
          : {}),
      },
    });
  }
  return producers;
}

/** Part scores for a total in the star band, each within the sheet's maximum. */
function partScores(rng: Rng, stars: 1 | 2 | 3 | 4 | 5, version: CriteriaVersion): [number, number, number] {
  const [lo, hi] = TOTAL_RANGE[stars];
  const total = rng.int(lo, hi);
  const { A, B, C } = SCORE_SHEETS[version].parts;
  const clamp = (x: number, max: number): number => Math.max(0, Math.min(max, x));
  let a = clamp(Math.round((total * A.max) / 100) + rng.int(-2, 2), A.max);
  let b = clamp(Math.round((total * B.max) / 100) + rng.int(-2, 2), B.max);
  let c = total - a - b;
  if (c > C.max) {
    let over = c - C.max;
    c = C.max;
    const toA = Math.min(over, A.max - a);
    a += toA;
    over -= toA;
    b += over;
  } else if (c < 0) {
    let under = -c;
    c = 0;
    const fromA = Math.min(under, a);
    a -= fromA;
    under -= fromA;
    b -= under;
  }
  return [a, b, c];
}

class EvaluationFactory {
  private certificateSeq = 0;

  constructor(private readonly rng: Rng) {}

  private councilFor(stars: number, d: number): CouncilLevel {
    if (stars === 5) return 'CENTRAL';
    if (stars >= 3) return d >= RULES_148 && d < RULES_1489 && stars === 3 ? 'DISTRICT' : 'PROVINCE';
    if (d >= RULES_1489) return 'PROVINCE';
    return this.rng.chance(0.6) ? 'DISTRICT' : 'PROVINCE';
  }

  private base(d: number, stars: 1 | 2 | 3 | 4 | 5, status: SeedResult['status']): SeedResult {
    const criteriaVersion: CriteriaVersion = d < RULES_148 ? 'QD1048_2019' : 'QD148_2023';
    const scores = partScores(this.rng, stars, criteriaVersion);
    return { councilLevel: this.councilFor(stars, d), criteriaVersion, evaluatedOn: iso(d), scores, status };
  }

  /** A 1–2★ final result: recorded, never certified. */
  low(d: number): SeedResult {
    return this.base(d, this.rng.chance(0.3) ? 1 : 2, 'FINAL');
  }

  draft(d: number): SeedResult {
    const stars = this.rng.weighted<2 | 3 | 4>([
      [2, 2],
      [3, 6],
      [4, 2],
    ]);
    return this.base(d, stars, 'DRAFT');
  }

  /** A certified result; its decision follows 5–14 days later. */
  certified(d: number, provinceCode: string, revoke = false): SeedResult {
    const stars = this.rng.weighted(CERTIFIED_STARS);
    const evaluation = this.base(d, stars, 'FINAL');
    const decision = d + this.rng.int(5, 14);
    const decisionDate = iso(decision);
    this.certificateSeq++;
    const issuer =
      evaluation.councilLevel === 'CENTRAL' ? (d >= MINISTRY_RENAMED ? 'QĐ-BNNMT' : 'QĐ-BNN-VPĐP') : 'QĐ-UBND';
    const certificate: SeedAward = {
      number: `SYN-${provinceCode}-${decisionDate.slice(0, 4)}-${pad(this.certificateSeq, 6)}`,
      decisionNumber: `${this.rng.int(100, 4999)}/${issuer}`,
      decisionDate,
      issuedOn: decisionDate,
    };
    if (revoke) {
      const latest = Math.min(decision + 1090, AS_OF - 1);
      const revokedOn = decision + this.rng.int(Math.min(45, latest - decision), latest - decision);
      certificate.revokedOn = iso(revokedOn);
      certificate.revocationReason = this.rng.pick(REVOCATION_REASONS);
    }
    return { ...evaluation, certificate };
  }

  /** Earlier certificates renewed shortly before they expired, oldest first. */
  private renewalChain(last: number, maxEarlier: number): number[] {
    const chain = [last];
    for (let k = 0; k < maxEarlier; k++) {
      const first = chain[0] ?? last;
      const earlier = clearOfRuleChange(first - this.rng.int(1000, 1075));
      if (earlier < FIRST_EVALUATION) break;
      chain.unshift(earlier);
      if (!this.rng.chance(0.35)) break;
    }
    return chain;
  }

  forScenario(scenario: Scenario, provinceCode: string): SeedResult[] {
    const rng = this.rng;
    switch (scenario) {
      case 'VALID': {
        const last = clearOfRuleChange(rng.int(VALID_NOW_FROM, LAST_EVALUATION - 15));
        const chain = rng.chance(0.45) ? this.renewalChain(last, 2) : [last];
        const evaluations = chain.map((d) => this.certified(d, provinceCode));
        const first = chain[0] ?? last;
        if (chain.length < 3 && rng.chance(0.2) && first - 120 >= FIRST_EVALUATION) {
          evaluations.unshift(this.low(clearOfRuleChange(Math.max(FIRST_EVALUATION, first - rng.int(120, 480)))));
        }
        return evaluations;
      }
      case 'EXPIRED': {
        const last = clearOfRuleChange(rng.int(FIRST_EVALUATION, LAST_EXPIRED_EVALUATION));
        const chain = rng.chance(0.3) ? this.renewalChain(last, 1) : [last];
        const evaluations = chain.map((d) => this.certified(d, provinceCode));
        // Sometimes a late re-evaluation failed to reach 3★.
        const retry = clearOfRuleChange(last + rng.int(900, 1150));
        if (evaluations.length < 3 && rng.chance(0.35) && retry <= LAST_EVALUATION) evaluations.push(this.low(retry));
        return evaluations;
      }
      case 'REVOKED': {
        const last = clearOfRuleChange(rng.int(day('2021-01-01'), day('2026-08-15')));
        const chain = rng.chance(0.3) ? this.renewalChain(last, 1) : [last];
        return chain.map((d, i) => this.certified(d, provinceCode, i === chain.length - 1));
      }
      case 'LOW': {
        const first = clearOfRuleChange(rng.int(FIRST_EVALUATION, LAST_EVALUATION - 400));
        const evaluations = [this.low(first)];
        if (rng.chance(0.4)) evaluations.push(this.low(clearOfRuleChange(first + rng.int(300, 400))));
        return evaluations;
      }
      case 'DRAFT': {
        const evaluations: SeedResult[] = [];
        if (rng.chance(0.4))
          evaluations.push(this.low(clearOfRuleChange(rng.int(FIRST_EVALUATION, day('2026-03-01')))));
        evaluations.push(this.draft(rng.int(day('2026-06-01'), LAST_EVALUATION)));
        return evaluations;
      }
    }
  }
}

const STAGE_BY_SCENARIO: Record<Scenario, readonly CycleStage[]> = {
  VALID: ['PROMOTION'],
  EXPIRED: ['PRODUCTION', 'EVALUATION'],
  LOW: ['PRODUCTION', 'BUSINESS_PLAN'],
  DRAFT: ['EVALUATION'],
  REVOKED: ['PRODUCTION'],
};

function generateProduct(
  rng: Rng,
  producer: ProducerInfo,
  evaluationsFactory: EvaluationFactory,
  slugs: SlugRegistry,
): { record: ImportRecord; results: SeedResult[] } {
  const category = rng.chance(0.8) ? producer.specialty : rng.weighted(CATEGORY_WEIGHTS);
  const [kindVi, kindEn] = rng.pick(PRODUCT_KINDS[category]);
  const { district } = producer;
  const regionCode = rng.chance(0.7) ? producer.regionCode : rng.pick([district.region, ...district.communes]).code;
  const placeRegion = rng.chance(0.65) ? district.region : district.province;
  const place = placeRegion.nameVi;
  const withBrand = rng.chance(0.6);
  const nameVi = `${kindVi} ${place}${withBrand ? ` ${producer.brand}` : ''}`;
  const nameEn = rng.chance(0.9) ? `${place} ${kindEn}${withBrand ? `, ${producer.brand}` : ''}` : undefined;

  const [lineVi, lineEn] = rng.pick(CATEGORY_LINES[category]);
  const whereVi = `${fullNameVi(district.region)}, ${fullNameVi(district.province)}`;
  const whereEn = `${fullNameEn(district.region)}, ${fullNameEn(district.province)}`;
  const descriptionVi = `${nameVi} do ${producer.name} sản xuất tại ${whereVi}. ${lineVi}`;
  const descriptionEn = nameEn ? `${capitalise(kindEn)} made by ${producer.name} in ${whereEn}. ${lineEn}` : undefined;
  const story = rng.chance(0.35) ? rng.pick(STORIES) : undefined;

  const scenario = rng.weighted(SCENARIO_WEIGHTS);
  const evaluations = evaluationsFactory.forScenario(scenario, producer.provinceCode);

  return {
    record: {
      slug: slugs.claim(slugify(nameVi, 70)),
      name_vi: nameVi,
      name_en: nameEn,
      category,
      region: regionCode,
      producer: producer.slug,
      cycle_stage: rng.pick(STAGE_BY_SCENARIO[scenario]),
      description_vi: descriptionVi,
      description_en: descriptionEn,
      story_vi: story?.[0].replaceAll('{rep}', producer.representative),
      story_en: story?.[1].replaceAll('{rep}', producer.representative),
    },
    results: evaluations,
  };
}

/**
 * A national-scale catalog of `products` products. Deterministic: the same options give a
 * catalog whose JSON is identical byte for byte. 20,000 products take well under a second.
 */
export function generateSyntheticCatalog(options: SyntheticOptions): SeedCatalog {
  const { products: productCount, seed } = options;
  if (!Number.isSafeInteger(productCount) || productCount < 0) {
    throw new RangeError(`The number of products must be a whole number of 0 or more; got ${String(productCount)}.`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`The seed must be a whole number; got ${String(seed)}.`);

  const rng = new Rng(seed);
  const { regions, districts } = generateRegions(rng);
  const producerSlugs = new SlugRegistry();
  const productSlugs = new SlugRegistry();
  const producerCount = productCount === 0 ? 0 : Math.max(1, Math.round(productCount / 2.5));
  const producers = generateProducers(rng, producerCount, districts, producerSlugs);
  const factory = new EvaluationFactory(rng);

  const products: ImportRecord[] = [];
  const evaluations: ImportRecord[] = [];
  const certificates: ImportRecord[] = [];
  for (let i = 0; i < productCount; i++) {
    // Every producer gets at least one product; the rest go to producers at random.
    const producer = i < producers.length ? producers[i] : rng.pick(producers);
    if (!producer) throw new Error('No producer for a product');
    const { record, results } = generateProduct(rng, producer, factory, productSlugs);
    const written = resultRecords(String(record.slug), results);
    products.push(record);
    evaluations.push(...written.evaluations);
    certificates.push(...written.certificates);
  }

  return {
    document: { regions, producers: producers.map((p) => p.record), products, evaluations, certificates },
    photos: {},
    targets: [],
  };
}
