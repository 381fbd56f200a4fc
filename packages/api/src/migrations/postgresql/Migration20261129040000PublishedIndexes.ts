import { Migration } from '@mikro-orm/migrations';
import { PUBLISHED_INDEXES } from '../published-indexes.js';

/**
 * Covering indexes for "published products" (PostgreSQL), matching the SQLite ones: the
 * active-certificate join and category listings can be answered by index-only scans.
 */
export class Migration20261129040000PublishedIndexes extends Migration {
  override async up(): Promise<void> {
    for (const sql of PUBLISHED_INDEXES) this.addSql(sql);
  }
}
