import { catalogVersion } from '@ocop/api';
import { addDays, todayInVietnam } from '@ocop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, Office, ok } from '../support/admin.js';
import { startCli } from '../support/cli.js';
import { bearer, createToken, gql, startTestApi, useTestApi, type TestApi, testDatabases } from '../support/server.js';

/**
 * The change feed: every write that changes what the public sees is recorded with it, other
 * processes' caches follow it, and the day turning is a change too. Over real HTTP on SQLite
 * and PostgreSQL.
 */

interface Change {
  cursor: string;
  sequence: number;
  kind: 'PUBLISHED' | 'UPDATED' | 'WITHDRAWN';
  productId: string;
  slug: string;
  category: string | null;
  stars: number | null;
  certificateNumber: string | null;
}

const CHANGES = `query($after: String, $first: Int) {
  catalogChanges(after: $after, first: $first) {
    currentCursor
    pageInfo { hasNextPage endCursor }
    nodes { cursor sequence kind at productId slug category stars certificateNumber }
  }
}`;

async function changesAfter(
  api: { url: string },
  after: string | null,
): Promise<{ nodes: Change[]; end: string | null; current: string | null }> {
  const nodes: Change[] = [];
  let cursor = after;
  for (;;) {
    const res = ok<{
      catalogChanges: {
        currentCursor: string | null;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Change[];
      };
    }>(await gql(api, CHANGES, { after: cursor, first: 100 }));
    nodes.push(...res.catalogChanges.nodes);
    cursor = res.catalogChanges.pageInfo.endCursor;
    if (!res.catalogChanges.pageInfo.hasNextPage)
      return { nodes, end: cursor, current: res.catalogChanges.currentCursor };
  }
}

async function currentCursor(api: { url: string }): Promise<string> {
  const res = ok<{ catalogChanges: { currentCursor: string } }>(
    await gql(api, '{ catalogChanges(first: 1) { currentCursor } }'),
  );
  return res.catalogChanges.currentCursor;
}

const PRODUCT = `query($slug: String!) { product(slug: $slug) { slug name stars } }`;

describe.each(testDatabases())('the change feed on $name', (db) => {
  let office: Office;

  const api = useTestApi(db);

  beforeAll(async () => {
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
  });

  it('opens with every published product, and lists nothing a member of the public could not see', async () => {
    const { nodes } = await changesAfter(api, null);
    const published = ok<{ products: { totalCount: number } }>(await gql(api, '{ products { totalCount } }'));
    const live = new Set<string>();
    for (const c of nodes) {
      if (c.kind === 'WITHDRAWN') live.delete(c.slug);
      else live.add(c.slug);
    }
    expect(live.size).toBe(published.products.totalCount);
    for (const c of nodes) expect(c.sequence).toBeGreaterThan(0);
    expect(nodes.map((c) => c.sequence)).toEqual([...nodes.map((c) => c.sequence)].sort((a, b) => a - b));
  });

  it('records a certificate issued, a product renamed and a certificate revoked, in order, with the write', async () => {
    const from = await currentCursor(api);
    const { product, certificate } = await office.publishNewProduct();
    ok(
      await office.admin(
        'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }',
        { id: product.id, input: { nameVi: 'Nước mắm đổi tên' } },
      ),
    );
    await office.revoke(certificate.id, 'Failed a quality inspection.');
    const { nodes } = await changesAfter(api, from);
    expect(nodes.map((c) => [c.kind, c.slug])).toEqual([
      ['PUBLISHED', product.slug],
      ['UPDATED', product.slug],
      ['WITHDRAWN', product.slug],
    ]);
    expect(nodes[0]).toMatchObject({
      productId: product.id,
      stars: 4,
      certificateNumber: certificate.number,
      category: 'FOOD',
    });
    // A withdrawn product is "no longer public", nothing more.
    expect(nodes[2]).toMatchObject({ stars: null, certificateNumber: null, category: null });
    expect((await gql(api, PRODUCT, { slug: product.slug })).data).toEqual({ product: null });
  });

  it('records an evaluation, which the public never sees, as nothing', async () => {
    const from = await currentCursor(api);
    const producer = await office.createProducer();
    const product = await office.createProduct(producer.id);
    await office.toEvaluation(product.id);
    await office.recordEvaluation(product.id, 3);
    expect((await changesAfter(api, from)).nodes).toEqual([]);
  });

  it('refuses a cursor from another list, and says how to resync from one that is too old', async () => {
    const wrong = await gql(api, CHANGES, { after: 'not-a-cursor' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    await api.orm.em.getConnection().execute('delete from catalog_change where seq <= 3');
    const old = await gql(api, CHANGES, { after: Buffer.from(JSON.stringify(['CHANGE', 1])).toString('base64url') });
    expect(old.errors?.[0]?.extensions?.code).toBe('CURSOR_EXPIRED');
    expect(old.errors?.[0]?.message).toMatch(/products.*currentCursor/);
  });

  it('sends public answers with a short shared-cache life and an ETag, and answers 304 while nothing changed', async () => {
    const url = `${api.url}?query=${encodeURIComponent('{ categories { code certifiedProductCount } }')}`;
    // The earlier tests' writes reach the caches by the feed within a second (on SQLite, by
    // polling catalog_generation): a turn in which the catalog moved between the two requests
    // is a change, not "nothing changed", and is tried again.
    for (let attempt = 1; ; attempt++) {
      const version = catalogVersion.current;
      const first = await fetch(url);
      expect(first.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=5');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      await first.arrayBuffer();
      // The second time a question is asked, its answer is kept (and so is its ETag).
      await (await fetch(url)).arrayBuffer();
      const again = await fetch(url, { headers: { 'if-none-match': etag as string } });
      if (catalogVersion.current !== version && attempt < 5) {
        await new Promise((r) => setTimeout(r, 1100));
        continue;
      }
      expect(again.status).toBe(304);
      break;
    }
  });
});

describe.each(testDatabases())('the day turning in Vietnam on $name', (db) => {
  let office: Office;
  let clock = Date.now();

  let api: TestApi;

  beforeAll(async () => {
    clock = Date.now();
    api = await startTestApi(db, { now: () => new Date(clock) });
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
  });
  afterAll(async () => {
    await api?.close();
  });

  it('withdraws a product whose certificate ends today, once the clock crosses midnight', async () => {
    const { product, certificate } = await office.publishNewProduct();
    const today = todayInVietnam(new Date(clock));
    // Its last valid day is today.
    await api.orm.em
      .getConnection()
      .execute('update certificate set expires_on = ? where number = ?', [today, certificate.number]);
    const from = await currentCursor(api);
    expect((await gql(api, PRODUCT, { slug: product.slug })).data?.product).not.toBeNull();
    // 00:00:30 tomorrow in Vietnam (UTC+7).
    clock = Date.parse(`${addDays(today, 1)}T00:00:30+07:00`);
    let nodes: Change[] = [];
    for (let i = 0; i < 50 && !nodes.some((c) => c.slug === product.slug); i++) {
      await new Promise((r) => setTimeout(r, 100));
      nodes = (await changesAfter(api, from)).nodes;
    }
    expect(nodes.filter((c) => c.slug === product.slug).map((c) => c.kind)).toEqual(['WITHDRAWN']);
    expect((await gql(api, PRODUCT, { slug: product.slug })).data).toEqual({ product: null });
  });
});

const postgres = testDatabases().find((d) => d.name === 'postgresql');

/** `ocop start` as another API process on the test API's database, with the catalog already there. */
function startOtherProcess(api: TestApi) {
  return startCli({
    DATABASE_URL: api.config.database.url as string,
    PORT: '0',
    HOST: '127.0.0.1',
    OCOP_SEED: 'false',
    RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
  });
}

describe.runIf(postgres)('several API processes on one PostgreSQL database', () => {
  let office: Office;
  let other: Awaited<ReturnType<typeof startOtherProcess>>;

  const api = useTestApi(postgres as NonNullable<typeof postgres>);

  beforeAll(async () => {
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    other = await startOtherProcess(api);
  });
  afterAll(async () => {
    await other?.stop();
  });

  it('sees a write made through another process within a second', async () => {
    const { product, certificate } = await office.publishNewProduct();
    // As a CDN or a partner's app asks: a GET the other process answers from its caches.
    const url = `${other.url}?query=${encodeURIComponent(`{ product(slug: "${product.slug}") { slug name stars } products(filter: { categories: [FOOD] }, first: 100) { totalCount nodes { slug } } }`)}`;
    const ask = async () => {
      const res = await fetch(url);
      return { cache: res.headers.get('x-cache'), ...((await res.json()) as { data: { product: unknown } }) };
    };
    // The other process reads the product, and keeps it the second time it is asked.
    expect((await ask()).data?.product).toMatchObject({ slug: product.slug, stars: 4 });
    expect(await ask()).toMatchObject({ cache: 'MISS' });
    expect(await ask()).toMatchObject({ cache: 'HIT' });
    await office.revoke(certificate.id);
    const revokedAt = Date.now();
    let seenAfter = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 50; i++) {
      if ((await ask()).data?.product === null) {
        seenAfter = Date.now() - revokedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(
      `[freshness] another API process on PostgreSQL answered without the revoked product ${seenAfter} ms after the write`,
    );
    expect(seenAfter).toBeLessThanOrEqual(1000);
  });

  it('loses no change when the writing process is killed right after the write', async () => {
    const { product, certificate } = await office.publishNewProduct();
    const from = await currentCursor(api);
    const writer = await startOtherProcess(api);
    try {
      const res = await gql(
        { url: writer.url },
        MUTATIONS.revokeCertificate,
        { input: { certificateId: certificate.id, reason: 'Recalled.' } },
        bearer(office.adminToken),
      );
      expect(res.errors).toBeUndefined();
    } finally {
      await writer.kill();
    }
    const { nodes } = await changesAfter(api, from);
    expect(nodes.map((c) => [c.kind, c.slug])).toEqual([['WITHDRAWN', product.slug]]);
  });
});
