import { isIP } from 'node:net';
import { resolve } from 'node:path';

/**
 * Every setting the API reads, read once from the environment, each with a default and a
 * description. A bad value stops the program with one line that names the variable to change.
 */

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type Dialect = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  dialect: Dialect;
  /** For SQLite: absolute path of the database file (or ':memory:'). */
  file?: string;
  /** For PostgreSQL: the connection URL as given. */
  url?: string;
  /** The URL with any password replaced by '***', safe to log. */
  display: string;
}

export interface Config {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Load the sample Kiên Giang catalog into an empty database at start. */
  seedWhenEmpty: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  limits: Limits;
  timeouts: Timeouts;
  /** Which peers' X-Forwarded-For is believed when telling clients apart (see {@link TrustProxy}). */
  trustProxy: TrustProxy;
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** Allow endpoints on loopback and private addresses (tests, an intranet); off by default. */
  allowPrivate: boolean;
  /** Longest one delivery attempt may take. */
  timeoutMs: number;
  /** Wait before the first retry; each next one waits twice as long (at most an hour). */
  retryMs: number;
  /** How long an endpoint may keep failing before it is paused. */
  giveUpMs: number;
}

/** What one request and one client may cost the server. */
export interface Limits {
  /** Highest estimated cost of one query (about the number of values it would return). */
  queryCost: number;
  /** Most list items one response may hold; execution stops past it. */
  responseItems: number;
  /** Allowance units each client regains per minute; 0 turns the per-client limit off. */
  ratePerMinute: number;
  /** Units a client may spend at once (the bucket's size). */
  rateBurst: number;
  /** Expensive queries (estimated cost from this) executed at once; the rest queue. */
  expensiveCost: number;
  expensiveConcurrency: number;
}

export interface Timeouts {
  /** Longest a database statement may run (PostgreSQL), or wait for a connection. */
  statementMs: number;
  /** Longest a SQLite writer waits for another process's write lock. */
  lockMs: number;
  /** Longest /readyz waits for the database. */
  readyMs: number;
}

/**
 * Whose X-Forwarded-For to believe: nobody (the peer's own address identifies the client), the
 * loopback interface (a proxy on the same machine), or a list of addresses.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'loopback' } | { kind: 'addresses'; addresses: string[] };

export const SETTINGS = {
  NODE_ENV: 'production | development | test. Default: development (pnpm start sets production).',
  HOST: 'Interface to listen on. Default: 0.0.0.0.',
  PORT: 'TCP port of the API. Default: 4000. Use 0 for any free port.',
  DATABASE_URL:
    'sqlite:PATH (file, relative to the repository root), sqlite::memory:, or postgres://user:pass@host:port/db. Default: sqlite:data/ocop.sqlite.',
  OCOP_SEED: 'true | false: load the sample Kiên Giang catalog when the database is empty. Default: true.',
  LOG_LEVEL: 'fatal | error | warn | info | debug | trace | silent. Default: info.',
  BODY_LIMIT: 'Largest request body in bytes. Default: 102400 (100 kB).',
  QUERY_MAX_COST:
    'Highest estimated cost of one query: every field counts 1, times the page sizes it would really use (variables and defaults included). Default: 10000.',
  RESPONSE_MAX_ITEMS:
    'Most list items one response may hold; execution stops with RESPONSE_TOO_LARGE past it. Default: 10000.',
  RATE_LIMIT:
    'Allowance units a client (an address, or a token) regains per minute: 1 per request plus 1 per 1,000 of its cost. 0 turns the limit off. Default: 600.',
  RATE_LIMIT_BURST: 'Units a client may spend at once before it must wait. Default: 120.',
  TRUST_PROXY:
    'Whose X-Forwarded-For names the client: off (default; the connecting address is the client), loopback (a proxy on this machine), or a comma-separated list of proxy addresses.',
  EXPENSIVE_QUERY_COST:
    'Estimated cost from which a query counts as expensive and waits for a free slot. Default: 2000.',
  EXPENSIVE_QUERY_CONCURRENCY:
    'Expensive queries executed at once; the rest queue. Default: 1 (the server runs JavaScript on one thread: more at once only makes each slower, and cheap requests wait longer between their turns).',
  DB_STATEMENT_TIMEOUT_MS:
    'Longest a database statement may run, or a request wait for a connection, in milliseconds; past it the request gets 503. Default: 5000.',
  DB_LOCK_TIMEOUT_MS:
    'SQLite: longest a write waits for another process (an import) to release the database, in milliseconds; past it the request gets 503 DATABASE_BUSY. Default: 15000.',
  READY_TIMEOUT_MS: 'Longest /readyz waits for the database, in milliseconds. Default: 2000.',
  WEBHOOK_ALLOW_PRIVATE:
    'true | false: allow webhook endpoints on loopback and private addresses (tests, an intranet). Default: false.',
  WEBHOOK_TIMEOUT_MS: 'Longest one webhook delivery attempt may take, in milliseconds. Default: 5000.',
  WEBHOOK_RETRY_MS:
    'Wait before retrying a failed webhook delivery, in milliseconds; doubled at each attempt, at most an hour. Default: 10000.',
  WEBHOOK_GIVE_UP_HOURS: 'Hours an endpoint may keep failing before it is paused. Default: 24.',
} as const;

/** The repository root: three levels above this file in src/ and in dist/. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export const DEFAULT_DATABASE_URL = 'sqlite:data/ocop.sqlite';

export function parseDatabaseUrl(raw: string, root = REPO_ROOT): DatabaseConfig {
  const value = raw.trim();
  const fail = (why: string): never => {
    throw new ConfigError(
      'DATABASE_URL',
      `DATABASE_URL "${redact(value)}" ${why}. Use sqlite:data/ocop.sqlite for a local file or postgres://user:password@host:5432/dbname for PostgreSQL.`,
    );
  };
  if (value === '') fail('is empty');
  if (value.startsWith('sqlite:')) {
    let path = value.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') fail('names no file');
    if (path === ':memory:') return { dialect: 'sqlite', file: ':memory:', display: 'sqlite::memory:' };
    const file = resolve(root, path);
    return { dialect: 'sqlite', file, display: `sqlite:${file}` };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail('is not a valid URL');
    }
    if (!url.hostname) fail('has no host');
    if (url.pathname.length <= 1) fail('names no database (add /dbname after the host)');
    if (url.port && !(Number(url.port) > 0 && Number(url.port) < 65536)) fail('has an invalid port');
    return { dialect: 'postgresql', url: value, display: redact(value) };
  }
  return fail('has an unsupported scheme');
}

function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function oneOf<T extends string>(
  name: keyof typeof SETTINGS,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(name, `${name} "${value}" is not one of ${allowed.join(', ')}. ${SETTINGS[name]}`);
}

function integer(
  name: keyof typeof SETTINGS,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `${name} "${value}" must be a whole number from ${min} to ${max}. ${SETTINGS[name]}`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV, ['production', 'development', 'test'] as const, 'development');
  return {
    env: nodeEnv,
    host: env.HOST?.trim() || '0.0.0.0',
    port: integer('PORT', env.PORT, 4000, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL ?? DEFAULT_DATABASE_URL),
    seedWhenEmpty: oneOf('OCOP_SEED', env.OCOP_SEED, ['true', 'false'] as const, 'true') === 'true',
    logLevel: oneOf(
      'LOG_LEVEL',
      env.LOG_LEVEL,
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    bodyLimitBytes: integer('BODY_LIMIT', env.BODY_LIMIT, 100 * 1024, 1024, 50 * 1024 * 1024),
    limits: {
      queryCost: integer('QUERY_MAX_COST', env.QUERY_MAX_COST, 10_000, 10, 10_000_000),
      responseItems: integer('RESPONSE_MAX_ITEMS', env.RESPONSE_MAX_ITEMS, 10_000, 1, 10_000_000),
      ratePerMinute: integer('RATE_LIMIT', env.RATE_LIMIT, 600, 0, 100_000_000),
      rateBurst: integer('RATE_LIMIT_BURST', env.RATE_LIMIT_BURST, 120, 1, 100_000_000),
      expensiveCost: integer('EXPENSIVE_QUERY_COST', env.EXPENSIVE_QUERY_COST, 2_000, 1, 10_000_000),
      expensiveConcurrency: integer('EXPENSIVE_QUERY_CONCURRENCY', env.EXPENSIVE_QUERY_CONCURRENCY, 1, 1, 1000),
    },
    timeouts: {
      statementMs: integer('DB_STATEMENT_TIMEOUT_MS', env.DB_STATEMENT_TIMEOUT_MS, 5_000, 100, 600_000),
      lockMs: integer('DB_LOCK_TIMEOUT_MS', env.DB_LOCK_TIMEOUT_MS, 15_000, 0, 600_000),
      readyMs: integer('READY_TIMEOUT_MS', env.READY_TIMEOUT_MS, 2_000, 100, 60_000),
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    webhooks: {
      allowPrivate:
        oneOf('WEBHOOK_ALLOW_PRIVATE', env.WEBHOOK_ALLOW_PRIVATE, ['true', 'false'] as const, 'false') === 'true',
      timeoutMs: integer('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 5_000, 100, 60_000),
      retryMs: integer('WEBHOOK_RETRY_MS', env.WEBHOOK_RETRY_MS, 10_000, 10, 3_600_000),
      giveUpMs: integer('WEBHOOK_GIVE_UP_HOURS', env.WEBHOOK_GIVE_UP_HOURS, 24, 1, 720) * 3_600_000,
    },
  };
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'off' || value === 'false' || value === 'none') return { kind: 'none' };
  if (value === 'loopback') return { kind: 'loopback' };
  const addresses = value.split(',').map((a) => a.trim());
  const bad = addresses.find((a) => isIP(a) === 0);
  if (bad !== undefined) {
    throw new ConfigError(
      'TRUST_PROXY',
      `TRUST_PROXY "${raw}" holds "${bad}", which is not an IP address. ${SETTINGS.TRUST_PROXY}`,
    );
  }
  return { kind: 'addresses', addresses };
}
