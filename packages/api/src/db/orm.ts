import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Logger as MikroLogger, MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from '../config.js';
import { migrationsFor } from '../migrations/index.js';
import { catalogVersion } from './catalog-version.js';
import { ENTITIES } from './entities.js';

export type Orm = MikroORM;

/** The parts of a libsql connection (better-sqlite3's API) used here. */
interface SqliteConnection {
  exec(sql: string): void;
  prepare(sql: string): unknown;
}

/** How many prepared statements each SQLite connection keeps for reuse. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Settings that live on a SQLite connection, not in the file, applied to every connection the
 * pool opens. Also keeps prepared statements by SQL text: the public API sends the same few
 * statements over and over, and compiling one cost as much CPU as running it.
 */
function prepareSqliteConnection(conn: SqliteConnection): void {
  conn.exec('pragma foreign_keys = on');
  conn.exec('pragma busy_timeout = 5000');
  // A 20,000-product catalog is about 50 MB: keep its hot pages in a 16 MiB page cache instead
  // of SQLite's 2 MB default (the operating system caches the rest of the file; a larger cache
  // only added to the server's resident memory).
  conn.exec('pragma cache_size = -16384');
  const prepare = conn.prepare.bind(conn);
  const statements = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
    } else {
      statement = prepare(sql);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, statement);
    return statement;
  };
}

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
    return {
      ...common,
      driver: LibSqlDriver,
      dbName: db.file,
      pool: {
        afterCreate: (conn: SqliteConnection, done: (error: unknown, conn: unknown) => void) => {
          try {
            prepareSqliteConnection(conn);
            done(null, conn);
          } catch (error) {
            done(error, conn);
          }
        },
      },
    } as Options;
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
      if (db.file !== ':memory:') await orm.em.getConnection().execute('pragma journal_mode = wal');
      // MikroORM's libsql dialect treats a connection older than 10 s as invalid (a limit meant
      // for remote libsql servers) and opens a new one, dropping its page cache and prepared
      // statements. A local file has no such limit: keep the connection.
      const client = (orm.em.getConnection() as AbstractSqlConnection).getKnex().client as {
        validateConnection: (conn: unknown) => boolean;
      };
      client.validateConnection = () => true;
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
