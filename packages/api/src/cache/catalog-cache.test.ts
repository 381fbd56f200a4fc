import { describe, expect, it } from 'vitest';
import { CatalogCache, perDatabase } from './catalog-cache.js';
import { CatalogVersion } from './catalog-version.js';

describe('CatalogCache', () => {
  it('keeps a value until the catalog version moves, then forgets everything', () => {
    const version = new CatalogVersion();
    const cache = new CatalogCache<string, string>('test', { max: 10 }, version);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A');
    version.bump();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not keep a value read before the version moved', () => {
    const version = new CatalogVersion();
    const cache = new CatalogCache<string, string>('test', { max: 10 }, version);
    const readAt = version.current;
    version.bump();
    cache.set('stale', 'old data', readAt);
    expect(cache.get('stale')).toBeUndefined();
  });

  it('shares one computation between concurrent misses, and keeps its result', async () => {
    const version = new CatalogVersion();
    const cache = new CatalogCache<string, number[]>('test', { max: 10 }, version);
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return [1, 2, 3];
    };
    const [a, b] = await Promise.all([cache.remember('k', compute), cache.remember('k', compute)]);
    expect(a).toEqual([1, 2, 3]);
    expect(b).toBe(a);
    expect(await cache.remember('k', compute)).toBe(a);
    expect(runs).toBe(1);
  });

  it('does not keep a computation the version moved under, nor one that failed', async () => {
    const version = new CatalogVersion();
    const cache = new CatalogCache<string, string>('test', { max: 10 }, version);
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return `value ${runs}`;
    };
    const pending = cache.remember('k', slow);
    version.bump();
    expect(await pending).toBe('value 1');
    expect(await cache.remember('k', slow)).toBe('value 2');
    await expect(cache.remember('bad', () => Promise.reject(new Error('database down')))).rejects.toThrow();
    expect(cache.get('bad')).toBeUndefined();
  });

  it('stays within its size budget, evicting the least recently used', () => {
    const version = new CatalogVersion();
    const cache = new CatalogCache<string, number[]>(
      'test',
      { max: 100, maxSize: 10, sizeOf: (rows) => rows.length },
      version,
    );
    cache.set('a', [1, 2, 3, 4]);
    cache.set('b', [1, 2, 3, 4]);
    cache.get('a');
    cache.set('c', [1, 2, 3, 4]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('keeps one set of caches per database', () => {
    const caches = perDatabase(() => new Map<string, string>());
    const one = { config: {} };
    const two = { config: {} };
    caches(one).set('k', 'one');
    expect(caches(two).get('k')).toBeUndefined();
    expect(caches(one).get('k')).toBe('one');
  });
});
