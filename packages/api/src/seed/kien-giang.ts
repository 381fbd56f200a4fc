/**
 * A sample OCOP catalog of Kiên Giang province, 2020 – November 2026.
 *
 * What is real: the administrative units (the 15 district-level units of 2020–June 2025, a few of
 * their communes and wards, and some units of the new An Giang province from 1 July 2025), the
 * targets and budget of Plan 118/KH-UBND, and the products marked `real: true` with their
 * producers' names and published star ratings (see /work/shared/DOMAIN.md).
 *
 * What is illustrative: every other producer and product, all representatives, all contact
 * details (phones in the 0000 range, example.vn addresses, "Số 000" street numbers), all part
 * scores, evaluation dates, decision numbers and certificate numbers. The catalog is "as of"
 * 2026-11-29: most products hold a valid certificate that day, and a few deliberately do not
 * (1–2★ only, drafts, expired, revoked) so the visibility rules have something to hide.
 *
 * Units, producers and products are written as records of the import format (see
 * docs/import-format.md), so the sample loads through `ocop import`'s checks.
 */
import {
  type CategoryCode,
  type CouncilLevel,
  type CriteriaVersion,
  type CycleStage,
  certificateExpiry,
  checkTrade,
  type ProducerType,
  type RegionKind,
  slugify,
  tradeCells,
} from '@ocop/domain';
import type { ProgramTargetValues } from '../modules/program/program-target.entity.js';
import type { ImportRecord } from '../modules/transfer/import.sources.js';
import { addressPartVi, resultRecords, type SeedCatalog, type SeedPhoto, type SeedResult } from './catalog.js';
import { illustrativeTrade } from './kien-giang-trade.js';

/** The day the sample catalog describes ("today" for the visibility cases). */
export const KIEN_GIANG_AS_OF = '2026-11-29';

/** Last day of the district level and of Kiên Giang province. */
const KG_UNTIL = '2025-06-30';
/** First day of the new An Giang province and its commune-level units. */
const AG_FROM = '2025-07-01';
/** Decision 148/QĐ-TTg replaced the 1048 score sheet on this day. */
const CRITERIA_148_FROM = '2023-02-24';

// ─── Regions ────────────────────────────────────────────────────────────────────────────────

function districtUnit(code: string, nameVi: string, kind: RegionKind, extra: ImportRecord = {}): ImportRecord {
  return { code, name_vi: nameVi, level: 'DISTRICT', kind, parent: 'KG', valid_to: KG_UNTIL, ...extra };
}

function communeUnit(
  code: string,
  parentCode: string,
  nameVi: string,
  kind: RegionKind,
  extra: ImportRecord = {},
): ImportRecord {
  return { code, name_vi: nameVi, level: 'COMMUNE', kind, parent: parentCode, valid_to: KG_UNTIL, ...extra };
}

/** A commune-level unit of the new An Giang province, directly under the province. */
function newCommune(code: string, nameVi: string, kind: RegionKind): ImportRecord {
  return { code, name_vi: nameVi, level: 'COMMUNE', kind, parent: 'AG', valid_from: AG_FROM };
}

/**
 * Parents come before their units (the importer numbers a level at a time) and a successor right
 * before the unit it succeeds: the order in which the sample has always been numbered, so every
 * unit keeps its id.
 */
const regions: ImportRecord[] = [
  { code: 'AG', name_vi: 'An Giang', name_en: 'An Giang', level: 'PROVINCE', kind: 'PROVINCE', valid_from: AG_FROM },
  {
    code: 'KG',
    name_vi: 'Kiên Giang',
    name_en: 'Kiên Giang',
    level: 'PROVINCE',
    kind: 'PROVINCE',
    valid_to: KG_UNTIL,
    successor: 'AG',
  },

  // The 15 district-level units of Kiên Giang (2020 – 30 June 2025).
  districtUnit('KG-RG', 'Rạch Giá', 'CITY'),
  districtUnit('KG-HT', 'Hà Tiên', 'CITY'),
  // A district until 2020; a city from 2021-01-01. Phú Quốc special zone succeeds it.
  newCommune('AG-PQ', 'Phú Quốc', 'SPECIAL_ZONE'),
  districtUnit('KG-PQ', 'Phú Quốc', 'CITY', { valid_from: '2021-01-01', successor: 'AG-PQ' }),
  districtUnit('KG-KL', 'Kiên Lương', 'DISTRICT'),
  districtUnit('KG-HD', 'Hòn Đất', 'DISTRICT'),
  districtUnit('KG-TH', 'Tân Hiệp', 'DISTRICT'),
  districtUnit('KG-CT', 'Châu Thành', 'DISTRICT'),
  districtUnit('KG-GR', 'Giồng Riềng', 'DISTRICT'),
  districtUnit('KG-GQ', 'Gò Quao', 'DISTRICT'),
  districtUnit('KG-AB', 'An Biên', 'DISTRICT'),
  districtUnit('KG-AM', 'An Minh', 'DISTRICT'),
  districtUnit('KG-VT', 'Vĩnh Thuận', 'DISTRICT'),
  districtUnit('KG-UMT', 'U Minh Thượng', 'DISTRICT'),
  newCommune('AG-KH', 'Kiên Hải', 'SPECIAL_ZONE'),
  districtUnit('KG-KH', 'Kiên Hải', 'DISTRICT', { successor: 'AG-KH' }),
  districtUnit('KG-GT', 'Giang Thành', 'DISTRICT'),

  // Some of their communes, wards and townships (until 30 June 2025).
  communeUnit('KG-RG-VTV', 'KG-RG', 'Vĩnh Thanh Vân', 'WARD'),
  communeUnit('KG-RG-RS', 'KG-RG', 'Rạch Sỏi', 'WARD'),
  communeUnit('KG-HT-PD', 'KG-HT', 'Pháo Đài', 'WARD'),
  communeUnit('KG-HT-DH', 'KG-HT', 'Đông Hồ', 'WARD'),
  communeUnit('KG-HT-TH', 'KG-HT', 'Tiên Hải', 'COMMUNE'),
  communeUnit('KG-PQ-DD', 'KG-PQ', 'Dương Đông', 'WARD', { valid_from: '2021-01-01' }),
  communeUnit('KG-PQ-AT', 'KG-PQ', 'An Thới', 'WARD', { valid_from: '2021-01-01' }),
  communeUnit('KG-PQ-HN', 'KG-PQ', 'Hàm Ninh', 'COMMUNE'),
  communeUnit('KG-PQ-CD', 'KG-PQ', 'Cửa Dương', 'COMMUNE'),
  communeUnit('KG-KL-BA', 'KG-KL', 'Bình An', 'COMMUNE'),
  communeUnit('KG-HD-SK', 'KG-HD', 'Sơn Kiên', 'COMMUNE'),
  communeUnit('KG-HD-SS', 'KG-HD', 'Sóc Sơn', 'TOWNSHIP'),
  communeUnit('KG-TH-TT', 'KG-TH', 'Tân Hiệp', 'TOWNSHIP'),
  communeUnit('KG-CT-BA', 'KG-CT', 'Bình An', 'COMMUNE'),
  communeUnit('KG-CT-ML', 'KG-CT', 'Minh Lương', 'TOWNSHIP'),
  communeUnit('KG-GR-NC', 'KG-GR', 'Ngọc Chúc', 'COMMUNE'),
  communeUnit('KG-GR-HA', 'KG-GR', 'Hòa An', 'COMMUNE'),
  communeUnit('KG-GQ-VHHB', 'KG-GQ', 'Vĩnh Hòa Hưng Bắc', 'COMMUNE'),
  communeUnit('KG-AB-TB', 'KG-AB', 'Thứ Ba', 'TOWNSHIP'),
  communeUnit('KG-AM-TH', 'KG-AM', 'Thuận Hòa', 'COMMUNE'),
  communeUnit('KG-VT-TT', 'KG-VT', 'Vĩnh Thuận', 'TOWNSHIP'),
  communeUnit('KG-UMT-MT', 'KG-UMT', 'Minh Thuận', 'COMMUNE'),
  communeUnit('KG-UMT-AMB', 'KG-UMT', 'An Minh Bắc', 'COMMUNE'),
  communeUnit('KG-KH-LS', 'KG-KH', 'Lại Sơn', 'COMMUNE'),
  communeUnit('KG-KH-AS', 'KG-KH', 'An Sơn', 'COMMUNE'),
  communeUnit('KG-GT-PM', 'KG-GT', 'Phú Mỹ', 'COMMUNE'),
  communeUnit('KG-GT-TKH', 'KG-GT', 'Tân Khánh Hòa', 'COMMUNE'),

  // From 1 July 2025: commune-level units directly under the new An Giang province (and the
  // special zones above).
  newCommune('AG-TC', 'Thổ Châu', 'SPECIAL_ZONE'),
  newCommune('AG-RG', 'Rạch Giá', 'WARD'),
  newCommune('AG-HT', 'Hà Tiên', 'WARD'),
  newCommune('AG-GT', 'Giang Thành', 'COMMUNE'),
  newCommune('AG-UMT', 'U Minh Thượng', 'COMMUNE'),
];

const regionByCode = new Map(regions.map((r) => [r.code, r]));

/** "Số 000 (địa chỉ minh họa), phường Dương Đông, thành phố Phú Quốc, tỉnh Kiên Giang". */
function illustrativeAddress(regionCode: string): string {
  const parts: string[] = [];
  for (let r = regionByCode.get(regionCode); r; r = r.parent ? regionByCode.get(String(r.parent)) : undefined) {
    parts.push(addressPartVi(r.kind as RegionKind, String(r.name_vi)));
  }
  if (parts.length === 0) throw new Error(`Unknown region ${regionCode}`);
  return `Số 000 (địa chỉ minh họa), ${parts.join(', ')}`;
}

// ─── Producers ──────────────────────────────────────────────────────────────────────────────

type ProducerRow = [slug: string, name: string, type: ProducerType, regionCode: string, representative: string];

/** Real producer names (DOMAIN.md) first, then illustrative ones. Representatives are illustrative
 * except where the business carries its owner's name. */
const producerRows: ProducerRow[] = [
  ['khai-hoan', 'Công ty Cổ phần Thương mại Khải Hoàn', 'ENTERPRISE', 'KG-PQ-DD', 'Trần Minh Khôi'],
  ['kim-hoa', 'Công ty TNHH MTV Nước mắm Kim Hoa', 'ENTERPRISE', 'KG-PQ-DD', 'Phạm Quốc Thịnh'],
  ['thanh-quoc', 'Công ty TNHH Sản xuất và Kinh doanh nước mắm Thanh Quốc', 'ENTERPRISE', 'KG-PQ', 'Lê Thanh Quang'],
  ['anh-duyet', 'Công ty TNHH Sản xuất nước mắm Anh Duyệt', 'ENTERPRISE', 'KG-PQ', 'Nguyễn Thị Mỹ Duyên'],
  ['ngo-hoang-vu', 'Hộ kinh doanh Ngô Hoàng Vũ', 'HOUSEHOLD', 'KG-HT', 'Ngô Hoàng Vũ'],
  ['mat-ong-le-tien', 'Cơ sở mật ong Lê Tiên', 'HOUSEHOLD', 'KG-UMT-AMB', 'Lê Văn Tiên'],
  ['htx-phu-nu-co-bang-phu-my', 'Hợp tác xã Phụ nữ cỏ bàng Phú Mỹ', 'COOPERATIVE', 'KG-GT-PM', 'Thạch Thị Sô Phi'],

  // Illustrative enterprises.
  ['ngoc-trai-bien-xanh', 'Công ty TNHH Ngọc trai Biển Xanh Phú Quốc', 'ENTERPRISE', 'KG-PQ-AT', 'Đặng Thu Hà'],
  ['ruou-sim-dao-ngoc', 'Công ty TNHH Rượu sim Đảo Ngọc', 'ENTERPRISE', 'KG-PQ-CD', 'Huỳnh Văn Lộc'],
  ['thuc-pham-tac-cau', 'Công ty Cổ phần Thực phẩm Tắc Cậu', 'ENTERPRISE', 'KG-CT-BA', 'Võ Thị Ngọc Hân'],
  ['du-lich-mui-nai', 'Công ty TNHH Du lịch Sinh thái Mũi Nai', 'ENTERPRISE', 'KG-HT-PD', 'Quách Minh Đức'],
  ['hai-san-vinh-thanh', 'Công ty TNHH Chế biến Hải sản Vĩnh Thanh', 'ENTERPRISE', 'KG-RG-VTV', 'Trương Công Danh'],
  ['luong-thuc-dong-giong', 'Công ty TNHH Lương thực Đồng Giồng', 'ENTERPRISE', 'KG-GR', 'Lâm Hoàng Phúc'],

  // Illustrative cooperatives.
  ['htx-khom-tac-cau', 'Hợp tác xã Khóm Tắc Cậu', 'COOPERATIVE', 'KG-CT-BA', 'Danh Sà Rết'],
  ['htx-lua-gao-ngoc-chuc', 'Hợp tác xã Lúa gạo Ngọc Chúc', 'COOPERATIVE', 'KG-GR-NC', 'Nguyễn Văn Chính'],
  ['htx-lua-tom-thuan-hoa', 'Hợp tác xã Lúa tôm Thuận Hòa', 'COOPERATIVE', 'KG-AM-TH', 'Phan Thanh Tùng'],
  ['htx-ong-mat-minh-thuan', 'Hợp tác xã Ong mật Minh Thuận', 'COOPERATIVE', 'KG-UMT-MT', 'Đỗ Văn Mười'],
  ['htx-duoc-lieu-rung-tram', 'Hợp tác xã Dược liệu Rừng Tràm', 'COOPERATIVE', 'KG-UMT', 'Hồ Thị Bích Liên'],
  ['htx-nong-nghiep-son-kien', 'Hợp tác xã Nông nghiệp Sơn Kiên', 'COOPERATIVE', 'KG-HD-SK', 'Châu Văn Hiếu'],
  ['htx-thuy-san-hon-son', 'Hợp tác xã Thủy sản Hòn Sơn', 'COOPERATIVE', 'KG-KH-LS', 'Bùi Văn Sang'],
  ['htx-du-lich-hon-son', 'Hợp tác xã Du lịch Cộng đồng Hòn Sơn', 'COOPERATIVE', 'KG-KH-LS', 'Trần Thị Kiều Oanh'],
  ['htx-dan-dat-vinh-thuan', 'Hợp tác xã Đan đát Vĩnh Thuận', 'COOPERATIVE', 'KG-VT-TT', 'Lý Thị Diễm'],
  ['htx-det-khmer-go-quao', 'Hợp tác xã Dệt thổ cẩm Khmer Gò Quao', 'COOPERATIVE', 'KG-GQ-VHHB', 'Thị Sa Rươl'],
  ['htx-co-bang-tan-khanh-hoa', 'Hợp tác xã Cỏ bàng Tân Khánh Hòa', 'COOPERATIVE', 'KG-GT-TKH', 'Kiên Thị Mỹ'],
  ['htx-nep-than-tan-hiep', 'Hợp tác xã Nếp than Tân Hiệp', 'COOPERATIVE', 'KG-TH-TT', 'Dương Văn Tài'],
  ['htx-hai-san-hon-chong', 'Hợp tác xã Hải sản Hòn Chông', 'COOPERATIVE', 'KG-KL-BA', 'Mai Văn Cường'],
  ['htx-thuy-san-thu-ba', 'Hợp tác xã Thủy sản Thứ Ba', 'COOPERATIVE', 'KG-AB-TB', 'Tô Thị Thu Cúc'],
  ['htx-du-lich-ham-ninh', 'Hợp tác xã Du lịch Làng chài Hàm Ninh', 'COOPERATIVE', 'KG-PQ-HN', 'Nguyễn Hữu Đạt'],

  // Illustrative cooperative groups.
  ['tht-banh-trang-hoa-an', 'Tổ hợp tác Bánh tráng Hòa An', 'COOPERATIVE_GROUP', 'KG-GR-HA', 'Lê Thị Thanh Thúy'],
  ['tht-mam-ca-dong-vinh-thuan', 'Tổ hợp tác Mắm cá đồng Vĩnh Thuận', 'COOPERATIVE_GROUP', 'KG-VT', 'Phạm Văn Đông'],
  ['tht-may-mac-rach-soi', 'Tổ hợp tác May mặc Phụ nữ Rạch Sỏi', 'COOPERATIVE_GROUP', 'KG-RG-RS', 'Hà Thị Kim Loan'],

  // Illustrative household businesses and production establishments.
  ['kho-muc-ut-hanh', 'Cơ sở Khô mực Út Hạnh', 'HOUSEHOLD', 'KG-PQ-AT', 'Nguyễn Thị Hạnh'],
  ['kho-ca-bay-loi', 'Hộ kinh doanh Khô cá Bảy Lợi', 'HOUSEHOLD', 'KG-PQ-HN', 'Trần Văn Lợi'],
  ['nuoc-mam-hai-thanh', 'Cơ sở Nước mắm Hai Thạnh', 'HOUSEHOLD', 'KG-PQ-DD', 'Lê Văn Thạnh'],
  ['nuoc-mam-nam-du', 'Cơ sở Nước mắm Nam Du', 'HOUSEHOLD', 'KG-KH-AS', 'Võ Văn Đảo'],
  ['vuon-tieu-tam-son', 'Hộ kinh doanh Vườn tiêu Tám Sơn', 'HOUSEHOLD', 'KG-PQ-CD', 'Huỳnh Văn Sơn'],
  ['ruou-sim-ba-tu', 'Cơ sở Rượu sim Bà Tư', 'HOUSEHOLD', 'KG-PQ-HN', 'Đoàn Thị Tư'],
  ['moc-ghe-bau', 'Cơ sở Mộc mỹ nghệ Ghe Bầu', 'HOUSEHOLD', 'KG-PQ-HN', 'Phùng Văn Bảy'],
  ['mam-nam-dung', 'Cơ sở Mắm Năm Dung', 'HOUSEHOLD', 'KG-RG-VTV', 'Nguyễn Thị Dung'],
  ['cha-ca-co-sau', 'Hộ kinh doanh Chả cá Cô Sáu', 'HOUSEHOLD', 'KG-RG', 'Lâm Thị Sáu'],
  ['tra-thao-moc-phuong-nam', 'Cơ sở Trà thảo mộc Phương Nam', 'HOUSEHOLD', 'KG-RG', 'Tạ Quốc Nam'],
  ['my-nghe-vo-so-dong-ho', 'Cơ sở Mỹ nghệ Vỏ sò Đông Hồ', 'HOUSEHOLD', 'KG-HT-DH', 'Mạc Thị Ngọc Châu'],
  ['tinh-dau-my-thai', 'Cơ sở Tinh dầu sả Mỹ Thái', 'HOUSEHOLD', 'KG-HD', 'Đinh Văn Thái'],
  ['tho-cam-soc-son', 'Cơ sở Thổ cẩm Sóc Sơn', 'HOUSEHOLD', 'KG-HD-SS', 'Danh Thị Sophal'],
  ['dua-sap-muoi-dong', 'Cơ sở Dừa sáp Mười Đông', 'HOUSEHOLD', 'KG-TH', 'Trịnh Văn Đông'],
  ['nam-linh-chi-hai-phuc', 'Cơ sở Nấm linh chi Hai Phúc', 'HOUSEHOLD', 'KG-CT-ML', 'Lưu Hoàng Phúc'],
  ['banh-trang-tu-nhan', 'Cơ sở Bánh tráng Tư Nhàn', 'HOUSEHOLD', 'KG-GQ', 'Kiều Thị Nhàn'],
  ['kho-ca-nam-lanh', 'Hộ kinh doanh Khô cá đồng Năm Lành', 'HOUSEHOLD', 'KG-UMT-MT', 'Cao Văn Lành'],
  ['homestay-chin-lam', 'Hộ kinh doanh Homestay Rừng tràm Chín Lâm', 'HOUSEHOLD', 'KG-UMT-AMB', 'Lâm Văn Chín'],
  // Registered after the 2025 reorganisation, in Thổ Châu special zone.
  ['kho-ca-tho-chau', 'Hộ kinh doanh Khô cá Thổ Châu', 'HOUSEHOLD', 'AG-TC', 'Khưu Văn Hải'],
];

/** Enterprises and cooperatives get an (illustrative) website. */
const WITH_WEBSITE: ReadonlySet<ProducerType> = new Set<ProducerType>(['ENTERPRISE', 'COOPERATIVE']);

const producers: ImportRecord[] = producerRows.map(([slug, name, type, regionCode, representative], i) => ({
  slug,
  name,
  type,
  representative,
  address: illustrativeAddress(regionCode),
  region: regionCode,
  phone: `0000 000 ${String(101 + i)}`,
  email: `${slug}@example.vn`,
  ...(WITH_WEBSITE.has(type) ? { website: `https://${slug}.example.vn` } : {}),
}));

// ─── Evaluation rounds ──────────────────────────────────────────────────────────────────────

interface Round {
  level: CouncilLevel;
  evaluatedOn: string;
  /** The decision approving the results; absent for rounds that certify nothing (shortlists, drafts). */
  decisionNumber?: string;
  decisionDate?: string;
}

/**
 * The council sessions of the sample. Under 1048 (to 2023-02-23) the province certifies 3–4★ and
 * the centre 5★; under 148 (2023-02-24 – 2025-06-30) district 3★, province 4★, centre 5★; from
 * 2025-07-01 province 3–4★, centre 5★. Decision numbers are illustrative.
 */
const ROUND_TABLE = {
  // Decision 1048/QĐ-TTg score sheet.
  D2020: { level: 'DISTRICT', evaluatedOn: '2020-10-20' },
  P2020: { level: 'PROVINCE', evaluatedOn: '2021-02-18', decisionNumber: '385/QĐ-UBND', decisionDate: '2021-02-26' },
  P2021: { level: 'PROVINCE', evaluatedOn: '2021-11-30', decisionNumber: '2856/QĐ-UBND', decisionDate: '2021-12-08' },
  P2022A: { level: 'PROVINCE', evaluatedOn: '2022-05-24', decisionNumber: '1342/QĐ-UBND', decisionDate: '2022-06-02' },
  P2022B: { level: 'PROVINCE', evaluatedOn: '2022-09-27', decisionNumber: '2417/QĐ-UBND', decisionDate: '2022-10-06' },
  C2022: {
    level: 'CENTRAL',
    evaluatedOn: '2022-11-22',
    decisionNumber: '4905/QĐ-BNN-VPĐP',
    decisionDate: '2022-12-05',
  },
  // Decision 148/QĐ-TTg score sheet and award rules.
  D2023A: { level: 'DISTRICT', evaluatedOn: '2023-06-13', decisionNumber: '1875/QĐ-UBND', decisionDate: '2023-06-21' },
  P2023A: { level: 'PROVINCE', evaluatedOn: '2023-07-18', decisionNumber: '1702/QĐ-UBND', decisionDate: '2023-07-27' },
  P2023B: { level: 'PROVINCE', evaluatedOn: '2023-10-17', decisionNumber: '2544/QĐ-UBND', decisionDate: '2023-10-26' },
  D2023B: { level: 'DISTRICT', evaluatedOn: '2023-12-05', decisionNumber: '3310/QĐ-UBND', decisionDate: '2023-12-12' },
  P2023C: { level: 'PROVINCE', evaluatedOn: '2023-12-07', decisionNumber: '2960/QĐ-UBND', decisionDate: '2023-12-14' },
  D2024A: { level: 'DISTRICT', evaluatedOn: '2024-01-16', decisionNumber: '152/QĐ-UBND', decisionDate: '2024-01-24' },
  P2024A: { level: 'PROVINCE', evaluatedOn: '2024-01-23', decisionNumber: '210/QĐ-UBND', decisionDate: '2024-02-01' },
  D2024B: { level: 'DISTRICT', evaluatedOn: '2024-06-11', decisionNumber: '1630/QĐ-UBND', decisionDate: '2024-06-19' },
  P2024B: { level: 'PROVINCE', evaluatedOn: '2024-07-09', decisionNumber: '1724/QĐ-UBND', decisionDate: '2024-07-18' },
  C2024: {
    level: 'CENTRAL',
    evaluatedOn: '2024-09-17',
    decisionNumber: '3412/QĐ-BNN-VPĐP',
    decisionDate: '2024-09-30',
  },
  D2024C: { level: 'DISTRICT', evaluatedOn: '2024-10-22', decisionNumber: '2875/QĐ-UBND', decisionDate: '2024-10-30' },
  P2024C: { level: 'PROVINCE', evaluatedOn: '2024-11-19', decisionNumber: '2790/QĐ-UBND', decisionDate: '2024-11-28' },
  D2025A: { level: 'DISTRICT', evaluatedOn: '2025-04-15', decisionNumber: '1190/QĐ-UBND', decisionDate: '2025-04-23' },
  P2025A: { level: 'PROVINCE', evaluatedOn: '2025-05-20', decisionNumber: '1302/QĐ-UBND', decisionDate: '2025-05-29' },
  // From 1 July 2025 (An Giang province; no district level).
  P2025B: { level: 'PROVINCE', evaluatedOn: '2025-09-23', decisionNumber: '2871/QĐ-UBND', decisionDate: '2025-10-02' },
  C2025: { level: 'CENTRAL', evaluatedOn: '2025-10-14', decisionNumber: '4410/QĐ-BNNMT', decisionDate: '2025-10-28' },
  P2025C: { level: 'PROVINCE', evaluatedOn: '2025-12-09', decisionNumber: '3650/QĐ-UBND', decisionDate: '2025-12-18' },
  P2026A: { level: 'PROVINCE', evaluatedOn: '2026-05-19', decisionNumber: '1288/QĐ-UBND', decisionDate: '2026-05-28' },
  P2026B: { level: 'PROVINCE', evaluatedOn: '2026-09-15', decisionNumber: '2530/QĐ-UBND', decisionDate: '2026-09-24' },
  // Scored but not yet finalised.
  P2026D: { level: 'PROVINCE', evaluatedOn: '2026-11-17' },
} satisfies Record<string, Round>;

type RoundId = keyof typeof ROUND_TABLE;
const ROUNDS: Record<RoundId, Round> = ROUND_TABLE;

/** Part scores A, B, C in the order of the score sheet. */
type Scores = readonly [a: number, b: number, c: number];

function criteriaOn(date: string): CriteriaVersion {
  return date < CRITERIA_148_FROM ? 'QD1048_2019' : 'QD148_2023';
}

function scoredIn(roundId: RoundId, scores: Scores, status: SeedResult['status']): SeedResult {
  const round = ROUNDS[roundId];
  return {
    councilLevel: round.level,
    criteriaVersion: criteriaOn(round.evaluatedOn),
    evaluatedOn: round.evaluatedOn,
    scores,
    status,
  };
}

/** A final result that earned a certificate (number assigned by numberCertificates). */
function certified(roundId: RoundId, scores: Scores, revocation?: { on: string; reason: string }): SeedResult {
  const round = ROUNDS[roundId];
  if (!round.decisionNumber || !round.decisionDate) throw new Error(`Round ${roundId} issues no certificates`);
  return {
    ...scoredIn(roundId, scores, 'FINAL'),
    certificate: {
      number: '',
      decisionNumber: round.decisionNumber,
      decisionDate: round.decisionDate,
      issuedOn: round.decisionDate,
      ...(revocation ? { revokedOn: revocation.on, revocationReason: revocation.reason } : {}),
    },
  };
}

/** A final result with no certificate: 1–2★, a shortlist score, or a failed re-evaluation. */
function scored(roundId: RoundId, scores: Scores): SeedResult {
  return scoredIn(roundId, scores, 'FINAL');
}

/** Scores entered but not finalised. */
function draft(roundId: RoundId, scores: Scores): SeedResult {
  return scoredIn(roundId, scores, 'DRAFT');
}

// ─── Products ───────────────────────────────────────────────────────────────────────────────

interface ProductSpec {
  slug?: string;
  nameVi: string;
  nameEn?: string;
  category: CategoryCode;
  regionCode: string;
  producerSlug: string;
  cycleStage?: CycleStage;
  real?: boolean;
  descriptionVi: string;
  descriptionEn?: string;
  storyVi?: string;
  storyEn?: string;
  evaluations?: SeedResult[];
}

/** PROMOTION while a certificate is valid; otherwise back in production or under evaluation. */
function stageOf(evaluations: SeedResult[]): CycleStage {
  const last = evaluations[evaluations.length - 1];
  if (!last) return 'IDEA';
  const cert = [...evaluations].reverse().find((e) => e.certificate)?.certificate;
  if (cert && !cert.revokedOn && certificateExpiry(cert.issuedOn) >= KIEN_GIANG_AS_OF) return 'PROMOTION';
  return last.status === 'DRAFT' ? 'EVALUATION' : 'PRODUCTION';
}

/** Photos drawn for the sample (scripts/draw-sample-photos.ts): illustrations, not the producers' own. */
const SAMPLE_PHOTOS: Record<string, SeedPhoto[]> = {
  'nuoc-mam-phu-quoc-khai-hoan-38-do-dam': [
    {
      file: 'nuoc-mam-phu-quoc-khai-hoan-38-do-dam.jpg',
      altVi: 'Hai chai nước mắm màu cánh gián trên bàn gỗ, bên cạnh thùng gỗ ủ chượp (ảnh minh họa)',
      altEn: 'Two bottles of amber fish sauce on a wooden table beside a fermenting barrel (illustration)',
    },
  ],
  'tieu-xay-phu-quoc-thanh-quoc': [
    {
      file: 'tieu-xay-phu-quoc-thanh-quoc.jpg',
      altVi: 'Hũ tiêu xay nắp vàng, hạt tiêu đen và chùm tiêu xanh trên bàn gỗ (ảnh minh họa)',
      altEn: 'A jar of ground pepper with black peppercorns and a green pepper spike on a wooden table (illustration)',
    },
  ],
  'mat-ong-rung-u-minh-thuong-le-tien': [
    {
      file: 'mat-ong-rung-u-minh-thuong-le-tien.jpg',
      altVi: 'Hũ mật ong rừng vàng óng và que lấy mật trên bàn gỗ (ảnh minh họa)',
      altEn: 'A jar of golden forest honey and a honey dipper on a wooden table (illustration)',
    },
  ],
  'tui-xach-co-bang-phu-my': [
    {
      file: 'tui-xach-co-bang-phu-my.jpg',
      altVi: 'Túi xách đan bằng cỏ bàng có quai, gắn nhãn Phú Mỹ (ảnh minh họa)',
      altEn: 'A woven sedge handbag with a handle and a Phú Mỹ tag (illustration)',
    },
  ],
  'gao-st25-son-kien': [
    {
      file: 'gao-st25-son-kien.jpg',
      altVi: 'Bao gạo ST25 và một bát gạo trắng hạt dài (ảnh minh họa)',
      altEn: 'A bag of ST25 rice and a bowl of long white grains (illustration)',
    },
  ],
  'vong-co-ngoc-trai-phu-quoc': [
    {
      file: 'vong-co-ngoc-trai-phu-quoc.jpg',
      altVi: 'Vòng cổ ngọc trai trắng trên nền nhung xanh thẫm (ảnh minh họa)',
      altEn: 'A white pearl necklace on dark blue velvet (illustration)',
    },
  ],
};

/** A sample product: its record, its council results (oldest first), and whether it is real. */
interface SampleProduct {
  slug: string;
  record: ImportRecord;
  results: SeedResult[];
  /** True for products named in public sources (DOMAIN.md); false for illustrative ones. */
  real: boolean;
}

/** Trade information in the import format's cells; the sample's is illustrative. */
function tradeOf(slug: string, spec: ProductSpec): ImportRecord {
  const trade = illustrativeTrade({ slug, nameVi: spec.nameVi, category: spec.category });
  if (!trade) return {};
  const checked = checkTrade(trade, null);
  if (checked.issues.length) {
    throw new Error(`Product ${slug}'s trade information: ${checked.issues.map((i) => i.message).join(' ')}`);
  }
  return tradeCells(checked.trade);
}

function product(spec: ProductSpec): SampleProduct {
  const evaluations = spec.evaluations ?? [];
  const slug = spec.slug ?? slugify(spec.nameVi);
  return {
    slug,
    record: {
      slug,
      name_vi: spec.nameVi,
      name_en: spec.nameEn,
      category: spec.category,
      region: spec.regionCode,
      producer: spec.producerSlug,
      cycle_stage: spec.cycleStage ?? stageOf(evaluations),
      description_vi: spec.descriptionVi,
      description_en: spec.descriptionEn,
      story_vi: spec.storyVi,
      story_en: spec.storyEn,
      ...tradeOf(slug, spec),
    },
    results: evaluations,
    real: spec.real ?? false,
  };
}

const REVOKED_FOOD_SAFETY =
  'Mẫu sản phẩm lấy khi tái kiểm tra an toàn thực phẩm định kỳ không đạt chỉ tiêu vi sinh; chủ thể không khắc phục trong thời hạn yêu cầu.';
const REVOKED_ADDITIVE =
  'Kiểm tra hậu kiểm phát hiện sản phẩm sử dụng phẩm màu ngoài danh mục được phép, không còn đáp ứng tiêu chí chất lượng của sản phẩm OCOP.';

const products: SampleProduct[] = [
  // ── Phú Quốc ────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Nước mắm Phú Quốc Khải Hoàn 38 độ đạm',
    nameEn: 'Khải Hoàn Phú Quốc fish sauce, 38° protein',
    category: 'FOOD',
    regionCode: 'KG-PQ-DD',
    producerSlug: 'khai-hoan',
    real: true,
    descriptionVi:
      'Nước mắm nhĩ ủ chượp từ cá cơm tươi và muối biển trong thùng gỗ theo cách làm truyền thống của đảo Phú Quốc, độ đạm 38°N. Nước mắm màu cánh gián, vị mặn dịu, hậu ngọt. Sản phẩm đạt OCOP 5 sao quốc gia năm 2022.',
    descriptionEn:
      'First-press fish sauce fermented from fresh anchovies and sea salt in wooden barrels, the traditional Phú Quốc way, at 38° protein. Amber in colour, gently salty with a sweet finish. Rated a national five-star OCOP product in 2022.',
    storyVi:
      'Nghề làm nước mắm Phú Quốc đã có hơn hai trăm năm và được công nhận là di sản văn hóa phi vật thể quốc gia. Khải Hoàn giữ cách ủ chượp trong thùng gỗ, chờ đủ mười hai tháng mới rút nhĩ.',
    storyEn:
      'Phú Quốc fish-sauce making is over two centuries old and is listed as national intangible cultural heritage. Khải Hoàn keeps to barrel fermentation and draws the first press only after a full year.',
    evaluations: [
      // Scored 5★ by the provincial council (a shortlist for the central council).
      scored('P2021', [33, 22, 36]),
      certified('C2022', [33, 23, 37]),
      certified('C2025', [37, 23, 32]),
    ],
  }),
  product({
    nameVi: 'Nước mắm cốt Kim Hoa 40 độ đạm',
    nameEn: 'Kim Hoa first-press fish sauce, 40° protein',
    category: 'FOOD',
    regionCode: 'KG-PQ-DD',
    producerSlug: 'kim-hoa',
    real: true,
    descriptionVi:
      'Nước mắm cốt rút từ thùng chượp cá cơm than ủ trên một năm, độ đạm 40°N, không chất bảo quản. Màu nâu đỏ trong, mùi thơm đặc trưng của nước mắm Phú Quốc.',
    descriptionEn:
      'First-press fish sauce drawn from anchovy barrels fermented for more than a year, 40° protein, no preservatives. Clear reddish brown with the distinctive aroma of Phú Quốc fish sauce.',
    storyVi:
      'Gia đình làm nước mắm qua nhiều thế hệ trên đảo; thương hiệu được đặt theo tên người mẹ đã gìn giữ nghề từ những năm 1980.',
    storyEn:
      'The family has made fish sauce on the island for generations; the brand carries the name of the mother who kept the trade going from the 1980s.',
    evaluations: [certified('P2021', [27, 19, 31]), certified('P2024C', [31, 19, 27])],
  }),
  product({
    nameVi: 'Tiêu xay Phú Quốc Thanh Quốc',
    nameEn: 'Thanh Quốc ground Phú Quốc pepper',
    category: 'FOOD',
    regionCode: 'KG-PQ',
    producerSlug: 'thanh-quoc',
    real: true,
    descriptionVi:
      'Tiêu đen Phú Quốc phơi khô, xay mịn và đóng hũ kín để giữ tinh dầu. Vị cay nồng, thơm, dùng nêm nướng, kho và chấm hải sản.',
    descriptionEn:
      'Sun-dried Phú Quốc black pepper, finely ground and sealed in jars to keep its oils. Hot and fragrant, for grilling, braising and seafood dips.',
    evaluations: [certified('P2022B', [27, 18, 29]), certified('P2025B', [30, 19, 26])],
  }),
  product({
    nameVi: 'Tiêu chín Phú Quốc Thanh Quốc',
    nameEn: 'Thanh Quốc ripe Phú Quốc pepper',
    category: 'FOOD',
    regionCode: 'KG-PQ',
    producerSlug: 'thanh-quoc',
    real: true,
    descriptionVi:
      'Hạt tiêu hái khi chín đỏ trên dây, phơi khô tự nhiên nên hạt chắc, thơm ngọt hơn tiêu xanh. Phù hợp làm quà biếu và dùng trong bếp.',
    descriptionEn:
      'Peppercorns picked when fully red on the vine and sun-dried, firmer and sweeter-scented than green-picked pepper. A gift as much as a kitchen staple.',
    evaluations: [certified('P2022B', [26, 18, 30]), certified('P2025B', [30, 18, 27])],
  }),
  product({
    nameVi: 'Tiêu chín ngào đường Phú Quốc Thanh Quốc',
    nameEn: 'Thanh Quốc sugared ripe pepper',
    category: 'FOOD',
    regionCode: 'KG-PQ',
    producerSlug: 'thanh-quoc',
    real: true,
    descriptionVi:
      'Tiêu chín ngào với đường thành món ăn vặt cay ngọt độc đáo của đảo Phú Quốc. Hạt tiêu giòn, lớp đường mỏng, ăn kèm trà.',
    descriptionEn:
      'Ripe peppercorns candied in sugar, a hot-and-sweet Phú Quốc snack. Crunchy seeds under a thin sugar shell, good with tea.',
    evaluations: [certified('P2022B', [26, 19, 29]), certified('P2025B', [29, 19, 26])],
  }),
  product({
    nameVi: 'Muối tiêu Phú Quốc Thanh Quốc',
    nameEn: 'Thanh Quốc Phú Quốc pepper salt',
    category: 'FOOD',
    regionCode: 'KG-PQ',
    producerSlug: 'thanh-quoc',
    real: true,
    descriptionVi:
      'Muối biển rang trộn tiêu đen Phú Quốc xay, dùng chấm hải sản, gà luộc và trái cây. Đóng hũ nhỏ tiện mang theo.',
    descriptionEn:
      'Roasted sea salt mixed with ground Phú Quốc black pepper, for seafood, boiled chicken and fruit. Packed in small travel jars.',
    evaluations: [certified('P2022B', [22, 15, 25]), certified('P2025B', [25, 15, 22])],
  }),
  product({
    nameVi: 'Nước mắm Phú Quốc Anh Duyệt 40 độ đạm',
    nameEn: 'Anh Duyệt Phú Quốc fish sauce, 40° protein',
    category: 'FOOD',
    regionCode: 'KG-PQ',
    producerSlug: 'anh-duyet',
    real: true,
    descriptionVi:
      'Nước mắm cá cơm ủ thùng gỗ, độ đạm 40°N, đóng chai thủy tinh. Vị đậm đà, dùng chấm trực tiếp hoặc nêm món ăn.',
    descriptionEn:
      'Barrel-fermented anchovy fish sauce, 40° protein, in glass bottles. Rich and savoury, for dipping or seasoning.',
    evaluations: [certified('P2022B', [21, 15, 24]), certified('P2025B', [25, 14, 22])],
  }),
  product({
    nameVi: 'Nước mắm Phú Quốc Anh Duyệt 43 độ đạm',
    nameEn: 'Anh Duyệt Phú Quốc fish sauce, 43° protein',
    category: 'FOOD',
    regionCode: 'KG-PQ',
    producerSlug: 'anh-duyet',
    real: true,
    descriptionVi:
      'Dòng nước mắm nhĩ đậm nhất của cơ sở, độ đạm 43°N, chỉ rút một lần từ mỗi thùng chượp. Thích hợp làm nước chấm nguyên chất.',
    descriptionEn:
      'The house’s strongest first press, 43° protein, drawn once from each barrel. Best served neat as a dipping sauce.',
    evaluations: [certified('P2022B', [22, 15, 25]), certified('P2025B', [26, 15, 22])],
  }),
  product({
    nameVi: 'Nước mắm cá cơm Hai Thạnh 35 độ đạm',
    nameEn: 'Hai Thạnh anchovy fish sauce, 35° protein',
    category: 'FOOD',
    regionCode: 'KG-PQ-DD',
    producerSlug: 'nuoc-mam-hai-thanh',
    descriptionVi:
      'Nước mắm cá cơm của một nhà thùng nhỏ ở Dương Đông, độ đạm 35°N, vị mặn vừa, dùng hằng ngày trong bữa cơm gia đình.',
    descriptionEn:
      'Anchovy fish sauce from a small barrel house in Dương Đông, 35° protein, mildly salty for everyday family cooking.',
    evaluations: [certified('D2024B', [27, 15, 21])],
  }),
  product({
    nameVi: 'Mực một nắng Phú Quốc Út Hạnh',
    nameEn: 'Út Hạnh sun-kissed squid',
    category: 'FOOD',
    regionCode: 'KG-PQ-AT',
    producerSlug: 'kho-muc-ut-hanh',
    descriptionVi:
      'Mực lá câu đêm ở vùng biển An Thới, làm sạch và phơi đúng một nắng nên thịt còn dẻo, ngọt. Đóng gói hút chân không, bảo quản đông lạnh.',
    descriptionEn:
      'Night-jigged squid from the An Thới fishing grounds, cleaned and dried for a single day so the flesh stays tender and sweet. Vacuum-packed and frozen.',
    storyVi:
      'Bà Hạnh theo chồng đi biển từ năm mười tám tuổi; mẻ mực đầu tiên bà phơi trên mái tôn trước nhà, nay là lò sấy năng lượng mặt trời của cả xóm.',
    storyEn:
      'Mrs Hạnh went to sea with her husband at eighteen; she dried her first catch on the tin roof of their house, which is now the neighbourhood’s solar drying yard.',
    evaluations: [certified('D2024A', [26, 14, 22])],
  }),
  product({
    nameVi: 'Khô mực câu Phú Quốc',
    nameEn: 'Phú Quốc dried jigged squid',
    category: 'FOOD',
    regionCode: 'KG-PQ-AT',
    producerSlug: 'kho-muc-ut-hanh',
    descriptionVi:
      'Mực câu loại lớn phơi khô kỹ, thịt dày, nướng lên thơm ngọt. Phân loại theo cỡ và đóng hộp giấy làm quà.',
    descriptionEn:
      'Large jigged squid, thoroughly dried, thick and sweet when grilled. Graded by size and boxed as a gift.',
    evaluations: [certified('P2024B', [30, 18, 25])],
  }),
  product({
    nameVi: 'Khô cá chỉ vàng Hàm Ninh',
    nameEn: 'Hàm Ninh dried yellowstripe scad',
    category: 'FOOD',
    regionCode: 'KG-PQ-HN',
    producerSlug: 'kho-ca-bay-loi',
    descriptionVi:
      'Cá chỉ vàng đánh bắt gần bờ, tẩm gia vị nhẹ và phơi trên giàn tre ở làng chài Hàm Ninh. Khô mỏng, nướng hoặc chiên giòn.',
    descriptionEn:
      'Inshore yellowstripe scad, lightly seasoned and dried on bamboo racks in the Hàm Ninh fishing village. Thin fillets to grill or fry crisp.',
    evaluations: [certified('P2021', [22, 14, 25]), certified('D2024C', [26, 14, 22])],
  }),
  product({
    nameVi: 'Khô cá đuối Hàm Ninh',
    nameEn: 'Hàm Ninh dried stingray',
    category: 'FOOD',
    regionCode: 'KG-PQ-HN',
    producerSlug: 'kho-ca-bay-loi',
    descriptionVi: 'Khô cá đuối xẻ miếng phơi nắng, đang hoàn thiện quy trình sấy và bao bì để tham gia đánh giá lại.',
    descriptionEn:
      'Sun-dried stingray strips; the drying process and packaging are being improved before re-evaluation.',
    evaluations: [scored('D2023A', [16, 8, 14])],
  }),
  product({
    nameVi: 'Tiêu đen Phú Quốc Tám Sơn',
    nameEn: 'Tám Sơn Phú Quốc black pepper',
    category: 'FOOD',
    regionCode: 'KG-PQ-CD',
    producerSlug: 'vuon-tieu-tam-son',
    descriptionVi:
      'Tiêu đen nguyên hạt trồng trên đất đỏ Cửa Dương, canh tác theo hướng hữu cơ, phơi trên sân gạch. Hạt to, cay thơm.',
    descriptionEn:
      'Whole black pepper grown on the red soil of Cửa Dương, farmed along organic lines and dried on brick yards. Large, hot, aromatic corns.',
    storyVi:
      'Vườn tiêu do ông Tám khai hoang từ rừng chồi năm 1990, nay con cháu vẫn giữ những nọc tiêu trụ gỗ cũ bên cạnh trụ xi măng mới.',
    storyEn:
      'Mr Tám cleared the garden from scrubland in 1990; his children still keep the old wooden pepper posts alongside the new concrete ones.',
    evaluations: [certified('P2021', [23, 15, 25]), certified('D2024C', [26, 15, 22])],
  }),
  product({
    nameVi: 'Tiêu sọ Phú Quốc Tám Sơn',
    nameEn: 'Tám Sơn white pepper',
    category: 'FOOD',
    regionCode: 'KG-PQ-CD',
    producerSlug: 'vuon-tieu-tam-son',
    descriptionVi:
      'Tiêu sọ (tiêu trắng) làm từ hạt tiêu chín ngâm bóc vỏ, màu ngà, mùi thơm dịu. Dùng cho cháo, súp và món hấp.',
    descriptionEn:
      'White pepper from ripe corns soaked and hulled; ivory coloured with a mellow aroma. For congee, soups and steamed dishes.',
    evaluations: [certified('D2024B', [25, 15, 22])],
  }),
  product({
    nameVi: 'Điểm tham quan vườn tiêu Tám Sơn',
    nameEn: 'Tám Sơn pepper farm visit',
    category: 'TOURISM',
    regionCode: 'KG-PQ-CD',
    producerSlug: 'vuon-tieu-tam-son',
    descriptionVi:
      'Du khách đi giữa các hàng trụ tiêu, tự tay hái tiêu chín theo mùa và xem cách phơi, phân loại hạt. Có quầy thử tiêu và trà gừng miễn phí.',
    descriptionEn:
      'Visitors walk the pepper rows, pick ripe corns in season and watch drying and sorting. Free tastings of pepper and ginger tea.',
    evaluations: [certified('P2026A', [27, 15, 20])],
  }),
  product({
    nameVi: 'Rượu sim rừng Phú Quốc Đảo Ngọc',
    nameEn: 'Đảo Ngọc Phú Quốc wild rose-myrtle wine',
    category: 'BEVERAGE',
    regionCode: 'KG-PQ-CD',
    producerSlug: 'ruou-sim-dao-ngoc',
    descriptionVi:
      'Rượu sim lên men từ trái sim rừng chín mọng hái trên đồi Phú Quốc, ủ trong chum sành. Màu tím đỏ, vị chát nhẹ, hậu ngọt.',
    descriptionEn:
      'Wine fermented from ripe wild rose-myrtle berries picked on Phú Quốc’s hills and aged in earthenware jars. Purple-red, lightly tannic, sweet finish.',
    storyVi:
      'Trái sim mọc hoang trên các đồi cát phía bắc đảo; người dân gom trái theo mùa mưa và bán cho cơ sở, tạo thêm thu nhập cho nhiều hộ.',
    storyEn:
      'Rose myrtle grows wild on the sandy hills of the north of the island; villagers gather the berries in the rainy season and sell them to the winery.',
    evaluations: [certified('P2022A', [27, 19, 30]), certified('C2024', [37, 23, 31])],
  }),
  product({
    nameVi: 'Rượu mật sim Đảo Ngọc',
    nameEn: 'Đảo Ngọc rose-myrtle liqueur',
    category: 'BEVERAGE',
    regionCode: 'KG-PQ-CD',
    producerSlug: 'ruou-sim-dao-ngoc',
    descriptionVi: 'Mật sim ngâm đường phèn, nồng độ thấp, vị ngọt dịu, dễ uống. Đóng chai 300 ml làm quà.',
    descriptionEn: 'Rose-myrtle syrup infused with rock sugar; low in alcohol, gently sweet. 300 ml gift bottles.',
    evaluations: [certified('P2024B', [30, 19, 25])],
  }),
  product({
    nameVi: 'Rượu sim Hàm Ninh Bà Tư',
    category: 'BEVERAGE',
    regionCode: 'KG-PQ-HN',
    producerSlug: 'ruou-sim-ba-tu',
    descriptionVi:
      'Rượu sim nấu theo công thức gia đình ở Hàm Ninh, ngâm trái sim với rượu nếp trong ba tháng. Đóng chai thủy tinh có tem truy xuất nguồn gốc.',
    evaluations: [certified('D2025A', [26, 14, 21])],
  }),
  product({
    nameVi: 'Vòng cổ ngọc trai Phú Quốc',
    nameEn: 'Phú Quốc pearl necklace',
    category: 'SOUVENIR',
    regionCode: 'KG-PQ-AT',
    producerSlug: 'ngoc-trai-bien-xanh',
    descriptionVi:
      'Vòng cổ kết từ ngọc trai nuôi tại vùng biển phía nam Phú Quốc, phân loại theo độ tròn và ánh. Mỗi sản phẩm có giấy kiểm định.',
    descriptionEn:
      'Necklaces strung from pearls farmed off southern Phú Quốc, graded by roundness and lustre. Each comes with a grading certificate.',
    storyVi:
      'Trại nuôi cấy nhân ngọc cho từng con trai và chăm sóc hai đến ba năm trước khi thu hoạch; du khách có thể xem tách ngọc tại xưởng.',
    storyEn:
      'The farm seeds each oyster by hand and tends it for two to three years before harvest; visitors can watch pearls being opened at the workshop.',
    evaluations: [certified('P2023C', [29, 19, 24])],
  }),
  product({
    nameVi: 'Bông tai ngọc trai Biển Xanh',
    nameEn: 'Biển Xanh pearl earrings',
    category: 'SOUVENIR',
    regionCode: 'KG-PQ-AT',
    producerSlug: 'ngoc-trai-bien-xanh',
    descriptionVi: 'Bông tai bạc gắn ngọc trai nước mặn Phú Quốc, thiết kế đơn giản, đóng hộp gỗ.',
    descriptionEn: 'Silver earrings set with Phú Quốc saltwater pearls, simple designs in wooden boxes.',
    evaluations: [certified('P2024B', [31, 18, 24])],
  }),
  product({
    nameVi: 'Mô hình ghe bầu Phú Quốc',
    nameEn: 'Phú Quốc ghe bầu model boat',
    category: 'SOUVENIR',
    regionCode: 'KG-PQ-HN',
    producerSlug: 'moc-ghe-bau',
    descriptionVi:
      'Mô hình thu nhỏ chiếc ghe bầu đánh cá truyền thống, đục đẽo thủ công từ gỗ tràm và sơn màu theo ghe thật.',
    descriptionEn:
      'Hand-carved miniature of the traditional ghe bầu fishing boat in melaleuca wood, painted like the real ones.',
    storyVi:
      'Người thợ từng đóng ghe thật suốt ba mươi năm; khi ghe gỗ vắng dần, ông chuyển sang làm mô hình để giữ dáng ghe xưa.',
    storyEn:
      'The carver built real boats for thirty years; as wooden boats disappeared he turned to models to keep their lines alive.',
    evaluations: [certified('D2024C', [25, 14, 21])],
  }),
  product({
    nameVi: 'Du lịch cộng đồng làng chài Hàm Ninh',
    nameEn: 'Hàm Ninh fishing village community tour',
    category: 'TOURISM',
    regionCode: 'KG-PQ-HN',
    producerSlug: 'htx-du-lich-ham-ninh',
    descriptionVi:
      'Tour nửa ngày cùng ngư dân: đi ghe ra bè, kéo lưới ghẹ, nấu ăn tại nhà dân và ngắm hoàng hôn trên cầu tàu Hàm Ninh.',
    descriptionEn:
      'A half-day with fishers: boat out to the rafts, haul crab nets, cook in a village home and watch sunset from the Hàm Ninh pier.',
    storyVi: 'Các hộ ngư dân góp vốn lập hợp tác xã để giữ nghề và chia đều thu nhập từ khách du lịch.',
    storyEn:
      'Fishing households pooled their savings into a cooperative to keep the trade alive and share tourism income fairly.',
    evaluations: [certified('P2025B', [26, 15, 21])],
  }),
  // Registered in Thổ Châu special zone after the 2025 reorganisation.
  product({
    nameVi: 'Khô cá bò da Thổ Châu',
    nameEn: 'Thổ Châu dried leatherjacket',
    category: 'FOOD',
    regionCode: 'AG-TC',
    producerSlug: 'kho-ca-tho-chau',
    descriptionVi:
      'Cá bò da đánh bắt quanh quần đảo Thổ Châu, lột da, tẩm gia vị và phơi gió biển. Miếng khô dày, nướng lên ngọt thịt.',
    descriptionEn:
      'Leatherjacket caught around the Thổ Châu islands, skinned, seasoned and wind-dried. Thick fillets, sweet when grilled.',
    evaluations: [certified('P2026A', [26, 15, 22])],
  }),
  product({
    nameVi: 'Mực khô Thổ Châu',
    nameEn: 'Thổ Châu dried squid',
    category: 'FOOD',
    regionCode: 'AG-TC',
    producerSlug: 'kho-ca-tho-chau',
    descriptionVi: 'Mực khô phơi trên đảo xa, đang chờ hội đồng tỉnh hoàn tất chấm điểm lần đầu.',
    descriptionEn:
      'Squid dried on the outer islands; the provincial council has not yet finalised its first evaluation.',
    evaluations: [draft('P2026D', [25, 13, 20])],
  }),

  // ── Rạch Giá ────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Chả cá thu Rạch Giá',
    nameEn: 'Rạch Giá mackerel fish cake',
    category: 'FOOD',
    regionCode: 'KG-RG-VTV',
    producerSlug: 'hai-san-vinh-thanh',
    descriptionVi:
      'Chả cá thu quết tay với tiêu và hành, chiên vàng, đóng khay hút chân không. Ăn kèm bún cá hoặc làm món nhậu.',
    descriptionEn:
      'Hand-pounded mackerel cake with pepper and shallots, fried golden and vacuum-packed. Serve with fish noodle soup or on its own.',
    storyVi:
      'Bún cá Rạch Giá nổi tiếng nhờ chả cá tươi; công ty đưa món chả của các quán ven biển vào dây chuyền đạt chuẩn an toàn thực phẩm.',
    storyEn:
      'Rạch Giá fish noodle soup owes its fame to fresh fish cake; the company brought the seafront stalls’ recipe into a food-safety-certified line.',
    evaluations: [certified('P2023A', [29, 18, 26]), certified('P2026A', [30, 18, 25])],
  }),
  product({
    nameVi: 'Khô cá thiều tẩm gia vị Vĩnh Thanh',
    nameEn: 'Vĩnh Thanh seasoned dried catfish',
    category: 'FOOD',
    regionCode: 'KG-RG-VTV',
    producerSlug: 'hai-san-vinh-thanh',
    descriptionVi: 'Cá thiều fillet tẩm sa tế, sấy lạnh, xé sợi ăn liền. Đóng túi zip 200 g.',
    descriptionEn: 'Catfish fillets in chilli satay, cold-dried and shredded, ready to eat. 200 g zip bags.',
    evaluations: [certified('D2024B', [26, 15, 21])],
  }),
  product({
    nameVi: 'Chả cá Cô Sáu',
    nameEn: 'Cô Sáu fish cake',
    category: 'FOOD',
    regionCode: 'KG-RG',
    producerSlug: 'cha-ca-co-sau',
    descriptionVi:
      'Chả cá thác lác và cá rựa làm theo kiểu nhà, bán tại chợ Rạch Giá. Chứng nhận OCOP đã hết hạn, chưa đăng ký đánh giá lại.',
    descriptionEn:
      'Home-style featherback and wolf-herring fish cake sold at the Rạch Giá market. Its OCOP certificate has lapsed and no re-evaluation has been requested.',
    evaluations: [certified('P2022A', [22, 14, 24])],
  }),
  product({
    nameVi: 'Mắm ruốc Năm Dung',
    nameEn: 'Năm Dung fermented krill paste',
    category: 'FOOD',
    regionCode: 'KG-RG-VTV',
    producerSlug: 'mam-nam-dung',
    descriptionVi:
      'Mắm ruốc làm từ con ruốc biển tươi ủ với muối hột, xay mịn, màu hồng tím. Dùng kho quẹt, xào sả ớt hoặc chấm xoài xanh.',
    descriptionEn:
      'Paste of fresh sea krill fermented with coarse salt and milled smooth, pinkish purple. For braises, lemongrass stir-fries or green-mango dips.',
    evaluations: [certified('P2020', [21, 15, 25]), certified('D2024A', [25, 14, 22])],
  }),
  product({
    nameVi: 'Mắm cá sặc Năm Dung',
    category: 'FOOD',
    regionCode: 'KG-RG-VTV',
    producerSlug: 'mam-nam-dung',
    descriptionVi: 'Mắm cá sặc ủ thính gạo rang; sản phẩm chưa đạt yêu cầu về nhãn mác và hồ sơ công bố chất lượng.',
    evaluations: [scored('D2020', [14, 9, 17])],
  }),
  product({
    nameVi: 'Trà diệp hạ châu Phương Nam',
    nameEn: 'Phương Nam chanca piedra herbal tea',
    category: 'HERB',
    regionCode: 'KG-RG',
    producerSlug: 'tra-thao-moc-phuong-nam',
    descriptionVi:
      'Trà túi lọc từ cây diệp hạ châu (chó đẻ răng cưa) trồng sạch, sấy lạnh giữ màu xanh. Vị đắng nhẹ, hậu ngọt.',
    descriptionEn:
      'Tea bags of chanca piedra (Phyllanthus) grown clean and cold-dried to keep the green. Mildly bitter with a sweet finish.',
    evaluations: [certified('D2024A', [25, 15, 21])],
  }),
  product({
    nameVi: 'Cao khổ qua rừng Phương Nam',
    nameEn: 'Phương Nam wild bitter-melon extract',
    category: 'HERB',
    regionCode: 'KG-RG',
    producerSlug: 'tra-thao-moc-phuong-nam',
    descriptionVi:
      'Cao đặc chiết xuất từ khổ qua rừng, đóng hũ 100 g. Sản phẩm truyền thống dùng pha nước uống hằng ngày.',
    descriptionEn: 'Thick extract of wild bitter melon in 100 g jars, traditionally diluted as a daily drink.',
    evaluations: [certified('P2025B', [26, 14, 22])],
  }),
  product({
    nameVi: 'Trà mãng cầu xiêm Phương Nam',
    nameEn: 'Phương Nam soursop tea',
    category: 'BEVERAGE',
    regionCode: 'KG-RG',
    producerSlug: 'tra-thao-moc-phuong-nam',
    descriptionVi: 'Trà từ lát mãng cầu xiêm sấy dẻo và lá mãng cầu, pha nóng hoặc đá, vị chua ngọt thanh.',
    descriptionEn: 'Tea of dried soursop slices and leaves, hot or iced, lightly sweet and tart.',
    evaluations: [certified('D2025A', [25, 15, 20])],
  }),
  product({
    nameVi: 'Áo bà ba Rạch Sỏi',
    nameEn: 'Rạch Sỏi áo bà ba blouse',
    category: 'TEXTILE',
    regionCode: 'KG-RG-RS',
    producerSlug: 'tht-may-mac-rach-soi',
    descriptionVi: 'Áo bà ba may tay từ vải lanh và lụa mềm, nhiều màu, đủ cỡ. Đường may kỹ, cúc bọc vải.',
    descriptionEn:
      'Hand-sewn áo bà ba blouses in linen and soft silk, many colours and sizes, with fabric-covered buttons.',
    storyVi: 'Tổ hợp tác gồm mười hai chị em thợ may ở Rạch Sỏi, nhận việc về nhà để vừa may vừa chăm con.',
    storyEn: 'Twelve seamstresses in Rạch Sỏi work from home so they can sew and look after their children.',
    evaluations: [certified('D2024B', [25, 14, 21])],
  }),
  product({
    nameVi: 'Khăn choàng lụa in họa tiết biển Rạch Giá',
    nameEn: 'Rạch Giá sea-pattern silk scarf',
    category: 'TEXTILE',
    regionCode: 'KG-RG-RS',
    producerSlug: 'tht-may-mac-rach-soi',
    descriptionVi: 'Khăn lụa in họa tiết sóng biển và cá; chưa đạt yêu cầu về nguồn gốc nguyên liệu và bao bì.',
    descriptionEn: 'Silk scarves printed with wave and fish motifs; sourcing records and packaging fell short.',
    evaluations: [scored('D2024C', [18, 9, 15])],
  }),

  // ── Hà Tiên ─────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Tiêu đen xay Ngô Hoàng Vũ',
    nameEn: 'Ngô Hoàng Vũ ground black pepper',
    category: 'FOOD',
    regionCode: 'KG-HT',
    producerSlug: 'ngo-hoang-vu',
    real: true,
    descriptionVi:
      'Tiêu đen vùng Hà Tiên được chọn hạt, phơi khô và xay mịn, đóng gói nhỏ tiện dùng. Vị cay đậm, mùi thơm nồng.',
    descriptionEn:
      'Hà Tiên black pepper, sorted, sun-dried and finely ground in handy small packs. Strongly hot and aromatic.',
    evaluations: [certified('P2020', [21, 15, 25]), certified('D2024A', [25, 15, 22])],
  }),
  product({
    nameVi: 'Điểm du lịch sinh thái Mũi Nai',
    nameEn: 'Mũi Nai eco-tourism site',
    category: 'TOURISM',
    regionCode: 'KG-HT-PD',
    producerSlug: 'du-lich-mui-nai',
    descriptionVi:
      'Khu bãi biển và đồi Mũi Nai với đường mòn ngắm cảnh, hải đăng và khu cắm trại. Có hướng dẫn viên kể về lịch sử vùng đất Hà Tiên.',
    descriptionEn:
      'Beach and hill at Mũi Nai with a scenic trail, lighthouse and campsite. Guides tell the history of the Hà Tiên region.',
    storyVi: 'Mũi Nai là nơi giáp ranh biên giới và biển, từ đây nhìn thấy đảo Phú Quốc vào những ngày trời trong.',
    storyEn: 'Mũi Nai sits where the border meets the sea; on clear days Phú Quốc island is visible from the hill.',
    evaluations: [certified('P2024B', [30, 19, 24])],
  }),
  product({
    nameVi: 'Tour khám phá quần đảo Hải Tặc',
    nameEn: 'Hải Tặc islands discovery tour',
    category: 'TOURISM',
    regionCode: 'KG-HT-TH',
    producerSlug: 'du-lich-mui-nai',
    descriptionVi: 'Tour một ngày ra xã đảo Tiên Hải: lặn ngắm san hô, câu cá và ăn trưa hải sản cùng người dân đảo.',
    descriptionEn:
      'A day trip to the Tiên Hải island commune: snorkelling, fishing and a seafood lunch with islanders.',
    evaluations: [certified('P2025C', [26, 16, 21])],
  }),
  product({
    nameVi: 'Đèn trang trí vỏ sò Đông Hồ',
    nameEn: 'Đông Hồ seashell lamp',
    category: 'SOUVENIR',
    regionCode: 'KG-HT-DH',
    producerSlug: 'my-nghe-vo-so-dong-ho',
    descriptionVi: 'Đèn ngủ và đèn treo ghép từ vỏ sò, vỏ điệp nhặt ven đầm Đông Hồ, khung tre, ánh sáng vàng ấm.',
    descriptionEn:
      'Bedside and hanging lamps pieced from shells gathered along the Đông Hồ lagoon on bamboo frames, with a warm glow.',
    evaluations: [certified('D2023B', [25, 14, 22])],
  }),
  product({
    nameVi: 'Tranh vỏ ốc Hà Tiên',
    nameEn: 'Hà Tiên shell mosaic pictures',
    category: 'SOUVENIR',
    regionCode: 'KG-HT-DH',
    producerSlug: 'my-nghe-vo-so-dong-ho',
    descriptionVi: 'Tranh ghép từ vỏ ốc tự nhiên, chủ đề Thạch Động, Mũi Nai và mười cảnh Hà Tiên xưa.',
    descriptionEn:
      'Pictures pieced from natural shells showing Thạch Động, Mũi Nai and the ten classic views of old Hà Tiên.',
    evaluations: [certified('D2024C', [26, 14, 21])],
  }),

  // ── Kiên Lương ──────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Ghẹ lột Hòn Chông',
    nameEn: 'Hòn Chông soft-shell crab',
    category: 'FOOD',
    regionCode: 'KG-KL-BA',
    producerSlug: 'htx-hai-san-hon-chong',
    descriptionVi:
      'Ghẹ nuôi trong hộp nhựa trên bè, thu đúng lúc lột vỏ nên ăn được cả con. Cấp đông nhanh, đóng khay 500 g.',
    descriptionEn:
      'Crabs raised in boxes on rafts and taken just after moulting so the whole crab is edible. Flash-frozen in 500 g trays.',
    storyVi:
      'Ngư dân Hòn Chông học cách canh ghẹ lột từ những năm 2010; hợp tác xã thống nhất quy trình và tiêu thụ chung.',
    storyEn:
      'Hòn Chông fishers learned to time the moult in the 2010s; the cooperative standardised the process and sells together.',
    evaluations: [certified('P2021', [23, 15, 25]), certified('D2024C', [26, 15, 21])],
  }),
  product({
    nameVi: 'Khô cá đù một nắng Hòn Chông',
    nameEn: 'Hòn Chông one-sun dried croaker',
    category: 'FOOD',
    regionCode: 'KG-KL-BA',
    producerSlug: 'htx-hai-san-hon-chong',
    descriptionVi:
      'Cá đù làm sạch, phơi một nắng, ăn chiên hoặc nướng. Chứng nhận năm 2021 đã hết hạn, chưa tham gia đánh giá lại.',
    descriptionEn:
      'Croaker cleaned and dried for one day, to fry or grill. Its 2021 certificate has expired and no re-evaluation followed.',
    evaluations: [certified('P2020', [21, 14, 24])],
  }),
  product({
    nameVi: 'Chả ghẹ Hòn Chông',
    nameEn: 'Hòn Chông crab cake',
    category: 'FOOD',
    regionCode: 'KG-KL-BA',
    producerSlug: 'htx-hai-san-hon-chong',
    descriptionVi: 'Chả làm từ thịt ghẹ xanh trộn mực xay, chiên sẵn, hâm nóng là dùng được.',
    descriptionEn: 'Cakes of blue-crab meat mixed with minced squid, pre-fried and ready to reheat.',
    evaluations: [certified('P2025C', [26, 15, 22])],
  }),

  // ── Hòn Đất ─────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Xoài sấy dẻo Sơn Kiên',
    nameEn: 'Sơn Kiên soft-dried mango',
    category: 'FOOD',
    regionCode: 'KG-HD-SK',
    producerSlug: 'htx-nong-nghiep-son-kien',
    descriptionVi:
      'Xoài cát chín cây cắt lát, sấy dẻo ở nhiệt độ thấp, không thêm đường. Màu vàng tươi, vị ngọt chua tự nhiên.',
    descriptionEn:
      'Tree-ripened mango slices, dried soft at low temperature with no added sugar. Bright yellow, naturally sweet and tart.',
    evaluations: [certified('P2022A', [22, 15, 24]), certified('D2025A', [25, 15, 22])],
  }),
  product({
    nameVi: 'Xoài cát chu Sơn Kiên',
    nameEn: 'Sơn Kiên cát chu mango',
    category: 'FOOD',
    regionCode: 'KG-HD-SK',
    producerSlug: 'htx-nong-nghiep-son-kien',
    descriptionVi:
      'Xoài cát chu trồng theo tiêu chuẩn VietGAP trên vùng đất phèn Hòn Đất, bao trái từ nhỏ, vỏ mỏng, thịt thơm.',
    descriptionEn:
      'Cát chu mangoes grown to VietGAP on Hòn Đất’s acid-sulphate soils, bagged on the tree, thin-skinned and fragrant.',
    evaluations: [certified('P2024C', [30, 18, 25])],
  }),
  product({
    nameVi: 'Gạo ST25 Sơn Kiên',
    nameEn: 'Sơn Kiên ST25 rice',
    category: 'FOOD',
    regionCode: 'KG-HD-SK',
    producerSlug: 'htx-nong-nghiep-son-kien',
    descriptionVi: 'Gạo ST25 hạt dài, cơm dẻo thơm, canh tác giảm phân thuốc trong cánh đồng lớn của hợp tác xã.',
    descriptionEn:
      'Long-grain ST25 rice, soft and fragrant, grown with reduced inputs on the cooperative’s large fields.',
    evaluations: [certified('D2024B', [26, 14, 22])],
  }),
  product({
    nameVi: 'Tinh dầu sả chanh Hòn Đất',
    nameEn: 'Hòn Đất lemongrass essential oil',
    category: 'HERB',
    regionCode: 'KG-HD',
    producerSlug: 'tinh-dau-my-thai',
    descriptionVi:
      'Tinh dầu chưng cất hơi nước từ sả chanh trồng tại Hòn Đất, dùng xông phòng, đuổi muỗi và pha dầu massage.',
    descriptionEn:
      'Steam-distilled oil of Hòn Đất lemongrass for room scenting, keeping mosquitoes away and blending massage oils.',
    evaluations: [certified('D2023A', [25, 14, 21]), certified('P2026A', [27, 14, 21])],
  }),
  product({
    nameVi: 'Dầu xoa bóp sả chanh Mỹ Thái',
    nameEn: 'Mỹ Thái lemongrass massage oil',
    category: 'HERB',
    regionCode: 'KG-HD',
    producerSlug: 'tinh-dau-my-thai',
    descriptionVi: 'Dầu xoa bóp pha tinh dầu sả chanh và gừng; hồ sơ đang được hội đồng tỉnh chấm điểm.',
    descriptionEn: 'Massage oil blending lemongrass and ginger; the provincial council is still scoring its file.',
    evaluations: [draft('P2026D', [27, 15, 20])],
  }),
  product({
    nameVi: 'Túi thổ cẩm Khmer Sóc Sơn',
    nameEn: 'Sóc Sơn Khmer brocade bag',
    category: 'TEXTILE',
    regionCode: 'KG-HD-SS',
    producerSlug: 'tho-cam-soc-son',
    descriptionVi: 'Túi đeo may từ vải thổ cẩm dệt tay của đồng bào Khmer, họa tiết hình thoi và hoa sen, lót vải bố.',
    descriptionEn: 'Shoulder bags of hand-woven Khmer brocade with diamond and lotus motifs, lined with canvas.',
    storyVi: 'Các bà, các mẹ trong phum sóc dạy con cháu khung dệt cũ vào mùa nông nhàn.',
    storyEn: 'Grandmothers and mothers in the village teach the old looms to the young in the slack farming season.',
    evaluations: [certified('D2024A', [26, 14, 21])],
  }),
  product({
    nameVi: 'Khăn rằn Khmer Sóc Sơn',
    nameEn: 'Sóc Sơn Khmer checked scarf',
    category: 'TEXTILE',
    regionCode: 'KG-HD-SS',
    producerSlug: 'tho-cam-soc-son',
    descriptionVi: 'Khăn rằn caro dệt sợi bông, nhuộm màu tự nhiên, dài 1,6 m. Dùng quàng cổ, đội đầu hoặc làm quà.',
    descriptionEn:
      'Checked cotton scarves dyed with natural colours, 1.6 m long, worn round the neck or head, or given as gifts.',
    evaluations: [certified('P2025B', [26, 15, 20])],
  }),

  // ── Tân Hiệp ────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Rượu nếp than Tân Hiệp',
    nameEn: 'Tân Hiệp black sticky-rice wine',
    category: 'BEVERAGE',
    regionCode: 'KG-TH-TT',
    producerSlug: 'htx-nep-than-tan-hiep',
    descriptionVi:
      'Rượu nấu từ nếp than trồng tại Tân Hiệp, ủ men lá và lọc bỏ độc tố andehit. Màu tím sẫm, thơm mùi nếp.',
    descriptionEn:
      'Spirit distilled from black sticky rice grown in Tân Hiệp, fermented with leaf yeast and filtered of aldehydes. Deep purple, scented with rice.',
    evaluations: [certified('P2021', [22, 15, 24]), certified('D2024C', [25, 15, 21])],
  }),
  product({
    nameVi: 'Bánh phồng nếp Tân Hiệp',
    nameEn: 'Tân Hiệp puffed sticky-rice crackers',
    category: 'FOOD',
    regionCode: 'KG-TH-TT',
    producerSlug: 'htx-nep-than-tan-hiep',
    descriptionVi: 'Bánh phồng nếp cán tay, phơi nắng; sản xuất còn nhỏ lẻ, chưa đủ điều kiện công nhận.',
    descriptionEn: 'Hand-rolled, sun-dried sticky-rice crackers; production is still too small to qualify.',
    evaluations: [scored('P2021', [8, 5, 12]), scored('D2024B', [15, 9, 14])],
  }),
  product({
    nameVi: 'Dừa sáp Tân Hiệp Mười Đông',
    nameEn: 'Mười Đông macapuno coconut',
    category: 'FOOD',
    regionCode: 'KG-TH',
    producerSlug: 'dua-sap-muoi-dong',
    descriptionVi:
      'Trái dừa sáp cơm dày, sệt như kem, tuyển chọn từng trái bằng cách gõ nghe tiếng. Ăn kèm đá bào và sữa.',
    descriptionEn:
      'Macapuno coconuts with thick, creamy flesh, chosen one by one by tapping. Eaten with shaved ice and milk.',
    evaluations: [certified('D2025A', [26, 14, 21])],
  }),
  product({
    nameVi: 'Kẹo dừa sáp Mười Đông',
    nameEn: 'Mười Đông macapuno candy',
    category: 'FOOD',
    regionCode: 'KG-TH',
    producerSlug: 'dua-sap-muoi-dong',
    descriptionVi:
      'Kẹo dẻo nấu từ cơm dừa sáp và mạch nha. Chứng nhận OCOP đã bị thu hồi sau đợt tái kiểm tra an toàn thực phẩm.',
    descriptionEn:
      'Chewy candy of macapuno flesh and malt syrup. Its OCOP certificate was revoked after a food-safety re-inspection.',
    evaluations: [certified('D2024B', [25, 14, 22], { on: '2025-08-12', reason: REVOKED_FOOD_SAFETY })],
  }),

  // ── Châu Thành ──────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Khóm Tắc Cậu',
    nameEn: 'Tắc Cậu pineapple',
    category: 'FOOD',
    regionCode: 'KG-CT-BA',
    producerSlug: 'htx-khom-tac-cau',
    descriptionVi:
      'Khóm (dứa) Queen trồng trên đất phèn vùng Tắc Cậu, trái nhỏ, mắt sâu, vị ngọt đậm và thơm. Thu hoạch quanh năm, giao tận vườn.',
    descriptionEn:
      'Queen pineapples grown on the acid soils of Tắc Cậu: small fruit with deep eyes, intensely sweet and fragrant. Harvested all year.',
    storyVi:
      'Khóm Tắc Cậu đã có nhãn hiệu tập thể; hợp tác xã giúp các hộ trồng theo một quy trình để giữ tiếng cho trái khóm quê.',
    storyEn:
      'Tắc Cậu pineapple carries a collective trademark; the cooperative keeps members on one growing protocol to protect its name.',
    evaluations: [certified('P2020', [22, 15, 24]), certified('D2024A', [26, 14, 21])],
  }),
  product({
    nameVi: 'Khóm sấy dẻo Tắc Cậu',
    nameEn: 'Tắc Cậu soft-dried pineapple',
    category: 'FOOD',
    regionCode: 'KG-CT-BA',
    producerSlug: 'htx-khom-tac-cau',
    descriptionVi: 'Khóm cắt khoanh sấy dẻo, giữ vị chua ngọt tự nhiên, đóng túi 250 g có cửa sổ nhìn sản phẩm.',
    descriptionEn: 'Pineapple rings dried soft, keeping their natural sweet-sour taste, in 250 g windowed pouches.',
    evaluations: [certified('P2024A', [31, 19, 26])],
  }),
  product({
    nameVi: 'Nước ép khóm Tắc Cậu',
    nameEn: 'Tắc Cậu pineapple juice',
    category: 'BEVERAGE',
    regionCode: 'KG-CT-BA',
    producerSlug: 'thuc-pham-tac-cau',
    descriptionVi: 'Nước ép khóm nguyên chất thanh trùng, đóng chai 330 ml, không thêm đường và chất bảo quản.',
    descriptionEn: 'Pure pasteurised pineapple juice in 330 ml bottles, no added sugar or preservatives.',
    evaluations: [certified('D2023A', [26, 14, 21]), certified('P2026A', [27, 15, 21])],
  }),
  product({
    nameVi: 'Mứt khóm Tắc Cậu',
    nameEn: 'Tắc Cậu pineapple jam',
    category: 'FOOD',
    regionCode: 'KG-CT-BA',
    producerSlug: 'thuc-pham-tac-cau',
    descriptionVi:
      'Mứt khóm sên tay, dùng phết bánh mì hoặc làm nhân bánh. Chứng nhận năm 2023 đã hết hạn, công ty chưa nộp hồ sơ đánh giá lại.',
    descriptionEn:
      'Hand-stirred pineapple jam for toast or pastry filling. Its 2023 certificate has expired and no renewal has been filed.',
    evaluations: [certified('P2023A', [29, 18, 24])],
  }),
  product({
    nameVi: 'Nấm linh chi đỏ Minh Lương',
    nameEn: 'Minh Lương red reishi mushroom',
    category: 'HERB',
    regionCode: 'KG-CT-ML',
    producerSlug: 'nam-linh-chi-hai-phuc',
    descriptionVi: 'Nấm linh chi đỏ nuôi trồng trong nhà màng, thu hái khi tán nấm trưởng thành, sấy khô thái lát.',
    descriptionEn: 'Red reishi grown under cover, harvested at maturity, dried and sliced.',
    evaluations: [certified('D2024B', [25, 15, 21])],
  }),
  product({
    nameVi: 'Trà nấm linh chi Hai Phúc',
    nameEn: 'Hai Phúc reishi tea',
    category: 'HERB',
    regionCode: 'KG-CT-ML',
    producerSlug: 'nam-linh-chi-hai-phuc',
    descriptionVi: 'Trà túi lọc phối linh chi với cỏ ngọt, pha nhanh, vị đắng dịu.',
    descriptionEn: 'Tea bags of reishi with stevia; quick to brew, gently bitter.',
    evaluations: [certified('P2025C', [26, 14, 21])],
  }),

  // ── Giồng Riềng ─────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Gạo thơm Giồng Riềng Ngọc Chúc',
    nameEn: 'Ngọc Chúc Giồng Riềng fragrant rice',
    category: 'FOOD',
    regionCode: 'KG-GR-NC',
    producerSlug: 'htx-lua-gao-ngoc-chuc',
    descriptionVi: 'Gạo thơm từ cánh đồng liên kết của hợp tác xã, xay xát trong ngày, đóng túi 5 kg hút chân không.',
    descriptionEn:
      'Fragrant rice from the cooperative’s linked fields, milled the same day and vacuum-packed in 5 kg bags.',
    storyVi: 'Hơn một trăm hộ xã viên cùng gieo một giống, cùng lịch thời vụ để hạt gạo đồng đều.',
    storyEn: 'Over a hundred member households sow one variety on one calendar so the grain is uniform.',
    evaluations: [certified('P2021', [27, 18, 29]), certified('P2024C', [30, 18, 26])],
  }),
  product({
    nameVi: 'Gạo lứt huyết rồng Ngọc Chúc',
    nameEn: 'Ngọc Chúc red brown rice',
    category: 'FOOD',
    regionCode: 'KG-GR-NC',
    producerSlug: 'htx-lua-gao-ngoc-chuc',
    descriptionVi: 'Gạo lứt huyết rồng màu đỏ nâu, giàu chất xơ, nấu cơm hoặc rang làm trà gạo lứt.',
    descriptionEn: 'Red-brown “dragon blood” rice, high in fibre, for cooking or roasting into rice tea.',
    evaluations: [certified('D2024C', [25, 15, 21])],
  }),
  product({
    nameVi: 'Gạo ST25 Đồng Giồng',
    nameEn: 'Đồng Giồng ST25 rice',
    category: 'FOOD',
    regionCode: 'KG-GR',
    producerSlug: 'luong-thuc-dong-giong',
    descriptionVi: 'Gạo ST25 bao tiêu từ nông dân Giồng Riềng, kiểm soát dư lượng thuốc bảo vệ thực vật từng lô.',
    descriptionEn: 'ST25 rice bought under contract from Giồng Riềng farmers, each lot tested for pesticide residues.',
    evaluations: [certified('P2022B', [22, 15, 25]), certified('P2025B', [26, 15, 22])],
  }),
  product({
    nameVi: 'Bánh tráng Hòa An',
    nameEn: 'Hòa An rice paper',
    category: 'FOOD',
    regionCode: 'KG-GR-HA',
    producerSlug: 'tht-banh-trang-hoa-an',
    descriptionVi: 'Bánh tráng tráng tay từ gạo địa phương, phơi trên vỉ tre, dùng cuốn gỏi hoặc nướng.',
    descriptionEn: 'Hand-made rice paper from local rice, dried on bamboo racks, for spring rolls or grilling.',
    storyVi: 'Xóm bánh tráng Hòa An thức từ ba giờ sáng; tiếng quạt lò trấu là tiếng chuông báo thức của cả ấp.',
    storyEn: 'The Hòa An rice-paper lane wakes at three; the hum of the husk-fired stoves is the hamlet’s alarm clock.',
    evaluations: [certified('P2020', [22, 14, 24]), certified('D2024A', [25, 14, 21])],
  }),
  product({
    nameVi: 'Bánh tráng dừa nướng Hòa An',
    nameEn: 'Hòa An toasted coconut rice crackers',
    category: 'FOOD',
    regionCode: 'KG-GR-HA',
    producerSlug: 'tht-banh-trang-hoa-an',
    descriptionVi: 'Bánh tráng dừa mè nướng giòn; chưa đạt yêu cầu về hạn sử dụng và ghi nhãn.',
    descriptionEn: 'Crisp coconut-and-sesame rice crackers; shelf-life testing and labelling fell short.',
    evaluations: [scored('D2023A', [17, 10, 16])],
  }),

  // ── Gò Quao ─────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Khăn rằn dệt tay Vĩnh Hòa Hưng',
    nameEn: 'Vĩnh Hòa Hưng hand-woven checked scarf',
    category: 'TEXTILE',
    regionCode: 'KG-GQ-VHHB',
    producerSlug: 'htx-det-khmer-go-quao',
    descriptionVi: 'Khăn rằn dệt trên khung gỗ truyền thống của đồng bào Khmer, sợi bông nhuộm chàm và đỏ.',
    descriptionEn: 'Checked scarves woven on traditional Khmer wooden looms in indigo- and red-dyed cotton.',
    storyVi: 'Hợp tác xã khôi phục nghề dệt của phum sóc, mỗi khăn mất gần một ngày công.',
    storyEn: 'The cooperative revived the village weaving craft; each scarf takes nearly a day.',
    evaluations: [certified('P2022B', [22, 14, 24]), certified('P2025B', [26, 14, 21])],
  }),
  product({
    nameVi: 'Xà rông dệt tay Khmer Gò Quao',
    nameEn: 'Gò Quao hand-woven Khmer sarong',
    category: 'TEXTILE',
    regionCode: 'KG-GQ-VHHB',
    producerSlug: 'htx-det-khmer-go-quao',
    descriptionVi: 'Xà rông lụa pha bông dệt hoa văn truyền thống, mặc trong lễ hội Chôl Chnăm Thmây và Ok Om Bok.',
    descriptionEn:
      'Silk-cotton sarongs with traditional patterns, worn at the Chôl Chnăm Thmây and Ok Om Bok festivals.',
    evaluations: [certified('D2024C', [26, 15, 21])],
  }),
  product({
    nameVi: 'Bánh tráng Tư Nhàn Gò Quao',
    nameEn: 'Tư Nhàn Gò Quao rice paper',
    category: 'FOOD',
    regionCode: 'KG-GQ',
    producerSlug: 'banh-trang-tu-nhan',
    descriptionVi: 'Bánh tráng mỏng phơi sương, mềm dẻo, dùng cuốn thịt luộc và rau vườn.',
    descriptionEn: 'Thin dew-softened rice paper, supple, for wrapping boiled pork and garden herbs.',
    evaluations: [certified('D2024B', [25, 14, 22])],
  }),
  product({
    nameVi: 'Bánh phồng tôm Tư Nhàn',
    category: 'FOOD',
    regionCode: 'KG-GQ',
    producerSlug: 'banh-trang-tu-nhan',
    descriptionVi: 'Bánh phồng tôm làm từ tôm đất và bột năng, phơi khô, chiên phồng giòn.',
    evaluations: [certified('D2025A', [25, 14, 21])],
  }),

  // ── An Biên ─────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Ba khía muối Thứ Ba',
    nameEn: 'Thứ Ba salted marsh crab',
    category: 'FOOD',
    regionCode: 'KG-AB-TB',
    producerSlug: 'htx-thuy-san-thu-ba',
    descriptionVi:
      'Ba khía bắt ở rừng ven biển An Biên, muối chượp theo cách cũ; trộn tỏi ớt, đường, chanh là món ăn dân dã.',
    descriptionEn:
      'Marsh crabs caught in An Biên’s coastal forest and salted the old way; mixed with garlic, chilli, sugar and lime it is a country classic.',
    evaluations: [certified('P2022B', [22, 15, 24]), certified('P2025B', [25, 15, 22])],
  }),
  product({
    nameVi: 'Cua biển An Biên',
    nameEn: 'An Biên mud crab',
    category: 'FOOD',
    regionCode: 'KG-AB-TB',
    producerSlug: 'htx-thuy-san-thu-ba',
    descriptionVi: 'Cua biển nuôi quảng canh dưới tán rừng ven biển, chắc thịt, giao sống trong ngày.',
    descriptionEn: 'Mud crabs raised extensively under the coastal forest, meaty, delivered live the same day.',
    evaluations: [certified('D2024C', [26, 14, 22])],
  }),
  product({
    nameVi: 'Tôm khô Thứ Ba',
    nameEn: 'Thứ Ba dried shrimp',
    category: 'FOOD',
    regionCode: 'KG-AB-TB',
    producerSlug: 'htx-thuy-san-thu-ba',
    descriptionVi: 'Tôm đất luộc, phơi, lột vỏ. Chứng nhận OCOP đã bị thu hồi sau kiểm tra hậu kiểm năm 2026.',
    descriptionEn:
      'Small shrimp boiled, dried and peeled. Its OCOP certificate was revoked after a 2026 market inspection.',
    evaluations: [certified('P2025B', [26, 15, 21], { on: '2026-04-14', reason: REVOKED_ADDITIVE })],
  }),

  // ── An Minh ─────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Gạo ST25 lúa tôm Thuận Hòa',
    nameEn: 'Thuận Hòa ST25 shrimp-rice',
    category: 'FOOD',
    regionCode: 'KG-AM-TH',
    producerSlug: 'htx-lua-tom-thuan-hoa',
    descriptionVi:
      'Gạo ST25 trồng luân canh trên ruộng nuôi tôm, không dùng phân thuốc hóa học trong vụ lúa. Cơm dẻo, thơm lá dứa.',
    descriptionEn:
      'ST25 rice grown in rotation on shrimp ponds with no chemical inputs in the rice season. Soft, pandan-scented rice.',
    storyVi: 'Mùa khô nuôi tôm, mùa mưa trồng lúa: mô hình lúa – tôm giúp đất rửa mặn và cho hạt gạo sạch.',
    storyEn:
      'Shrimp in the dry season, rice in the wet: the rice–shrimp rotation flushes salt from the soil and yields clean rice.',
    evaluations: [certified('P2023A', [29, 19, 25]), certified('P2026A', [31, 19, 25])],
  }),
  product({
    nameVi: 'Tôm khô lúa tôm Thuận Hòa',
    nameEn: 'Thuận Hòa rice-field dried shrimp',
    category: 'FOOD',
    regionCode: 'KG-AM-TH',
    producerSlug: 'htx-lua-tom-thuan-hoa',
    descriptionVi: 'Tôm sú nuôi trên ruộng lúa, luộc và phơi nắng, màu đỏ cam tự nhiên.',
    descriptionEn: 'Tiger shrimp raised in rice fields, boiled and sun-dried to a natural orange-red.',
    evaluations: [certified('D2024A', [26, 15, 22])],
  }),

  // ── Vĩnh Thuận ──────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Mắm cá lóc Vĩnh Thuận',
    nameEn: 'Vĩnh Thuận fermented snakehead',
    category: 'FOOD',
    regionCode: 'KG-VT',
    producerSlug: 'tht-mam-ca-dong-vinh-thuan',
    descriptionVi: 'Mắm cá lóc đồng ủ muối và thính, để đủ sáu tháng. Chưng thịt, nấu lẩu mắm hoặc ăn sống trộn đu đủ.',
    descriptionEn:
      'Wild snakehead fermented with salt and roasted rice powder for six months. Steam with pork, make hotpot or eat raw with papaya.',
    evaluations: [certified('D2024B', [26, 15, 21])],
  }),
  product({
    nameVi: 'Mắm cá linh Vĩnh Thuận',
    nameEn: 'Vĩnh Thuận fermented mud carp',
    category: 'FOOD',
    regionCode: 'KG-VT',
    producerSlug: 'tht-mam-ca-dong-vinh-thuan',
    descriptionVi: 'Mắm cá linh mùa nước nổi; sản lượng thấp và chưa có hồ sơ công bố nên chưa đạt hạng sao.',
    descriptionEn:
      'Mud carp fermented in the flood season; low output and no quality declaration yet, so no star rating.',
    evaluations: [scored('P2022A', [12, 7, 13])],
  }),
  product({
    nameVi: 'Giỏ lục bình Vĩnh Thuận',
    nameEn: 'Vĩnh Thuận water-hyacinth basket',
    category: 'SOUVENIR',
    regionCode: 'KG-VT-TT',
    producerSlug: 'htx-dan-dat-vinh-thuan',
    descriptionVi: 'Giỏ đan từ thân lục bình phơi khô, khung mây, nhiều kích cỡ để đựng đồ và trang trí.',
    descriptionEn:
      'Baskets woven from dried water-hyacinth stems on rattan frames, in sizes for storage and decoration.',
    storyVi: 'Lục bình từng là cỏ dại làm tắc kênh; nay phụ nữ trong xã vớt về phơi, đan thành hàng xuất khẩu.',
    storyEn: 'Water hyacinth used to choke the canals; now village women harvest, dry and weave it into export goods.',
    evaluations: [certified('D2024C', [25, 15, 21])],
  }),
  product({
    nameVi: 'Đệm ngồi lục bình Vĩnh Thuận',
    nameEn: 'Vĩnh Thuận water-hyacinth floor cushion',
    category: 'SOUVENIR',
    regionCode: 'KG-VT-TT',
    producerSlug: 'htx-dan-dat-vinh-thuan',
    descriptionVi: 'Đệm ngồi đan tròn từ lục bình; phiếu chấm điểm mới ở dạng dự thảo.',
    descriptionEn: 'Round woven water-hyacinth floor cushions; the score sheet is still a draft.',
    evaluations: [draft('P2026D', [26, 14, 20])],
  }),

  // ── U Minh Thượng ───────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Mật ong rừng U Minh Thượng Lê Tiên',
    nameEn: 'Lê Tiên U Minh Thượng forest honey',
    category: 'FOOD',
    regionCode: 'KG-UMT-AMB',
    producerSlug: 'mat-ong-le-tien',
    real: true,
    descriptionVi:
      'Mật ong khai thác bằng nghề gác kèo dưới tán rừng tràm U Minh Thượng, mùa mật chính từ tháng mười đến tháng ba âm lịch. Mật sánh, vị ngọt thanh, thoảng mùi hoa tràm.',
    descriptionEn:
      'Honey from the traditional rafter-hive (gác kèo) method under the melaleuca forest of U Minh Thượng, mainly harvested from the tenth to the third lunar month. Thick, clean-tasting, with a hint of melaleuca blossom.',
    storyVi:
      'Người gác kèo dựng cây kèo cho ong rừng đến làm tổ, mỗi mùa chỉ cắt phần mật và chừa lại tổ non cho đàn ong.',
    storyEn:
      'Rafter keepers set poles for wild bees to build on, and each season cut only the honeycomb, leaving the brood for the colony.',
    evaluations: [certified('P2021', [22, 14, 24]), certified('D2024C', [25, 14, 22])],
  }),
  product({
    nameVi: 'Mật ong hoa tràm Minh Thuận',
    nameEn: 'Minh Thuận melaleuca blossom honey',
    category: 'FOOD',
    regionCode: 'KG-UMT-MT',
    producerSlug: 'htx-ong-mat-minh-thuan',
    descriptionVi: 'Mật ong nuôi trong vùng đệm rừng tràm, quay mật bằng máy inox, lọc và đo độ ẩm dưới 20%.',
    descriptionEn:
      'Honey from hives in the melaleuca buffer zone, spun in stainless extractors, filtered and kept below 20% moisture.',
    evaluations: [certified('P2024B', [30, 19, 25])],
  }),
  product({
    nameVi: 'Phấn hoa ong rừng tràm Minh Thuận',
    nameEn: 'Minh Thuận melaleuca bee pollen',
    category: 'FOOD',
    regionCode: 'KG-UMT-MT',
    producerSlug: 'htx-ong-mat-minh-thuan',
    descriptionVi: 'Phấn hoa ong sấy khô; lần đánh giá lại năm 2024 không đạt nên chứng nhận cũ đã hết hiệu lực.',
    descriptionEn: 'Dried bee pollen; the 2024 re-evaluation fell short, so the old certificate lapsed.',
    evaluations: [certified('P2021', [21, 14, 24]), scored('D2024C', [17, 9, 13])],
  }),
  product({
    nameVi: 'Tinh dầu tràm U Minh Thượng',
    nameEn: 'U Minh Thượng cajeput oil',
    category: 'HERB',
    regionCode: 'KG-UMT',
    producerSlug: 'htx-duoc-lieu-rung-tram',
    descriptionVi: 'Tinh dầu chưng cất từ lá tràm gió, dùng giữ ấm cho trẻ nhỏ, xông mũi và xoa bóp.',
    descriptionEn: 'Oil distilled from cajeput leaves, used to keep babies warm, as an inhalant and for massage.',
    storyVi: 'Lá tràm được tỉa từ rừng trồng theo kế hoạch của vườn quốc gia, không chặt cây.',
    storyEn: 'Leaves are pruned from planted forest under the national park’s plan; no trees are felled.',
    evaluations: [certified('P2022A', [22, 15, 24]), certified('D2025A', [26, 14, 21])],
  }),
  product({
    nameVi: 'Dầu tràm xoa bóp U Minh',
    nameEn: 'U Minh cajeput massage balm',
    category: 'HERB',
    regionCode: 'KG-UMT',
    producerSlug: 'htx-duoc-lieu-rung-tram',
    descriptionVi: 'Dầu xoa bóp phối tinh dầu tràm, sả và bạc hà, chai lăn 10 ml tiện mang theo.',
    descriptionEn: 'Massage balm of cajeput, lemongrass and mint in a 10 ml roller bottle.',
    evaluations: [certified('P2025C', [31, 18, 24])],
  }),
  product({
    nameVi: 'Khô cá sặc rằn U Minh Thượng',
    nameEn: 'U Minh Thượng dried snakeskin gourami',
    category: 'FOOD',
    regionCode: 'KG-UMT-MT',
    producerSlug: 'kho-ca-nam-lanh',
    descriptionVi: 'Cá sặc rằn đồng, ướp muối nhạt và phơi nắng, chiên giòn ăn với cơm và xoài bằm.',
    descriptionEn: 'Wild snakeskin gourami, lightly salted and sun-dried, fried crisp with rice and shredded mango.',
    evaluations: [certified('D2024A', [25, 15, 21])],
  }),
  product({
    nameVi: 'Khô cá lóc U Minh Thượng',
    nameEn: 'U Minh Thượng dried snakehead',
    category: 'FOOD',
    regionCode: 'KG-UMT-MT',
    producerSlug: 'kho-ca-nam-lanh',
    descriptionVi: 'Khô cá lóc đồng xẻ bướm, phơi hai nắng, thịt dày, nướng thơm.',
    descriptionEn: 'Butterflied wild snakehead dried over two days; thick and fragrant when grilled.',
    evaluations: [certified('P2025B', [26, 14, 22])],
  }),
  product({
    nameVi: 'Homestay rừng tràm Chín Lâm',
    nameEn: 'Chín Lâm melaleuca forest homestay',
    category: 'TOURISM',
    regionCode: 'KG-UMT-AMB',
    producerSlug: 'homestay-chin-lam',
    descriptionVi: 'Nhà vườn ven rừng tràm với năm phòng nghỉ, bữa cơm miệt thứ và chuyến xuồng đi xem gác kèo ong.',
    descriptionEn:
      'A garden house on the forest edge with five rooms, local home cooking and a boat trip to see rafter beekeeping.',
    storyVi: 'Chủ nhà là người gác kèo lâu năm, kể chuyện rừng U Minh bên bếp lửa mỗi tối.',
    storyEn: 'The host is a veteran rafter beekeeper who tells stories of the U Minh forest by the fire each evening.',
    evaluations: [certified('D2025A', [26, 15, 20])],
  }),
  product({
    nameVi: 'Tour chèo xuồng rừng tràm U Minh Thượng',
    nameEn: 'U Minh Thượng melaleuca forest canoe tour',
    category: 'TOURISM',
    regionCode: 'KG-UMT-AMB',
    producerSlug: 'homestay-chin-lam',
    cycleStage: 'BUSINESS_PLAN',
    descriptionVi: 'Ý tưởng tour chèo xuồng ba lá xuyên rừng tràm lúc bình minh; đang hoàn thiện phương án kinh doanh.',
    descriptionEn: 'A dawn canoe tour through the melaleuca forest; the business plan is being finalised.',
  }),

  // ── Kiên Hải ────────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Nước mắm Nam Du 40 độ đạm',
    nameEn: 'Nam Du fish sauce, 40° protein',
    category: 'FOOD',
    regionCode: 'KG-KH-AS',
    producerSlug: 'nuoc-mam-nam-du',
    descriptionVi: 'Nước mắm cá cơm của quần đảo Nam Du, ủ chượp trong lu sành, độ đạm 40°N.',
    descriptionEn: 'Anchovy fish sauce from the Nam Du archipelago, fermented in earthenware jars, 40° protein.',
    evaluations: [certified('D2024B', [26, 15, 21])],
  }),
  product({
    nameVi: 'Khô cá nục Hòn Sơn',
    nameEn: 'Hòn Sơn dried round scad',
    category: 'FOOD',
    regionCode: 'KG-KH-LS',
    producerSlug: 'htx-thuy-san-hon-son',
    descriptionVi: 'Cá nục tươi đánh bắt quanh Hòn Sơn, phơi trên giàn lưới giữa gió biển, đóng gói hút chân không.',
    descriptionEn: 'Fresh round scad from around Hòn Sơn, dried on net racks in the sea breeze, vacuum-packed.',
    evaluations: [certified('P2023B', [29, 18, 24]), certified('P2026B', [30, 18, 24])],
  }),
  product({
    nameVi: 'Du lịch cộng đồng Hòn Sơn',
    nameEn: 'Hòn Sơn community tourism',
    category: 'TOURISM',
    regionCode: 'KG-KH-LS',
    producerSlug: 'htx-du-lich-hon-son',
    descriptionVi: 'Lưu trú nhà dân, leo núi Ma Thiên Lãnh, tắm biển Bãi Bàng và ăn hải sản do người dân đảo đánh bắt.',
    descriptionEn: 'Homestays, a hike up Ma Thiên Lãnh peak, swimming at Bãi Bàng and seafood caught by islanders.',
    storyVi:
      'Người dân Lại Sơn chuyển dần từ đánh bắt xa bờ sang đón khách, giữ đảo sạch bằng quy ước chung về rác thải.',
    storyEn:
      'Lại Sơn islanders have moved from offshore fishing to hosting visitors, keeping the island clean under a shared waste pact.',
    evaluations: [certified('P2024C', [30, 19, 24])],
  }),
  product({
    nameVi: 'Lặn ngắm san hô Hòn Sơn',
    nameEn: 'Hòn Sơn coral snorkelling',
    category: 'TOURISM',
    regionCode: 'KG-KH-LS',
    producerSlug: 'htx-du-lich-hon-son',
    descriptionVi: 'Chuyến ghe nửa ngày ra các rạn san hô quanh đảo, có áo phao và hướng dẫn viên người địa phương.',
    descriptionEn: 'A half-day boat trip to the reefs around the island, with life jackets and local guides.',
    evaluations: [certified('P2026A', [26, 15, 21])],
  }),

  // ── Giang Thành ─────────────────────────────────────────────────────────────────────────
  product({
    nameVi: 'Túi xách cỏ bàng Phú Mỹ',
    nameEn: 'Phú Mỹ grey-sedge handbag',
    category: 'SOUVENIR',
    regionCode: 'KG-GT-PM',
    producerSlug: 'htx-phu-nu-co-bang-phu-my',
    real: true,
    descriptionVi:
      'Túi xách đan tay từ cỏ bàng mọc trên đồng phèn Phú Mỹ, cỏ được giã dẹp, phơi và nhuộm màu tự nhiên. Túi bền, nhẹ, thân thiện môi trường.',
    descriptionEn:
      'Handbags hand-woven from grey sedge grown on the acid-sulphate wetlands of Phú Mỹ; the sedge is pounded flat, dried and naturally dyed. Light, durable and eco-friendly.',
    storyVi:
      'Nghề đan cỏ bàng gắn với phụ nữ Khmer ở Phú Mỹ; hợp tác xã phụ nữ tập hợp các chị em để nhận đơn hàng lớn và giữ nghề truyền thống.',
    storyEn:
      'Sedge weaving belongs to the Khmer women of Phú Mỹ; the women’s cooperative brings them together to take large orders and keep the craft alive.',
    evaluations: [certified('P2020', [28, 19, 30]), certified('P2024A', [31, 19, 26])],
  }),
  product({
    nameVi: 'Chiếu cỏ bàng Tân Khánh Hòa',
    nameEn: 'Tân Khánh Hòa grey-sedge mat',
    category: 'SOUVENIR',
    regionCode: 'KG-GT-TKH',
    producerSlug: 'htx-co-bang-tan-khanh-hoa',
    descriptionVi: 'Chiếu đan từ sợi cỏ bàng dẹp, mát về mùa nóng, gấp gọn được; viền vải chắc chắn.',
    descriptionEn: 'Mats woven from flattened grey sedge, cool in hot weather and foldable, with sturdy fabric edging.',
    evaluations: [certified('P2022A', [22, 14, 24]), certified('D2025A', [25, 15, 21])],
  }),
  product({
    nameVi: 'Nón cỏ bàng Tân Khánh Hòa',
    category: 'SOUVENIR',
    regionCode: 'KG-GT-TKH',
    producerSlug: 'htx-co-bang-tan-khanh-hoa',
    descriptionVi: 'Nón rộng vành đan cỏ bàng, nhẹ và thoáng, có quai vải.',
    evaluations: [certified('D2024B', [25, 14, 21])],
  }),
];

// ─── Certificate numbers ────────────────────────────────────────────────────────────────────

/**
 * Numbers certificates in issue order within each issuer and year: 'TW' for central 5★
 * certificates, 'AG' for An Giang from 2025-07-01, 'KG' for Kiên Giang and its districts before.
 */
function numberCertificates(list: SampleProduct[]): SampleProduct[] {
  const issued = list.flatMap((p) => p.results.flatMap((e) => (e.certificate ? [{ e, cert: e.certificate }] : [])));
  issued.sort((x, y) => (x.cert.issuedOn < y.cert.issuedOn ? -1 : x.cert.issuedOn > y.cert.issuedOn ? 1 : 0));
  const seq = new Map<string, number>();
  for (const { e, cert } of issued) {
    const issuer = e.councilLevel === 'CENTRAL' ? 'TW' : cert.issuedOn >= AG_FROM ? 'AG' : 'KG';
    const key = `${issuer}-OCOP-${cert.issuedOn.slice(0, 4)}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    cert.number = `${key}-${String(n).padStart(4, '0')}`;
  }
  return list;
}

// ─── Plan 118/KH-UBND targets ───────────────────────────────────────────────────────────────

const PLAN = '118/KH-UBND';

const targets: ProgramTargetValues[] = [
  {
    code: 'PLAN118_2020_CERTIFIED',
    planRef: PLAN,
    descriptionVi: 'Năm 2020: 4–5 sản phẩm được công nhận đạt từ 3 sao trở lên.',
    descriptionEn: '2020: 4–5 products certified at 3★ or more.',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    metric: 'CERTIFIED_PRODUCTS',
    minStars: 3,
    valueMin: 4,
    valueMax: 5,
  },
  {
    code: 'PLAN118_2020_FIVE_STAR',
    planRef: PLAN,
    descriptionVi: 'Năm 2020: 1–2 sản phẩm đạt 5 sao.',
    descriptionEn: '2020: 1–2 products at 5★.',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    metric: 'CERTIFIED_PRODUCTS',
    minStars: 5,
    valueMin: 1,
    valueMax: 2,
  },
  {
    code: 'PLAN118_2021_2025_CERTIFIED',
    planRef: PLAN,
    descriptionVi:
      'Giai đoạn 2021–2025: ít nhất 120 sản phẩm mới và hiện có đạt từ 3 sao trở lên (bình quân 8 sản phẩm/huyện, thành phố/năm).',
    descriptionEn:
      '2021–2025: at least 120 new and existing products at 3★ or more (about 8 per district-level unit per year).',
    periodFrom: '2021-01-01',
    periodTo: '2025-12-31',
    metric: 'CERTIFIED_PRODUCTS',
    minStars: 3,
    valueMin: 120,
    valueMax: 120,
    perDistrictPerYear: 8,
  },
  {
    code: 'PLAN118_2021_2025_FIVE_STAR_PROVINCIAL',
    planRef: PLAN,
    descriptionVi:
      'Giai đoạn 2021–2025: ít nhất 25 sản phẩm đạt 5 sao cấp tỉnh (tiềm năng 5 sao, trình cấp trung ương).',
    descriptionEn: '2021–2025: at least 25 products at 5★ provincial level (shortlisted for central evaluation).',
    periodFrom: '2021-01-01',
    periodTo: '2025-12-31',
    metric: 'CERTIFIED_PRODUCTS',
    minStars: 5,
    valueMin: 25,
    valueMax: 25,
  },
  {
    code: 'PLAN118_2021_2025_TRAINED',
    planRef: PLAN,
    descriptionVi: 'Giai đoạn 2021–2025: 100% cán bộ quản lý OCOP và chủ thể tham gia được đào tạo, tập huấn.',
    descriptionEn: '2021–2025: 100% of OCOP managers and participating producers trained.',
    periodFrom: '2021-01-01',
    periodTo: '2025-12-31',
    metric: 'TRAINED_PERCENT',
    valueMin: 100,
    valueMax: 100,
  },
  ...budget(
    'PLAN118_BUDGET',
    'Tổng kinh phí 2020–2025',
    'Total budget 2020–2025',
    '2020-01-01',
    '2025-12-31',
    326_779,
    118_955,
    207_824,
  ),
  ...budget(
    'PLAN118_2020_BUDGET',
    'Kinh phí năm 2020',
    'Budget for 2020',
    '2020-01-01',
    '2020-12-31',
    6_705,
    2_507,
    4_198,
  ),
  ...budget(
    'PLAN118_2021_2025_BUDGET',
    'Kinh phí giai đoạn 2021–2025',
    'Budget for 2021–2025',
    '2021-01-01',
    '2025-12-31',
    320_074,
    116_448,
    203_626,
  ),
];

/** A budget total (million VND) with its state and participant shares. */
function budget(
  code: string,
  labelVi: string,
  labelEn: string,
  periodFrom: string,
  periodTo: string,
  total: number,
  state: number,
  participants: number,
): ProgramTargetValues[] {
  if (state + participants !== total) throw new Error(`Budget ${code} does not add up`);
  const row = (
    suffix: string,
    breakdown: string | undefined,
    vi: string,
    en: string,
    value: number,
  ): ProgramTargetValues => ({
    code: `${code}${suffix}`,
    planRef: PLAN,
    descriptionVi: `${labelVi}${vi} (triệu đồng).`,
    descriptionEn: `${labelEn}${en} (million VND).`,
    periodFrom,
    periodTo,
    metric: 'BUDGET_MILLION_VND',
    ...(breakdown ? { breakdown } : {}),
    valueMin: value,
    valueMax: value,
  });
  return [
    row('_TOTAL', undefined, '', '', total),
    row('_STATE', 'STATE', ': vốn ngân sách nhà nước', ': state budget', state),
    row(
      '_PARTICIPANTS',
      'PARTICIPANTS',
      ': vốn của các chủ thể tham gia và huy động khác',
      ': participants and other sources',
      participants,
    ),
  ];
}

const samples = numberCertificates(products);
const results = samples.map((p) => resultRecords(p.slug, p.results));

/** The slugs of the products named in public sources (DOMAIN.md); the others are illustrative. */
export const REAL_PRODUCTS: ReadonlySet<string> = new Set(samples.filter((p) => p.real).map((p) => p.slug));

export const kienGiangCatalog: SeedCatalog = {
  document: {
    regions,
    producers,
    products: samples.map((p) => p.record),
    evaluations: results.flatMap((r) => r.evaluations),
    certificates: results.flatMap((r) => r.certificates),
  },
  photos: SAMPLE_PHOTOS,
  targets,
};
