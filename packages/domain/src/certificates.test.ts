import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_VALIDITY_MONTHS,
  certificateExpiry,
  certificateExpiryCountingIssueDay,
  certificateStatus,
  EXPIRY_NOTICE_DAYS,
  expiresWithin,
  isCertifiableStars,
  normalizeCertificateNumber,
} from './certificates.js';
import type { StoredCertificateStatus } from './codes.js';
import { addDays, daysBetween, endOfPeriodInMonths } from './dates.js';

const issued = (issuedOn: string, stored: StoredCertificateStatus = 'ISSUED') => ({
  issuedOn,
  expiresOn: certificateExpiry(issuedOn),
  stored,
});

describe('certificateExpiry', () => {
  // Civil Code 2015, arts. 147–148: the issue day is not counted; the period ends at the end of
  // the corresponding day of the 36th month, or that month's last day where it has no such day.
  it('ends on the corresponding day 36 months later, the issue day not counted', () => {
    expect(CERTIFICATE_VALIDITY_MONTHS).toBe(36);
    expect(certificateExpiry('2022-06-15')).toBe('2025-06-15');
    expect(certificateExpiry('2021-03-01')).toBe('2024-03-01');
    expect(certificateExpiry('2023-01-01')).toBe('2026-01-01');
  });

  it('ends on the last day of February for an issue on 29 February', () => {
    expect(certificateExpiry('2024-02-29')).toBe('2027-02-28');
    expect(certificateExpiry('2020-02-29')).toBe('2023-02-28');
  });

  it('keeps the day of month at month ends: a 28 February issue ends on 28 February, even in a leap year', () => {
    expect(certificateExpiry('2021-02-28')).toBe('2024-02-28');
    expect(certificateExpiry('2023-02-28')).toBe('2026-02-28');
    expect(certificateExpiry('2022-08-31')).toBe('2025-08-31');
    expect(certificateExpiry('2022-04-30')).toBe('2025-04-30');
    expect(certificateExpiry('2022-12-31')).toBe('2025-12-31');
  });

  it('lasts 1,095 or 1,096 days after the issue day for any issue date', () => {
    const date = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(date, (d) => {
        const expiry = certificateExpiry(d);
        expect(expiry).toBe(endOfPeriodInMonths(d, 36));
        expect([1095, 1096]).toContain(daysBetween(d, expiry));
        expect(expiry.slice(8) === d.slice(8) || d.endsWith('-02-29')).toBe(true);
      }),
    );
  });
});

describe('certificateExpiryCountingIssueDay', () => {
  it('is the day before the Civil Code expiry, as the catalog once computed it', () => {
    expect(certificateExpiryCountingIssueDay('2022-06-15')).toBe('2025-06-14');
    expect(certificateExpiryCountingIssueDay('2024-02-29')).toBe('2027-02-27');
    expect(certificateExpiryCountingIssueDay('2023-01-01')).toBe('2025-12-31');
  });
});

describe('certificateStatus', () => {
  const c = issued('2022-06-15');

  it('is valid from the issue day through the expiry day', () => {
    expect(certificateStatus(c, '2022-06-14')).toBe('NOT_YET_VALID');
    expect(certificateStatus(c, '2022-06-15')).toBe('VALID');
    expect(certificateStatus(c, '2025-06-15')).toBe('VALID');
    expect(certificateStatus(c, '2025-06-16')).toBe('EXPIRED');
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
    expect(expiresWithin(c, '2025-05-15', EXPIRY_NOTICE_DAYS)).toBe(false);
    expect(expiresWithin(c, '2025-05-16', EXPIRY_NOTICE_DAYS)).toBe(true);
    expect(expiresWithin(c, '2025-06-15', EXPIRY_NOTICE_DAYS)).toBe(true);
    expect(expiresWithin(c, '2025-06-16', EXPIRY_NOTICE_DAYS)).toBe(false);
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
