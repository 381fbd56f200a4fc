import { LRUCache } from 'lru-cache';
import { type CatalogVersion, catalogVersion } from './catalog-version.js';

/**
 * The server's caches, in one place, with one freshness rule: a value read from the database is
 * reused until the catalog version moves (a write anywhere, as the change feed reports it; see
 * catalog-version.ts), then every cache is emptied at once. No timer decides: a withdrawn
 * certificate is never served from a cache after the write that withdrew it has been seen.
 *
 * Each cache is an LRU (lru-cache) bounded by entries and, where values vary in size, by a size
 * budget, so the server stays within its heap ceiling (server-args.ts). A value computed while
 * the version moved is handed to its caller but not kept: it may hold data from before the change.
 */
export interface CacheLimits<V> {
  /** Most entries kept. */
  max: number;
  /** Largest total size kept, with `sizeOf` (bytes, rows…). */
  maxSize?: number;
  sizeOf?: (value: V) => number;
}

export class CatalogCache<K extends {}, V extends {}> {
  private readonly lru: LRUCache<K, V>;
  private readonly stop: () => void;

  constructor(
    readonly name: string,
    limits: CacheLimits<V>,
    private readonly version: CatalogVersion = catalogVersion,
  ) {
    this.lru = new LRUCache<K, V>({
      max: limits.max,
      ...(limits.maxSize && limits.sizeOf
        ? {
            maxSize: limits.maxSize,
            // A computation still running is kept as its promise, counted as 1 until it settles.
            sizeCalculation: (value: V) => (value instanceof Promise ? 1 : Math.max(1, limits.sizeOf?.(value) ?? 1)),
          }
        : {}),
    });
    this.stop = version.onChange(() => this.lru.clear());
  }

  get size(): number {
    return this.lru.size;
  }

  get(key: K): V | undefined {
    return this.lru.get(key);
  }

  /** Keeps `value`, read when the version was `readAt`, unless the version has moved since. */
  set(key: K, value: V, readAt: number = this.version.current): void {
    if (readAt !== this.version.current) return;
    // A value larger than the whole budget is not kept (lru-cache would refuse it anyway).
    this.lru.set(key, value);
  }

  delete(key: K): void {
    this.lru.delete(key);
  }

  /**
   * The value for `key`, computed by `compute` on a miss. Concurrent misses share one
   * computation: the promise itself is kept while it runs (and dropped if it fails), so a burst
   * of identical requests costs one query.
   */
  remember(key: K, compute: () => Promise<V>): Promise<V> {
    const hit = this.lru.get(key);
    if (hit !== undefined) return hit instanceof Promise ? hit : Promise.resolve(hit);
    const readAt = this.version.current;
    const pending = compute();
    this.set(key, pending as unknown as V, readAt);
    pending.then(
      (value) => {
        // Replace the promise by its value (sized properly), if it is still the entry.
        if (this.lru.peek(key) === (pending as unknown as V)) this.set(key, value, readAt);
      },
      () => {
        if (this.lru.peek(key) === (pending as unknown as V)) this.lru.delete(key);
      },
    );
    return pending;
  }

  clear(): void {
    this.lru.clear();
  }

  /** Stops following the version (tests). */
  dispose(): void {
    this.stop();
    this.lru.clear();
  }
}

/**
 * Caches kept per database: tests and tools run several ORMs in one process, and rows of one
 * database must never answer for another. Keyed on the ORM's configuration object.
 */
export function perDatabase<T>(make: () => T): (em: { config: object }) => T {
  const byConfig = new WeakMap<object, T>();
  return (em) => {
    let value = byConfig.get(em.config);
    if (value === undefined) {
      value = make();
      byConfig.set(em.config, value);
    }
    return value;
  };
}
