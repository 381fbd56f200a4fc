import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Config,
  type Orm,
  type RunningServer,
  createLogger,
  kienGiangCatalog,
  loadCatalog,
  loadConfig,
  migrate,
  openOrm,
  parseDatabaseUrl,
  startServer,
} from '@ocop/api';
import { afterAll, beforeAll, inject } from 'vitest';

export interface TestDatabase {
  /** 'sqlite' or 'postgresql', for test titles. */
  name: 'sqlite' | 'postgresql';
  /** Makes a fresh, empty database and returns its URL. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

let counter = 0;

/** Where test APIs keep photos (content-addressed, so shared between them and between runs). */
export const TEST_IMAGES_DIR = join(tmpdir(), 'ocop-test-images');

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'ocop-sqlite-'));
    return {
      url: `sqlite:${join(dir, 'test.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function postgres(adminUrl: string): TestDatabase {
  return {
    name: 'postgresql',
    async create() {
      const name = `ocop_test_${process.pid}_${Date.now()}_${counter++}`;
      const admin = await openOrm(parseDatabaseUrl(adminUrl));
      await admin.em.getConnection().execute(`create database ${name}`);
      await admin.close();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: async () => {
          const again = await openOrm(parseDatabaseUrl(adminUrl));
          await again.em.getConnection().execute(`drop database if exists ${name} with (force)`);
          await again.close();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL when the global setup found or started one. */
export function testDatabases(): TestDatabase[] {
  const url = inject('postgresUrl');
  return url ? [sqlite, postgres(url)] : [sqlite];
}

export interface TestApi {
  url: string;
  orm: Orm;
  config: Config;
  /** SQL statements run since the last `queries.length = 0` (the webhook dispatcher's polls left out). */
  queries: string[];
  server: RunningServer;
  close(): Promise<void>;
}

export interface TestApiOptions {
  seed?: boolean;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  /** Receives the server's log lines (JSON, one per line); give LOG_LEVEL in `env`. */
  logs?: string[];
}

/** A migrated database with the sample catalog and a real server on a free port. */
export async function startTestApi(db: TestDatabase, options: TestApiOptions = {}): Promise<TestApi> {
  const created = await db.create();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: created.url,
    // Tests send hundreds of requests a second from one address; those that test the limit set it.
    RATE_LIMIT: '0',
    // Photos are stored by content, so every test API of a run can share one folder (and the
    // sample's copies are made once).
    IMAGES_DIR: TEST_IMAGES_DIR,
    ...options.env,
  });
  const queries: string[] = [];
  const logs = options.logs;
  const destination = logs ? { write: (line: string) => void logs.push(line.trimEnd()) } : undefined;
  const logger = createLogger(config, destination);
  const orm = await openOrm(config.database, {
    onQuery: (sql) => {
      if (!isWebhookPoll(sql)) queries.push(sql);
    },
    timeouts: config.timeouts,
    logger,
  });
  await migrate(orm);
  if (options.seed !== false) await loadCatalog(orm.em.fork(), kienGiangCatalog, undefined, { images: config.images });
  const server: RunningServer = await startServer({ config, orm, logger, now: options.now });
  queries.length = 0;
  return {
    url: `http://127.0.0.1:${server.port}/graphql`,
    orm,
    config,
    queries,
    server,
    async close() {
      await server.close();
      await orm.close(true);
      await created.drop();
    },
  };
}

/**
 * Starts a test API before the tests of the enclosing `describe` and closes it after them. The
 * object returned is filled in when the API has started, so the tests (and the `beforeAll` hooks
 * written after this call, which run after it) use it as the started API.
 */
export function useTestApi(db: TestDatabase, options?: TestApiOptions): TestApi {
  const api = {} as TestApi;
  beforeAll(async () => {
    Object.assign(api, await startTestApi(db, options));
  });
  afterAll(async () => {
    await api.close?.();
  });
  return api;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }[];
}

/** POSTs a GraphQL request as a partner app would. */
export async function gql<T = Record<string, unknown>>(
  api: { url: string },
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  return { status: res.status, headers: res.headers, ...body };
}

/**
 * Creates an API token straight in the test database, as `ocop token create` does (random
 * `ocop_…` token, only its SHA-256 stored), and returns the token to send.
 */
export async function createToken(
  api: TestApi,
  role: 'ADMIN' | 'EVALUATOR',
  name = `${role} test token`,
): Promise<string> {
  const token = `ocop_${randomBytes(32).toString('base64url')}`;
  const em = api.orm.em.fork();
  em.create('ApiToken', { name, role, tokenHash: createHash('sha256').update(token).digest('hex') });
  await em.flush();
  return token;
}

/** The header that sends a token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/**
 * The webhook dispatcher's poll for endpoints with events to deliver: it runs on its own timer
 * (every 500 ms in tests), so a count of the statements a request caused must leave it out.
 */
export function isWebhookPoll(sql: string): boolean {
  return /from\s+"?webhook"?\s+where\s+"?status"?\s*=\s*'ACTIVE'/iu.test(sql);
}
