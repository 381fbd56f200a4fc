import { describe, expect, it } from 'vitest';
import {
  cleanText,
  parseCategory,
  parseCertificateStatus,
  parseCouncilLevel,
  parseCriteriaVersion,
  parseCycleStage,
  parseDate,
  parseEmail,
  parsePhone,
  parseProducerType,
  parseScore,
  parseSlug,
  parseStars,
  parseTaxCode,
  parseWebsite,
} from './values.js';

const value = <T>(p: { ok: true; value: T } | { ok: false; message: string }) => (p.ok ? p.value : `✗ ${p.message}`);

describe('cell values', () => {
  it('reads dates as dd/mm/yyyy (the Vietnamese order) or ISO', () => {
    expect(value(parseDate('15/06/2024'))).toBe('2024-06-15');
    expect(value(parseDate('5/6/2024'))).toBe('2024-06-05');
    expect(value(parseDate('05.06.2024'))).toBe('2024-06-05');
    expect(value(parseDate('2024-06-15'))).toBe('2024-06-15');
    expect(value(parseDate('2024-06-15 00:00:00'))).toBe('2024-06-15');
    expect(value(parseDate('31/02/2024'))).toMatch(/no such day/);
    expect(value(parseDate('15/06/24'))).toMatch(/two-digit year/);
    expect(value(parseDate('June 15'))).toMatch(/not a date; write it as dd\/mm\/yyyy/);
  });

  it('reads scores with a decimal point or the Vietnamese decimal comma', () => {
    expect(value(parseScore('33,5'))).toBe(33.5);
    expect(value(parseScore('33.5'))).toBe(33.5);
    expect(value(parseScore('-2'))).toBe(-2);
    expect(value(parseScore('ba mươi'))).toMatch(/not a number/);
  });

  it('reads stars as 4, "4 sao", "4★" or "4*"', () => {
    for (const s of ['4', '4 sao', '4★', '4*', '4 stars']) expect(value(parseStars(s))).toBe(4);
    expect(value(parseStars('6'))).toMatch(/not a star rating/);
  });

  it('accepts codes and Vietnamese or English names, with or without diacritics', () => {
    expect(value(parseCategory('Thực phẩm'))).toBe('FOOD');
    expect(value(parseCategory('thuc pham'))).toBe('FOOD');
    expect(value(parseCategory('beverage'))).toBe('BEVERAGE');
    expect(value(parseCategory('Lưu niệm - nội thất - trang trí'))).toBe('SOUVENIR');
    expect(value(parseCategory('Gia vị'))).toBe(
      '✗ "Gia vị" is not a category; use one of FOOD, BEVERAGE, HERB, TEXTILE, SOUVENIR, TOURISM or its Vietnamese name (Thực phẩm; Đồ uống; Thảo dược; Vải và may mặc; Lưu niệm, nội thất, trang trí; Dịch vụ du lịch cộng đồng và điểm du lịch)',
    );
    expect(value(parseProducerType('Hợp tác xã'))).toBe('COOPERATIVE');
    expect(value(parseProducerType('HTX'))).toBe('COOPERATIVE');
    expect(value(parseProducerType('Hộ kinh doanh'))).toBe('HOUSEHOLD');
    expect(value(parseCouncilLevel('cấp tỉnh'))).toBe('PROVINCE');
    expect(value(parseCouncilLevel('Trung ương'))).toBe('CENTRAL');
    expect(value(parseCriteriaVersion('148/QĐ-TTg'))).toBe('QD148_2023');
    expect(value(parseCriteriaVersion('1048'))).toBe('QD1048_2019');
    expect(value(parseCycleStage('6'))).toBe('PROMOTION');
    expect(value(parseCertificateStatus('Đã thu hồi'))).toBe('REVOKED');
  });

  it('checks slugs and tax codes, suggesting the right form', () => {
    expect(value(parseSlug('nuoc-mam-kim-hoa'))).toBe('nuoc-mam-kim-hoa');
    expect(value(parseSlug('Nước mắm Kim Hoa'))).toMatch(/e\.g\. "nuoc-mam-kim-hoa"/);
    expect(value(parseTaxCode('1700 123 456'))).toBe('1700123456');
    expect(value(parseTaxCode('1700123456-001'))).toBe('1700123456-001');
    expect(value(parseTaxCode('17001'))).toMatch(/10 digits/);
  });

  it('checks contact details by the rules the admin mutations use, and within the columns', () => {
    expect(value(parsePhone('0297 3846 000'))).toBe('0297 3846 000');
    expect(value(parsePhone(`+0${'1'.repeat(38)}`))).toBe(`+0${'1'.repeat(38)}`);
    expect(value(parsePhone(`+0${'1'.repeat(39)}`))).toMatch(/41 characters long; shorten it to at most 40/);
    expect(value(parseEmail('hoa@example.vn'))).toBe('hoa@example.vn');
    expect(value(parseEmail('hoa@example..vn'))).toMatch(/not an email address; write it as name@example.vn/);
    expect(value(parseEmail(`${'a'.repeat(250)}@example.vn`))).toMatch(
      /261 characters long; shorten it to at most 255/,
    );
    expect(value(parseWebsite(`https://example.vn/${'a'.repeat(482)}`))).toMatch(/at most 500/);
    expect(value(parseTaxCode('1700 123 456 - 001'))).toBe('1700123456-001');
    expect(value(parseTaxCode('1700 123 456 - 001 - 9'))).toMatch(/22 characters long; shorten it to at most 20/);
  });

  it('stores text in Unicode NFC, trimmed', () => {
    const decomposed = 'Nu\u031Bo\u031B\u0301c ma\u0306\u0301m ';
    expect(cleanText(decomposed)).toBe('Nước mắm');
    expect(cleanText('  plain ')).toBe('plain');
  });
});
