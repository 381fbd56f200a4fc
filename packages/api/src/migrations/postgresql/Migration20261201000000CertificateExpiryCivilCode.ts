import { Migration } from '@mikro-orm/migrations';

/**
 * The 36-month expiry following Vietnam's Civil Code 2015 (postgresql). Until now the catalog
 * counted the issue day as the first day of the 36 months, so a certificate issued on 2022-06-15
 * ended on 2025-06-14; arts. 147–148 leave that day out and end the period on the corresponding
 * day of the 36th month (its last day where it has no such day): 2025-06-15.
 *
 * Only rows whose expires_on is exactly the old rule's value move, to the new rule's value; a date
 * that was set any other way stays. Both rules are spelled out in SQL as they stand today, so the
 * migration does the same thing whatever the code says later. PostgreSQL's date + interval
 * '36 months' is the corresponding day, clamped to the month's end (2024-02-29 → 2027-02-28), as
 * art. 148 wants; the old value is the day before.
 */
const CIVIL_CODE_EXPIRY = `("issued_on" + interval '36 months')::date`;

export class Migration20261201000000CertificateExpiryCivilCode extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update "certificate" set "expires_on" = ${CIVIL_CODE_EXPIRY}, "updated_at" = now() where "expires_on" = ${CIVIL_CODE_EXPIRY} - 1`,
    );
  }
}
