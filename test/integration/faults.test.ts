import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS } from '../support/admin.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.js';
import { keepAliveClientMidRequest } from '../support/keep-alive.js';
import { holdSqliteWriteLock } from '../support/sqlite-lock.js';
import { bearer, createToken, gql, startTestApi, useTestApi, type TestApi, testDatabases } from '../support/server.js';
import { until, within } from '../support/waiting.js';

/**
 * Faults an operator meets: the database down, frozen or locked. Every request gets a clear
 * status (503 with Retry-After and a stable code), with or without a token, within the
 * configured timeouts, and the logs stay one JSON object per line without personal data. A stopped
 * API answers what it was answering and then lets go of every connection.
 */

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

function parseLogs(lines: string[]): LogLine[] {
  return lines.map((line) => {
    try {
      return JSON.parse(line) as LogLine;
    } catch {
      throw new Error(`not a JSON log line: ${line}`);
    }
  });
}

/** POSTs a request as a plain JSON client does (no GraphQL media type asked for), for its raw status and headers. */
function post(
  api: { url: string },
  body: { query: string; variables?: Record<string, unknown> },
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** A createProducer request for a cooperative in Phú Quốc, with the personal details given. */
function createProducer(
  api: { url: string },
  headers: Record<string, string>,
  person: { name: string; representative: string; address: string; phone: string; email: string },
): Promise<Response> {
  const input = { type: 'COOPERATIVE', regionCode: 'AG-PQ', ...person };
  return post(api, { query: MUTATIONS.createProducer, variables: { input } }, headers);
}

const PRODUCT_QUERY = '{ products(first: 3) { totalCount nodes { slug producer { name } } } }';

let asked = 0;
/** A query no cache has answered yet, so it must reach the database. */
function freshQuery(): string {
  asked++;
  return `{ products(first: ${(asked % 90) + 5}, search: "n${asked}") { totalCount nodes { slug } } }`;
}

const bin = findPostgresBin();

describe.runIf(bin)('PostgreSQL down or frozen', () => {
  let pg: ThrowawayPostgres;
  let api: TestApi;
  let token: string;
  const logs: string[] = [];

  beforeAll(async () => {
    pg = await startThrowawayPostgres(bin as string);
    const postgres = {
      name: 'postgresql' as const,
      async create() {
        return { url: pg.url, drop: async () => undefined };
      },
    };
    api = await startTestApi(postgres, {
      logs,
      env: { LOG_LEVEL: 'info', DB_STATEMENT_TIMEOUT_MS: '1500', READY_TIMEOUT_MS: '1000' },
    });
    token = await createToken(api, 'ADMIN');
  });
  afterAll(async () => {
    await api?.close().catch(() => undefined);
    pg?.stop();
  });

  /** Asks `query` every 200 ms, up to 50 times, until it is answered; then it must be answered. */
  async function expectAnsweredAgain(query: string) {
    for (let i = 0; i < 50; i++) {
      const res = await gql(api, query);
      if (!res.errors) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await gql(api, query)).errors).toBeUndefined();
  }

  async function expectUnavailable(headers: Record<string, string> = {}) {
    const started = Date.now();
    const res = await post(api, { query: freshQuery() }, headers);
    const body = (await res.json()) as { errors?: { message: string; extensions: { code: string } }[] };
    expect(res.status, JSON.stringify(body)).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.errors?.[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toMatch(/try again/i);
    expect(body.errors?.length).toBe(1);
    return Date.now() - started;
  }

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while the database is down, with and without a token', async () => {
    expect((await gql(api, PRODUCT_QUERY)).errors).toBeUndefined();
    pg.stopServer();
    try {
      logs.length = 0;
      await expectUnavailable();
      await expectUnavailable(bearer(token));
      const mutation = await createProducer(api, bearer(token), {
        name: 'Hợp tác xã Mất điện',
        representative: 'Lê Văn Điện',
        address: 'Ấp Hai',
        phone: '0000 999 111',
        email: 'dien@example.vn',
      });
      expect(mutation.status).toBe(503);
      const ready = await fetch(api.url.replace(/\/graphql$/, '/readyz'));
      expect(ready.status).toBe(503);
      expect((await fetch(api.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);

      // One access line per request and one error line per failed request, not one per field.
      const lines = parseLogs(logs);
      const access = lines.filter((l) => l.msg === 'request');
      expect(access.length).toBeGreaterThanOrEqual(3);
      for (const line of access) {
        expect(line).toMatchObject({ method: expect.any(String), status: expect.any(Number) });
        expect(typeof line.durationMs).toBe('number');
        expect(line.reqId).toMatch(/^[A-Za-z0-9-]{8,}$/);
      }
      const graphqlAccess = access.filter((l) => l.path === '/graphql');
      for (const line of graphqlAccess) {
        const errors = lines.filter((l) => l.level >= 40 && l.reqId === line.reqId);
        expect(errors.length, JSON.stringify(errors)).toBeLessThanOrEqual(1);
      }
      expect(JSON.stringify(lines)).not.toMatch(/Lê Văn Điện|0000 999 111|dien@example\.vn/);
    } finally {
      pg.startServer();
    }
    // Recovers by itself once the database is back.
    await expectAnsweredAgain(PRODUCT_QUERY);
  });

  it('answers 503 within the statement timeout while the database is frozen, and /readyz within its own', async () => {
    const fresh = freshQuery();
    pg.freeze();
    try {
      const started = Date.now();
      const res = await post(api, { query: fresh });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      // Bounded by the 1.5 s statement timeout, not by how long the database stays frozen.
      expect(Date.now() - started).toBeLessThan(10_000);
      const withToken = await post(api, { query: '{ auditLog(first: 1) { totalCount } }' }, bearer(token));
      expect(withToken.status, `${await withToken.text()}\n${logs.slice(-8).join('\n')}`).toBe(503);
      const readyStarted = Date.now();
      const ready = await fetch(api.url.replace(/\/graphql$/, '/readyz'));
      expect(ready.status).toBe(503);
      expect(Date.now() - readyStarted).toBeLessThan(6000);
    } finally {
      pg.thaw();
    }
    await expectAnsweredAgain(fresh);
  });
});

describe('logs', () => {
  const sqlite = testDatabases()[0]!;
  const logs: string[] = [];

  const api = useTestApi(sqlite, { logs, env: { LOG_LEVEL: 'info' } });

  it('writes one JSON line per request with its id, and no personal data or SQL values when an insert fails', async () => {
    const token = await createToken(api, 'ADMIN');
    // Make the database itself refuse the insert, as a full disk or a broken constraint would.
    await api.orm.em
      .getConnection()
      .execute("create trigger refuse_producer before insert on producer begin select raise(abort, 'disk full'); end");
    logs.length = 0;
    const res = await createProducer(
      api,
      { 'x-request-id': 'trace-insert-0001', ...bearer(token) },
      {
        name: 'Hợp tác xã Riêng tư',
        representative: 'Phạm Thị Kín',
        address: 'Số 9 đường Bí Mật',
        phone: '0000 777 321',
        email: 'kin@example.vn',
      },
    );
    expect(res.status).toBe(500);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    await api.orm.em.getConnection().execute('drop trigger refuse_producer');

    const lines = parseLogs(logs);
    const text = logs.join('\n');
    expect(text).not.toMatch(/Phạm Thị Kín|0000 777 321|kin@example\.vn|Bí Mật|Riêng tư/);
    const access = lines.filter((l) => l.msg === 'request' && l.reqId === 'trace-insert-0001');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ method: 'POST', status: 500, operation: expect.anything() });
    const errors = lines.filter((l) => l.level >= 50 && l.reqId === 'trace-insert-0001');
    expect(errors).toHaveLength(1);
  });

  it('names the operation in the access line and never logs a token', async () => {
    const token = await createToken(api, 'ADMIN');
    logs.length = 0;
    await gql(api, 'query CategoryList { categories { code } }');
    await gql(api, '{ auditLog(first: 1) { totalCount } }', undefined, bearer(token));
    const lines = parseLogs(logs);
    expect(lines.find((l) => l.msg === 'request' && l.operation === 'CategoryList')).toBeDefined();
    expect(logs.join('\n')).not.toContain(token);
  });
});

describe('SQLite locked for longer than writers wait', () => {
  const sqlite = testDatabases()[0]!;

  const api = useTestApi(sqlite, { env: { DB_LOCK_TIMEOUT_MS: '800' } });

  it('answers 503 DATABASE_BUSY with Retry-After, and writes nothing', async () => {
    const token = await createToken(api, 'ADMIN');
    const other = await holdSqliteWriteLock(api);
    try {
      const res = await createProducer(api, bearer(token), {
        name: 'Hợp tác xã Khóa',
        representative: 'Võ Văn Khóa',
        address: 'Ấp Ba',
        phone: '0000 111 222',
        email: 'khoa@example.vn',
      });
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(res.status, JSON.stringify(body)).toBe(503);
      expect(body.errors[0]?.extensions.code).toBe('DATABASE_BUSY');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      other.exec('commit');
      other.close();
    }
    const rows = await api.orm.em
      .getConnection()
      .execute<{ n: number }[]>("select count(*) as n from producer where name = 'Hợp tác xã Khóa'");
    expect(Number(rows[0]?.n)).toBe(0);
  });
});

describe.each(testDatabases())('stopping the API on $name', (db) => {
  it('lets go of a connection a keep-alive client keeps busy, instead of answering it on and on', async () => {
    const api = await startTestApi(db, { seed: false });
    const client = await keepAliveClientMidRequest(api.url.replace(/\/graphql$/, '/healthz'));
    const stopping = api.close();
    try {
      client.keepAsking();
      await within('the connection closed by the stopping API', client.closed, 2000);
      expect(client.answers(), client.received()).toBeLessThanOrEqual(1);
      await within('the API stopped', stopping, 3000);
    } finally {
      client.destroy();
      await stopping;
    }
  });
});

describe('stopping the API while a request is in flight', () => {
  const sqlite = testDatabases()[0]!;

  it('answers it, saying the connection closes, and takes no new request meanwhile', async () => {
    const api = await startTestApi(sqlite);
    const token = await createToken(api, 'ADMIN');
    const other = await holdSqliteWriteLock(api);
    let stopping: Promise<void> | undefined;
    try {
      // A write waiting for the lock another process holds: in flight when the stop comes.
      api.queries.length = 0;
      const inFlight = createProducer(api, bearer(token), {
        name: 'Hợp tác xã Đang Ghi',
        representative: 'Lê Văn Ghi',
        address: 'Ấp Hai',
        phone: '0000 333 444',
        email: 'ghi@example.vn',
      });
      // Its token checked, it goes on to wait for the lock.
      await until(
        'the write reaching the API',
        () => api.queries.some((sql) => sql.includes('from api_token')),
        10_000,
      );
      await new Promise((r) => setTimeout(r, 100));
      stopping = api.close();
      await new Promise((r) => setTimeout(r, 100));
      await expect(fetch(api.url.replace(/\/graphql$/, '/healthz'))).rejects.toThrow();
      other.exec('commit');
      other.close();
      const res = await inFlight;
      const body = (await res.json()) as { data?: { createProducer: { name: string } } };
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.data?.createProducer.name).toBe('Hợp tác xã Đang Ghi');
      expect(res.headers.get('connection')).toBe('close');
      await within('the API stopped once it had answered', stopping, 3000);
    } finally {
      try {
        other.exec('commit');
        other.close();
      } catch {
        // already released
      }
      await (stopping ?? api.close());
    }
  });
});
