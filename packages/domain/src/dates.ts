/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'), never JS Date objects: a certificate issued "on
 * 15 June 2022" is a calendar fact, and keeping it a string means no server or browser time zone
 * can shift it by a day. Arithmetic runs on day numbers computed with integer maths only.
 */

/** A calendar date written 'YYYY-MM-DD' (years 0001–9999). Checked by {@link isIsoDate}. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseDate(s: string): YearMonthDay | undefined {
  const match = ISO_DATE.exec(s);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function parseOrThrow(d: IsoDate, name = 'date'): YearMonthDay {
  const parsed = typeof d === 'string' ? parseDate(d) : undefined;
  if (!parsed) {
    throw new RangeError(`The ${name} "${String(d)}" is not a calendar date; write it as YYYY-MM-DD, e.g. 2024-06-15.`);
  }
  return parsed;
}

function format({ year, month, day }: YearMonthDay): IsoDate {
  if (year < 1 || year > 9999) {
    throw new RangeError(`The year ${year} is outside 0001–9999, the range an ISO date string can hold.`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function toDayNumber({ year, month, day }: YearMonthDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of toDayNumber (civil_from_days). */
function fromDayNumber(days: number): YearMonthDay {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function requireInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a whole number; got ${String(n)}.`);
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2023-02-30' and '2023-2-3' are false). */
export function isIsoDate(s: string): boolean {
  return typeof s === 'string' && parseDate(s) !== undefined;
}

/**
 * The date `n` months after `d` (before it for negative `n`). A day that does not exist in the
 * target month is clamped to the month's end, as validity periods are counted: 2024-01-31 + 1
 * month = 2024-02-29. Throws RangeError for an invalid date or a non-integer `n`.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseOrThrow(d);
  requireInteger(n, 'The number of months');
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/**
 * The last day of a period of `months` months that starts from the event on `from`, as Vietnam's
 * Civil Code 2015 counts it: art. 147(1) leaves the day of the event out (the period runs from
 * the next day), and art. 148(1)(c) ends it at the end of the corresponding day of the period's
 * last month, or on that month's last day where it has no such day. So 15 Jun 2022 + 36 months
 * ends on 15 Jun 2025, 31 Mar + 1 month on 30 Apr, 29 Feb 2024 + 12 months on 28 Feb 2025.
 * Art. 148(2) (a period ending on a weekend or holiday runs to the next working day) is about
 * deadlines for doing something, and is not applied here. Throws RangeError for `months` < 1.
 */
export function endOfPeriodInMonths(from: IsoDate, months: number): IsoDate {
  requireInteger(months, 'The number of months');
  if (months < 1) throw new RangeError(`A period in months is at least 1 month long; got ${months}.`);
  return addMonths(from, months);
}

/** The date `n` days after `d` (before it for negative `n`). Throws RangeError for bad input. */
export function addDays(d: IsoDate, n: number): IsoDate {
  const parsed = parseOrThrow(d);
  requireInteger(n, 'The number of days');
  return format(fromDayNumber(toDayNumber(parsed) + n));
}

/** `to` − `from` in days: positive when `to` is later, so daysBetween('2025-06-14', '2025-06-15') = 1. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parseOrThrow(to, 'end date')) - toDayNumber(parseOrThrow(from, 'start date'));
}

/**
 * Orders two dates for sorting: negative if `a` is earlier, 0 if equal, positive if later.
 * Valid ISO dates order like their strings; both are still checked so bad data fails loudly.
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  parseOrThrow(a);
  parseOrThrow(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year) at the instant `now`. The
 * caller passes the clock so that "today" is testable and decided once per request.
 */
export function todayInVietnam(now: Date): IsoDate {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('todayInVietnam() was given an invalid Date; pass a real instant.');
  return format(fromDayNumber(Math.floor((ms + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY)));
}

/**
 * A date as English readers see it in messages, '1 Jul 2025'. Messages name legal periods by
 * date, and an unambiguous month name avoids the 7/1 versus 1/7 confusion.
 */
export function formatIsoDateEn(d: IsoDate): string {
  const { year, month, day } = parseOrThrow(d);
  return `${day} ${MONTHS_EN[month - 1] ?? ''} ${year}`;
}
