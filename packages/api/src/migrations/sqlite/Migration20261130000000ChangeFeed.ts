import { Migration } from '@mikro-orm/migrations';

/**
 * The change feed (SQLite): what the public can see, and every change to it, recorded in the
 * same transaction as the write that caused it (see modules/feed/feed.service.ts).
 * - catalog_public_state: one row per published product, as the feed last recorded it.
 * - catalog_change: the outbox, one row per product published, updated or withdrawn, numbered
 *   in commit order.
 * - catalog_feed_state: the day the public state was last brought up to date (day turns).
 */
export class Migration20261130000000ChangeFeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "catalog_change" ("seq" integer not null primary key autoincrement, "at" datetime not null, "kind" text check ("kind" in ('PUBLISHED', 'UPDATED', 'WITHDRAWN')) not null, "product_id" integer not null, "slug" text not null, "category" text null, "stars" integer null, "certificate_number" text null)`,
    );
    this.addSql('create index "catalog_change_at_index" on "catalog_change" ("at")');
    this.addSql(
      `create table "catalog_public_state" ("product_id" integer not null primary key, "slug" text not null, "category" text not null, "stars" integer not null, "certificate_number" text not null, "fingerprint" text not null, "seq" integer not null)`,
    );
    this.addSql(
      `create table "catalog_feed_state" ("id" integer not null primary key check ("id" = 1), "synced_on" date not null, "synced_at" datetime not null)`,
    );
  }
}
