import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll } from 'vitest';
import { parseDatabaseUrl } from '../config.js';
import { migrate } from '../db/database.js';
import { type Orm, openOrm } from '../db/orm.js';
import { Producer } from '../modules/producer/producer.entity.js';
import { Product } from '../modules/product/product.entity.js';
import { Region } from '../modules/region/region.entity.js';

/**
 * The small catalog the API's unit tests build on: an empty migrated database in memory, and
 * one unit, one producer and one product added to it as a test needs. Each builder only calls
 * `em.create`; the test flushes.
 */

export interface TestDatabase {
  orm: Orm;
  em: SqlEntityManager;
}

/** A migrated, empty SQLite database in memory; close it with `orm.close(true)`. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const orm = await openOrm(parseDatabaseUrl('sqlite::memory:'));
  await migrate(orm);
  return { orm, em: orm.em.fork() as SqlEntityManager };
}

/**
 * Opens a test database before the tests of the enclosing `describe` and closes it after them.
 * The object returned is filled in once it is open, so tests and the `beforeAll` hooks written
 * after this call (which run after it) read `db.em` and `db.orm` as the open database.
 */
export function useTestDatabase(): TestDatabase {
  const db = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(db, await openTestDatabase());
  });
  afterAll(async () => {
    await db.orm?.close(true);
  });
  return db;
}

/**
 * A SQLite database in a file of its own (in a temporary folder), opened before the tests of the
 * enclosing `describe` and deleted after them: for what an in-memory database does not show
 * (the connection pool, the file's settings). Migrated when `migrated` is set; the `orm` of the
 * object returned is there once the tests run.
 */
export function useSqliteFile(options: { prefix: string; migrated: boolean }): { orm: Orm } {
  const db = {} as { orm: Orm };
  let dir: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), options.prefix));
    db.orm = await openOrm(parseDatabaseUrl(`sqlite:${join(dir, 'test.sqlite')}`));
    if (options.migrated) await migrate(db.orm);
  });
  afterAll(async () => {
    await db.orm?.close(true);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

const REGIONS = {
  AG: { code: 'AG', nameVi: 'An Giang', level: 'PROVINCE', kind: 'PROVINCE', path: '/AG/' },
  'AG-PQ': { code: 'AG-PQ', nameVi: 'Phú Quốc', level: 'COMMUNE', kind: 'SPECIAL_ZONE', path: '/AG-PQ/' },
} as const;

/** The province of An Giang (AG), or the special zone of Phú Quốc (AG-PQ, the default). */
export function sampleRegion(em: SqlEntityManager, code: keyof typeof REGIONS = 'AG-PQ'): Region {
  return em.create(Region, { ...REGIONS[code] });
}

/** The cooperative "HTX Test" (slug htx-test) in `region`. */
export function sampleProducer(em: SqlEntityManager, region: Region): Producer {
  return em.create(Producer, {
    slug: 'htx-test',
    name: 'HTX Test',
    type: 'COOPERATIVE',
    representative: 'A',
    address: 'B',
    region,
    phone: '0000 000 000',
    email: 'a@example.vn',
  });
}

/** A FOOD product of `producer`, in the producer's region; by default "Nước mắm test" in production. */
export function sampleProduct(
  em: SqlEntityManager,
  producer: Producer,
  values: Partial<Pick<Product, 'slug' | 'nameVi' | 'cycleStage'>> = {},
): Product {
  return em.create(Product, {
    slug: 'nuoc-mam-test',
    nameVi: 'Nước mắm test',
    category: 'FOOD',
    region: producer.region,
    producer,
    cycleStage: 'PRODUCTION',
    descriptionVi: 'Mô tả',
    ...values,
  });
}
