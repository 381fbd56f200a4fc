import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  endOfPeriodInMonths,
  formatIsoDateEn,
  isIsoDate,
  todayInVietnam,
} from './dates.js';

/** Any valid date from 1900 to 2100, as an ISO string. */
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('isIsoDate', () => {
  it('accepts real calendar dates', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '9999-12-31']) {
      expect(isIsoDate(d)).toBe(true);
    }
  });

  it('rejects impossible dates and other formats', () => {
    for (const d of [
      '2023-02-30',
      '2023-02-29',
      '1900-02-29',
      '2023-13-01',
      '2023-00-10',
      '2023-04-31',
      '0000-01-01',
    ]) {
      expect(isIsoDate(d)).toBe(false);
    }
    for (const d of ['2023-2-3', '15/06/2022', '2023-06-15T00:00:00Z', ' 2023-06-15', '', '20230615']) {
      expect(isIsoDate(d)).toBe(false);
    }
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2022-06-15', 36)).toBe('2025-06-15');
    expect(addMonths('2022-11-30', 3)).toBe('2023-02-28');
    expect(addMonths('2023-01-15', -13)).toBe('2021-12-15');
  });

  it('keeps the day of month unless the target month is shorter', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const result = addMonths(d, n);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const [ry, rm] = result.split('-').map(Number) as [number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(n);
        const sameDay = `${result.slice(0, 8)}${String(day).padStart(2, '0')}`;
        if (isIsoDate(sameDay)) expect(result).toBe(sameDay);
        else expect(addDays(result, 1).endsWith('-01')).toBe(true);
      }),
    );
  });

  it('refuses a non-integer count or a bad date', () => {
    expect(() => addMonths('2024-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('endOfPeriodInMonths', () => {
  // Civil Code 2015, art. 147: the day the period starts from is not counted; art. 148: it ends
  // at the end of the corresponding day of its last month, or that month's last day.
  it('ends on the corresponding day of the last month', () => {
    expect(endOfPeriodInMonths('2022-06-15', 36)).toBe('2025-06-15');
    expect(endOfPeriodInMonths('2025-04-30', 1)).toBe('2025-05-30');
    expect(endOfPeriodInMonths('2024-12-15', 1)).toBe('2025-01-15');
  });

  it('ends on the last day of a month that has no corresponding day', () => {
    expect(endOfPeriodInMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(endOfPeriodInMonths('2025-08-31', 1)).toBe('2025-09-30');
    expect(endOfPeriodInMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(endOfPeriodInMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(endOfPeriodInMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('is later than the start day for any period of at least a month', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 1200 }), (d, n) => {
        const end = endOfPeriodInMonths(d, n);
        expect(daysBetween(d, end)).toBeGreaterThanOrEqual(28 * n - 3);
        expect(end).toBe(addMonths(d, n));
      }),
    );
  });

  it('refuses a period of less than a month', () => {
    expect(() => endOfPeriodInMonths('2024-01-31', 0)).toThrow(RangeError);
    expect(() => endOfPeriodInMonths('2024-01-31', -1)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('cross month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-06-15', '2025-06-14')).toBe(-1);
    expect(daysBetween('1970-01-01', '2000-03-01')).toBe(11_017);
  });

  it('agree with each other and with the UTC calendar', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        const later = addDays(d, n);
        expect(isIsoDate(later)).toBe(true);
        expect(daysBetween(d, later)).toBe(n);
        const viaUtc = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        expect(later).toBe(viaUtc);
      }),
    );
  });
});

describe('compareIsoDates', () => {
  it('orders like time', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(Math.sign(compareIsoDates(a, b))).toBe(Math.sign(daysBetween(b, a)));
      }),
    );
  });

  it('throws on invalid input rather than guessing', () => {
    expect(() => compareIsoDates('2023-02-30', '2023-03-01')).toThrow(RangeError);
  });
});

describe('todayInVietnam', () => {
  it('is the UTC+7 calendar date', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59.999Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00.000Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01');
    expect(todayInVietnam(new Date('1969-12-31T18:00:00Z'))).toBe('1970-01-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInVietnam(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatIsoDateEn', () => {
  it('writes day, month name and year', () => {
    expect(formatIsoDateEn('2025-07-01')).toBe('1 Jul 2025');
    expect(formatIsoDateEn('2023-02-24')).toBe('24 Feb 2023');
  });
});
