/**
 * The live site (sites/catalog/scripts/live-site.mjs): built against a test API, following its
 * change feed. A revoked certificate makes its product's page, and every page that existed only
 * for it, answer 410 within seconds; the listings drop it when the site is republished; a new
 * certificate appears; a build that fails leaves the last good build serving, says so, and is
 * retried; told to stop, it stops, whoever is still connected. On SQLite and PostgreSQL, over real
 * HTTP.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveSite, startLiveSite } from '../../sites/catalog/scripts/live-site.mjs';
import { Office } from '../support/admin.js';
import { keepAliveClientMidRequest } from '../support/keep-alive.js';
import { createToken, startTestApi, type TestApi, testDatabases } from '../support/server.js';
import { SITE_DIR } from '../support/site.js';
import { until, within } from '../support/waiting.js';

const status = async (url: string) => {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
};

/**
 * Stands between the site and the API so a test can make the API refuse the build's queries
 * (everything but the site's change-feed reads), as an API failing mid-build would.
 */
function breakableProxy(target: string): Promise<{ url: string; broken: boolean; close(): Promise<void> }> {
  const state = { broken: false };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (state.broken && !/SiteFeed/.test(body.toString())) {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"errors":[{"message":"broken on purpose"}]}');
      return;
    }
    // The same path on the API (/graphql, and /images/… for the photos the build copies).
    const answer = await fetch(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: body.length ? body : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done(
        Object.assign(state, {
          url: `http://127.0.0.1:${port}/graphql`,
          close: () => new Promise<void>((closed) => server.close(() => closed())),
        }),
      );
    }),
  );
}

describe.each(testDatabases())('the live site on $name', (db) => {
  let api: TestApi;
  let office: Office;
  let proxy: Awaited<ReturnType<typeof breakableProxy>>;
  let site: LiveSite;
  let buildsDir: string;
  const lines: string[] = [];
  /** The live site over the test API (through the proxy), quick to follow the feed, into buildsDir. */
  const siteOptions = (siteUrl: string) => ({
    apiUrl: proxy.url,
    siteUrl,
    port: 0,
    host: '127.0.0.1',
    buildsDir,
    pollMs: 250,
    quietMs: 500,
    failFast: true,
    log: (line: string) => lines.push(line),
  });

  beforeAll(async () => {
    api = await startTestApi(db);
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    proxy = await breakableProxy(api.url);
    const parent = join(SITE_DIR, 'node_modules/.e2e');
    mkdirSync(parent, { recursive: true });
    buildsDir = mkdtempSync(join(parent, 'live-'));
    site = await startLiveSite(siteOptions('http://127.0.0.1:4399'));
  }, 300_000);
  afterAll(async () => {
    await site?.close();
    await proxy?.close();
    await api?.close();
    if (buildsDir) rmSync(buildsDir, { recursive: true, force: true });
  });

  it('publishes a newly certified product, then answers 410 within seconds of its revocation and drops it from the listings', async () => {
    const producer = await office.createProducer();
    const product = await office.createProduct(producer.id);
    const { certificate } = await office.publish(product.id, 4);
    const page = `${site.url}/products/${product.slug}/`;
    const appeared = await until(
      'the new product page',
      async () => ((await status(page)) === 200 ? true : undefined),
      120_000,
    );
    console.log(`[live site, ${db.name}] a newly certified product was served ${appeared.ms} ms after its certificate`);
    const listing = `${site.url}/categories/food/`;
    expect(await (await fetch(listing)).text()).toContain(`/products/${product.slug}/`);
    expect(await status(`${site.url}/producers/${producer.slug}/`)).toBe(200);

    await office.revoke(certificate.id);
    const gone = await until(
      '410 for the revoked product',
      async () => ((await status(page)) === 410 ? true : undefined),
      10_000,
    );
    console.log(`[live site, ${db.name}] the revoked product's page answered 410 after ${gone.ms} ms`);
    const res = await fetch(`${site.url}/en/products/${product.slug}/`);
    expect(res.status).toBe(410);
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const html = await res.text();
    expect(html).toContain('no longer holds a valid OCOP certificate');
    expect(html).toContain('href="/en/verify"');
    expect(html).toContain('href="/en/categories/food/"');
    expect(html).toContain('<meta name="robots" content="noindex">');
    // Its producer had no other published product: its page existed only for it.
    expect(await status(`${site.url}/producers/${producer.slug}/`)).toBe(410);
    expect(await status(`${site.url}/en/producers/${producer.slug}/`)).toBe(410);

    // Until the republish, the pages of the last build are served without the withdrawn product:
    // its card in the listings, its RSS item, its rows in the open-data files.
    const hidden = await until(
      'the listing, RSS and open data without the product',
      async () => {
        const texts = await Promise.all(
          [listing, `${site.url}/rss.xml`, `${site.url}/open-data/products.csv`].map(async (u) =>
            (await fetch(u)).text(),
          ),
        );
        return texts.some((text) => text.includes(product.slug)) ? undefined : true;
      },
      10_000,
    );
    console.log(
      `[live site, ${db.name}] the listing, RSS and open data stopped showing it ${hidden.ms + gone.ms} ms after the revocation`,
    );
    const republished = await until(
      'the republished site',
      async () =>
        (await (await fetch(`${site.url}/gone.txt`)).text()).includes(`/products/${product.slug}/`) ? true : undefined,
      120_000,
    );
    console.log(
      `[live site, ${db.name}] the site was republished without it ${republished.ms + hidden.ms + gone.ms} ms after the revocation`,
    );
    expect(await (await fetch(listing)).text()).not.toContain(`/products/${product.slug}/`);
    expect(await status(page)).toBe(410);
    const goneList = await (await fetch(`${site.url}/gone.txt`)).text();
    expect(goneList).toContain(`/products/${product.slug}/`);
    expect(goneList).toContain(`/producers/${producer.slug}/`);
    const health = (await (await fetch(`${site.url}/healthz`)).json()) as { status: string; behind: number };
    expect(health).toMatchObject({ status: 'ok', behind: 0 });
    // Unchanged pages never stopped answering.
    expect(await status(`${site.url}/`)).toBe(200);
    expect(await status(`${site.url}/categories/beverages/`)).toBe(200);
  }, 300_000);

  it('keeps serving the last good build when a rebuild fails, reports it, and retries until it succeeds', async () => {
    const producer = await office.createProducer();
    const product = await office.createProduct(producer.id);
    proxy.broken = true;
    await office.publish(product.id, 4);
    const failing = await until(
      'a failed rebuild reported by /healthz',
      async () => {
        const health = (await (await fetch(`${site.url}/healthz`)).json()) as {
          status: string;
          lastError: unknown;
          behind: number;
        };
        return health.lastError ? health : undefined;
      },
      120_000,
    );
    expect(failing.value).toMatchObject({ status: 'degraded' });
    expect(failing.value.behind).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/rebuild failed; still serving/);
    expect(await status(`${site.url}/`)).toBe(200);
    expect(await status(`${site.url}/products/${product.slug}/`)).toBe(404);
    proxy.broken = false;
    await until(
      'the product after the retry',
      async () => ((await status(`${site.url}/products/${product.slug}/`)) === 200 ? true : undefined),
      180_000,
    );
    const health = (await (await fetch(`${site.url}/healthz`)).json()) as { status: string; lastError: unknown };
    expect(health).toMatchObject({ status: 'ok', lastError: null });
    // The builder released its lock.
    expect(readdirSync(buildsDir).filter((name) => name === '.lock')).toEqual([]);
  }, 400_000);

  it('sends Cache-Control that keeps shared caches within the freshness bounds', async () => {
    const page = await fetch(`${site.url}/`);
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5, must-revalidate');
    const etag = page.headers.get('etag') as string;
    await page.arrayBuffer();
    expect((await fetch(`${site.url}/`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const html = await (await fetch(`${site.url}/`)).text();
    const asset = /\/_astro\/[^"']+\.css/.exec(html)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(`${site.url}${asset}`)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('republishes a saved build when started again, with the settings it is started with', async () => {
    // A second start with the public address, as the build's warning advises: the saved build
    // (made for the old address) is served at once, and replaced without any change in the feed.
    await site.close();
    const publicUrl = 'https://ocop-restarted.example.vn';
    const restarted = Date.now();
    site = await startLiveSite(siteOptions(publicUrl));
    expect(await status(`${site.url}/`)).toBe(200);
    await until(
      'the home page with the new address',
      async () => ((await (await fetch(`${site.url}/`)).text()).includes(`${publicUrl}/`) ? true : undefined),
      90_000,
    );
    console.log(
      `[live site, ${db.name}] started with another SITE_URL: republished ${Date.now() - restarted} ms after`,
    );
    expect(lines.some((line) => /catalog pages rendered \(the code or settings changed/.test(line))).toBe(true);
    // The 410 lists of the saved build are files of the new one too, not pages gone.
    expect(await status(`${site.url}/gone.txt`)).toBe(200);
    expect(await status(`${site.url}/gone.json`)).toBe(200);
  }, 180_000);

  it('stops when told to, even while a keep-alive client is in the middle of a request', async () => {
    // A process manager's stop must free the port and end the process: a client that keeps its
    // connection busy (a proxy, a polling partner app) must not keep the site serving it.
    const client = await keepAliveClientMidRequest(`${site.url}/`);
    const stopping = site.close();
    try {
      client.keepAsking();
      await within('the connection closed by the stopping site', client.closed, 3000);
      expect(client.answers(), client.received().slice(0, 500)).toBeLessThanOrEqual(1);
      await within('the site stopped', stopping, 5000);
      await expect(fetch(`${site.url}/`)).rejects.toThrow();
    } finally {
      client.destroy();
      await stopping;
    }
  });
});
