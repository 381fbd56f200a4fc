import { foldVietnamese, TRADE_COLUMNS } from '@ocop/domain';

/**
 * The import and export formats: which files exist, their columns in order, and the headers
 * accepted for each column. English keys (`name_vi`) are what exports write; Vietnamese headers
 * ("Tên sản phẩm") and a few common variants are accepted too, compared without diacritics,
 * case, punctuation or a bracketed note, so "Điểm phần A (tối đa 35)" is `score_a`.
 * docs/import-format.md describes every column; a unit test keeps the two in step.
 */

/** What a file holds, in the order an import applies them (each may refer to the ones before). */
export const TRANSFER_KINDS = ['regions', 'producers', 'products', 'evaluations', 'certificates'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface ColumnDef {
  /** The English header, as exports write it. */
  key: string;
  /** The Vietnamese header, as the templates' documentation shows it. */
  vi: string;
  /** Other accepted headers. */
  aliases?: readonly string[];
  /** A file without this column cannot be imported. */
  required?: boolean;
}

export interface KindDef {
  kind: TransferKind;
  /** "sản phẩm", for messages. */
  nameVi: string;
  /** A column only this kind has: its presence tells what a file holds. */
  marker: string;
  columns: readonly ColumnDef[];
}

const REGION_ALIASES = [
  'region code',
  'ma dia ban',
  'district',
  'commune',
  'huyen',
  'quan huyen',
  'huyen thanh pho',
  'huyen thi xa thanh pho',
  'don vi hanh chinh',
  'xa phuong',
];

/** Vietnamese headers of the trade columns (products.csv); `_en` columns add "tiếng Anh". */
const TRADE_VI: Record<string, [string, ...string[]]> = {
  packaging: ['Quy cách đóng gói', 'quy cach', 'dong goi'],
  price_unit: ['Đơn vị tính giá', 'don vi tinh'],
  retail_price_min: ['Giá bán lẻ thấp nhất', 'gia ban le tu'],
  retail_price_max: ['Giá bán lẻ cao nhất', 'gia ban le den'],
  wholesale_price: ['Giá bán sỉ', 'gia si', 'gia ban buon'],
  minimum_order: ['Đơn hàng tối thiểu', 'moq'],
  monthly_capacity: ['Năng lực cung ứng mỗi tháng', 'san luong thang', 'nang luc cung ung'],
  shelf_life_days: ['Hạn sử dụng', 'thoi han su dung', 'shelf life'],
  storage: ['Điều kiện bảo quản', 'bao quan'],
  certifications: ['Chứng nhận khác', 'chung nhan', 'other certifications'],
  export_readiness: ['Khả năng xuất khẩu', 'san sang xuat khau'],
  export_markets: ['Thị trường xuất khẩu', 'thi truong'],
  lead_time_days: ['Thời gian giao hàng', 'lead time'],
  sample_policy: ['Chính sách hàng mẫu', 'hang mau'],
  tour_duration: ['Thời lượng tour', 'thoi gian tour'],
  tour_price_per_person: ['Giá tour mỗi khách', 'gia tour'],
  tour_season: ['Mùa du lịch', 'mua tour'],
  booking_contact: ['Liên hệ đặt tour', 'dat tour'],
  trade_note: ['Ghi chú thương mại', 'ghi chu'],
};

const TRADE_HEADERS: Record<string, ColumnDef> = Object.fromEntries(
  TRADE_COLUMNS.map(({ column }) => {
    const lang = /_(vi|en)$/u.exec(column)?.[1];
    const base = lang ? column.slice(0, -3) : column;
    const [vi, ...aliases] = TRADE_VI[base] ?? [column];
    const suffix = lang === 'en' ? ' tiếng Anh' : '';
    return [column, { key: column, vi: `${vi}${suffix}`, aliases: aliases.map((a) => `${a}${suffix}`) }];
  }),
);

export const KINDS: Readonly<Record<TransferKind, KindDef>> = {
  regions: {
    kind: 'regions',
    nameVi: 'đơn vị hành chính',
    marker: 'level',
    columns: [
      { key: 'code', vi: 'Mã đơn vị', aliases: ['ma', 'region code'], required: true },
      { key: 'name_vi', vi: 'Tên đơn vị', aliases: ['ten', 'name'], required: true },
      { key: 'name_en', vi: 'Tên tiếng Anh', aliases: ['english name'] },
      { key: 'level', vi: 'Cấp', aliases: ['cap hanh chinh'], required: true },
      { key: 'kind', vi: 'Loại đơn vị', aliases: ['loai'], required: true },
      { key: 'parent', vi: 'Đơn vị cấp trên', aliases: ['ma don vi cap tren', 'truc thuoc', 'parent code'] },
      { key: 'valid_from', vi: 'Hiệu lực từ', aliases: ['tu ngay'] },
      { key: 'valid_to', vi: 'Hiệu lực đến', aliases: ['den ngay'] },
      { key: 'successor', vi: 'Đơn vị kế thừa', aliases: ['successor code'] },
    ],
  },
  producers: {
    kind: 'producers',
    nameVi: 'chủ thể',
    marker: 'type',
    columns: [
      { key: 'slug', vi: 'Mã chủ thể', aliases: ['ma'] },
      {
        key: 'name',
        vi: 'Tên chủ thể',
        aliases: ['ten', 'ten chu the ocop', 'chu the', 'ten doanh nghiep', 'ten co so', 'producer'],
        required: true,
      },
      {
        key: 'type',
        vi: 'Loại hình',
        aliases: ['loai hinh chu the', 'loai hinh to chuc', 'producer type'],
        required: true,
      },
      { key: 'representative', vi: 'Người đại diện', aliases: ['dai dien', 'nguoi dai dien theo phap luat'] },
      { key: 'address', vi: 'Địa chỉ', aliases: ['dia chi tru so'], required: true },
      { key: 'region', vi: 'Địa bàn', aliases: REGION_ALIASES, required: true },
      { key: 'phone', vi: 'Điện thoại', aliases: ['so dien thoai', 'sdt', 'telephone'] },
      { key: 'email', vi: 'Email', aliases: ['thu dien tu', 'e mail'] },
      { key: 'website', vi: 'Trang web', aliases: ['web'] },
      { key: 'tax_code', vi: 'Mã số thuế', aliases: ['mst', 'tax id'] },
    ],
  },
  products: {
    kind: 'products',
    nameVi: 'sản phẩm',
    marker: 'category',
    columns: [
      { key: 'slug', vi: 'Mã sản phẩm', aliases: ['ma'] },
      {
        key: 'name_vi',
        vi: 'Tên sản phẩm',
        aliases: ['ten', 'name', 'san pham', 'ten san pham ocop', 'product'],
        required: true,
      },
      { key: 'name_en', vi: 'Tên tiếng Anh', aliases: ['ten san pham tieng anh', 'english name'] },
      {
        key: 'category',
        vi: 'Nhóm sản phẩm',
        aliases: ['nhom', 'phan nhom', 'nganh hang', 'nhom nganh', 'bo san pham'],
        required: true,
      },
      { key: 'region', vi: 'Địa bàn', aliases: REGION_ALIASES },
      {
        key: 'producer',
        vi: 'Chủ thể',
        aliases: ['ten chu the', 'ma chu the', 'chu the ocop', 'co so san xuat', 'producer slug'],
        required: true,
      },
      { key: 'cycle_stage', vi: 'Bước chu trình', aliases: ['chu trinh', 'buoc', 'stage'] },
      { key: 'description_vi', vi: 'Mô tả', aliases: ['mo ta san pham', 'description'], required: true },
      { key: 'description_en', vi: 'Mô tả tiếng Anh', aliases: ['english description'] },
      { key: 'story_vi', vi: 'Câu chuyện sản phẩm', aliases: ['cau chuyen', 'story'] },
      { key: 'story_en', vi: 'Câu chuyện tiếng Anh', aliases: ['english story'] },
      ...TRADE_COLUMNS.map(({ column }) => TRADE_HEADERS[column] as ColumnDef),
    ],
  },
  evaluations: {
    kind: 'evaluations',
    nameVi: 'kết quả đánh giá',
    marker: 'score_a',
    columns: [
      { key: 'product', vi: 'Sản phẩm', aliases: ['ma san pham', 'ten san pham', 'product slug'], required: true },
      { key: 'council_level', vi: 'Cấp đánh giá', aliases: ['cap hoi dong', 'hoi dong'], required: true },
      { key: 'criteria_version', vi: 'Bộ tiêu chí', aliases: ['tieu chi', 'criteria'] },
      { key: 'evaluated_on', vi: 'Ngày đánh giá', aliases: ['ngay cham diem'], required: true },
      { key: 'score_a', vi: 'Điểm phần A', aliases: ['phan a', 'diem a'], required: true },
      { key: 'score_b', vi: 'Điểm phần B', aliases: ['phan b', 'diem b'], required: true },
      { key: 'score_c', vi: 'Điểm phần C', aliases: ['phan c', 'diem c'], required: true },
      { key: 'status', vi: 'Trạng thái', aliases: ['tinh trang'] },
    ],
  },
  certificates: {
    kind: 'certificates',
    nameVi: 'giấy chứng nhận',
    marker: 'number',
    columns: [
      {
        key: 'number',
        vi: 'Số giấy chứng nhận',
        aliases: ['so chung nhan', 'so gcn', 'so giay chung nhan ocop', 'certificate number'],
        required: true,
      },
      { key: 'product', vi: 'Sản phẩm', aliases: ['ma san pham', 'ten san pham', 'product slug'], required: true },
      { key: 'stars', vi: 'Số sao', aliases: ['hang sao', 'xep hang', 'sao', 'ket qua xep hang'], required: true },
      { key: 'issuing_level', vi: 'Cấp công nhận', aliases: ['cap cong nhan ocop', 'council level'], required: true },
      { key: 'decision_number', vi: 'Số quyết định', aliases: ['so qd', 'quyet dinh'], required: true },
      { key: 'decision_date', vi: 'Ngày quyết định', aliases: ['ngay ky quyet dinh', 'ngay qd'], required: true },
      { key: 'issued_on', vi: 'Ngày cấp', aliases: ['ngay cong nhan', 'ngay cap giay chung nhan'] },
      { key: 'expires_on', vi: 'Ngày hết hạn', aliases: ['hieu luc den', 'han giay chung nhan'] },
      { key: 'status', vi: 'Trạng thái', aliases: ['tinh trang'] },
      { key: 'revoked_on', vi: 'Ngày thu hồi', aliases: [] },
      { key: 'revocation_reason', vi: 'Lý do thu hồi', aliases: [] },
      { key: 'evaluated_on', vi: 'Ngày đánh giá', aliases: [] },
    ],
  },
};

/** Headers that carry no data and are skipped silently, such as a row number ("STT"). */
const IGNORED_HEADERS = new Set(['stt', 'so thu tu', 'no', 'tt', '']);

/**
 * A header reduced to what identifies it: without a bracketed note, diacritics, case or
 * punctuation. "Tên sản phẩm" → "ten san pham", "name_vi" → "name vi".
 */
export function normalizeHeader(header: string): string {
  return foldVietnamese(header.replace(/\([^)]*\)/gu, ' '))
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

const HEADER_MAPS = new Map<TransferKind, Map<string, string>>(
  TRANSFER_KINDS.map((kind) => {
    const map = new Map<string, string>();
    for (const c of KINDS[kind].columns) {
      for (const h of [c.key, c.vi, ...(c.aliases ?? [])]) map.set(normalizeHeader(h), c.key);
    }
    return [kind, map];
  }),
);

/** The column key a header names in files of `kind`, or undefined. */
export function columnKeyOf(kind: TransferKind, header: string): string | undefined {
  return HEADER_MAPS.get(kind)?.get(normalizeHeader(header));
}

export function isIgnoredHeader(header: string): boolean {
  return IGNORED_HEADERS.has(normalizeHeader(header));
}

/**
 * What a header row holds: the kind whose marker column is present and which recognises the
 * most headers. Undefined when no kind's marker is present; every candidate when it is a tie.
 */
export function detectKind(headers: readonly string[]): { kind?: TransferKind; candidates: TransferKind[] } {
  const scored = TRANSFER_KINDS.map((kind) => {
    const keys = new Set(headers.map((h) => columnKeyOf(kind, h)).filter((k) => k !== undefined));
    return { kind, hasMarker: keys.has(KINDS[kind].marker), score: keys.size };
  }).filter((s) => s.hasMarker);
  if (scored.length === 0) return { candidates: [] };
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.kind);
  return top.length === 1 ? { kind: top[0], candidates: top } : { candidates: top };
}

const KIND_NAMES: Record<string, TransferKind> = {
  region: 'regions',
  regions: 'regions',
  'don vi hanh chinh': 'regions',
  producer: 'producers',
  producers: 'producers',
  'chu the': 'producers',
  product: 'products',
  products: 'products',
  'san pham': 'products',
  evaluation: 'evaluations',
  evaluations: 'evaluations',
  'danh gia': 'evaluations',
  certificate: 'certificates',
  certificates: 'certificates',
  'giay chung nhan': 'certificates',
};

/** A kind named on the command line: "products", "product", "san-pham". */
export function parseKind(text: string): TransferKind | undefined {
  return KIND_NAMES[normalizeHeader(text)];
}

/** The kind a file name names among its words: "products.csv", "ocop-san-pham-2024.csv". */
export function kindInName(name: string): TransferKind | undefined {
  const words = ` ${normalizeHeader(name)} `;
  const kinds = new Set(
    Object.entries(KIND_NAMES)
      .filter(([n]) => words.includes(` ${n} `))
      .map(([, k]) => k),
  );
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** "Tên sản phẩm (name_vi)": how a missing column is named in messages. */
export function describeColumn(kind: TransferKind, key: string): string {
  const column = KINDS[kind].columns.find((c) => c.key === key);
  return column ? `"${column.key}" (${column.vi})` : `"${key}"`;
}
