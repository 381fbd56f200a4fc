import type { SqlEntityManager } from '@mikro-orm/knex';
import { CatalogCache, perDatabase } from './catalog-cache.js';

type Knex = ReturnType<SqlEntityManager['getKnex']>;
type QueryBuilder = ReturnType<Knex['queryBuilder']>;

/** A grouped count is a few dozen rows, a region facet at national scale a few thousand. */
const queries = perDatabase(
  () =>
    new CatalogCache<string, unknown[]>('query results', {
      max: 2000,
      maxSize: 200_000,
      sizeOf: (rows) => rows.length,
    }),
);

/**
 * Runs a read-only query, reusing the rows of an earlier query with the same key until the
 * catalog changes (catalog-cache.ts). Counting thousands of published products costs
 * milliseconds of SQLite or PostgreSQL time on every page, yet the answer only changes when
 * someone writes. The key must name everything the SQL depends on besides the database (the
 * kind of query, today's date, filter, search words, order, window); `build` runs only on a
 * miss, so a hit costs no SQL generation either.
 */
export function cachedRows<T>(em: SqlEntityManager, key: readonly unknown[], build: () => QueryBuilder): Promise<T[]> {
  return queries(em).remember(JSON.stringify(key), () =>
    Promise.resolve(build().then((rows: unknown) => rows as unknown[])),
  ) as Promise<T[]>;
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
