import { catalogToCsv, catalogToJson, collectPublicCatalog, SERVER_NODE_ARGS } from '@ocop/api';
import { todayInVietnam } from '@ocop/domain';
import { describe, expect, it } from 'vitest';
import { Office } from '../support/admin.js';
import { startCli, syntheticCatalog } from '../support/cli.js';
import { createToken, gql, useTestApi, testDatabases } from '../support/server.js';

const CSV_FILES = ['regions.csv', 'producers.csv', 'products.csv', 'certificates.csv'];

/** The body as sent, byte-order mark included (Response.text() drops it). */
const body = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

function withoutGeneratedAt(json: string): unknown {
  const { generatedAt, ...rest } = JSON.parse(json) as Record<string, unknown>;
  expect(generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  return rest;
}

describe.each(testDatabases())('open data over HTTP on $name', (db) => {
  const get = (name: string) => fetch(new URL(`/open-data/${name}`, api.url));

  const api = useTestApi(db);

  it('serves the export of today’s published catalog, byte for byte as `ocop export` writes it', async () => {
    const catalog = await collectPublicCatalog(
      api.orm.em.fork() as Parameters<typeof collectPublicCatalog>[0],
      todayInVietnam(new Date()),
    );
    const expected = catalogToCsv(catalog);
    for (const name of CSV_FILES) {
      const res = await get(name);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=5');
      expect(await body(res), name).toBe(expected.get(name));
    }
    const res = await get('ocop-catalog.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(withoutGeneratedAt(await res.text())).toEqual(withoutGeneratedAt(catalogToJson(catalog, new Date())));
  });

  it('has one product row per published product, as the catalog query counts them', async () => {
    const { data } = await gql<{ products: { totalCount: number } }>(api, '{ products(first: 1) { totalCount } }');
    const json = JSON.parse(await (await get('ocop-catalog.json')).text()) as {
      counts: Record<string, number>;
      products: { slug: string }[];
      certificates: { product: string }[];
    };
    expect(json.counts.products).toBe(data?.products.totalCount);
    expect(json.products).toHaveLength(data?.products.totalCount ?? -1);
    expect(new Set(json.certificates.map((c) => c.product))).toEqual(new Set(json.products.map((p) => p.slug)));
  });

  it('reads the database once until the catalog changes', async () => {
    await get('products.csv');
    api.queries.length = 0;
    const again = await Promise.all(CSV_FILES.map(get));
    expect(again.map((r) => r.status)).toEqual(CSV_FILES.map(() => 200));
    expect(api.queries).toEqual([]);
  });

  it('has a product published after the last download in the next one', async () => {
    const before = await body(await get('products.csv'));
    const office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    const producer = await office.createProducer();
    const product = await office.createProduct(producer.id);
    expect(before).not.toContain(product.slug);
    await office.publish(product.id);
    expect(await body(await get('products.csv'))).toContain(`\n${product.slug},`);
  });

  it('answers an unknown file with 404 and the names it offers', async () => {
    const res = await get('products.xlsx');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0]?.message).toContain('products.csv');
  });
});

describe('open data at national scale', () => {
  it('sends the 20,000-product JSON document within the heap ceiling the API runs with, and keeps serving', async () => {
    const catalog = await syntheticCatalog(20_000, 180_000);
    let server: Awaited<ReturnType<typeof startCli>> | undefined;
    try {
      // As `pnpm start` runs it: made as one string, this document took the process past its
      // heap ceiling, and the API died with the request.
      server = await startCli(catalog.env, SERVER_NODE_ARGS);
      const root = server.url.replace(/\/graphql$/, '');
      const res = await fetch(`${root}/open-data/ocop-catalog.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { counts: { products: number }; products: unknown[] };
      expect(doc.counts.products).toBeGreaterThan(10_000);
      expect(doc.products).toHaveLength(doc.counts.products);
      const csv = await fetch(`${root}/open-data/products.csv`);
      expect(csv.status).toBe(200);
      expect((await csv.text()).split('\r\n').length).toBe(doc.counts.products + 2);
      expect((await fetch(`${root}/healthz`)).status).toBe(200);
    } finally {
      await server?.stop();
      catalog.remove();
    }
  }, 300_000);
});
