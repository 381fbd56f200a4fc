import type { SqlEntityManager } from '@mikro-orm/knex';
import { CatalogCache, perDatabase } from './catalog-cache.js';
import { catalogVersion } from './catalog-version.js';

/** Rows kept per kind and database; a few MB for a national catalog's most-read products. */
const MAX_CACHED_ROWS = 5_000;

/**
 * Rows by key, shared by all requests until the catalog changes (catalog-cache.ts): a mutation,
 * an import or the day turn empties it for the next request, in this process and, through the
 * change feed, in every other. Absent rows are remembered too.
 */
export class RowCache<T> {
  private readonly caches: (em: { config: object }) => CatalogCache<string, { row: T | null }>;

  constructor(name: string, maxRows = MAX_CACHED_ROWS) {
    this.caches = perDatabase(() => new CatalogCache<string, { row: T | null }>(name, { max: maxRows }));
  }

  /** Keeps `row`, read when the catalog version was `readAt`, as another query's by-product. */
  prime(em: Pick<SqlEntityManager, 'config'>, key: string, row: T, readAt: number): void {
    this.caches(em).set(key, { row }, readAt);
  }

  /** The rows for `keys`, in their order; `load` reads those not kept. */
  async many(
    em: Pick<SqlEntityManager, 'config'>,
    keys: readonly string[],
    load: (missing: string[]) => Promise<Map<string, T>>,
  ): Promise<(T | undefined)[]> {
    const cache = this.caches(em);
    // Answers are collected here, not re-read from the cache: storing new rows may evict rows
    // this same call found there.
    const found = new Map<string, T | null>();
    const missing: string[] = [];
    for (const key of keys) {
      const kept = cache.get(key);
      if (kept === undefined) missing.push(key);
      else found.set(key, kept.row);
    }
    if (missing.length > 0) {
      const readAt = catalogVersion.current;
      const loaded = await load(missing);
      for (const key of missing) {
        const row = loaded.get(key) ?? null;
        found.set(key, row);
        // Rows read while the catalog changed may be stale: they serve this request only.
        cache.set(key, { row }, readAt);
      }
    }
    return keys.map((key) => found.get(key) ?? undefined);
  }
}
