import { Migration } from '@mikro-orm/migrations';

/**
 * The 36-month expiry following Vietnam's Civil Code 2015 (sqlite). Until now the catalog counted
 * the issue day as the first day of the 36 months, so a certificate issued on 2022-06-15 ended on
 * 2025-06-14; arts. 147–148 leave that day out and end the period on the corresponding day of the
 * 36th month (its last day where it has no such day): 2025-06-15.
 *
 * Only rows whose expires_on is exactly the old rule's value move, to the new rule's value; a date
 * that was set any other way stays. Both rules are spelled out in SQL as they stand today, so the
 * migration does the same thing whatever the code says later. Dates are 'YYYY-MM-DD' text. The
 * corresponding day 36 months on is the same month and day three years later, except 29 February:
 * a leap year plus three is never a leap year, so it ends on 28 February. The old value is the
 * day before. SQLite's own date(x, '+36 months') would roll 29 Feb over to 1 Mar, so it is not used.
 */
const CIVIL_CODE_EXPIRY = `case when substr("issued_on", 6) = '02-29' then printf('%04d-02-28', substr("issued_on", 1, 4) + 3) else printf('%04d', substr("issued_on", 1, 4) + 3) || substr("issued_on", 5) end`;

export class Migration20261201000000CertificateExpiryCivilCode extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update "certificate" set "expires_on" = ${CIVIL_CODE_EXPIRY}, "updated_at" = cast(strftime('%s', 'now') as integer) * 1000 where "expires_on" = date(${CIVIL_CODE_EXPIRY}, '-1 day')`,
    );
  }
}
