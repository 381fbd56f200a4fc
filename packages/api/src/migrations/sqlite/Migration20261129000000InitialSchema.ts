import { Migration } from '@mikro-orm/migrations';

/**
 * The OCOP data model (sqlite): regions, producers, products, evaluations, certificates and
 * programme targets, with the rules the database can enforce itself: score and star ranges,
 * unique slugs and certificate numbers, and at most one ISSUED certificate per product.
 */
export class Migration20261129000000InitialSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "program_target" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "code" text not null, "plan_ref" text not null, "description_vi" text not null, "description_en" text not null, "period_from" date not null, "period_to" date not null, "metric" text not null, "min_stars" integer null, "breakdown" text null, "value_min" double not null, "value_max" double not null, "per_district_per_year" double null)`,
    );
    this.addSql(`create unique index "program_target_code_unique" on "program_target" ("code")`);
    this.addSql(
      `create table "region" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "code" text not null, "name_vi" text not null, "name_en" text null, "level" text check ("level" in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, "kind" text check ("kind" in ('PROVINCE', 'CITY', 'TOWN', 'DISTRICT', 'WARD', 'COMMUNE', 'TOWNSHIP', 'SPECIAL_ZONE')) not null, "parent_id" integer null, "path" text not null, "valid_from" date null, "valid_to" date null, "successor_id" integer null, constraint "region_parent_id_foreign" foreign key("parent_id") references "region"("id") on delete restrict on update cascade, constraint "region_successor_id_foreign" foreign key("successor_id") references "region"("id") on delete set null on update cascade)`,
    );
    this.addSql(`create unique index "region_code_unique" on "region" ("code")`);
    this.addSql(`create index "region_parent_id_index" on "region" ("parent_id")`);
    this.addSql(`create index "region_path_index" on "region" ("path")`);
    this.addSql(`create index "region_successor_id_index" on "region" ("successor_id")`);
    this.addSql(
      `create table "producer" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "slug" text not null, "name" text not null, "type" text check ("type" in ('ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD')) not null, "representative" text not null, "address" text not null, "region_id" integer not null, "phone" text not null, "email" text not null, "website" text null, "tax_code" text null, constraint "producer_region_id_foreign" foreign key("region_id") references "region"("id") on delete restrict on update cascade)`,
    );
    this.addSql(`create unique index "producer_slug_unique" on "producer" ("slug")`);
    this.addSql(`create index "producer_region_id_index" on "producer" ("region_id")`);
    this.addSql(`create unique index "producer_tax_code_unique" on "producer" ("tax_code")`);
    this.addSql(
      `create table "product" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "slug" text not null, "name_vi" text not null, "name_en" text null, "name_sort_key" text not null, "name_folded" text not null, "body_folded" text not null, "category" text check ("category" in ('FOOD', 'BEVERAGE', 'HERB', 'TEXTILE', 'SOUVENIR', 'TOURISM')) not null, "region_id" integer not null, "producer_id" integer not null, "cycle_stage" text check ("cycle_stage" in ('PROPAGANDA', 'IDEA', 'BUSINESS_PLAN', 'PRODUCTION', 'EVALUATION', 'PROMOTION')) not null, "description_vi" text not null, "description_en" text null, "story_vi" text null, "story_en" text null, "images" json not null, constraint "product_region_id_foreign" foreign key("region_id") references "region"("id") on delete restrict on update cascade, constraint "product_producer_id_foreign" foreign key("producer_id") references "producer"("id") on delete restrict on update cascade)`,
    );
    this.addSql(`create unique index "product_slug_unique" on "product" ("slug")`);
    this.addSql(`create index "product_region_id_index" on "product" ("region_id")`);
    this.addSql(`create index "product_producer_id_index" on "product" ("producer_id")`);
    this.addSql(`create index "product_category_index" on "product" ("category")`);
    this.addSql(
      `create table "evaluation" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "product_id" integer not null, "council_level" text check ("council_level" in ('DISTRICT', 'PROVINCE', 'CENTRAL')) not null, "criteria_version" text check ("criteria_version" in ('QD1048_2019', 'QD148_2023')) not null, "evaluated_on" date not null, "score_a" double not null, "score_b" double not null, "score_c" double not null, "total" double not null, "stars" integer not null, "status" text check ("status" in ('DRAFT', 'FINAL')) not null default 'DRAFT', "finalised_at" datetime null, constraint "evaluation_product_id_foreign" foreign key("product_id") references "product"("id") on delete cascade on update cascade, constraint evaluation_stars_check check (stars >= 1 and stars <= 5), constraint evaluation_total_check check (total >= 0 and total <= 100), constraint evaluation_score_c_check check (score_c >= 0 and score_c <= 40), constraint evaluation_score_b_check check (score_b >= 0 and score_b <= 25), constraint evaluation_score_a_check check (score_a >= 0 and score_a <= 40))`,
    );
    this.addSql(`create index "evaluation_product_id_index" on "evaluation" ("product_id")`);
    this.addSql(
      `create index "evaluation_product_id_evaluated_on_index" on "evaluation" ("product_id", "evaluated_on")`,
    );
    this.addSql(
      `create table "certificate" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "number" text not null, "product_id" integer not null, "evaluation_id" integer not null, "decision_number" text not null, "decision_date" date not null, "issuing_level" text check ("issuing_level" in ('DISTRICT', 'PROVINCE', 'CENTRAL')) not null, "stars" integer not null, "issued_on" date not null, "expires_on" date not null, "status" text check ("status" in ('ISSUED', 'SUPERSEDED', 'REVOKED')) not null default 'ISSUED', "revoked_on" date null, "revocation_reason" text null, constraint "certificate_product_id_foreign" foreign key("product_id") references "product"("id") on delete cascade on update cascade, constraint "certificate_evaluation_id_foreign" foreign key("evaluation_id") references "evaluation"("id") on delete restrict on update cascade, constraint certificate_dates_check check (expires_on > issued_on), constraint certificate_stars_check check (stars >= 3 and stars <= 5))`,
    );
    this.addSql(`create unique index "certificate_number_unique" on "certificate" ("number")`);
    this.addSql(`create index "certificate_product_id_index" on "certificate" ("product_id")`);
    this.addSql(`create unique index "certificate_evaluation_id_unique" on "certificate" ("evaluation_id")`);
    this.addSql(`create index "certificate_expires_on_index" on "certificate" ("expires_on")`);
    this.addSql(`create index "certificate_product_id_status_index" on "certificate" ("product_id", "status");`);
    this.addSql(
      `create unique index "certificate_one_issued_per_product" on "certificate" ("product_id") where "status" = 'ISSUED'`,
    );
    this.addSql(`create index "product_name_sort_key_index" on "product" ("name_sort_key", "id")`);
  }
}
