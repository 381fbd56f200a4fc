import { openOrm, parseDatabaseUrl, SERVER_NODE_ARGS } from '@ocop/api';
import { searchTokens } from '@ocop/domain';
import { describe, expect, it } from 'vitest';
import { startCli, syntheticCatalog } from '../support/cli.js';
import { gql } from '../support/server.js';

describe('a catalog five times the national benchmark', () => {
  it('starts and searches 100,000 products within the heap ceiling the API runs with, every product in the change feed once', async () => {
    const catalog = await syntheticCatalog(100_000, 400_000);
    let server: Awaited<ReturnType<typeof startCli>> | undefined;
    try {
      // At start the API compares every published product with the feed's last record of it. Read
      // in one piece, the catalog's public text took the process past its heap ceiling, and
      // `pnpm start` could never start (V8 "heap out of memory").
      // One client stands for many buyers here: the per-client allowance is tested elsewhere.
      server = await startCli({ ...catalog.env, RATE_LIMIT: '0' }, SERVER_NODE_ARGS);
      const res = await gql(server, '{ products(first: 1) { totalCount } }');
      expect(res.status).toBe(200);
      const published = (res.data as { products: { totalCount: number } }).products.totalCount;
      expect(published).toBeGreaterThan(50_000);
      // A buyer's first search builds the in-memory search index of the whole catalog. Built from
      // one object per product, it took the process past its heap ceiling and the API died.
      const search = await gql<{
        products: { totalCount: number; nodes: { slug: string }[] };
        facets: { totalCount: number; categories: { count: number }[] };
        searchSuggestions: { completions: string[] };
      }>(
        server,
        `{ products(search: "nuoc mam", first: 5) { totalCount nodes { slug } }
           facets(search: "nuoc mam") { totalCount categories { count } }
           searchSuggestions(search: "nuoc ma") { completions } }`,
      );
      expect(search.status, JSON.stringify(search.errors)).toBe(200);
      const found = search.data?.products;
      expect(found?.totalCount).toBeGreaterThan(0);
      expect(found?.nodes).toHaveLength(5);
      expect(search.data?.facets.totalCount).toBe(found?.totalCount);
      expect(search.data?.facets.categories.reduce((sum, c) => sum + c.count, 0)).toBe(found?.totalCount);
      expect(search.data?.searchSuggestions.completions).toContain('mắm');
      const again = await gql(server, '{ products(search: "mam", first: 1) { totalCount } }');
      expect(again.status).toBe(200);
      const orm = await openOrm(parseDatabaseUrl(catalog.env.DATABASE_URL));
      try {
        // Buyers' searches, each different (two words of a product's name), with every facet: what
        // the server keeps of each (matches, orders, counts per region) filled its heap, and the
        // API died after a few hundred of them (V8 "heap out of memory").
        const names = (await orm.em
          .getConnection()
          .execute('select name_vi from product where id % 40 = 0 order by id')) as { name_vi: string }[];
        const searches = [
          ...new Set(
            names.flatMap(({ name_vi }) => {
              const words = searchTokens(name_vi);
              return [words.slice(0, 2).join(' '), words.slice(1, 3).join(' '), words.slice(2, 4).join(' ')];
            }),
          ),
        ]
          .filter((q) => q.length > 2)
          .slice(0, 800);
        expect(searches.length).toBe(800);
        for (const q of searches) {
          const res = await gql(
            server,
            `query($q: String!) { products(search: $q, first: 20) { totalCount nodes { slug name stars producer { name } region { name } } }
               facets(search: $q) { totalCount categories { count } stars { count } regions { value count } producerTypes { count } } }`,
            { q },
          );
          expect(res.status, `${q}: ${JSON.stringify(res.errors)}`).toBe(200);
        }
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
      catalog.remove();
    }
  }, 600_000);
});
