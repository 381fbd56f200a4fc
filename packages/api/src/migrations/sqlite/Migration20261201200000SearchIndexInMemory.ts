import { Migration } from '@mikro-orm/migrations';

/**
 * Search no longer reads an FTS5 index (SQLite): the server keeps its own word index in memory,
 * built from the published catalog (modules/search). The FTS5 table and the triggers that kept
 * it in step with every product write only cost write time and disk now.
 */
export class Migration20261201200000SearchIndexInMemory extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop trigger if exists "product_fts_insert"');
    this.addSql('drop trigger if exists "product_fts_delete"');
    this.addSql('drop trigger if exists "product_fts_update"');
    this.addSql('drop table if exists "product_fts"');
  }
}
