import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTokens } from '../text.js';
import { interpretQuery, type QueryInterpretation, SEARCH_COSTS } from './interpret.js';
import { CATALOG_TEXTS } from './search.fixture.js';
import { SearchVocabulary } from './vocabulary.js';

const vocabulary = SearchVocabulary.build(CATALOG_TEXTS);
/** The same catalog without its English names and categories: no "honey", no "coffee". */
const vietnameseOnly = SearchVocabulary.build(
  CATALOG_TEXTS.filter((t) => !/honey|coffee|pepper|squid|rice|crab|oil|homestay|sarong|Food|Beverages/u.test(t)),
);

const read = (query: string, options = {}) => interpretQuery(query, vocabulary, options);

/** Each term as "typed: kind word, kind word". */
function readings(q: QueryInterpretation): string[] {
  return q.terms.map(
    (t) => `${t.typed}${t.prefix ? '*' : ''}: ${t.alternatives.map((a) => `${a.kind} ${a.word}`).join(', ')}`,
  );
}

describe('interpretQuery: what is typed right', () => {
  it('reads catalog words as they are, and changes nothing', () => {
    const q = read('kho muc ');
    expect(readings(q)).toEqual(['kho: exact kho', 'muc: exact muc']);
    expect(q.best).toBe('kho muc');
    expect(q.didYouMean).toBeNull();
    expect(q.certificateNumber).toBeNull();
  });

  it('folds case, diacritics, đ and full-width forms', () => {
    for (const query of ['KHÔ MỰC', 'khô mực', 'Ｋｈô Ｍực', 'kho  MUC']) {
      expect(read(query, { typing: false }).best, query).toBe('kho muc');
    }
    expect(read('Hòn Đất', { typing: false }).best).toBe('hon dat');
    expect(read('hon dat', { typing: false }).didYouMean).toBeNull();
  });

  it('never corrects a word the catalog uses, alone or next to others', () => {
    const words = [...new Set(CATALOG_TEXTS.flatMap((t) => searchTokens(t)))];
    const word = fc.constantFrom(...words);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (ws, typing) => {
        const q = read(ws.join(' '), { typing });
        expect(q.didYouMean).toBeNull();
        for (const term of q.terms) {
          expect(term.alternatives.some((a) => a.kind === 'corrected' || a.kind === 'decoded')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads nothing into an empty query', () => {
    for (const query of ['', '   ', '—', '!!!']) {
      expect(read(query)).toEqual({ query, terms: [], best: '', didYouMean: null, certificateNumber: null });
    }
  });
});

describe('interpretQuery: typos', () => {
  it('corrects a longer word by one edit alone', () => {
    const q = read('banh phongg');
    expect(readings(q)).toEqual(['banh: exact banh', 'phongg*: corrected phong, unknown phongg']);
    expect(q.didYouMean).toBe('bánh phồng');
    expect(q.terms[1]?.alternatives[0]).toEqual({ word: 'phong', kind: 'corrected', cost: 1, edits: 1 });
    expect(read('thuongg').didYouMean).toBe('thượng');
  });

  it('reads a doubled last letter as a typo even where a word starting with it could follow', () => {
    // In a national catalog "phong" is followed by "Giang…" and "say" by "Yên…": while typing,
    // "phongg" and "sayy" must still be read as typos, not as "phong g…" and "say y…".
    const national = SearchVocabulary.build([...CATALOG_TEXTS, 'Phong Giang', 'Xoài sấy Yên Bái']);
    expect(interpretQuery('banh phongg', national).didYouMean).toBe('bánh phồng');
    expect(interpretQuery('xoai sayy', national).didYouMean).toBe('xoài sấy');
    expect(interpretQuery('xoai say ye', national).didYouMean).toBeNull();
  });

  it('corrects a short syllable only when it forms a catalog word pair with a neighbour', () => {
    expect(read('xoai sayy').didYouMean).toBe('xoài sấy');
    expect(read('kho mcu').didYouMean).toBe('khô mực');
    expect(read('xoai sya').didYouMean).toBe('xoài sấy');
    expect(read('mcu kho').didYouMean).toBe('mực khô'); // the pair on the right vouches too
    // No neighbour, or a neighbour it never follows: the typo is left alone.
    for (const query of ['mcu', 'sya', 'tieu mcu', 'mcu tieu']) {
      const q = read(query);
      expect(q.didYouMean, query).toBeNull();
      expect(q.terms.flatMap((t) => t.alternatives).some((a) => a.kind === 'corrected')).toBe(false);
    }
  });

  it('leaves a well-formed syllable the catalog lacks alone ("khoai" is not "khải")', () => {
    expect(read('khoai').didYouMean).toBeNull();
    expect(readings(read('khoai', { typing: false }))).toEqual(['khoai: unknown khoai']);
  });

  it('allows two edits from nine letters', () => {
    expect(read('melalueca', { typing: false }).didYouMean).toBe('melaleuca');
    expect(read('mellalueca', { typing: false }).terms[0]?.alternatives[0]).toMatchObject({
      word: 'melaleuca',
      kind: 'corrected',
      edits: 2,
      cost: 2,
    });
    expect(read('melalu', { typing: false }).didYouMean).toBeNull(); // 6 letters: one edit only
  });

  it('corrects "honney" to "honey", never to the Hòn places', () => {
    const q = read('honney');
    expect(q.didYouMean).toBe('honey');
    const words = q.terms.flatMap((t) => t.alternatives.map((a) => a.word));
    expect(words).toEqual(['honey', 'honney']);
    // Without English names there is nothing to correct it to: it stays as typed.
    const alone = interpretQuery('honney', vietnameseOnly);
    expect(readings(alone)).toEqual(['honney*: unknown honney']);
    expect(alone.didYouMean).toBeNull();
    expect(interpretQuery('honn', vietnameseOnly).didYouMean).toBeNull();
  });

  it('costs more the further a reading is from what was typed', () => {
    const [exact] = read('kho muc').terms;
    const [decoded] = read('khoo muc').terms;
    const [, corrected] = read('banh phongg').terms;
    expect(exact?.alternatives[0]?.cost).toBe(0);
    expect(decoded?.alternatives[0]?.cost).toBe(SEARCH_COSTS.decoded);
    expect(corrected?.alternatives[0]?.cost).toBe(SEARCH_COSTS.edit);
    expect(SEARCH_COSTS.decoded).toBeLessThan(SEARCH_COSTS.edit);
  });
});

describe('interpretQuery: keystrokes without an input method', () => {
  it('decodes Telex and VNI to catalog words', () => {
    expect(read('khoo muc').didYouMean).toBe('khô mực');
    expect(read('xoaif saays').didYouMean).toBe('xoài sấy');
    expect(read('xoafi sasy').didYouMean).toBe('xoài sấy'); // tone typed mid-syllable
    expect(read('duwaf').didYouMean).toBe('dừa');
    expect(read('keoj duwaf').didYouMean).toBe('kẹo dừa');
    expect(read('ddaats').didYouMean).toBe('đất');
    expect(read('xoa2i sa61y').didYouMean).toBe('xoài sấy');
    expect(read('d9a61t').didYouMean).toBe('đất');
    const [term] = read('duwaf').terms;
    expect(term?.alternatives[0]).toEqual({ word: 'dua', kind: 'decoded', cost: SEARCH_COSTS.decoded, written: 'dừa' });
  });

  it('writes decoded words with the tones the keys ask for, and keeps what the buyer wrote with diacritics', () => {
    // Where the catalog writes "dứa" (pineapple) more often than "dừa" (coconut), Telex for dừa is still dừa.
    const pineapples = SearchVocabulary.build([...CATALOG_TEXTS, 'Dứa mật', 'Mứt dứa', 'Nước ép dứa', 'Dứa sấy']);
    expect(interpretQuery('duwaf', pineapples).didYouMean).toBe('dừa');
    expect(interpretQuery('duwas', pineapples).didYouMean).toBe('dứa');
    expect(interpretQuery('du72a', pineapples).didYouMean).toBe('dừa');
    // Half-typed keys (no circumflex) are shown as the catalog writes the word.
    expect(read('xoafi sasy').didYouMean).toBe('xoài sấy');
    // A word typed with its diacritics is shown as typed, not in the catalog's usual form.
    expect(read('Tắc cậu khomm').didYouMean).toBe('tắc cậu khóm');
  });

  it('leaves English words alone unless the decoding is a catalog word', () => {
    expect(readings(read('coffee', { typing: false }))).toEqual(['coffee: exact coffee']);
    expect(readings(interpretQuery('coffee', vietnameseOnly, { typing: false }))).toEqual(['coffee: unknown coffee']);
    expect(readings(interpretQuery('books', vietnameseOnly, { typing: false }))).toEqual(['books: unknown books']);
    expect(read('gao st25').didYouMean).toBeNull();
  });
});

describe('interpretQuery: words typed together or apart', () => {
  it('splits words typed together into catalog word pairs', () => {
    const q = read('banhtrang');
    expect(readings(q)).toEqual(['banhtrang*: split banh trang, unknown banhtrang']);
    expect(q.best).toBe('banh trang');
    expect(q.didYouMean).toBe('bánh tráng');
    expect(read('xoaisay').didYouMean).toBe('xoài sấy');
    expect(read('banhtr').terms[0]?.alternatives[0]).toMatchObject({ word: 'banh tr', kind: 'split' });
    expect(read('banhtr').terms[0]?.completions).toContain('trang');
  });

  it('joins words typed apart that the catalog writes as one', () => {
    const q = read('home stay');
    expect(readings(q)).toEqual(['home stay*: joined homestay, unknown home stay']);
    expect(q.didYouMean).toBe('homestay');
    expect(read('lemon grass').didYouMean).toBe('lemongrass');
    expect(read('gao st 25').didYouMean).toBe('gạo st25');
    expect(read('home sta').terms[0]).toMatchObject({ prefix: true, typed: 'home sta' });
    // Two catalog words that the catalog writes side by side stay two words.
    expect(readings(read('banh phong', { typing: false }))).toEqual(['banh: exact banh', 'phong: exact phong']);
  });
});

describe('interpretQuery: search as you type', () => {
  it('matches the last word as a prefix and lists completions, likeliest first', () => {
    const q = read('kho m');
    expect(q.terms[1]).toMatchObject({ typed: 'm', prefix: true });
    expect(q.terms[1]?.alternatives).toEqual([{ word: 'm', kind: 'prefix', cost: 0 }]);
    expect(q.terms[1]?.completions[0]).toBe('muc');
    expect(q.didYouMean).toBeNull();
    expect(read('mat o').terms[1]?.completions).toContain('ong');
    expect(read('xoaif s').terms.map((t) => t.prefix)).toEqual([false, true]);
  });

  it('treats the last word as finished after a space or punctuation, or when told', () => {
    expect(read('kho m ').terms[1]?.prefix).toBe(false);
    expect(read('kho m.').terms[1]?.prefix).toBe(false);
    expect(read('kho m', { typing: false }).terms[1]?.prefix).toBe(false);
    expect(read('kho m ', { typing: true }).terms[1]?.prefix).toBe(true);
  });

  it('does not correct a word that may still be typed to a longer one', () => {
    expect(readings(read('hone'))).toEqual(['hone*: prefix hone']);
    expect(read('hone', { typing: false }).didYouMean).toBeNull();
  });
});

describe('interpretQuery: certificate numbers', () => {
  it('recognises a certificate number so the caller can send the buyer to verification', () => {
    for (const query of ['KG-OCOP-2024-0012', 'kg ocop 2024 0012', 'ＫＧ－ＯＣＯＰ－２０２４－００１２']) {
      const q = read(query);
      expect(q.certificateNumber, query).toBe('KG-OCOP-2024-0012');
      expect(q.terms).toEqual([]);
      expect(q.didYouMean).toBeNull();
    }
    expect(read('Số KG-OCOP-2024-0012').terms.map((t) => t.typed)).toEqual(['so']);
  });

  it('leaves ordinary queries with numbers alone', () => {
    for (const query of ['gao st25', 'nuoc mam 38 do dam', 'tieu den 2024 500']) {
      expect(read(query).certificateNumber, query).toBeNull();
    }
  });
});

describe('interpretQuery: any input', () => {
  it('never throws, bounds its work and always offers a reading per term', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.option(fc.boolean(), { nil: undefined }), (query, typing) => {
        const q = interpretQuery(query, vocabulary, typing === undefined ? {} : { typing });
        expect(q.terms.length).toBeLessThanOrEqual(12);
        for (const term of q.terms) {
          expect(term.alternatives.length).toBeGreaterThan(0);
          const unknown = term.alternatives.findIndex((a) => a.kind === 'unknown');
          if (unknown >= 0) expect(unknown).toBe(term.alternatives.length - 1);
          for (const a of term.alternatives) expect(a.word).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
        }
      }),
      { numRuns: 300 },
    );
    expect(interpretQuery('banh '.repeat(500), vocabulary).terms).toHaveLength(12);
  });
});
