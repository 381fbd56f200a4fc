import { Migration } from '@mikro-orm/migrations';

/**
 * The tables whose rows a cached answer may show or count: a write to any of them moves
 * catalog_generation. Every other table holds bookkeeping that no cache reads (tokens and what
 * they used, quote requests, webhooks and their deliveries, the audit log, the migrations).
 */
export const CATALOG_TABLES = [
  'region',
  'producer',
  'product',
  'evaluation',
  'certificate',
  'program_target',
  'catalog_change',
  'catalog_public_state',
  'catalog_feed_state',
] as const;

/** The other tables: no cache reads them, and writes to them leave every cache as it is. */
export const BOOKKEEPING_TABLES = [
  'api_token',
  'api_token_usage',
  'audit_entry',
  'quote_request',
  'webhook',
  'webhook_delivery',
  'catalog_generation',
  'mikro_orm_migrations',
] as const;

/**
 * SQLite tells other processes about writes through a counter that only catalog writes move.
 * The API read `pragma data_version` each second, which moves on every commit: a quote request,
 * what tokens used or a webhook delivery emptied every cache of every API process, and the next
 * search rebuilt its index (seconds on a national catalog). Triggers also count writes made
 * without the API (the sqlite3 shell), as data_version did.
 */
export class Migration20261202000000CatalogGeneration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "catalog_generation" ("id" integer not null primary key check ("id" = 1), "n" integer not null)',
    );
    this.addSql('insert into "catalog_generation" ("id", "n") values (1, 0)');
    for (const table of CATALOG_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        this.addSql(
          `create trigger "${table}_${event}_generation" after ${event} on "${table}" begin update "catalog_generation" set "n" = "n" + 1; end`,
        );
      }
    }
  }
}
