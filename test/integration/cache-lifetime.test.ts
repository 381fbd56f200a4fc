import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/admin.js';
import { bearer, createToken, gql, useTestApi, type TestApi, testDatabases } from '../support/server.js';

/**
 * Every cache of the API is emptied when the catalog may have changed (cache/catalog-version.ts).
 * Writes that no cached answer depends on (a buyer's quote request, what tokens used)
 * must not empty them: on a national catalog a cold search rebuilds its index for seconds.
 */

const LIST = '{ products(filter: { categories: [FOOD] }, first: 20) { totalCount nodes { slug name stars } } }';

const REQUEST = `mutation($input: RequestQuoteInput!) {
  requestQuote(input: $input) { reference status }
}`;

/** The food listing as a GET, and whether the response cache answered it. */
async function listing(api: TestApi) {
  const res = await fetch(`${api.url}?query=${encodeURIComponent(LIST)}`);
  const body = (await res.json()) as { data: { products: { nodes: { slug: string; name: string }[] } } };
  return { cache: res.headers.get('x-cache'), nodes: body.data.products.nodes };
}

/** Longer than the SQLite watcher's second (cache/feed-listener.ts). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe.each(testDatabases())('the catalog caches on $name', (db) => {
  let official: Record<string, string>;

  const api = useTestApi(db);

  beforeAll(async () => {
    official = bearer(await createToken(api, 'EVALUATOR'));
  });

  it('outlive a quote request and the recording of what tokens used', async () => {
    // The start's own catalog writes (the feed's full pass) reach the SQLite watcher a second later.
    await settle();
    // Kept the second time it is asked.
    await listing(api);
    await listing(api);
    expect((await listing(api)).cache).toBe('HIT');

    const receipt = ok<{ requestQuote: { reference: string } }>(
      await gql(api, REQUEST, {
        input: {
          productSlug: 'nuoc-mam-phu-quoc-khai-hoan-38-do-dam',
          name: 'Tanaka Yuki',
          company: 'Umami Trading K.K.',
          country: 'JP',
          email: 'yuki@example.jp',
          quantity: '2,000 bottles a month',
          message: 'Please quote FOB Hồ Chí Minh City for 500 ml bottles.',
          consent: true,
        },
      }),
    ).requestQuote;
    expect(receipt.reference).toMatch(/^RQ-/u);
    await settle();
    expect((await listing(api)).cache, 'after a quote request').toBe('HIT');

    expect((await gql(api, '{ products(first: 1) { totalCount } }', undefined, official)).status).toBe(200);
    await api.server.flush();
    await settle();
    expect((await listing(api)).cache, 'after token usage was written').toBe('HIT');
  });
});

/** SQLite counts catalog writes by triggers, read each second, so it sees them made anywhere; PostgreSQL hears those the API makes (NOTIFY). */
describe.each(testDatabases().filter((d) => d.name === 'sqlite'))('the catalog caches on $name', (db) => {
  const api = useTestApi(db);

  it('follow a catalog write made behind the API’s back', async () => {
    const before = await listing(api);
    await listing(api);
    expect((await listing(api)).cache).toBe('HIT');
    const first = before.nodes[0]?.slug as string;
    // Not through the ORM: neither a flush nor a transaction of the API's tells it.
    await api.orm.em
      .getConnection()
      .execute(`update product set name_vi = 'Tên đổi ngoài API' where slug = '${first}'`);
    await settle();
    const after = await listing(api);
    expect(after.cache).not.toBe('HIT');
    expect(after.nodes.find((n) => n.slug === first)?.name).toBe('Tên đổi ngoài API');
  });
});
