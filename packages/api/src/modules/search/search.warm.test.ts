import type { SqlEntityManager } from '@mikro-orm/knex';
import { todayInVietnam } from '@ocop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogVersion } from '../../cache/catalog-version.js';
import { parseDatabaseUrl } from '../../config.js';
import { migrate } from '../../db/database.js';
import { type Orm, openOrm } from '../../db/orm.js';
import { createLogger } from '../../logger.js';
import { searchIndex } from './search.reader.js';
import { keepSearchIndexWarm } from './search.warm.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('keepSearchIndexWarm', () => {
  let orm: Orm;
  const queries: string[] = [];
  /** Statements that read products since the last look. */
  const productReads = () => queries.splice(0).filter((sql) => /\bproduct\b/.test(sql)).length;
  beforeAll(async () => {
    orm = await openOrm(parseDatabaseUrl('sqlite::memory:'));
    await migrate(orm);
    // Every statement, those the ORM's logger sees and those sent through Knex directly.
    (orm.em as SqlEntityManager).getKnex().on('query', (query: { sql: string }) => queries.push(query.sql));
    queries.length = 0;
  });
  afterAll(async () => {
    await orm.close(true);
  });

  it('builds the index again once the catalog has stayed unchanged after a write, while searches use it', async () => {
    const logger = createLogger({ logLevel: 'silent', env: 'test' });
    const stop = keepSearchIndexWarm({
      orm,
      version: catalogVersion,
      logger,
      now: () => new Date(),
      quietMs: 100,
      inUseMs: 1500,
    });
    try {
      const search = () => searchIndex(orm.em.fork() as SqlEntityManager, todayInVietnam(new Date()));
      // Not at start: the first search builds it.
      await wait(300);
      expect(productReads()).toBe(0);
      await search();
      expect(productReads()).toBeGreaterThan(0);
      // A write empties every cache; writes in a row are waited out, then one build follows.
      catalogVersion.bump();
      await wait(5);
      catalogVersion.bump();
      expect(productReads()).toBe(0);
      await wait(600);
      expect(productReads()).toBeGreaterThan(0);
      await search();
      expect(productReads()).toBe(0);
      // An index nobody asked for lately is left to the next search.
      await wait(1700);
      catalogVersion.bump();
      await wait(400);
      expect(productReads()).toBe(0);
      await search();
      expect(productReads()).toBeGreaterThan(0);
    } finally {
      stop();
    }
    // Stopped: a write is no longer followed by a build.
    await searchIndex(orm.em.fork() as SqlEntityManager, todayInVietnam(new Date()));
    productReads();
    catalogVersion.bump();
    await wait(400);
    expect(productReads()).toBe(0);
  });
});
