import type { Orm } from './orm.js';

export interface MigrationReport {
  applied: string[];
}

/** Applies pending migrations; never drops or rewrites existing data. */
export async function migrate(orm: Orm): Promise<MigrationReport> {
  const migrator = orm.getMigrator();
  const pending = await migrator.getPendingMigrations();
  if (pending.length > 0) await migrator.up();
  return { applied: pending.map((m) => m.name) };
}

/** True when the catalog holds no products and no regions: the only case in which seeding is allowed. */
export async function isEmpty(orm: Orm): Promise<boolean> {
  const rows = await orm.em
    .getConnection()
    .execute<{ n: number | string }[]>('select (select count(*) from region) + (select count(*) from product) as n');
  return Number(rows[0]?.n ?? 0) === 0;
}
