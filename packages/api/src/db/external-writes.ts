import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { CatalogVersion } from './catalog-version.js';
import type { Orm } from './orm.js';

/**
 * Writes by another process (an `ocop import` while the server runs) do not pass through this
 * process's ORM, so they do not move the catalog version. On SQLite, `pragma data_version`
 * changes whenever another connection commits: read every `intervalMs`, it moves the version,
 * and such writes show within about a second instead of when the caches expire (60 s).
 * PostgreSQL has no such cheap signal; there the expiry bounds staleness. Returns a stop function.
 */
export function watchExternalWrites(orm: Orm, version: CatalogVersion, intervalMs = 1000): () => void {
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  let last: number | undefined;
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const rows = await connection.execute<{ data_version: number }[]>('pragma data_version');
      const current = Number(rows[0]?.data_version);
      if (last !== undefined && current !== last) version.bump();
      last = current;
    } catch {
      // The database is unreachable for a moment: /readyz reports it; try again next time.
    } finally {
      busy = false;
    }
  };
  void check();
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
