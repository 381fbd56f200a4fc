import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, searchTokens, slugify, vietnameseSortKey } from './text.js';

const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const CONSONANTS = [...'bcdđghklmnpqrstvx', 'f', 'j', 'w', 'z'];
/** Every lowercase Vietnamese letter with every tone, precomposed (NFC). */
const LOWER_LETTERS = [...CONSONANTS, ...VOWELS.flatMap((v) => TONE_MARKS.map((t) => (v + t).normalize('NFC')))];
const LETTERS = [...LOWER_LETTERS, ...LOWER_LETTERS.map((l) => l.toUpperCase())];

const textOf = (...chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((a) => a.join(''));
/** Vietnamese letters with ASCII digits, spaces and punctuation. */
const vietnameseAsciiText = textOf(...LETTERS, ...'0123456789', ' ', ' ', ',', '.', '-', '(', ')', '/');
/** Text as people write product names, including symbols such as '°' and non-breaking spaces. */
const vietnameseText = textOf(...LETTERS, ...'0123456789', ' ', ' ', ',', '.', '-', '(', ')', '°', '/', '\u00a0');

/** Any Unicode text, including astral characters, combining marks and odd spaces. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  vietnameseText,
);

/** The decorations of each ASCII letter a Vietnamese writer might use (case, tones, đ). */
function variantsOf(base: string): string[] {
  const vowels: Record<string, string[]> = {
    a: ['a', 'ă', 'â'],
    e: ['e', 'ê'],
    o: ['o', 'ô', 'ơ'],
    u: ['u', 'ư'],
    i: ['i'],
    y: ['y'],
  };
  const letters = base === 'd' ? ['d', 'đ'] : (vowels[base] ?? [base]);
  const toned = letters.flatMap((l) => (vowels[base] ? TONE_MARKS.map((t) => (l + t).normalize('NFC')) : [l]));
  return [...toned, ...toned.map((l) => l.toUpperCase())];
}

describe('foldVietnamese', () => {
  it('folds what buyers leave out when typing', () => {
    expect(foldVietnamese('Nước mắm')).toBe('nuoc mam');
    expect(foldVietnamese('Tiêu đen')).toBe('tieu den');
    expect(foldVietnamese('  ĐẶC   SẢN\tPhú Quốc\n')).toBe('dac san phu quoc');
    expect(foldVietnamese('Mật ong rừng U Minh Thượng')).toBe('mat ong rung u minh thuong');
    expect(foldVietnamese('Khải Hoàn 38° đạm')).toBe('khai hoan 38° dam');
  });

  it('folds decomposed input, compatibility forms and the Ð look-alike', () => {
    expect(foldVietnamese('Nước mắm'.normalize('NFD'))).toBe('nuoc mam');
    expect(foldVietnamese('ＰＨÚ\u00a0QUỐC')).toBe('phu quoc');
    expect(foldVietnamese('ÐỒNG THÁP')).toBe('dong thap');
  });

  it('is idempotent and leaves no combining mark and no đ', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = foldVietnamese(text);
        expect(foldVietnamese(folded)).toBe(folded);
        expect(folded).not.toMatch(/\p{M}|[đĐ]/u);
        expect(folded).toBe(folded.trim());
        expect(folded).not.toMatch(/\s\s/u);
      }),
      { numRuns: 500 },
    );
  });

  it('turns Vietnamese text into ASCII', () => {
    fc.assert(
      fc.property(vietnameseAsciiText, (text) => {
        expect(foldVietnamese(text)).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });

  it('gives the same result for texts differing only by case and diacritics', () => {
    const plain = fc.array(fc.constantFrom(...'abcdeghiklmnopqrstuvxy0123 '), { maxLength: 25 });
    fc.assert(
      fc.property(plain, fc.gen(), (chars, gen) => {
        const base = chars.join('');
        const decorated = chars.map((c) => gen(fc.constantFrom, ...variantsOf(c))).join('');
        expect(foldVietnamese(decorated)).toBe(foldVietnamese(base));
      }),
    );
  });
});

describe('searchTokens', () => {
  it('splits folded text into ASCII words', () => {
    expect(searchTokens('Nước mắm Khải Hoàn 38° đạm')).toEqual(['nuoc', 'mam', 'khai', 'hoan', '38', 'dam']);
    expect(searchTokens('Tiêu xanh (muối), Phú Quốc')).toEqual(['tieu', 'xanh', 'muoi', 'phu', 'quoc']);
    expect(searchTokens(' -- ')).toEqual([]);
  });

  it('yields only non-empty [a-z0-9] words', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of searchTokens(text)) expect(token).toMatch(/^[a-z0-9]+$/);
      }),
    );
  });
});

describe('slugify', () => {
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  it('makes readable URL slugs', () => {
    expect(slugify('Nước mắm Khải Hoàn 38° đạm')).toBe('nuoc-mam-khai-hoan-38-dam');
    expect(slugify('  Hợp tác xã Phụ nữ Phú Mỹ — túi cỏ bàng!  ')).toBe('hop-tac-xa-phu-nu-phu-my-tui-co-bang');
    expect(slugify('Tiêu xanh, muối (Phú Quốc)')).toBe('tieu-xanh-muoi-phu-quoc');
    expect(slugify('!!!')).toBe('');
  });

  it('cuts at a word boundary within maxLength', () => {
    expect(slugify('Nước mắm Khải Hoàn', 12)).toBe('nuoc-mam');
    expect(slugify('Nước mắm Khải Hoàn', 13)).toBe('nuoc-mam-khai');
    expect(slugify('Nước mắm Khải Hoàn', 8)).toBe('nuoc-mam');
    expect(slugify('Supercalifragilistic', 5)).toBe('super');
    expect(() => slugify('x', 0)).toThrow(RangeError);
  });

  it('falls back to code points for names in other scripts', () => {
    expect(slugify('ស្រា')).toMatch(SLUG);
    expect(slugify('茶')).toBe('u8336');
  });

  it('is a well-formed, idempotent slug within the length limit', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 40 }), (text, max) => {
        const slug = slugify(text, max);
        if (slug !== '') expect(slug).toMatch(SLUG);
        expect(slug.length).toBeLessThanOrEqual(max);
        expect(slugify(slug, max)).toBe(slug);
        expect(slugify(text).startsWith(slug)).toBe(true);
        if (/[\p{L}\p{N}]/u.test(text)) expect(slug).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});

describe('vietnameseSortKey and compareVietnamese', () => {
  it('sort real names in Vietnamese dictionary order', () => {
    const sorted = [
      '3 sao',
      '38 độ đạm',
      'An Giang',
      'Anh Duyệt',
      'Ăn liền',
      'Bánh pía',
      'Bánh tráng',
      'Cá khô',
      'Chả cá',
      'Cỏ bàng',
      'Dừa sáp',
      'Đường thốt nốt',
      'Gạo',
      'Hạt điều',
      'Hồ tiêu',
      'Kim Hoa',
      'Mắm cá',
      'Mật ong rừng U Minh Thượng',
      'Muối tiêu',
      'Ngô Hoàng Vũ',
      'Nước mắm Khải Hoàn',
      'Nước mắm Kim Hoa',
      'Ốc',
      'Ớt',
      'Sá sùng',
      'Tiêu đen',
      'Tiêu đỏ',
      'Tiêu sọ',
      'Tỏi',
      'U Minh',
      'Ươi',
      'Xoài',
      'Yến sào',
    ];
    const shuffled = [...sorted].reverse();
    shuffled.push(...shuffled.splice(0, 7));
    expect(shuffled.sort(compareVietnamese)).toEqual(sorted);
  });

  it('orders tones as a secondary difference', () => {
    const sorted = ['ma', 'mà', 'mả', 'mã', 'má', 'mạ', 'mác', 'mạc', 'mách', 'mai'];
    expect([...sorted].reverse().sort(compareVietnamese)).toEqual(sorted);
    expect(compareVietnamese('Ma cà rồng', 'Má con')).toBeLessThan(0);
  });

  it('places đ after d and ă after a', () => {
    expect(compareVietnamese('Dừa', 'Đường')).toBeLessThan(0);
    expect(compareVietnamese('Đường', 'Gạo')).toBeLessThan(0);
    expect(compareVietnamese('Anh', 'Ăn')).toBeLessThan(0);
  });

  it('ignores case, normalisation form, punctuation and tone placement', () => {
    expect(vietnameseSortKey('ĐƯỜNG')).toBe(vietnameseSortKey('đường'));
    expect(vietnameseSortKey('Nước mắm'.normalize('NFD'))).toBe(vietnameseSortKey('Nước mắm'));
    expect(vietnameseSortKey('hoà')).toBe(vietnameseSortKey('hòa'));
    expect(vietnameseSortKey('Thuỷ')).toBe(vietnameseSortKey('Thủy'));
    expect(vietnameseSortKey('Tiêu - muối')).toBe(vietnameseSortKey('Tiêu muối'));
  });

  it('uses only characters that every database orders by code point', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const [primary, secondary, ...rest] = vietnameseSortKey(text).split('\u0001');
        expect(primary).toMatch(/^[\x21-\x7e]*$/);
        expect(secondary).toMatch(/^[0-5]*$/);
        expect(rest).toEqual([]);
      }),
    );
  });

  it('is a total order consistent with compareVietnamese', () => {
    const byKey = (a: string, b: string) => {
      const ka = vietnameseSortKey(a);
      const kb = vietnameseSortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
    fc.assert(
      fc.property(anyText, anyText, anyText, (a, b, c) => {
        expect(compareVietnamese(a, b)).toBe(byKey(a, b));
        expect(compareVietnamese(a, b)).toBe(-compareVietnamese(b, a) || 0);
        expect(compareVietnamese(a, a)).toBe(0);
        if (compareVietnamese(a, b) <= 0 && compareVietnamese(b, c) <= 0) {
          expect(compareVietnamese(a, c)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sorts arrays the same way as sorting their keys', () => {
    fc.assert(
      fc.property(fc.array(vietnameseText, { maxLength: 20 }), (names) => {
        const sortedNames = [...names].sort(compareVietnamese).map(vietnameseSortKey);
        const sortedKeys = names.map(vietnameseSortKey).sort();
        expect(sortedNames).toEqual(sortedKeys);
      }),
    );
  });

  it('is unchanged by case and Unicode normalisation of Vietnamese text', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const key = vietnameseSortKey(text);
        expect(vietnameseSortKey(text.toUpperCase())).toBe(key);
        expect(vietnameseSortKey(text.toLowerCase().normalize('NFD'))).toBe(key);
      }),
    );
  });

  it('agrees with folding: names that fold differently never share a primary key', () => {
    fc.assert(
      fc.property(vietnameseText, vietnameseText, (a, b) => {
        const primary = (s: string) => vietnameseSortKey(s).split('\u0001')[0];
        if (primary(a) === primary(b)) expect(searchTokens(a)).toEqual(searchTokens(b));
      }),
    );
  });
});
