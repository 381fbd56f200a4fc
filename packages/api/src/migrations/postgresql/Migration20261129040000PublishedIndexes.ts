import { Migration } from '@mikro-orm/migrations';

/**
 * Covering indexes for "published products" (PostgreSQL), matching the SQLite ones: the
 * active-certificate join and category listings can be answered by index-only scans.
 */
export class Migration20261129040000PublishedIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index "certificate_active_cover_index" on "certificate" ("product_id", "status", "issued_on", "expires_on", "stars")',
    );
    this.addSql(
      'create index "product_category_listing_index" on "product" ("category", "name_sort_key", "id", "region_id", "producer_id")',
    );
  }
}
