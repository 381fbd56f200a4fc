import { Migration } from '@mikro-orm/migrations';

/**
 * Search no longer reads trigram indexes (PostgreSQL): the server keeps its own word index in
 * memory, built from the published catalog (modules/search). The two GIN indexes on the folded
 * text only cost write time and disk now. The pg_trgm extension stays: dropping it could break
 * anything else an operator built on it.
 */
export class Migration20261201200000SearchIndexInMemory extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists "product_search_document_trgm"');
    this.addSql('drop index if exists "product_name_folded_trgm"');
  }
}
