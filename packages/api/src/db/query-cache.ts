import type { SqlEntityManager } from '@mikro-orm/knex';
import { catalogVersion } from './catalog-version.js';

type Knex = ReturnType<SqlEntityManager['getKnex']>;
type QueryBuilder = ReturnType<Knex['queryBuilder']>;

interface Entry {
  version: number;
  expiresAt: number;
  rows: Promise<unknown[]>;
}

const MAX_ENTRIES = 1000;
/** Bounds staleness for writes made by another process (e.g. a CLI import while the server runs). */
const TTL_MS = 60_000;

/** Per database (ORM configuration): SQL text + bindings → rows. */
const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * Runs a read-only query, reusing the rows of an identical earlier query while the catalog
 * has not changed. Counting thousands of published products costs milliseconds of SQLite or
 * PostgreSQL time on every page, yet the answer only changes when someone writes: every write
 * through the ORM moves `catalogVersion`, which empties the cache for the next request.
 * The query must depend only on the database and its bindings (today's date is a binding).
 */
export function cachedRows<T>(em: SqlEntityManager, qb: QueryBuilder): Promise<T[]> {
  let cache = caches.get(em.config);
  if (!cache) {
    cache = new Map();
    caches.set(em.config, cache);
  }
  const { sql, bindings } = qb.toSQL();
  const key = `${sql}\u0000${JSON.stringify(bindings)}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.version === catalogVersion.current && hit.expiresAt > now) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.rows as Promise<T[]>;
  }
  const rows = Promise.resolve(qb.then((r: unknown) => r as unknown[]));
  const entry: Entry = { version: catalogVersion.current, expiresAt: now + TTL_MS, rows };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, entry);
  rows.catch(() => cache.delete(key));
  return rows as Promise<T[]>;
}

const derivedValues = new WeakMap<object, Map<string, unknown>>();

/**
 * A value computed from an object that does not change (rows from {@link cachedRows}, a map built
 * from them), computed once per object: cached rows are shared by every request until the
 * catalog changes, so what is derived from them can be too. `name` tells derivations apart.
 */
export function derivedFrom<T>(source: object, name: string, compute: () => T): T {
  let values = derivedValues.get(source);
  if (!values) {
    values = new Map();
    derivedValues.set(source, values);
  }
  if (values.has(name)) return values.get(name) as T;
  const value = compute();
  values.set(name, value);
  return value;
}
