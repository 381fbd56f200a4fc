import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrm, parseDatabaseUrl, SERVER_NODE_ARGS } from '@ocop/api';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { gql } from '../support/server.js';

describe('a catalog five times the national benchmark', () => {
  it('starts on 100,000 products within the heap ceiling the API runs with, every product in the change feed once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocop-100k-'));
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'ocop.sqlite')}`,
      IMAGES_DIR: join(dir, 'images'),
      PORT: '0',
      HOST: '127.0.0.1',
      OCOP_SEED: 'false',
    };
    let server: Awaited<ReturnType<typeof startCli>> | undefined;
    try {
      const seeded = await runCli(['db', 'seed', '--synthetic', '100000'], env, 400_000);
      expect(seeded.code, seeded.stderr).toBe(0);
      // At start the API compares every published product with the feed's last record of it. Read
      // in one piece, the catalog's public text took the process past its heap ceiling, and
      // `pnpm start` could never start (V8 "heap out of memory").
      server = await startCli(env, SERVER_NODE_ARGS);
      const res = await gql(server, '{ products(first: 1) { totalCount } }');
      expect(res.status).toBe(200);
      const published = (res.data as { products: { totalCount: number } }).products.totalCount;
      expect(published).toBeGreaterThan(50_000);
      const orm = await openOrm(parseDatabaseUrl(env.DATABASE_URL));
      try {
        const [counts] = await orm.em
          .getConnection()
          .execute<{ state: number; entries: number; distinct_products: number }[]>(
            "select (select count(*) from catalog_public_state) as state, (select count(*) from catalog_change where kind = 'PUBLISHED') as entries, (select count(distinct product_id) from catalog_change) as distinct_products",
          );
        expect(counts).toEqual({ state: published, entries: published, distinct_products: published });
      } finally {
        await orm.close(true);
      }
    } finally {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
