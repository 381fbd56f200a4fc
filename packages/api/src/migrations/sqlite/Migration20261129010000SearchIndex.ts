import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text index for product search (SQLite). It indexes the columns our own code folded
 * (lowercase, no diacritics, đ → d), because FTS5's remove_diacritics keeps đ. Triggers keep it
 * in step with every write to product.
 */
export class Migration20261129010000SearchIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create virtual table "product_fts" using fts5(name_folded, body_folded, content='product', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
    );
    this.addSql(
      `create trigger "product_fts_insert" after insert on "product" begin insert into product_fts(rowid, name_folded, body_folded) values (new.id, new.name_folded, new.body_folded); end`,
    );
    this.addSql(
      `create trigger "product_fts_delete" after delete on "product" begin insert into product_fts(product_fts, rowid, name_folded, body_folded) values ('delete', old.id, old.name_folded, old.body_folded); end`,
    );
    this.addSql(
      `create trigger "product_fts_update" after update of name_folded, body_folded on "product" begin insert into product_fts(product_fts, rowid, name_folded, body_folded) values ('delete', old.id, old.name_folded, old.body_folded); insert into product_fts(rowid, name_folded, body_folded) values (new.id, new.name_folded, new.body_folded); end`,
    );
    this.addSql(`insert into product_fts(product_fts) values ('rebuild')`);
  }
}
