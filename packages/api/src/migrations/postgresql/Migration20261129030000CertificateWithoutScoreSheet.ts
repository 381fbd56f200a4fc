import { Migration } from '@mikro-orm/migrations';

/**
 * A certificate may be recorded without the evaluation behind it (postgresql). Provincial lists
 * of OCOP products give the certificate number, stars and decision but no score sheet, and the
 * public open data never carries scores, so imports of either must be able to store a
 * certificate whose evaluation is unknown. A certificate issued through the API still names one.
 */
export class Migration20261129030000CertificateWithoutScoreSheet extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "certificate" alter column "evaluation_id" drop not null`);
  }
}
