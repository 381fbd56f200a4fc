import Database from 'libsql';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { safeError } from '../db/faults.js';
import type { Logger } from '../logger.js';
import { FEED_CHANNEL } from '../modules/feed/feed.service.js';
import type { CatalogVersion } from './catalog-version.js';

/**
 * Hears writes by other processes (another API process, an `ocop import`), so this process's
 * caches follow them within about a second:
 * - PostgreSQL: every write transaction notifies FEED_CHANNEL; a dedicated connection LISTENs.
 *   When it is lost, the caches are emptied and it reconnects with back-off (notifications sent
 *   meanwhile would otherwise be missed).
 * - SQLite: catalog_generation, a counter that triggers on the catalog's tables move with every
 *   write to them (not with bookkeeping: quote requests, token usage, webhooks), read each second.
 * Returns a function that stops listening.
 */
export function followWrites(
  db: DatabaseConfig,
  version: CatalogVersion,
  logger: Logger,
  intervalMs = 1000,
): () => void {
  if (db.dialect === 'postgresql' && db.url) return listenPostgres(db.url, version, logger);
  if (db.file && db.file !== ':memory:') return watchSqlite(db.file, version, intervalMs);
  return () => undefined;
}

function listenPostgres(url: string, version: CatalogVersion, logger: Logger): () => void {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5000 });
    const retry = (error?: unknown) => {
      if (stopped || client !== next) return;
      client = undefined;
      next.removeAllListeners();
      next.on('error', () => undefined);
      next.end().catch(() => undefined);
      // Whatever was notified while the connection was down is unknown: start afresh.
      version.bump();
      if (error) logger.warn({ err: safeError(error) }, 'lost the change-feed connection; reconnecting');
      timer = setTimeout(connect, delay);
      timer.unref();
      delay = Math.min(delay * 2, 10_000);
    };
    client = next;
    next.on('notification', () => version.bump());
    next.on('error', retry);
    next.on('end', () => retry());
    try {
      await next.connect();
      await next.query(`LISTEN ${FEED_CHANNEL}`);
      delay = 250;
      // Writes committed before LISTEN took effect were not heard.
      version.bump();
    } catch (error) {
      retry(error);
    }
  };
  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    const current = client;
    client = undefined;
    current?.removeAllListeners();
    current?.on('error', () => undefined);
    current?.end().catch(() => undefined);
  };
}

/**
 * Reads the catalog's write counter (migrations/sqlite/…CatalogGeneration.ts) on a connection of
 * its own, each `intervalMs`; this process's own writes move the version through the ORM first.
 */
function watchSqlite(file: string, version: CatalogVersion, intervalMs: number): () => void {
  let connection: Database.Database | undefined;
  let last: number | undefined;
  const check = () => {
    try {
      connection ??= new Database(file, { readonly: true });
      const row = connection.prepare('select n from catalog_generation where id = 1').get() as
        | { n: number }
        | undefined;
      const current = Number(row?.n);
      if (last !== undefined && current !== last) version.bump();
      last = current;
    } catch {
      // The file is unreachable for a moment: /readyz reports it; try again next time.
      connection?.close();
      connection = undefined;
    }
  };
  check();
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    connection?.close();
  };
}
