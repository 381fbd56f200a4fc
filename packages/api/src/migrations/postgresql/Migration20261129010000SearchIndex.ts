import { Migration } from '@mikro-orm/migrations';

/**
 * Trigram indexes for product search (PostgreSQL). pg_trgm makes LIKE '%word%' on the folded
 * search document fast and gives word_similarity() for typo-tolerant fallback searches. The
 * indexed expression must stay byte-identical to SEARCH_DOCUMENT in product.query.ts.
 */
export class Migration20261129010000SearchIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm');
    this.addSql(
      `create index "product_search_document_trgm" on "product" using gin ((' ' || name_folded || ' ' || body_folded) gin_trgm_ops)`,
    );
    this.addSql(`create index "product_name_folded_trgm" on "product" using gin (name_folded gin_trgm_ops)`);
  }
}
