import { describe, expect, it } from 'vitest';
import { PRODUCER_TYPES } from './codes.js';
import { PRODUCER_TYPE_INFO } from './producers.js';

describe('PRODUCER_TYPE_INFO', () => {
  it('names every producer type in both languages', () => {
    expect(Object.keys(PRODUCER_TYPE_INFO).sort()).toEqual([...PRODUCER_TYPES].sort());
    expect(PRODUCER_TYPE_INFO.COOPERATIVE).toEqual({ nameVi: 'Hợp tác xã', nameEn: 'Cooperative' });
    expect(PRODUCER_TYPE_INFO.HOUSEHOLD.nameVi).toBe('Hộ kinh doanh, cơ sở sản xuất');
  });
});
