import { Migration } from '@mikro-orm/migrations';

/**
 * The OCOP data model (postgresql): regions, producers, products, evaluations, certificates and
 * programme targets, with the rules the database can enforce itself: score and star ranges,
 * unique slugs and certificate numbers, and at most one ISSUED certificate per product.
 */
export class Migration20261129000000InitialSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "program_target" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(60) not null, "plan_ref" varchar(60) not null, "description_vi" text not null, "description_en" text not null, "period_from" date not null, "period_to" date not null, "metric" varchar(40) not null, "min_stars" int null, "breakdown" varchar(40) null, "value_min" double precision not null, "value_max" double precision not null, "per_district_per_year" double precision null)`,
    );
    this.addSql(`alter table "program_target" add constraint "program_target_code_unique" unique ("code")`);
    this.addSql(
      `create table "region" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(32) not null, "name_vi" varchar(120) not null, "name_en" varchar(120) null, "level" text check ("level" in ('PROVINCE', 'DISTRICT', 'COMMUNE')) not null, "kind" text check ("kind" in ('PROVINCE', 'CITY', 'TOWN', 'DISTRICT', 'WARD', 'COMMUNE', 'TOWNSHIP', 'SPECIAL_ZONE')) not null, "parent_id" int null, "path" varchar(255) not null, "valid_from" date null, "valid_to" date null, "successor_id" int null)`,
    );
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code")`);
    this.addSql(`create index "region_path_index" on "region" ("path")`);
    this.addSql(
      `create table "producer" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" varchar(120) not null, "name" varchar(255) not null, "type" text check ("type" in ('ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD')) not null, "representative" varchar(255) not null, "address" varchar(500) not null, "region_id" int not null, "phone" varchar(40) not null, "email" varchar(255) not null, "website" varchar(500) null, "tax_code" varchar(20) null)`,
    );
    this.addSql(`alter table "producer" add constraint "producer_slug_unique" unique ("slug")`);
    this.addSql(`alter table "producer" add constraint "producer_tax_code_unique" unique ("tax_code")`);
    this.addSql(
      `create table "product" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "slug" varchar(120) not null, "name_vi" varchar(255) not null, "name_en" varchar(255) null, "name_sort_key" varchar(600) collate "C" not null, "name_folded" text not null, "body_folded" text not null, "category" text check ("category" in ('FOOD', 'BEVERAGE', 'HERB', 'TEXTILE', 'SOUVENIR', 'TOURISM')) not null, "region_id" int not null, "producer_id" int not null, "cycle_stage" text check ("cycle_stage" in ('PROPAGANDA', 'IDEA', 'BUSINESS_PLAN', 'PRODUCTION', 'EVALUATION', 'PROMOTION')) not null, "description_vi" text not null, "description_en" text null, "story_vi" text null, "story_en" text null, "images" jsonb not null)`,
    );
    this.addSql(`alter table "product" add constraint "product_slug_unique" unique ("slug")`);
    this.addSql(`create index "product_category_index" on "product" ("category")`);
    this.addSql(
      `create table "evaluation" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" int not null, "council_level" text check ("council_level" in ('DISTRICT', 'PROVINCE', 'CENTRAL')) not null, "criteria_version" text check ("criteria_version" in ('QD1048_2019', 'QD148_2023')) not null, "evaluated_on" date not null, "score_a" double precision not null, "score_b" double precision not null, "score_c" double precision not null, "total" double precision not null, "stars" int not null, "status" text check ("status" in ('DRAFT', 'FINAL')) not null default 'DRAFT', "finalised_at" timestamptz null, constraint evaluation_stars_check check (stars >= 1 and stars <= 5), constraint evaluation_total_check check (total >= 0 and total <= 100), constraint evaluation_score_c_check check (score_c >= 0 and score_c <= 40), constraint evaluation_score_b_check check (score_b >= 0 and score_b <= 25), constraint evaluation_score_a_check check (score_a >= 0 and score_a <= 40))`,
    );
    this.addSql(
      `create index "evaluation_product_id_evaluated_on_index" on "evaluation" ("product_id", "evaluated_on")`,
    );
    this.addSql(
      `create table "certificate" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(40) not null, "product_id" int not null, "evaluation_id" int not null, "decision_number" varchar(60) not null, "decision_date" date not null, "issuing_level" text check ("issuing_level" in ('DISTRICT', 'PROVINCE', 'CENTRAL')) not null, "stars" int not null, "issued_on" date not null, "expires_on" date not null, "status" text check ("status" in ('ISSUED', 'SUPERSEDED', 'REVOKED')) not null default 'ISSUED', "revoked_on" date null, "revocation_reason" text null, constraint certificate_dates_check check (expires_on > issued_on), constraint certificate_stars_check check (stars >= 3 and stars <= 5))`,
    );
    this.addSql(`alter table "certificate" add constraint "certificate_number_unique" unique ("number")`);
    this.addSql(`alter table "certificate" add constraint "certificate_evaluation_id_unique" unique ("evaluation_id")`);
    this.addSql(`create index "certificate_expires_on_index" on "certificate" ("expires_on")`);
    this.addSql(`create index "certificate_product_id_status_index" on "certificate" ("product_id", "status")`);
    this.addSql(
      `alter table "region" add constraint "region_parent_id_foreign" foreign key ("parent_id") references "region" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "region" add constraint "region_successor_id_foreign" foreign key ("successor_id") references "region" ("id") on update cascade on delete set null`,
    );
    this.addSql(
      `alter table "producer" add constraint "producer_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "product" add constraint "product_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "product" add constraint "product_producer_id_foreign" foreign key ("producer_id") references "producer" ("id") on update cascade on delete restrict`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "certificate" add constraint "certificate_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `alter table "certificate" add constraint "certificate_evaluation_id_foreign" foreign key ("evaluation_id") references "evaluation" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`create index "region_parent_id_index" on "region" ("parent_id")`);
    this.addSql(`create index "region_path_pattern_index" on "region" ("path" varchar_pattern_ops)`);
    this.addSql(`create index "producer_region_id_index" on "producer" ("region_id")`);
    this.addSql(`create index "product_region_id_index" on "product" ("region_id")`);
    this.addSql(`create index "product_producer_id_index" on "product" ("producer_id")`);
    this.addSql(`create index "product_name_sort_key_index" on "product" ("name_sort_key", "id")`);
    this.addSql(`create index "evaluation_product_id_index" on "evaluation" ("product_id")`);
    this.addSql(`create index "certificate_product_id_index" on "certificate" ("product_id")`);
    this.addSql(
      `create unique index "certificate_one_issued_per_product" on "certificate" ("product_id") where "status" = 'ISSUED'`,
    );
  }
}
