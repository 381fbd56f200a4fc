import { Migration } from '@mikro-orm/migrations';

/**
 * The change feed (PostgreSQL): what the public can see, and every change to it, recorded in the
 * same transaction as the write that caused it (see modules/feed/feed.service.ts). Writers take
 * an advisory lock before numbering entries, so `seq` grows in commit order.
 * - catalog_public_state: one row per published product, as the feed last recorded it.
 * - catalog_change: the outbox, one row per product published, updated or withdrawn.
 * - catalog_feed_state: the day the public state was last brought up to date (day turns).
 */
export class Migration20261130000000ChangeFeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "catalog_change" ("seq" bigserial primary key, "at" timestamptz not null, "kind" text not null check ("kind" in ('PUBLISHED', 'UPDATED', 'WITHDRAWN')), "product_id" integer not null, "slug" varchar(120) not null, "category" text null, "stars" integer null, "certificate_number" varchar(40) null)`,
    );
    this.addSql('create index "catalog_change_at_index" on "catalog_change" ("at")');
    this.addSql(
      `create table "catalog_public_state" ("product_id" integer primary key, "slug" varchar(120) not null, "category" text not null, "stars" integer not null, "certificate_number" varchar(40) not null, "fingerprint" text not null, "seq" bigint not null)`,
    );
    this.addSql(
      `create table "catalog_feed_state" ("id" integer primary key check ("id" = 1), "synced_on" date not null, "synced_at" timestamptz not null)`,
    );
  }
}
