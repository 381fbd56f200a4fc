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
}

export const SETTINGS = {
  NODE_ENV: 'production | development | test. Default: development (pnpm start sets production).',
  HOST: 'Interface to listen on. Default: 0.0.0.0.',
  PORT: 'TCP port of the API. Default: 4000. Use 0 for any free port.',
  DATABASE_URL:
    'sqlite:PATH (file, relative to the repository root), sqlite::memory:, or postgres://user:pass@host:port/db. Default: sqlite:data/ocop.sqlite.',
  OCOP_SEED: 'true | false: load the sample Kiên Giang catalog when the database is empty. Default: true.',
  LOG_LEVEL: 'fatal | error | warn | info | debug | trace | silent. Default: info.',
  BODY_LIMIT: 'Largest request body in bytes. Default: 102400 (100 kB).',
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
  };
}
