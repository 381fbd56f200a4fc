import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCertificateNumber } from './certificates.js';
import {
  CERTIFICATE_FIELDS,
  checkEmail,
  checkImageUrl,
  checkLength,
  checkPhone,
  checkSlug,
  checkTaxCode,
  checkWebsite,
  type FieldCheck,
  PRODUCER_FIELDS,
} from './fields.js';

const value = (c: FieldCheck) => (c.ok ? c.value : `✗ ${c.message}`);

describe('field rules', () => {
  it('says how long a text is and how long it may be', () => {
    expect(value(checkLength({ label: 'The name', max: 5 }, 'Hà Nội'))).toBe(
      '✗ The name is 6 characters long; shorten it to at most 5.',
    );
    expect(value(checkLength({ label: 'The name', max: 6 }, 'Hà Nội'))).toBe('Hà Nội');
  });

  it('takes phone numbers as people write them, up to the column width', () => {
    for (const phone of ['0297 3846 000', '+84 297 3846 000', '0912-345-678'])
      expect(value(checkPhone(phone))).toBe(phone);
    expect(value(checkPhone('call me'))).toMatch(/is not a phone number; write digits, e.g. 0297 3846 000/);
    expect(value(checkPhone('12345'))).toMatch(/not a phone number/);
    expect(value(checkPhone(`+0${'1'.repeat(38)}`))).not.toMatch(/^✗/);
    expect(value(checkPhone(`+0${'1'.repeat(39)}`))).toBe(
      '✗ The phone number is 41 characters long; shorten it to at most 40.',
    );
  });

  it('never accepts a value longer than its field', () => {
    const checks: [(t: string) => FieldCheck, number][] = [
      [checkPhone, PRODUCER_FIELDS.phone.max],
      [checkEmail, PRODUCER_FIELDS.email.max],
      [checkWebsite, PRODUCER_FIELDS.website.max],
      [checkTaxCode, PRODUCER_FIELDS.taxCode.max],
      [checkSlug, PRODUCER_FIELDS.slug.max],
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 +-.@abc/:'), maxLength: 600 }), (text) => {
        for (const [check, max] of checks) {
          const result = check(text);
          if (result.ok) expect(result.value.length).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('accepts certificate numbers as long as their field, and no longer', () => {
    const longest = `AG-${'1'.repeat(CERTIFICATE_FIELDS.number.max - 3)}`;
    expect(normalizeCertificateNumber(longest)).toBe(longest);
    expect(normalizeCertificateNumber(`${longest}1`)).toBeNull();
  });

  it('wants a domain of non-empty labels in an e-mail address', () => {
    expect(value(checkEmail('hoa@example.vn'))).toBe('hoa@example.vn');
    expect(value(checkEmail('hoa.le@mail.example.com.vn'))).toBe('hoa.le@mail.example.com.vn');
    for (const bad of ['nobody', 'hoa@example', 'hoa@example..vn', 'hoa@.example.vn', 'hoa @example.vn'])
      expect(value(checkEmail(bad))).toMatch(/is not an email address; write it as name@example.vn\.$/);
  });

  it('takes http and https web addresses only', () => {
    expect(value(checkWebsite('https://example.vn'))).toBe('https://example.vn');
    expect(value(checkWebsite('ftp://example.vn'))).toMatch(/not a web address; write it in full/);
    expect(value(checkWebsite('example.vn'))).toMatch(/e\.g\. https:\/\/example\.vn\.$/);
  });

  it('takes photos from the web or from the catalog site', () => {
    expect(value(checkImageUrl('https://example.vn/a.jpg'))).toBe('https://example.vn/a.jpg');
    expect(value(checkImageUrl('/images/nuoc-mam.jpg'))).toBe('/images/nuoc-mam.jpg');
    expect(value(checkImageUrl('ftp://example.vn/a.jpg', "Photo 2's url"))).toBe(
      '✗ Photo 2\'s url "ftp://example.vn/a.jpg" is neither https://… nor a path on the catalog site such as /images/nuoc-mam.jpg.',
    );
    expect(value(checkImageUrl(`/${'a'.repeat(500)}`))).toMatch(/501 characters long; shorten it to at most 500/);
  });

  it('stores tax codes without the spaces they are often copied with', () => {
    expect(value(checkTaxCode('1700123456'))).toBe('1700123456');
    expect(value(checkTaxCode('1700 123 456 - 001'))).toBe('1700123456-001');
    expect(value(checkTaxCode('17001'))).toMatch(/not a tax code \(mã số thuế\); it has 10 digits/);
    expect(value(checkTaxCode('1700123456-0011'))).toMatch(/not a tax code/);
    expect(value(checkTaxCode('1 7 0 0 1 2 3 4 5 6 - 0'))).toMatch(/23 characters long; shorten it to at most 20/);
  });

  it('checks slugs and suggests one made from the text', () => {
    expect(value(checkSlug('nuoc-mam-kim-hoa'))).toBe('nuoc-mam-kim-hoa');
    expect(value(checkSlug('Nước mắm Kim Hoa'))).toBe(
      '✗ "Nước mắm Kim Hoa" is not a slug: use at most 120 lowercase letters a–z, digits and single dashes, e.g. "nuoc-mam-kim-hoa".',
    );
    expect(value(checkSlug('a--b'))).toMatch(/not a slug/);
    expect(value(checkSlug('a'.repeat(121)))).toMatch(/at most 120/);
    expect(value(checkSlug('a'.repeat(120)))).toBe('a'.repeat(120));
  });
});
