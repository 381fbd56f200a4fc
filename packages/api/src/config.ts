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
  images: ImageSettings;
  mail: MailSettings;
  inquiries: InquirySettings;
  webhooks: WebhookSettings;
}

/** Product photos: where their resized copies are kept, and what an upload may be. */
export interface ImageSettings {
  /** Absolute folder of the stored copies, served at /images/. */
  dir: string;
  maxBytes: number;
  maxPixels: number;
}

/** How quote requests reach producers: SMTP, or nothing (kept and shown as undelivered). */
export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://…; undefined when not configured. */
  smtpUrl?: string;
  /** The sender of every mail, e.g. "Cổng OCOP An Giang <ocop@example.vn>". */
  from: string;
  /** A copy of every quote request to the operating office; undefined for none. */
  bcc?: string;
  timeoutMs: number;
}

export interface InquirySettings {
  /** Quote requests one address may send per hour; 0 turns the limit off. */
  perHour: number;
  /** And per day. */
  perDay: number;
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
  /** Run expensive queries in a worker thread (graphql/offload.ts), not in the thread that answers every connection. */
  offload: boolean;
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
    'Expensive queries executed at once; the rest queue. Default: 1 (they share one worker thread: more at once only makes each slower).',
  EXPENSIVE_QUERY_THREAD:
    'true | false: run expensive queries (reads only) in a worker thread, so they never hold the thread that answers every other request. Default: true (always false for sqlite::memory:, which a thread cannot share).',
  DB_STATEMENT_TIMEOUT_MS:
    'Longest a database statement may run, or a request wait for a connection, in milliseconds; past it the request gets 503. Default: 5000.',
  DB_LOCK_TIMEOUT_MS:
    'SQLite: longest a write waits for another process (an import) to release the database, in milliseconds; past it the request gets 503 DATABASE_BUSY. Default: 15000.',
  READY_TIMEOUT_MS: 'Longest /readyz waits for the database, in milliseconds. Default: 2000.',
  IMAGES_DIR:
    'Folder of the product photos’ resized copies (AVIF, WebP, JPEG), served at /images/; relative to the repository root. Default: data/images.',
  IMAGE_MAX_BYTES: 'Largest photo accepted, in bytes (uploads, the CLI, imports). Default: 15728640 (15 MB).',
  IMAGE_MAX_PIXELS: 'Most pixels a photo may have (width × height). Default: 40000000 (40 megapixels).',
  SMTP_URL:
    'Where quote requests are mailed to producers: smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465. Unset: requests are kept and listed as undelivered.',
  MAIL_FROM: 'Sender of the mails. Default: "Cổng sản phẩm OCOP <no-reply@ocop.invalid>".',
  MAIL_BCC: 'An address that receives a copy of every quote request (the operating office). Default: none.',
  SMTP_TIMEOUT_MS: 'Longest wait for the mail server, in milliseconds. Default: 10000.',
  INQUIRY_LIMIT_PER_HOUR: 'Quote requests one address may send in an hour; 0 turns the limit off. Default: 5.',
  INQUIRY_LIMIT_PER_DAY: 'Quote requests one address may send in a day; 0 turns the limit off. Default: 20.',
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
      offload:
        oneOf('EXPENSIVE_QUERY_THREAD', env.EXPENSIVE_QUERY_THREAD, ['true', 'false'] as const, 'true') === 'true',
    },
    timeouts: {
      statementMs: integer('DB_STATEMENT_TIMEOUT_MS', env.DB_STATEMENT_TIMEOUT_MS, 5_000, 100, 600_000),
      lockMs: integer('DB_LOCK_TIMEOUT_MS', env.DB_LOCK_TIMEOUT_MS, 15_000, 0, 600_000),
      readyMs: integer('READY_TIMEOUT_MS', env.READY_TIMEOUT_MS, 2_000, 100, 60_000),
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    images: {
      dir: resolve(REPO_ROOT, env.IMAGES_DIR?.trim() || 'data/images'),
      maxBytes: integer('IMAGE_MAX_BYTES', env.IMAGE_MAX_BYTES, 15 * 1024 * 1024, 10_000, 200 * 1024 * 1024),
      maxPixels: integer('IMAGE_MAX_PIXELS', env.IMAGE_MAX_PIXELS, 40_000_000, 100_000, 250_000_000),
    },
    mail: {
      smtpUrl: parseSmtpUrl(env.SMTP_URL),
      from: env.MAIL_FROM?.trim() || 'Cổng sản phẩm OCOP <no-reply@ocop.invalid>',
      bcc: env.MAIL_BCC?.trim() || undefined,
      timeoutMs: integer('SMTP_TIMEOUT_MS', env.SMTP_TIMEOUT_MS, 10_000, 100, 120_000),
    },
    inquiries: {
      perHour: integer('INQUIRY_LIMIT_PER_HOUR', env.INQUIRY_LIMIT_PER_HOUR, 5, 0, 100_000),
      perDay: integer('INQUIRY_LIMIT_PER_DAY', env.INQUIRY_LIMIT_PER_DAY, 20, 0, 1_000_000),
    },
    webhooks: {
      allowPrivate:
        oneOf('WEBHOOK_ALLOW_PRIVATE', env.WEBHOOK_ALLOW_PRIVATE, ['true', 'false'] as const, 'false') === 'true',
      timeoutMs: integer('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 5_000, 100, 60_000),
      retryMs: integer('WEBHOOK_RETRY_MS', env.WEBHOOK_RETRY_MS, 10_000, 10, 3_600_000),
      giveUpMs: integer('WEBHOOK_GIVE_UP_HOURS', env.WEBHOOK_GIVE_UP_HOURS, 24, 1, 720) * 3_600_000,
    },
  };
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ConfigError('SMTP_URL', `SMTP_URL "${redact(value)}" is not an SMTP address. ${SETTINGS.SMTP_URL}`);
  }
  return value;
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
