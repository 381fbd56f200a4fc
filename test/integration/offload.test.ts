import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office, ok } from '../support/admin.js';
import { bearer, createToken, gql, startTestApi, useTestApi, type TestApi, testDatabases } from '../support/server.js';

/**
 * Expensive queries (estimated cost from EXPENSIVE_QUERY_COST, 2,000) run in a worker thread
 * (packages/api/src/graphql/offload.ts) so that they never hold the thread answering every
 * other request. What is checked here is that nothing else changes: the same bytes, the same
 * freshness, the same caller, the same errors.
 */
const HEAVY = `query Heavy {
  products(first: 100) {
    totalCount
    nodes { slug name stars certificate { id number } related(first: 9) { slug name stars } }
  }
}`;

interface Heavy {
  products: {
    totalCount: number;
    nodes: { slug: string; certificate: { id: string; number: string }; related: { slug: string }[] }[];
  };
}

async function post(api: TestApi, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Statements the main thread's ORM ran for products since the last reset. */
function productReads(api: TestApi): number {
  return api.queries.filter((sql) => /\bproduct\b/.test(sql)).length;
}

describe.each(testDatabases())('expensive queries in their own thread on $name', (db) => {
  let inline: TestApi;
  let office: Office;

  const api = useTestApi(db, { env: { LOG_LEVEL: 'info' }, logs: [] });

  beforeAll(async () => {
    inline = await startTestApi(db, { env: { EXPENSIVE_QUERY_THREAD: 'false' } });
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
  });
  afterAll(async () => {
    await inline?.close();
  });

  it('answers an expensive query byte for byte as the main thread does, without reading in the main thread', async () => {
    api.queries.length = 0;
    inline.queries.length = 0;
    const [offloaded, here] = [await post(api, HEAVY), await post(inline, HEAVY)];
    expect(offloaded.status).toBe(200);
    expect(offloaded.text).toBe(here.text);
    expect(offloaded.headers.get('cache-control')).toBe(here.headers.get('cache-control'));
    expect(offloaded.headers.get('content-length')).toBe(here.headers.get('content-length'));
    expect((JSON.parse(offloaded.text) as { data: Heavy }).data.products.nodes.length).toBeGreaterThan(50);
    // The worker read the rows; the main thread only checked the query and sent the bytes.
    expect(productReads(api)).toBe(0);
    expect(productReads(inline)).toBeGreaterThan(0);
    // The same through GET, which goes the Express way.
    const get = await fetch(`${api.url}?query=${encodeURIComponent(HEAVY)}`);
    expect(get.status).toBe(200);
    expect(await get.text()).toBe(here.text);
  });

  it('leaves out a product withdrawn a moment before, in its list and in every related list', async () => {
    const before = ok<Heavy>(await gql(api, HEAVY));
    const withdrawn = before.products.nodes.find((node) =>
      before.products.nodes.some((other) => other.related.some((r) => r.slug === node.slug)),
    );
    if (!withdrawn) throw new Error('the sample has no product shown as related to another');
    await office.revoke(withdrawn.certificate.id);
    // At once: the change reaches the worker's caches before the next request does.
    const after = ok<Heavy>(await gql(api, HEAVY));
    expect(after.products.totalCount).toBe(before.products.totalCount - 1);
    expect(JSON.stringify(after)).not.toContain(`"${withdrawn.slug}"`);
  });

  it('answers as the caller who asked: a token is private, a bad token still says what is wrong', async () => {
    const withToken = await post(api, HEAVY, bearer(office.adminToken));
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    const expiring = await gql(
      api,
      `{ expiringCertificates(withinDays: 366, first: 100) { nodes { number product { slug related(first: 9) { slug name stars } } } } }`,
      {},
      bearer(office.adminToken),
    );
    expect(expiring.status).toBe(200);
    expect(expiring.errors).toBeUndefined();
    const anonymous = await gql(
      api,
      `{ expiringCertificates(withinDays: 366, first: 100) { nodes { number product { slug related(first: 9) { slug name stars } } } } }`,
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe.each(testDatabases())('errors of an expensive query run in its own thread on $name', (db) => {
  const api = useTestApi(db, { env: { RESPONSE_MAX_ITEMS: '300' } });

  it('stops a response past the ceiling with 400 RESPONSE_TOO_LARGE, and keeps answering', async () => {
    const tooLarge = await gql(api, HEAVY);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(tooLarge.headers.get('cache-control')).toBe('no-store');
    const small = await gql(api, '{ products(first: 2) { nodes { slug } } }');
    expect(small.status).toBe(200);
    const again = await gql(api, HEAVY);
    expect(again.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
  });
});
