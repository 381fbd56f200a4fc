import { Migration } from '@mikro-orm/migrations';

/**
 * A certificate may be recorded without the evaluation behind it (sqlite). Provincial lists of
 * OCOP products give the certificate number, stars and decision but no score sheet, and the
 * public open data never carries scores, so imports of either must be able to store a
 * certificate whose evaluation is unknown. A certificate issued through the API still names one.
 *
 * SQLite cannot drop NOT NULL from a column, so the table is rebuilt with the same columns,
 * checks, keys and indexes (no other table refers to certificate, so nothing else changes).
 */
export class Migration20261129030000CertificateWithoutScoreSheet extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "certificate_new" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "number" text not null, "product_id" integer not null, "evaluation_id" integer null, "decision_number" text not null, "decision_date" date not null, "issuing_level" text check ("issuing_level" in ('DISTRICT', 'PROVINCE', 'CENTRAL')) not null, "stars" integer not null, "issued_on" date not null, "expires_on" date not null, "status" text check ("status" in ('ISSUED', 'SUPERSEDED', 'REVOKED')) not null default 'ISSUED', "revoked_on" date null, "revocation_reason" text null, constraint "certificate_product_id_foreign" foreign key("product_id") references "product"("id") on delete cascade on update cascade, constraint "certificate_evaluation_id_foreign" foreign key("evaluation_id") references "evaluation"("id") on delete restrict on update cascade, constraint certificate_dates_check check (expires_on > issued_on), constraint certificate_stars_check check (stars >= 3 and stars <= 5))`,
    );
    this.addSql(
      `insert into "certificate_new" ("id", "created_at", "updated_at", "number", "product_id", "evaluation_id", "decision_number", "decision_date", "issuing_level", "stars", "issued_on", "expires_on", "status", "revoked_on", "revocation_reason") select "id", "created_at", "updated_at", "number", "product_id", "evaluation_id", "decision_number", "decision_date", "issuing_level", "stars", "issued_on", "expires_on", "status", "revoked_on", "revocation_reason" from "certificate"`,
    );
    this.addSql(`drop table "certificate"`);
    this.addSql(`alter table "certificate_new" rename to "certificate"`);
    this.addSql(`create unique index "certificate_number_unique" on "certificate" ("number")`);
    this.addSql(`create index "certificate_product_id_index" on "certificate" ("product_id")`);
    this.addSql(`create unique index "certificate_evaluation_id_unique" on "certificate" ("evaluation_id")`);
    this.addSql(`create index "certificate_expires_on_index" on "certificate" ("expires_on")`);
    this.addSql(`create index "certificate_product_id_status_index" on "certificate" ("product_id", "status")`);
    this.addSql(
      `create unique index "certificate_one_issued_per_product" on "certificate" ("product_id") where "status" = 'ISSUED'`,
    );
  }
}
