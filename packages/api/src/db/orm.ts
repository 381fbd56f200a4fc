import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Logger as MikroLogger, MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { DatabaseConfig, Timeouts } from '../config.js';
import type { Logger } from '../logger.js';
import { migrationsFor } from '../migrations/index.js';
import { catalogVersion } from '../cache/catalog-version.js';
import { ENTITIES } from './entities.js';

export type Orm = MikroORM;

/** The parts of a libsql connection (better-sqlite3's API) used here. */
interface SqliteConnection {
  exec(sql: string): void;
  prepare(sql: string): unknown;
}

interface SqliteStatement {
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown;
}

/** How many prepared statements each SQLite connection keeps for reuse. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * How long SQLite itself waits for a lock before answering SQLITE_BUSY. The driver is
 * synchronous: this wait blocks the whole process, so it is kept short, and a writer that must
 * wait longer (for an import in another process) waits between attempts instead, with the event
 * loop free to serve everyone else (see {@link beginImmediate}).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `BEGIN IMMEDIATE` for every transaction, retried until `lockMs` has passed. A deferred BEGIN
 * (knex's) takes the write lock only at the first write; if another process committed in
 * between, SQLite answers SQLITE_BUSY at once and no busy timeout helps. Taking the lock at the
 * start makes a writer wait its turn. Past `lockMs` the last SQLITE_BUSY is thrown (the request
 * gets 503 DATABASE_BUSY).
 */
function beginImmediate(statement: SqliteStatement, lockMs: number): SqliteStatement {
  const retried =
    (method: 'run' | 'all') =>
    async (...args: unknown[]) => {
      const deadline = Date.now() + lockMs;
      for (let attempt = 0; ; attempt++) {
        try {
          return statement[method](...args);
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          if (!code.startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw error;
          await sleep(Math.min(10 * 2 ** attempt, 200, Math.max(1, deadline - Date.now())));
        }
      }
    };
  return { run: retried('run'), all: retried('all') };
}

/**
 * Settings that live on a SQLite connection, not in the file, applied to every connection the
 * pool opens. Also keeps prepared statements by SQL text: the public API sends the same few
 * statements over and over, and compiling one cost as much CPU as running it.
 */
function prepareSqliteConnection(conn: SqliteConnection, lockMs: number): void {
  conn.exec('pragma foreign_keys = on');
  conn.exec(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // A 20,000-product catalog is about 50 MB: keep its hot pages in a 16 MiB page cache instead
  // of SQLite's 2 MB default (the operating system caches the rest of the file; a larger cache
  // only added to the server's resident memory).
  conn.exec('pragma cache_size = -16384');
  const prepare = conn.prepare.bind(conn);
  const statements = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    if (/^\s*begin\s*;?\s*$/i.test(sql)) return beginImmediate(prepare('begin immediate') as SqliteStatement, lockMs);
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

interface KnexTransaction {
  isCompleted(): boolean;
  executionPromise?: Promise<unknown>;
}

/**
 * Knex swallows an error of BEGIN itself: it hands out a transaction that is already over, and
 * the first query in it fails with "Transaction query already complete", hiding why. Here a
 * transaction that could not begin throws the error that stopped it (SQLITE_BUSY when another
 * process kept the write lock past DB_LOCK_TIMEOUT_MS), so the request gets 503 DATABASE_BUSY.
 */
function reportFailedBegin(connection: AbstractSqlConnection): void {
  const target = connection as unknown as { begin: (options?: unknown) => Promise<KnexTransaction> };
  const begin = target.begin.bind(connection);
  target.begin = async (options?: unknown) => {
    const trx = await begin(options);
    if (trx.isCompleted()) {
      const reason = await trx.executionPromise?.then(
        () => undefined,
        (error: unknown) => error,
      );
      throw reason ?? new Error('The database transaction ended before it began.');
    }
    return trx;
  };
}

export interface OrmOptions {
  /** Receives every SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  debug?: boolean;
  /** Statement and lock timeouts (defaults: 5 s for statements, 15 s for SQLite's write lock). */
  timeouts?: Partial<Pick<Timeouts, 'statementMs' | 'lockMs'>>;
  /** Where the query builder's own warnings go, as JSON log lines (else they are dropped). */
  logger?: Logger;
}

/** The MikroORM options for a database; the dialect (and so the driver) comes from DATABASE_URL. */
export function ormOptions(db: DatabaseConfig, options: OrmOptions = {}): Options {
  const statementMs = options.timeouts?.statementMs ?? 5_000;
  const lockMs = options.timeouts?.lockMs ?? 15_000;
  // Knex prints its warnings as plain text on the console; the server's log is JSON only.
  const log = {
    warn: (message: unknown) => options.logger?.warn({ source: 'knex' }, String(message)),
    error: (message: unknown) => options.logger?.error({ source: 'knex' }, String(message)),
    deprecate: (message: unknown) => options.logger?.debug({ source: 'knex' }, String(message)),
    debug: (message: unknown) => options.logger?.debug({ source: 'knex' }, String(message)),
  };
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
      driverOptions: { log, acquireConnectionTimeout: lockMs + statementMs },
      pool: {
        // A writer waiting for another process's lock holds its connection; the others keep
        // serving reads meanwhile (WAL lets readers run beside a writer). An in-memory database
        // exists once per connection, so it keeps one.
        min: 1,
        max: db.file === ':memory:' ? 1 : 4,
        afterCreate: (conn: SqliteConnection, done: (error: unknown, conn: unknown) => void) => {
          try {
            prepareSqliteConnection(conn, lockMs);
            done(null, conn);
          } catch (error) {
            done(error, conn);
          }
        },
      },
    } as Options;
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: db.url,
    pool: { min: 0, max: 10, acquireTimeoutMillis: statementMs },
    driverOptions: {
      log,
      acquireConnectionTimeout: statementMs,
      connection: {
        // The server cancels a statement that runs too long; the client gives up on one that gets
        // no answer at all (a frozen server) and on a connection that cannot be opened.
        statement_timeout: statementMs,
        query_timeout: statementMs + 500,
        connectionTimeoutMillis: Math.min(statementMs, 5_000),
        keepAlive: true,
      },
    },
  } as Options;
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
      // MikroORM's SQLite platform turns Dates into numbers when it snapshots an entity, but keeps
      // the Dates it read from the database as they are; the two never compare equal, so every
      // loaded entity looked changed and was written back on flush (a region's created_at and
      // updated_at rewritten by createProducer, outside any audit entry). Keeping Dates on both
      // sides compares them by value; the driver still binds a Date as its milliseconds.
      (orm.em.getPlatform() as unknown as { processDateProperty: (value: unknown) => unknown }).processDateProperty = (
        value,
      ) => value;
      reportFailedBegin(orm.em.getConnection() as AbstractSqlConnection);
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
