import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { type GraphQLRequest, HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogVersion } from '../cache/catalog-version.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/database.js';
import { openOrm } from '../db/orm.js';
import { createLogger } from '../logger.js';
import type { Context } from './context.js';
import { Offloader } from './offload.js';

const QUERY = '{ products(first: 1) { totalCount } }';

function request(): GraphQLRequest {
  return {
    query: QUERY,
    http: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: {} },
  };
}

function context(): Context {
  return { today: '2026-12-02', lang: 'vi', auth: null, request: { id: 'test-request', started: 0 } } as Context;
}

describe('the worker thread for expensive queries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-offload-'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, LOG_LEVEL: 'info' });
  const lines: string[] = [];
  const logger = createLogger(config, { write: (line: string) => void lines.push(line) });
  let offloader: Offloader;

  beforeAll(async () => {
    const orm = await openOrm(config.database);
    await migrate(orm);
    await orm.close(true);
    offloader = new Offloader(config, logger, new CatalogVersion());
  });
  afterAll(async () => {
    await offloader?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers in the worker, whose log lines reach this thread', async () => {
    const answer = await offloader.run(request(), context());
    expect(answer?.http?.status).toBe(200);
    expect(answer?.body).toEqual({ kind: 'single', singleResult: { data: { products: { totalCount: 0 } } } });
    expect(lines.some((line) => line.includes('expensive queries run in their own thread'))).toBe(true);
  });

  it('answers 503 SERVER_BUSY for the queries a dying worker held, then starts a new one', async () => {
    const worker = (offloader as unknown as { worker?: Worker }).worker;
    if (!worker) throw new Error('no worker started');
    const held = offloader.run(request(), context());
    void worker.terminate();
    const answer = await held;
    expect(answer?.http?.status).toBe(503);
    expect(answer?.http?.headers.get('retry-after')).toBe('2');
    const error = answer?.body.kind === 'single' ? answer.body.singleResult.errors?.[0] : undefined;
    expect(error?.extensions?.code).toBe('SERVER_BUSY');
    expect(error?.message).toMatch(/Try again in a few seconds/);
    expect(lines.some((line) => line.includes('the next one starts it again'))).toBe(true);
    const next = await offloader.run(request(), context());
    expect(next?.http?.status).toBe(200);
    expect((offloader as unknown as { worker?: Worker }).worker).not.toBe(worker);
  });

  it('is never used with an in-memory SQLite database, which a thread cannot share', () => {
    expect(Offloader.possible(loadConfig({ DATABASE_URL: 'sqlite::memory:' }))).toBe(false);
    expect(Offloader.possible(config)).toBe(true);
    expect(
      Offloader.possible(loadConfig({ DATABASE_URL: config.database.display, EXPENSIVE_QUERY_THREAD: 'false' })),
    ).toBe(false);
  });
});
