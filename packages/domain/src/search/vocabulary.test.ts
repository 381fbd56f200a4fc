import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTokens } from '../text.js';
import { CATALOG_TEXTS } from './search.fixture.js';
import { SearchVocabulary, type SearchVocabularyJson } from './vocabulary.js';

const vocabulary = SearchVocabulary.build(CATALOG_TEXTS);

describe('SearchVocabulary.build', () => {
  it('holds every folded word of the texts with its count', () => {
    for (const text of CATALOG_TEXTS)
      for (const word of searchTokens(text)) expect(vocabulary.has(word), word).toBe(true);
    expect(vocabulary.has('khô')).toBe(false); // words are folded
    expect(vocabulary.count('hon')).toBe(9);
    expect(vocabulary.count('honey')).toBe(2);
    expect(vocabulary.count('banana')).toBe(0);
  });

  it('remembers the usual written form of each word', () => {
    expect(vocabulary.display('kho')).toBe('khô');
    expect(vocabulary.display('muc')).toBe('mực');
    expect(vocabulary.display('dua')).toBe('dừa');
    expect(vocabulary.display('st25')).toBe('st25');
    expect(vocabulary.display('honey')).toBe('honey');
    expect(vocabulary.display('unknown')).toBe('unknown');
  });

  it('records the word pairs of a text, not across punctuation or texts', () => {
    expect(vocabulary.hasPair('kho', 'muc')).toBe(true);
    expect(vocabulary.hasPair('muc', 'kho')).toBe(true); // "Mực khô Thổ Châu"
    expect(vocabulary.hasPair('xoai', 'say')).toBe(true);
    expect(vocabulary.hasPair('say', 'xoai')).toBe(false);
    expect(vocabulary.hasPair('sauce', '38')).toBe(false); // "fish sauce, 38°"
    expect(vocabulary.hasPair('dam', 'khai')).toBe(false); // end of one text, start of the next
    expect(vocabulary.hasPair('rose', 'myrtle')).toBe(true); // a hyphen joins
    expect(vocabulary.hasPairStartingWith('kho', 'm')).toBe(true);
    expect(vocabulary.hasPairStartingWith('kho', 'x')).toBe(false);
  });

  it('ignores empty texts and non-strings', () => {
    const v = SearchVocabulary.build(['', '  ', 'Khô', null as unknown as string]);
    expect(v.size).toBe(1);
    expect(SearchVocabulary.build([]).size).toBe(0);
  });

  it('is the same built one text at a time, in any order (the server adds texts as it reads them)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...CATALOG_TEXTS], { minLength: 0 }), (texts) => {
        const builder = SearchVocabulary.builder();
        for (const text of texts) builder.add(text);
        expect(JSON.stringify(builder.finish())).toBe(JSON.stringify(SearchVocabulary.build([...texts].reverse())));
      }),
      { numRuns: 50 },
    );
  });

  it('folds written forms the way searchTokens does, for any Vietnamese text', () => {
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩị0123456789'];
    const text = fc
      .array(fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase()), ' ', ' ', ',', '-', '°', '\u00a0'), {
        maxLength: 40,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (texts) => {
        const v = SearchVocabulary.build(texts);
        const words = new Set(texts.flatMap((t) => searchTokens(t)));
        expect(v.size).toBe(words.size);
        for (const w of words) {
          expect(v.has(w)).toBe(true);
          expect(searchTokens(v.display(w))).toEqual([w]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('SearchVocabulary JSON', () => {
  it('round-trips through compact JSON', () => {
    const json = JSON.stringify(vocabulary);
    const back = SearchVocabulary.fromJSON(json);
    expect(JSON.stringify(back)).toBe(json);
    expect(back.size).toBe(vocabulary.size);
    expect(back.pairCount).toBe(vocabulary.pairCount);
    expect(back.display('muc')).toBe('mực');
    expect(back.hasPair('kho', 'muc')).toBe(true);
    expect(SearchVocabulary.fromJSON(vocabulary.toJSON()).count('hon')).toBe(9);
  });

  it('round-trips any vocabulary', () => {
    const words = fc.array(fc.constantFrom('kho', 'mực', 'Bánh', 'tráng', 'honey', 'ST25', 'đất', 'a'), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(words, { maxLength: 6 }), (lists) => {
        const v = SearchVocabulary.build(lists.map((l) => l.join(' ')));
        const back = SearchVocabulary.fromJSON(JSON.stringify(v));
        expect(back.toJSON()).toEqual(v.toJSON());
        for (const l of lists) {
          const folded = l.flatMap((w) => searchTokens(w));
          for (let i = 1; i < folded.length; i++) expect(back.hasPair(folded[i - 1] ?? '', folded[i] ?? '')).toBe(true);
        }
      }),
    );
  });

  it('refuses what is not a vocabulary, saying what to do', () => {
    const good = vocabulary.toJSON();
    const bad: unknown[] = [
      null,
      {},
      { ...good, version: 2 },
      { ...good, counts: good.counts.slice(1) },
      { ...good, counts: [-1, ...good.counts.slice(1)] },
      { ...good, words: good.words.split(' ').reverse().join(' ') },
      { ...good, pairs: [0, 1, good.counts.length + 5] },
      { ...good, pairs: [0, 3, 1] },
    ];
    for (const json of bad) {
      expect(() => SearchVocabulary.fromJSON(json as SearchVocabularyJson)).toThrow(/rebuild|version 1/);
    }
    expect(() => SearchVocabulary.fromJSON('{"version":1')).toThrow(SyntaxError);
  });
});

describe('SearchVocabulary lookups', () => {
  it('completes a prefix, words that follow the previous word first', () => {
    expect(vocabulary.completions('m', 3, 'kho')[0]).toBe('muc');
    expect(vocabulary.completions('hon', 5)).toEqual(['honey']);
    expect(vocabulary.completions('zz', 5)).toEqual([]);
    expect(vocabulary.completions('', 5)).toEqual([]);
    expect(vocabulary.hasLongerWord('hon')).toBe(true);
    expect(vocabulary.hasLongerWord('honey')).toBe(false);
    expect(vocabulary.hasLongerWord('')).toBe(false);
  });

  it('finds words within one or two edits, nearest and most frequent first', () => {
    expect(vocabulary.similar('mcu', 1).map((s) => s.word)).toContain('muc');
    expect(vocabulary.similar('honney', 1)).toEqual([{ word: 'honey', edits: 1 }]);
    expect(vocabulary.similar('muc', 1).map((s) => s.word)).not.toContain('muc');
    expect(vocabulary.similar('melalueca', 1)).toEqual([{ word: 'melaleuca', edits: 1 }]);
    expect(vocabulary.similar('mellalueca', 2)).toEqual([{ word: 'melaleuca', edits: 2 }]);
    // Words with digits are never offered as corrections.
    expect(vocabulary.similar('st26', 1)).toEqual([]);
    for (const s of vocabulary.similar('kho', 1)) expect(s.edits).toBe(1);
  });

  it('cuts words typed together into words that follow each other in the catalog', () => {
    expect(vocabulary.segment('banhtrang')).toEqual(['banh', 'trang']);
    expect(vocabulary.segment('khomuc')).toEqual(['kho', 'muc']);
    expect(vocabulary.segment('mathongrung')).toBeNull();
    expect(vocabulary.segment('trangbanh')).toBeNull(); // the catalog never writes "tráng bánh"
    expect(vocabulary.segment('banhtr')).toBeNull();
    expect(vocabulary.segment('banhtr', true)).toEqual(['banh', 'tr']);
    expect(vocabulary.segment('banh')).toBeNull();
    // A doubled last letter is a typo, not a word begun: "phong" is followed by "giang" here.
    const withGiang = SearchVocabulary.build(['Bánh phồng Giang Thành', 'Phong Giang']);
    expect(withGiang.segment('phongg', true)).toBeNull();
    expect(withGiang.segment('phonggi', true)).toEqual(['phong', 'gi']);
  });
});
