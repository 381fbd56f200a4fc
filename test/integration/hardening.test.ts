import { beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, Office, ok } from '../support/admin.js';
import { holdSqliteWriteLock } from '../support/sqlite-lock.js';
import { bearer, createToken, type GraphQLResponse, gql, testDatabases, useTestApi } from '../support/server.js';

/**
 * Requests written to hurt the API, and the faults an operator meets: each finding of the
 * hardening issue, replayed over real HTTP against SQLite and PostgreSQL.
 */

const RELATED_CHAIN = `query Chain($n: Int, $m: Int) {
  products(first: $n) { nodes { related(first: $m) { related(first: $m) { related(first: $m) { slug } } } } }
}`;

/** Ten aliases of related products nested nine deep, every page size left to its default. */
function aliasedDefaults(): string {
  let inner = 'slug';
  for (let i = 0; i < 9; i++) inner = `related { ${inner} }`;
  const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: products { nodes { ${inner} } }`).join('\n');
  return `{ ${aliases} }`;
}

async function post(api: { url: string }, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Omit<GraphQLResponse, 'status' | 'headers'>,
  };
}

describe.each(testDatabases())('requests written to hurt the API on $name', (db) => {
  const api = useTestApi(db);

  it('counts page sizes passed as variables: a nested related chain is refused before it runs', async () => {
    api.queries.length = 0;
    const res = await post(api, JSON.stringify({ query: RELATED_CHAIN, variables: { n: 100, m: 20 } }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(res.body.errors?.[0]?.message).toMatch(/cost.*800,?000|estimated/i);
    expect(res.body).not.toHaveProperty('data.products');
    expect(
      api.queries.filter((sql) => /\bproduct\b/.test(sql)),
      'refused before reading anything',
    ).toEqual([]);
    // The same query with small pages is fine.
    const small = await gql(api, RELATED_CHAIN, { n: 2, m: 2 });
    expect(small.errors).toBeUndefined();
  });

  it('counts page sizes left to their defaults: ten aliases of nested related are refused', async () => {
    const res = await post(api, JSON.stringify({ query: aliasedDefaults() }));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_EXPENSIVE');
  });

  it('keeps what partner apps and the site really ask affordable', async () => {
    const page = await gql(
      api,
      `query($after: String) { products(first: 100, after: $after) { totalCount pageInfo { endCursor hasNextPage }
        nodes { slug nameVi: name(lang: VI) nameEn: name(lang: EN) stars producer { name phone email region { code } }
          region { code name parent { code } } certificate { number expiresOn decisionNumber }
          related { slug name } } } }`,
    );
    expect(page.errors).toBeUndefined();
  });

  it('answers a syntax error and a query over the token limit with 400 GRAPHQL_PARSE_FAILED', async () => {
    const syntax = await post(api, JSON.stringify({ query: '{ products { nodes { slug }' }));
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const fields = Array.from({ length: 4000 }, () => 'slug').join(' ');
    const long = await post(api, JSON.stringify({ query: `{ products { nodes { ${fields} } } }` }));
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(long.body.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('sends a request id with every answer, and takes a sane one from the caller', async () => {
    const res = await fetch(`${api.url}?query=${encodeURIComponent('{ categories { code } }')}`);
    expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9-]{8,}$/);
    const given = await fetch(`${api.url}?query=${encodeURIComponent('{ categories { name } }')}`, {
      headers: { 'x-request-id': 'partner-trace-0001' },
    });
    expect(given.headers.get('x-request-id')).toBe('partner-trace-0001');
    const hostile = await fetch(`${api.url}?query=${encodeURIComponent('{ categories { code name } }')}`, {
      headers: { 'x-request-id': `x${'"{}\\'.repeat(100)}` },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });
});

describe.each(testDatabases())('the hard ceiling on one response on $name', (db) => {
  const api = useTestApi(db, { env: { RESPONSE_MAX_ITEMS: '50' } });

  it('stops a response that grows past the ceiling with RESPONSE_TOO_LARGE, and keeps serving', async () => {
    const res = await post(
      api,
      JSON.stringify({ query: '{ products(first: 40) { nodes { related(first: 4) { slug } } } }' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(res.body.errors?.[0]?.message).toMatch(/50/);
    expect(res.body.data ?? null).toBeNull();
    const fine = await gql(api, '{ products(first: 10) { nodes { slug } } }');
    expect(fine.errors).toBeUndefined();
  });
});

describe.each(testDatabases())('per-client limits on $name', (db) => {
  const api = useTestApi(db, { env: { RATE_LIMIT: '60', RATE_LIMIT_BURST: '20' } });

  it('answers 429 with Retry-After once a client has spent its allowance, weighing queries by cost', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Each body differs (a variable the query does not use), so the response cache answers
        // none: a repeated question is answered from it, and costs one unit like a cheap one.
        body: JSON.stringify({
          query: `{ products(first: 100) { nodes { slug name producer { name } } } }`,
          variables: { i },
        }),
      });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
    // An expensive page weighs more than one cheap request: the allowance of 20 runs out sooner.
    expect(statuses.length).toBeLessThan(20);
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const body = (await limited?.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]?.message).toMatch(/60.*minute/);
    // A cached GET and /healthz are limited too, but health never is.
    expect((await fetch(api.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
  });

  it('does not trust X-Forwarded-For unless told to', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ query: '{ categories { code } }' }),
    });
    expect(res.status).toBe(429);
  });
});

describe.each(testDatabases())('per-client limits behind a trusted proxy on $name', (db) => {
  const api = useTestApi(db, { env: { RATE_LIMIT: '60', RATE_LIMIT_BURST: '5', TRUST_PROXY: 'loopback' } });

  it('keys the allowance on the forwarded client address', async () => {
    const ask = (ip: string) =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ query: '{ categories { code } }' }),
      }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    const first: number[] = [];
    for (let i = 0; i < 8; i++) first.push(await ask('203.0.113.7'));
    expect(first).toContain(429);
    expect(await ask('198.51.100.20')).toBe(200);
  });
});

describe('SQLite writers wait their turn', () => {
  const sqlite = testDatabases()[0]!;
  let office: Office;
  let adminToken: string;

  const api = useTestApi(sqlite);

  beforeAll(async () => {
    adminToken = await createToken(api, 'ADMIN');
    office = new Office(api, adminToken, await createToken(api, 'EVALUATOR'));
  });

  it('queues mutations behind another process holding the write lock, instead of failing with SQLITE_BUSY', async () => {
    const other = await holdSqliteWriteLock(api, 5000);
    const release = setTimeout(() => {
      other.exec('commit');
      other.close();
    }, 1500);
    try {
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          office.admin(MUTATIONS.createProducer, {
            input: {
              name: `Hợp tác xã Chờ lượt ${i}`,
              type: 'COOPERATIVE',
              representative: 'Trần Thị Chờ',
              address: 'Ấp Một, Phú Quốc',
              regionCode: 'AG-PQ',
              phone: '0000 555 000',
              email: `cho-${i}@example.vn`,
            },
          }),
        ),
      );
      for (const res of results) ok(res);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      // A read with a token does not write on the way in, so it never waits for the lock.
    } finally {
      clearTimeout(release);
      try {
        other.exec('commit');
        other.close();
      } catch {
        // already released
      }
    }
  });

  it('answers a read with a token while another process holds the write lock', async () => {
    const other = await holdSqliteWriteLock(api);
    try {
      const started = Date.now();
      const res = await gql(api, '{ auditLog(first: 1) { totalCount } }', undefined, bearer(adminToken));
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      // Far below the 15 s a writer would wait for the lock.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      other.exec('commit');
      other.close();
    }
  });

  it('createProducer writes the producer and its audit entry, and leaves its region untouched', async () => {
    const conn = api.orm.em.getConnection();
    const before = await conn.execute<Record<string, unknown>[]>(
      "select created_at, updated_at from region where code = 'AG-PQ'",
    );
    await office.createProducer();
    const after = await conn.execute<Record<string, unknown>[]>(
      "select created_at, updated_at from region where code = 'AG-PQ'",
    );
    expect(after).toEqual(before);
  });
});
