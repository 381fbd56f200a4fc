import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, Office, ok } from '../support/admin.js';
import { bearer, createToken, gql, startTestApi, useTestApi, testDatabases } from '../support/server.js';
import { until } from '../support/waiting.js';

/**
 * The three flows of packages/api/docs/partners.md, run with the very queries written there (read
 * from the file), on SQLite and PostgreSQL: a copy kept by cursor, signed webhooks to a receiver
 * in this process, and partner keys with their own allowance.
 */

const DOC = readFileSync(resolve(import.meta.dirname, '../../packages/api/docs/partners.md'), 'utf8');

/** The code block after `<!-- step: NAME -->` in the partners' page. */
function step(name: string): string {
  const match = new RegExp(`<!-- step: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  if (!match?.[1]) throw new Error(`docs/partners.md has no step "${name}"`);
  return match[1];
}

type Verify = (secret: string, headers: Record<string, string | string[] | undefined>, body: string) => boolean;

/** The verification snippet of the page, as a partner would paste it. */
async function verifier(): Promise<Verify> {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-verify-'));
  const file = join(dir, 'verify.mjs');
  writeFileSync(file, step('verify'));
  try {
    return ((await import(pathToFileURL(file).href)) as { verifyOcopWebhook: Verify }).verifyOcopWebhook;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  event: { id: string; type: string; data: { slug: string; kind: string; sequence: number; stars: number | null } };
}

/** A partner's endpoint: records what it gets; answers 500 to the first `failures` requests. */
function receiver(): Promise<{
  url: string;
  received: Received[];
  failures: number;
  attempts: number;
  close(): Promise<void>;
}> {
  const state = { received: [] as Received[], failures: 0, attempts: 0 };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    state.attempts++;
    if (state.failures > 0) {
      state.failures--;
      res.writeHead(500).end('not now');
      return;
    }
    state.received.push({ headers: req.headers, body, event: JSON.parse(body) });
    res.writeHead(204).end();
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done(
        Object.assign(state, {
          url: `http://127.0.0.1:${port}/ocop/events`,
          close: () => new Promise<void>((closed) => server.close(() => closed())),
        }),
      );
    }),
  );
}

describe.each(testDatabases())('partner apps on $name', (db) => {
  let office: Office;
  /** The server's clock runs with the real one, this far ahead. */
  let ahead = 0;

  const api = useTestApi(db, {
    now: () => new Date(Date.now() + ahead),
    env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_MS: '200', RATE_LIMIT: '600', RATE_LIMIT_BURST: '120' },
  });

  beforeAll(async () => {
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
  });

  /** Registers a webhook for `events` with the docs' create-webhook step, as a partner's office does. */
  async function createWebhook(url: string, events: string[], description: string) {
    return ok<{
      createWebhook: { secret: string; webhook: { id: string; status: string; events: string[] } };
    }>(await office.admin(step('create-webhook'), { input: { url, events, description } })).createWebhook;
  }

  async function deleteWebhook(id: string): Promise<void> {
    ok(await office.admin('mutation($id: ID!) { deleteWebhook(id: $id) }', { id }));
  }

  it('flow 1: a full read, then changes by cursor, yields a revocation made after the cursor', async () => {
    const head = ok<{ catalogChanges: { currentCursor: string } }>(await gql(api, step('head')));
    const copy = new Map<string, { slug: string; stars: number }>();
    let after: string | null = null;
    for (;;) {
      const page: {
        products: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: { id: string; slug: string; stars: number }[];
        };
      } = ok(await gql(api, step('catalog-page'), { after }));
      for (const p of page.products.nodes) copy.set(p.id, p);
      if (!page.products.pageInfo.hasNextPage) break;
      after = page.products.pageInfo.endCursor;
    }
    const total = ok<{ products: { totalCount: number } }>(await gql(api, '{ products { totalCount } }'));
    expect(copy.size).toBe(total.products.totalCount);

    // Meanwhile the office publishes one product and revokes another's certificate.
    const { product: fresh } = await office.publishNewProduct(5);
    const [victimId, victim] = [...copy.entries()][0] as [string, { slug: string }];
    const certificate = ok<{ product: { certificate: { id: string } } }>(
      await gql(
        api,
        `{ product(slug: "${victim.slug}") { certificate { id } } }`,
        undefined,
        bearer(office.adminToken),
      ),
    );
    await office.revoke(certificate.product.certificate.id);

    let cursor: string | null = head.catalogChanges.currentCursor;
    for (;;) {
      const changes: {
        catalogChanges: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          nodes: { kind: string; productId: string; slug: string; stars: number | null }[];
        };
      } = ok(await gql(api, step('changes'), { after: cursor }));
      for (const c of changes.catalogChanges.nodes) {
        if (c.kind === 'WITHDRAWN') copy.delete(c.productId);
        else copy.set(c.productId, { slug: c.slug, stars: c.stars as number });
      }
      cursor = changes.catalogChanges.pageInfo.endCursor;
      if (!changes.catalogChanges.pageInfo.hasNextPage) break;
    }
    expect(copy.has(victimId)).toBe(false);
    expect(copy.get(fresh.id)).toMatchObject({ slug: fresh.slug, stars: 5 });
    expect(copy.size).toBe(total.products.totalCount);
  });

  it('flow 2: signed events for a certificate issued, updated and revoked, in order', async () => {
    const verify = await verifier();
    const endpoint = await receiver();
    try {
      const created = await createWebhook(endpoint.url, ['PUBLISHED', 'UPDATED', 'WITHDRAWN'], 'Test partner: sync');
      expect(created.secret).toMatch(/^whsec_/);
      expect(created.webhook).toMatchObject({ status: 'ACTIVE', events: ['PUBLISHED', 'UPDATED', 'WITHDRAWN'] });

      const { product, certificate } = await office.publishNewProduct();
      ok(
        await office.admin(
          'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }',
          { id: product.id, input: { nameEn: 'Renamed fish sauce' } },
        ),
      );
      await office.revoke(certificate.id);
      const mine = () => endpoint.received.filter((r) => r.event.data.slug === product.slug);
      await until('three events', () => (mine().length >= 3 ? true : undefined));
      expect(mine().map((r) => r.event.type)).toEqual([
        'catalog.product.published',
        'catalog.product.updated',
        'catalog.product.withdrawn',
      ]);
      for (const r of mine()) {
        expect(verify(created.secret, r.headers, r.body)).toBe(true);
        expect(r.headers['webhook-id']).toBe(r.event.id);
      }
      // A wrong secret, or a changed body, does not verify.
      const first = mine()[0] as Received;
      expect(verify('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', first.headers, first.body)).toBe(false);
      expect(verify(created.secret, first.headers, first.body.replace('4', '5'))).toBe(false);
      const sequences = endpoint.received.map((r) => r.event.data.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));

      // The delivery log, as ADMIN sees it.
      const log = ok<{ webhooks: { id: string; deliveries: { delivered: boolean; eventType: string }[] }[] }>(
        await office.admin('{ webhooks { id deliveries(first: 5) { delivered eventType statusCode } } }'),
      );
      const hook = log.webhooks.find((w) => w.id === created.webhook.id);
      expect(hook?.deliveries[0]).toMatchObject({ delivered: true, eventType: 'catalog.product.withdrawn' });
      await deleteWebhook(created.webhook.id);
    } finally {
      await endpoint.close();
    }
  });

  it('retries a receiver that fails twice, and it gets the event on the third try', async () => {
    const endpoint = await receiver();
    try {
      const created = await createWebhook(endpoint.url, ['PUBLISHED'], 'Flaky partner');
      endpoint.failures = 2;
      const { product } = await office.publishNewProduct(3);
      await until('the event after two failures', () =>
        endpoint.received.some((r) => r.event.data.slug === product.slug) ? true : undefined,
      );
      expect(endpoint.attempts).toBe(3);
      const log = ok<{
        webhooks: { id: string; deliveries: { attempt: number; delivered: boolean; statusCode: number }[] }[];
      }>(await office.admin('{ webhooks { id deliveries(first: 3) { attempt delivered statusCode } } }'));
      expect(log.webhooks.find((w) => w.id === created.webhook.id)?.deliveries).toEqual([
        { attempt: 3, delivered: true, statusCode: 204 },
        { attempt: 2, delivered: false, statusCode: 500 },
        { attempt: 1, delivered: false, statusCode: 500 },
      ]);
      await deleteWebhook(created.webhook.id);
    } finally {
      await endpoint.close();
    }
  });

  it('sends a paused endpoint nothing, resumes where it stopped, and pauses one that fails for 24 hours', async () => {
    const endpoint = await receiver();
    try {
      const created = await createWebhook(endpoint.url, ['PUBLISHED', 'WITHDRAWN'], 'Paused partner');
      ok(await office.admin('mutation($id: ID!) { pauseWebhook(id: $id) { status } }', { id: created.webhook.id }));
      const producer = await office.createProducer();
      const product = await office.createProduct(producer.id);
      await office.publish(product.id, 4);
      await new Promise((r) => setTimeout(r, 1500));
      expect(endpoint.attempts).toBe(0);
      ok(await office.admin('mutation($id: ID!) { resumeWebhook(id: $id) { status } }', { id: created.webhook.id }));
      await until('the event after resuming', () =>
        endpoint.received.some((r) => r.event.data.slug === product.slug) ? true : undefined,
      );

      // Now it fails for good: after 24 hours of failures it is paused, and ADMIN sees why.
      endpoint.failures = Number.POSITIVE_INFINITY;
      const other = await office.createProduct(producer.id);
      await office.publish(other.id, 4);
      await until('a first failure', () => (endpoint.attempts >= 2 ? true : undefined));
      ahead += 25 * 3_600_000;
      const { value: paused } = await until('the endpoint paused', async () => {
        const list = ok<{ webhooks: { id: string; status: string; pausedReason: string | null }[] }>(
          await office.admin('{ webhooks { id status pausedReason } }'),
        );
        const hook = list.webhooks.find((w) => w.id === created.webhook.id);
        return hook?.status === 'PAUSED' ? hook : undefined;
      });
      expect(paused.pausedReason).toMatch(/failed since .* attempts.*resumeWebhook/);
      await deleteWebhook(created.webhook.id);
    } finally {
      ahead = 0;
      await endpoint.close();
    }
  });

  it('refuses endpoints it must not call, with a message that says why', async () => {
    const strict = await startTestApi(db, { seed: false });
    try {
      const admin = await createToken(strict, 'ADMIN');
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://10.0.0.5/hook',
        'http://[::1]/hook',
        'ftp://example.vn/x',
        'not a url',
      ]) {
        const res = await gql(
          strict,
          step('create-webhook'),
          { input: { url, events: ['PUBLISHED'], description: 'x' } },
          bearer(admin),
        );
        expect(res.errors?.[0]?.extensions?.code, url).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(res.errors)).toMatch(/public addresses|not a URL|https:/);
      }
      const bad = await gql(
        strict,
        step('create-webhook'),
        { input: { url: 'https://partner.example/x', events: ['EVERYTHING'], description: 'x' } },
        bearer(admin),
      );
      expect(JSON.stringify(bad.errors)).toMatch(/not a kind of change/);
    } finally {
      await strict.close();
    }
  });

  it('flow 3: a partner key has its own allowance, is counted per day, and is refused once revoked', async () => {
    const issued = ok<{ createPartnerKey: { key: string; partnerKey: { id: string; quotaPerMinute: number } } }>(
      await office.admin(step('create-key'), { input: { name: 'Cổng du lịch thử', quotaPerMinute: 10 } }),
    ).createPartnerKey;
    const other = ok<{ createPartnerKey: { key: string; partnerKey: { id: string } } }>(
      await office.admin(step('create-key'), { input: { name: 'Sàn TMĐT thử' } }),
    ).createPartnerKey;
    expect(issued.key).toMatch(/^ocop_/);
    expect(issued.partnerKey.quotaPerMinute).toBe(10);

    // A key reads what the public reads, and nothing more.
    const forbidden = await gql(api, '{ auditLog(first: 1) { totalCount } }', undefined, bearer(other.key));
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await gql(api, MUTATIONS.createProducer, { input: {} }, bearer(other.key));
    expect(write.errors?.length).toBeGreaterThan(0);

    // 10 units a minute, bursts of 2: the third request is refused, with Retry-After…
    const ask = (key: string) =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ products(first: 5) { totalCount nodes { slug } } }' }),
      });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await ask(issued.key);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited, statuses.join(',')).toBeDefined();
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const refusal = (await limited?.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(refusal.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refusal.errors[0]?.message).toMatch(/partner key "Cổng du lịch thử"/);
    // …while the other key keeps working.
    expect((await ask(other.key)).status).toBe(200);

    await api.server.flush();
    const usage = ok<{ partnerKeys: { id: string; usage: { day: string; requests: number; units: number }[] }[] }>(
      await office.admin(step('usage')),
    );
    const counted = usage.partnerKeys.find((k) => k.id === other.partnerKey.id);
    expect(counted?.usage[0]?.requests).toBeGreaterThanOrEqual(3);

    ok(await office.admin(step('revoke-key'), { id: other.partnerKey.id }));
    const revoked = await gql(api, '{ products(first: 1) { totalCount } }', undefined, bearer(other.key));
    // A revoked key is refused on the next request: it reads as the public does, without its allowance…
    expect(revoked.status).toBe(200);
    // …and anything that needs a key says so.
    const needsKey = await gql(api, step('usage'), undefined, bearer(other.key));
    expect(needsKey.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(needsKey.errors?.[0]?.message).toMatch(/revoked/);
  });
});
