import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Logger as MikroLogger, MikroORM, type Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from '../config.js';
import { migrationsFor } from '../migrations/index.js';
import { catalogVersion } from './catalog-version.js';
import { ENTITIES } from './entities.js';

export type Orm = MikroORM;

export interface OrmOptions {
  /** Receives every SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  debug?: boolean;
}

/** The MikroORM options for a database; the dialect (and so the driver) comes from DATABASE_URL. */
export function ormOptions(db: DatabaseConfig, options: OrmOptions = {}): Options {
  const common = {
    entities: ENTITIES,
    discovery: { requireEntitiesArray: true },
    extensions: [Migrator],
    subscribers: [catalogVersion],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    debug: options.onQuery ? ['query' as const] : (options.debug ?? false),
    logger: options.onQuery ? (message: string) => options.onQuery?.(message) : undefined,
    migrations: {
      migrationsList: migrationsFor(db.dialect),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  };
  if (db.dialect === 'sqlite') {
    return { ...common, driver: LibSqlDriver, dbName: db.file } as Options;
  }
  return { ...common, driver: PostgreSqlDriver, clientUrl: db.url, pool: { min: 0, max: 10 } } as Options;
}

/**
 * Connects and checks the connection, turning driver errors into one clear line that names
 * the setting to change.
 */
export async function openOrm(db: DatabaseConfig, options: OrmOptions = {}): Promise<Orm> {
  if (db.dialect === 'sqlite' && db.file && db.file !== ':memory:') {
    mkdirSync(dirname(db.file), { recursive: true });
  }
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormOptions(db, options));
  } catch (error) {
    throw new DatabaseUnavailableError(db, error);
  }
  try {
    await orm.em.getConnection().execute(db.dialect === 'sqlite' ? 'pragma quick_check' : 'select 1');
    if (db.dialect === 'sqlite') {
      await orm.em.getConnection().execute('pragma foreign_keys = on');
      if (db.file !== ':memory:') await orm.em.getConnection().execute('pragma journal_mode = wal');
      await orm.em.getConnection().execute('pragma busy_timeout = 5000');
      // A 20,000-product catalog is about 50 MB: keep its hot pages in memory (32 MiB page
      // cache, 256 MiB memory map) instead of SQLite's 2 MB default.
      await orm.em.getConnection().execute('pragma cache_size = -32768');
      if (db.file !== ':memory:') await orm.em.getConnection().execute('pragma mmap_size = 268435456');
    }
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    throw new DatabaseUnavailableError(db, error);
  }
  return orm;
}

export class DatabaseUnavailableError extends Error {
  constructor(db: DatabaseConfig, cause: unknown) {
    const reason = (cause instanceof Error ? cause.message.split('\n')[0] : undefined) ?? String(cause);
    const hint =
      db.dialect === 'sqlite'
        ? /not a database|malformed|corrupt/i.test(reason)
          ? 'The file is not a readable SQLite database: restore it from a backup or point DATABASE_URL at another file.'
          : 'Check that the folder is writable, or point DATABASE_URL at another file.'
        : 'Check that PostgreSQL is running and that DATABASE_URL has the right host, port, user, password and database.';
    super(`Cannot open the database ${db.display}: ${reason}. ${hint}`);
    this.name = 'DatabaseUnavailableError';
  }
}

export type { MikroLogger };
