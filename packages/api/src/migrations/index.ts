import type { MigrationObject } from '@mikro-orm/core';
import type { Dialect } from '../config.js';
import { Migration20261129000000InitialSchema as PgInitial } from './postgresql/Migration20261129000000InitialSchema.js';
import { Migration20261129010000SearchIndex as PgSearch } from './postgresql/Migration20261129010000SearchIndex.js';
import { Migration20261129020000AuthAudit as PgAuthAudit } from './postgresql/Migration20261129020000AuthAudit.js';
import { Migration20261129040000PublishedIndexes as PgIndexes } from './postgresql/Migration20261129040000PublishedIndexes.js';
import { Migration20261129030000CertificateWithoutScoreSheet as PgCertificateWithoutScoreSheet } from './postgresql/Migration20261129030000CertificateWithoutScoreSheet.js';
import { Migration20261201000000CertificateExpiryCivilCode as PgExpiryCivilCode } from './postgresql/Migration20261201000000CertificateExpiryCivilCode.js';
import { Migration20261201300000PartnersWebhooks as PgPartners } from './postgresql/Migration20261201300000PartnersWebhooks.js';
import { Migration20261130000000ChangeFeed as PgChangeFeed } from './postgresql/Migration20261130000000ChangeFeed.js';
import { Migration20261201100000TradeInfo as PgTradeInfo } from './postgresql/Migration20261201100000TradeInfo.js';
import { Migration20261201110000QuoteRequests as PgQuoteRequests } from './postgresql/Migration20261201110000QuoteRequests.js';
import { Migration20261201200000SearchIndexInMemory as PgSearchInMemory } from './postgresql/Migration20261201200000SearchIndexInMemory.js';
import { Migration20261129000000InitialSchema as SqliteInitial } from './sqlite/Migration20261129000000InitialSchema.js';
import { Migration20261129010000SearchIndex as SqliteSearch } from './sqlite/Migration20261129010000SearchIndex.js';
import { Migration20261129020000AuthAudit as SqliteAuthAudit } from './sqlite/Migration20261129020000AuthAudit.js';
import { Migration20261129040000PublishedIndexes as SqliteIndexes } from './sqlite/Migration20261129040000PublishedIndexes.js';
import { Migration20261129030000CertificateWithoutScoreSheet as SqliteCertificateWithoutScoreSheet } from './sqlite/Migration20261129030000CertificateWithoutScoreSheet.js';
import { Migration20261201000000CertificateExpiryCivilCode as SqliteExpiryCivilCode } from './sqlite/Migration20261201000000CertificateExpiryCivilCode.js';
import { Migration20261201300000PartnersWebhooks as SqlitePartners } from './sqlite/Migration20261201300000PartnersWebhooks.js';
import { Migration20261130000000ChangeFeed as SqliteChangeFeed } from './sqlite/Migration20261130000000ChangeFeed.js';
import { Migration20261201100000TradeInfo as SqliteTradeInfo } from './sqlite/Migration20261201100000TradeInfo.js';
import { Migration20261201110000QuoteRequests as SqliteQuoteRequests } from './sqlite/Migration20261201110000QuoteRequests.js';
import { Migration20261201200000SearchIndexInMemory as SqliteSearchInMemory } from './sqlite/Migration20261201200000SearchIndexInMemory.js';
import { Migration20261202000000CatalogGeneration as SqliteCatalogGeneration } from './sqlite/Migration20261202000000CatalogGeneration.js';

type MigrationList = MigrationObject[];

/**
 * Migrations are listed here, not found by globbing a folder, so the same list works from
 * TypeScript sources (tsx, vitest) and from the compiled dist/ folder. One list per dialect:
 * the SQL differs (once FTS5 on SQLite and pg_trgm on PostgreSQL), the names must stay in step,
 * except for a change only one database needs: SQLite's catalog_generation counter (PostgreSQL
 * hears catalog writes through NOTIFY instead).
 */
const MIGRATIONS: Record<Dialect, MigrationList> = {
  sqlite: [
    { name: 'Migration20261129000000InitialSchema', class: SqliteInitial },
    { name: 'Migration20261129010000SearchIndex', class: SqliteSearch },
    { name: 'Migration20261129020000AuthAudit', class: SqliteAuthAudit },
    { name: 'Migration20261129030000CertificateWithoutScoreSheet', class: SqliteCertificateWithoutScoreSheet },
    { name: 'Migration20261129040000PublishedIndexes', class: SqliteIndexes },
    { name: 'Migration20261130000000ChangeFeed', class: SqliteChangeFeed },
    { name: 'Migration20261201000000CertificateExpiryCivilCode', class: SqliteExpiryCivilCode },
    { name: 'Migration20261201100000TradeInfo', class: SqliteTradeInfo },
    { name: 'Migration20261201110000QuoteRequests', class: SqliteQuoteRequests },
    { name: 'Migration20261201200000SearchIndexInMemory', class: SqliteSearchInMemory },
    { name: 'Migration20261201300000PartnersWebhooks', class: SqlitePartners },
    { name: 'Migration20261202000000CatalogGeneration', class: SqliteCatalogGeneration },
  ],
  postgresql: [
    { name: 'Migration20261129000000InitialSchema', class: PgInitial },
    { name: 'Migration20261129010000SearchIndex', class: PgSearch },
    { name: 'Migration20261129020000AuthAudit', class: PgAuthAudit },
    { name: 'Migration20261129030000CertificateWithoutScoreSheet', class: PgCertificateWithoutScoreSheet },
    { name: 'Migration20261129040000PublishedIndexes', class: PgIndexes },
    { name: 'Migration20261130000000ChangeFeed', class: PgChangeFeed },
    { name: 'Migration20261201000000CertificateExpiryCivilCode', class: PgExpiryCivilCode },
    { name: 'Migration20261201100000TradeInfo', class: PgTradeInfo },
    { name: 'Migration20261201110000QuoteRequests', class: PgQuoteRequests },
    { name: 'Migration20261201200000SearchIndexInMemory', class: PgSearchInMemory },
    { name: 'Migration20261201300000PartnersWebhooks', class: PgPartners },
  ],
};

export function migrationsFor(dialect: Dialect): MigrationList {
  return MIGRATIONS[dialect];
}
