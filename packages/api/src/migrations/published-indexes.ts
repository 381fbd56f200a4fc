/**
 * The covering indexes for "published products", the same SQL on SQLite and PostgreSQL (see the
 * two Migration20261129040000PublishedIndexes). Migrations that have already run are made of these
 * strings: never change them; a different index is a new migration.
 */
export const PUBLISHED_INDEXES: readonly string[] = [
  'create index "certificate_active_cover_index" on "certificate" ("product_id", "status", "issued_on", "expires_on", "stars")',
  'create index "product_category_listing_index" on "product" ("category", "name_sort_key", "id", "region_id", "producer_id")',
];
