import { describe, expect, it } from 'vitest';
import { CATEGORIES, categoryByCode, categoryBySlug, isCategoryCode } from './categories.js';
import { CATEGORY_CODES } from './codes.js';
import { slugify } from './text.js';

describe('CATEGORIES', () => {
  it('lists the six groups in the plan order with unique, valid slugs', () => {
    expect(CATEGORIES.map((c) => c.code)).toEqual([...CATEGORY_CODES]);
    expect(CATEGORIES.map((c) => c.slug)).toEqual(['food', 'beverages', 'herbs', 'textiles', 'souvenirs', 'tourism']);
    expect(CATEGORIES.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of CATEGORIES) expect(slugify(c.slug)).toBe(c.slug);
  });

  it('uses the names of DOMAIN.md', () => {
    expect(categoryByCode('SOUVENIR').nameVi).toBe('Lưu niệm, nội thất, trang trí');
    expect(categoryByCode('TOURISM').nameEn).toBe('Community tourism services and tourist sites');
    expect(categoryByCode('HERB').nameEn).toBe('Herbs and medicinal products');
  });
});

describe('lookups', () => {
  it('find categories by code and slug', () => {
    for (const c of CATEGORIES) {
      expect(categoryByCode(c.code)).toBe(c);
      expect(categoryBySlug(c.slug)).toBe(c);
    }
    expect(categoryBySlug('FOOD')).toBeUndefined();
    expect(categoryBySlug('handicrafts')).toBeUndefined();
  });

  it('recognise category codes', () => {
    expect(isCategoryCode('BEVERAGE')).toBe(true);
    expect(isCategoryCode('beverage')).toBe(false);
  });
});
