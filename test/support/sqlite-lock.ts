import type { TestApi } from './server.js';

export interface SqliteConnection {
  exec(sql: string): void;
  close(): void;
}

/**
 * A second connection to a test API's SQLite file, as another process would open it, that has
 * taken the write lock (an open write transaction); `commit` and `close` it to let go.
 * `busyTimeoutMs` is set before the lock is taken, for a connection that must later wait its turn.
 */
export async function holdSqliteWriteLock(api: TestApi, busyTimeoutMs?: number): Promise<SqliteConnection> {
  const { default: Database } = (await import('libsql')) as unknown as {
    default: new (file: string) => SqliteConnection;
  };
  const other = new Database(api.config.database.file as string);
  if (busyTimeoutMs !== undefined) other.exec(`pragma busy_timeout = ${busyTimeoutMs}`);
  other.exec('begin immediate');
  other.exec("update region set name_en = name_en where code = 'KG'");
  return other;
}
