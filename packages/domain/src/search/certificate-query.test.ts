import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCertificateNumber } from './certificate-query.js';

describe('findCertificateNumber', () => {
  it('recognises the catalog’s certificate numbers however they are typed', () => {
    const cases: [string, string][] = [
      ['KG-OCOP-2024-0012', 'KG-OCOP-2024-0012'],
      ['kg ocop 2024 0012', 'KG-OCOP-2024-0012'],
      ['  kg-ocop-2024-0012 ', 'KG-OCOP-2024-0012'],
      ['KG–OCOP—2024_0012', 'KG-OCOP-2024-0012'],
      ['ＫＧ－ＯＣＯＰ－２０２４－００１２', 'KG-OCOP-2024-0012'],
      ['kgocop20240012', 'KG-OCOP-2024-0012'],
      ['tw-ocop-2022-0001', 'TW-OCOP-2022-0001'],
      ['AG OCOP 2025 0003', 'AG-OCOP-2025-0003'],
      ['SYN-P01-2024-000123', 'SYN-P01-2024-000123'],
      ['syn p01 2024 000123', 'SYN-P01-2024-000123'],
      ['KG-OCOP-2024-12', 'KG-OCOP-2024-0012'], // leading zeros left out
      ['syn-p01-2024-123', 'SYN-P01-2024-000123'],
    ];
    for (const [typed, number] of cases) expect(findCertificateNumber(typed), typed).toEqual({ number, rest: '' });
  });

  it('finds a number among other words and returns the rest', () => {
    expect(findCertificateNumber('Số chứng nhận KG-OCOP-2024-0012')).toEqual({
      number: 'KG-OCOP-2024-0012',
      rest: 'so chung nhan',
    });
    expect(findCertificateNumber('kg ocop 2024 0012 nuoc mam')).toEqual({
      number: 'KG-OCOP-2024-0012',
      rest: 'nuoc mam',
    });
  });

  it('does not take ordinary searches for certificate numbers', () => {
    for (const query of [
      'tieu den 2024 500',
      'gao st25',
      'nuoc mam 40 do dam',
      'ocop 2024',
      'san pham ocop 5 sao',
      'KG-OCOP-2024',
      'KG-OCOP-2024-12345',
      'SYN-P01-2024-1234567',
      'KG-001',
      '123/QĐ-UBND',
      '2024 0012',
      'kg ocop 1999 0012',
      '',
      'x'.repeat(300),
    ]) {
      expect(findCertificateNumber(query), query).toBeNull();
    }
  });

  it('never finds one in text made of words', () => {
    const words = fc.array(fc.string({ unit: fc.constantFrom(...'abcdeghiklmnopqrstuvxyđôơư'), minLength: 1 }), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(words, (ws) => {
        expect(findCertificateNumber(ws.join(' '))).toBeNull();
      }),
    );
  });
});
