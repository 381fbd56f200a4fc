import { CATEGORY_CODES, type CategoryCode } from './codes.js';

/**
 * One of the catalog's six product groups. The catalog keeps the six groups of Decision
 * 1048/QĐ-TTg and Kiên Giang's Plan 118 even for products scored under Decision 148/QĐ-TTg,
 * which regrouped them; `position` is the plan's order, used to list categories.
 */
export interface Category {
  code: CategoryCode;
  /** English URL segment: /categories/food. */
  slug: string;
  nameVi: string;
  nameEn: string;
  /** 1-based position in the plan's list. */
  position: number;
}

/** The six product groups in the order of Plan 118 / Decision 1048/QĐ-TTg. */
export const CATEGORIES: readonly Category[] = [
  { code: 'FOOD', slug: 'food', nameVi: 'Thực phẩm', nameEn: 'Food', position: 1 },
  { code: 'BEVERAGE', slug: 'beverages', nameVi: 'Đồ uống', nameEn: 'Beverages', position: 2 },
  { code: 'HERB', slug: 'herbs', nameVi: 'Thảo dược', nameEn: 'Herbs and medicinal products', position: 3 },
  { code: 'TEXTILE', slug: 'textiles', nameVi: 'Vải và may mặc', nameEn: 'Textiles and garments', position: 4 },
  {
    code: 'SOUVENIR',
    slug: 'souvenirs',
    nameVi: 'Lưu niệm, nội thất, trang trí',
    nameEn: 'Souvenirs, furniture and decoration',
    position: 5,
  },
  {
    code: 'TOURISM',
    slug: 'tourism',
    nameVi: 'Dịch vụ du lịch cộng đồng và điểm du lịch',
    nameEn: 'Community tourism services and tourist sites',
    position: 6,
  },
];

const BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));
const BY_SLUG = new Map(CATEGORIES.map((c) => [c.slug, c]));

/** True if `s` is one of the six category codes (to reject input with UNKNOWN_CATEGORY). */
export function isCategoryCode(s: string): s is CategoryCode {
  return (CATEGORY_CODES as readonly string[]).includes(s);
}

/** The category for a code; every code has one, so this never returns undefined. */
export function categoryByCode(code: CategoryCode): Category {
  const category = BY_CODE.get(code);
  if (!category)
    throw new RangeError(`Unknown category code "${String(code)}"; use one of ${CATEGORY_CODES.join(', ')}.`);
  return category;
}

/** The category whose URL slug is `slug`, or undefined (a 404 for the site). */
export function categoryBySlug(slug: string): Category | undefined {
  return BY_SLUG.get(slug);
}
