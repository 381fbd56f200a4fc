import { describe, expect, it } from 'vitest';
import { RowCache } from './row-cache.js';
import { catalogVersion } from './catalog-version.js';

describe('RowCache', () => {
  const em = { config: {} } as never;
  const loadAll = (reads: string[][]) => async (missing: string[]) => {
    reads.push(missing);
    return new Map(missing.map((key) => [key, `row ${key}`]));
  };

  it('reads only what it does not keep, and answers in the order asked', async () => {
    const cache = new RowCache<string>('test rows', 10);
    const reads: string[][] = [];
    expect(await cache.many(em, ['1', '2'], loadAll(reads))).toEqual(['row 1', 'row 2']);
    expect(await cache.many(em, ['3', '2', '1'], loadAll(reads))).toEqual(['row 3', 'row 2', 'row 1']);
    expect(reads).toEqual([['1', '2'], ['3']]);
  });

  it('remembers absent rows, and forgets everything when the catalog changes', async () => {
    const cache = new RowCache<string>('test rows', 10);
    const reads: string[][] = [];
    const none = async (missing: string[]) => {
      reads.push(missing);
      return new Map<string, string>();
    };
    expect(await cache.many(em, ['9'], none)).toEqual([undefined]);
    expect(await cache.many(em, ['9'], none)).toEqual([undefined]);
    expect(reads).toEqual([['9']]);
    catalogVersion.bump();
    await cache.many(em, ['9'], none);
    expect(reads).toEqual([['9'], ['9']]);
  });

  it('answers every key even when new rows evict ones found in the same call', async () => {
    const cache = new RowCache<string>('test rows', 3);
    const reads: string[][] = [];
    await cache.many(em, ['a', 'b', 'c'], loadAll(reads));
    // 'a' is kept; reading d, e, f evicts a, b and c while this call still needs 'a'.
    expect(await cache.many(em, ['a', 'd', 'e', 'f'], loadAll(reads))).toEqual(['row a', 'row d', 'row e', 'row f']);
  });
});
