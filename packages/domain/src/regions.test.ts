import { describe, expect, it } from 'vitest';
import { REGION_KINDS } from './codes.js';
import { REGION_KIND_NAMES, regionFullName } from './regions.js';

describe('regionFullName', () => {
  it('puts the kind first in Vietnamese', () => {
    expect(regionFullName('CITY', 'Rạch Giá', 'vi')).toBe('Thành phố Rạch Giá');
    expect(regionFullName('DISTRICT', 'Gò Quao', 'vi')).toBe('Huyện Gò Quao');
    expect(regionFullName('SPECIAL_ZONE', 'Phú Quốc', 'vi')).toBe('Đặc khu Phú Quốc');
  });

  it('puts the kind last, in title case, in English', () => {
    expect(regionFullName('CITY', 'Rạch Giá', 'en')).toBe('Rạch Giá City');
    expect(regionFullName('DISTRICT', 'Gò Quao', 'en')).toBe('Gò Quao District');
    expect(regionFullName('SPECIAL_ZONE', 'Phú Quốc', 'en')).toBe('Phú Quốc Special Zone');
    expect(regionFullName('PROVINCE', 'Kiên Giang', 'en')).toBe('Kiên Giang Province');
  });

  it('tidies stray spaces in the name', () => {
    expect(regionFullName('COMMUNE', '  Thổ   Châu ', 'vi')).toBe('Xã Thổ Châu');
  });

  it('has a name for every kind', () => {
    expect(Object.keys(REGION_KIND_NAMES).sort()).toEqual([...REGION_KINDS].sort());
  });
});
