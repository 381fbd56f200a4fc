import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauDistance, withOneDeletion } from './edits.js';

/** Optimal string alignment distance, written as its textbook recursion (slow, for small strings). */
function reference(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let r: number;
    if (i === 0) r = j;
    else if (j === 0) r = i;
    else {
      r = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) r = Math.min(r, d(i - 2, j - 2) + 1);
    }
    memo.set(key, r);
    return r;
  };
  return d(a.length, b.length);
}

const word = fc.string({ unit: fc.constantFrom(...'abcdmnou'), maxLength: 8 });

describe('damerauDistance', () => {
  it('counts a swap of adjacent letters as one edit', () => {
    expect(damerauDistance('mcu', 'muc')).toBe(1);
    expect(damerauDistance('sya', 'say')).toBe(1);
    expect(damerauDistance('phongg', 'phong')).toBe(1);
    expect(damerauDistance('honney', 'honey')).toBe(1);
    expect(damerauDistance('honney', 'hon')).toBe(3);
    expect(damerauDistance('', 'abc')).toBe(3);
    expect(damerauDistance('kho', 'kho')).toBe(0);
  });

  it('agrees with the textbook recursion, and caps at max + 1', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const d = reference(a, b);
        expect(damerauDistance(a, b)).toBe(d);
        expect(damerauDistance(b, a)).toBe(d);
        expect(damerauDistance(a, b, max)).toBe(Math.min(d, max + 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('withOneDeletion', () => {
  it('lists the word and each one-letter deletion once', () => {
    expect(withOneDeletion('muc').sort()).toEqual(['mc', 'mu', 'muc', 'uc']);
    expect(withOneDeletion('aa').sort()).toEqual(['a', 'aa']);
    expect(withOneDeletion('')).toEqual(['']);
  });
});
