import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_VALIDITY_MONTHS,
  certificateExpiry,
  certificateStatus,
  EXPIRY_NOTICE_DAYS,
  expiresWithin,
  isCertifiableStars,
  normalizeCertificateNumber,
} from './certificates.js';
import type { StoredCertificateStatus } from './codes.js';
import { addDays, addMonths, daysBetween } from './dates.js';

const issued = (issuedOn: string, stored: StoredCertificateStatus = 'ISSUED') => ({
  issuedOn,
  expiresOn: certificateExpiry(issuedOn),
  stored,
});

describe('certificateExpiry', () => {
  it('is the last day of 36 months counted from the issue day', () => {
    expect(CERTIFICATE_VALIDITY_MONTHS).toBe(36);
    expect(certificateExpiry('2022-06-15')).toBe('2025-06-14');
    expect(certificateExpiry('2021-03-01')).toBe('2024-02-29');
    expect(certificateExpiry('2023-01-01')).toBe('2025-12-31');
  });

  it('lasts about three years for any issue date', () => {
    const date = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(date, (d) => {
        const days = daysBetween(d, certificateExpiry(d)) + 1;
        expect(days).toBeGreaterThanOrEqual(365 * 3 - 2);
        expect(days).toBeLessThanOrEqual(366 * 3);
        expect(addDays(certificateExpiry(d), 1) <= addMonths(d, 36)).toBe(true);
      }),
    );
  });
});

describe('certificateStatus', () => {
  const c = issued('2022-06-15');

  it('is valid from the issue day through the expiry day', () => {
    expect(certificateStatus(c, '2022-06-14')).toBe('NOT_YET_VALID');
    expect(certificateStatus(c, '2022-06-15')).toBe('VALID');
    expect(certificateStatus(c, '2025-06-14')).toBe('VALID');
    expect(certificateStatus(c, '2025-06-15')).toBe('EXPIRED');
  });

  it('lets revocation and supersession win over the dates', () => {
    expect(certificateStatus(issued('2022-06-15', 'REVOKED'), '2023-01-01')).toBe('REVOKED');
    expect(certificateStatus(issued('2022-06-15', 'SUPERSEDED'), '2030-01-01')).toBe('SUPERSEDED');
    expect(certificateStatus(issued('2022-06-15', 'REVOKED'), '2020-01-01')).toBe('REVOKED');
  });
});

describe('expiresWithin', () => {
  const c = issued('2022-06-15');

  it('flags valid certificates in the notice window only', () => {
    expect(EXPIRY_NOTICE_DAYS).toBe(30);
    expect(expiresWithin(c, '2025-05-14', EXPIRY_NOTICE_DAYS)).toBe(false);
    expect(expiresWithin(c, '2025-05-15', EXPIRY_NOTICE_DAYS)).toBe(true);
    expect(expiresWithin(c, '2025-06-14', EXPIRY_NOTICE_DAYS)).toBe(true);
    expect(expiresWithin(c, '2025-06-15', EXPIRY_NOTICE_DAYS)).toBe(false);
    expect(expiresWithin(issued('2022-06-15', 'REVOKED'), '2025-06-01', EXPIRY_NOTICE_DAYS)).toBe(false);
  });
});

describe('isCertifiableStars', () => {
  it('is true for 3–5★ only', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 3.5].map(isCertifiableStars)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('normalizeCertificateNumber', () => {
  it('normalises what buyers type', () => {
    const cases: [string, string][] = [
      [' kg ocop 2024 0123 ', 'KG-OCOP-2024-0123'],
      ['KG - OCOP', 'KG-OCOP'],
      ['kg-ocop-2024-0123', 'KG-OCOP-2024-0123'],
      ['KG–OCOP—2024_0123', 'KG-OCOP-2024-0123'],
      ['123 / QĐ-UBND', '123/QD-UBND'],
      ['ＫＧ－００１', 'KG-001'],
      ['số 45.2022', 'SO-45.2022'],
    ];
    for (const [input, expected] of cases) expect(normalizeCertificateNumber(input)).toBe(expected);
  });

  it('returns null for junk', () => {
    for (const junk of ['<script>', '', '   ', 'ab', '-KG-001', 'KG#001', 'x'.repeat(41), 'KG\u0000001']) {
      expect(normalizeCertificateNumber(junk)).toBeNull();
    }
  });

  it('is idempotent and its output always matches the stored format', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 45 }), (input) => {
        const once = normalizeCertificateNumber(input);
        if (once === null) return;
        expect(once).toMatch(/^[A-Z0-9][A-Z0-9./-]{2,39}$/);
        expect(normalizeCertificateNumber(once)).toBe(once);
      }),
    );
  });
});
