import type { SqlEntityManager } from '@mikro-orm/knex';
import { CACHE_TTL_MS, catalogVersion } from './catalog-version.js';

type Knex = ReturnType<SqlEntityManager['getKnex']>;
type QueryBuilder = ReturnType<Knex['queryBuilder']>;

interface Entry {
  version: number;
  expiresAt: number;
  rows: Promise<unknown[]>;
  /** Row count once known: the cache is bounded by rows as well as entries. */
  size: number;
}

interface Cache {
  entries: Map<string, Entry>;
  rows: number;
}

const MAX_ENTRIES = 2000;
/** A grouped count is a few dozen rows, a region facet at national scale a few thousand. */
const MAX_ROWS = 200_000;

/** Per database (ORM configuration): query key → rows. */
const caches = new WeakMap<object, Cache>();

function remove(cache: Cache, key: string): void {
  const entry = cache.entries.get(key);
  if (!entry) return;
  cache.rows -= entry.size;
  cache.entries.delete(key);
}

/**
 * Runs a read-only query, reusing the rows of an earlier query with the same key while the
 * catalog has not changed. Counting thousands of published products costs milliseconds of
 * SQLite or PostgreSQL time on every page, yet the answer only changes when someone writes:
 * every write through the ORM moves `catalogVersion`, which empties the cache for the next
 * request. The key must name everything the SQL depends on besides the database (the kind of
 * query, today's date, filter, search words, order, window); `build` runs only on a miss, so a
 * hit costs no SQL generation either.
 */
export function cachedRows<T>(em: SqlEntityManager, key: readonly unknown[], build: () => QueryBuilder): Promise<T[]> {
  let cache = caches.get(em.config);
  if (!cache) {
    cache = { entries: new Map(), rows: 0 };
    caches.set(em.config, cache);
  }
  const { entries } = cache;
  const text = JSON.stringify(key);
  const now = Date.now();
  const hit = entries.get(text);
  if (hit && hit.version === catalogVersion.current && hit.expiresAt > now) {
    entries.delete(text);
    entries.set(text, hit);
    return hit.rows as Promise<T[]>;
  }
  remove(cache, text);
  const rows = Promise.resolve(build().then((r: unknown) => r as unknown[]));
  const entry: Entry = { version: catalogVersion.current, expiresAt: now + CACHE_TTL_MS, rows, size: 0 };
  if (entries.size >= MAX_ENTRIES) remove(cache, entries.keys().next().value as string);
  entries.set(text, entry);
  const c = cache;
  rows.then(
    (list) => {
      if (entries.get(text) !== entry) return;
      entry.size = list.length;
      c.rows += list.length;
      while (c.rows > MAX_ROWS && entries.size > 1) remove(c, entries.keys().next().value as string);
    },
    () => {
      if (entries.get(text) === entry) remove(c, text);
    },
  );
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
