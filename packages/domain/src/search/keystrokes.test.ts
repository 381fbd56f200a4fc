import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text.js';
import { decodeKeystrokes, decodeTelex, decodeVni, isVietnameseSyllable, writeTelex, writeVni } from './keystrokes.js';

describe('decodeTelex', () => {
  it('decodes what buyers type with Telex and no input method', () => {
    const cases: [string, string][] = [
      ['xoaif', 'xoai'],
      ['xoafi', 'xoai'], // tone in the middle of the syllable
      ['saays', 'say'],
      ['duwaf', 'dua'],
      ['ddaajt', 'dat'],
      ['nuowcs', 'nuoc'],
      ['nguoiwf', 'nguoi'], // horn typed at the end
      ['mawms', 'mam'],
      ['khoo', 'kho'],
      ['tw', 'tu'],
      ['ruouwj', 'ruou'],
      ['tieengs', 'tieng'],
      ['hoaz', 'hoa'],
    ];
    for (const [keys, folded] of cases) expect(decodeTelex(keys), keys).toBe(folded);
  });

  it('returns null when there is no Telex command', () => {
    for (const keys of ['kho', 'muc', 'banh', 'st25', '2024', 'honey', 'sim'])
      expect(decodeTelex(keys), keys).toBeNull();
  });

  it('decodes English words too: the caller keeps a decoding only if it is a catalog word', () => {
    expect(decodeTelex('coffee')).toBe('cofe');
    expect(decodeTelex('books')).toBe('bok');
  });
});

describe('decodeVni', () => {
  it('decodes VNI digits after the vowels', () => {
    const cases: [string, string][] = [
      ['xoa2i', 'xoai'],
      ['xoai2', 'xoai'],
      ['sa61y', 'say'],
      ['d9a6t5', 'dat'],
      ['nu7o71c', 'nuoc'],
      ['du72a', 'dua'],
    ];
    for (const [keys, folded] of cases) expect(decodeVni(keys), keys).toBe(folded);
  });

  it('leaves numbers and codes alone', () => {
    for (const keys of ['st25', '2024', '0012', '38', 'kho']) expect(decodeVni(keys), keys).toBeNull();
  });
});

/** Telex and VNI keys for each Vietnamese letter that is not plain ASCII. */
const LETTER_KEYS: Record<string, [telex: string, vni: string]> = {
  â: ['aa', 'a6'],
  ă: ['aw', 'a8'],
  ê: ['ee', 'e6'],
  ô: ['oo', 'o6'],
  ơ: ['ow', 'o7'],
  ư: ['uw', 'u7'],
  đ: ['dd', 'd9'],
};
const TONE_KEYS: [mark: string, telex: string, vni: string][] = [
  ['\u0301', 's', '1'],
  ['\u0300', 'f', '2'],
  ['\u0309', 'r', '3'],
  ['\u0303', 'x', '4'],
  ['\u0323', 'j', '5'],
];

/** A syllable and its Telex and VNI keystrokes, tone key typed at the end of the syllable. */
const syllable = fc
  .record({
    onset: fc.constantFrom('', 'b', 'c', 'đ', 'd', 'gh', 'kh', 'l', 'm', 'ng', 'nh', 'ph', 'th', 'tr', 'x'),
    vowels: fc.constantFrom('a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'ươ', 'oa', 'ai', 'ây', 'iê', 'uô'),
    coda: fc.constantFrom('', 'c', 'm', 'n', 'ng', 'nh', 'p', 't'),
    tone: fc.integer({ min: -1, max: 4 }),
  })
  .map(({ onset, vowels, coda, tone }) => {
    const plain = onset + vowels + coda;
    const keys = (which: 0 | 1) =>
      [...plain].map((ch) => LETTER_KEYS[ch]?.[which] ?? ch).join('') +
      (tone >= 0 ? (TONE_KEYS[tone]?.[which === 0 ? 1 : 2] ?? '') : '');
    const mark = tone >= 0 ? (TONE_KEYS[tone]?.[0] ?? '') : '';
    return { written: (plain + mark).normalize('NFC'), telex: keys(0), vni: keys(1) };
  });

describe('keystroke decoding', () => {
  it('gives the folded word for every syllable typed in Telex or VNI', () => {
    fc.assert(
      fc.property(syllable, ({ written, telex, vni }) => {
        const folded = foldVietnamese(written);
        expect(decodeTelex(telex) ?? telex).toBe(folded);
        expect(decodeVni(vni) ?? vni).toBe(folded);
        if (telex !== folded) expect(decodeKeystrokes(telex)).toContain(folded);
      }),
      { numRuns: 500 },
    );
  });

  it('lists distinct decodings, Telex first', () => {
    expect(decodeKeystrokes('xoaif')).toEqual(['xoai']);
    expect(decodeKeystrokes('xoa2i')).toEqual(['xoai']);
    expect(decodeKeystrokes('kho')).toEqual([]);
  });
});

describe('isVietnameseSyllable', () => {
  it('tells syllables from typos and English words', () => {
    for (const w of ['khoai', 'nghieng', 'truong', 'xoai', 'muc', 'a', 'thuong', 'gi']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    for (const w of ['phongg', 'honney', 'coffee', 'mcu', 'xoaii', 'books', 'saays', 'st25']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});

describe('writeTelex and writeVni', () => {
  it('write the word with the diacritics the keys ask for', () => {
    const cases: [keys: string, written: string][] = [
      ['duwaf', 'dừa'],
      ['duwas', 'dứa'],
      ['xoaif', 'xoài'],
      ['saays', 'sấy'],
      ['nuowcs', 'nước'],
      ['nguoiwf', 'người'],
      ['mawms', 'mắm'],
      ['ddaajt', 'đật'],
      ['khoo', 'khô'],
      ['hoaf', 'hòa'],
      ['quas', 'quá'],
      ['thuyr', 'thủy'],
      ['tieengs', 'tiếng'],
      ['ruouwj', 'rượu'],
    ];
    for (const [keys, written] of cases) expect(writeTelex(keys), keys).toBe(written);
    const vni: [keys: string, written: string][] = [
      ['xoa2i', 'xoài'],
      ['sa61y', 'sấy'],
      ['nu7o71c', 'nước'],
      ['du72a', 'dừa'],
      ['d9a6t5', 'đật'],
      ['ma65t', 'mật'],
    ];
    for (const [keys, written] of vni) expect(writeVni(keys), keys).toBe(written);
    expect(writeTelex('kho')).toBeNull();
    expect(writeVni('st25')).toBeNull();
  });

  it('fold to what the decoders return, for any keys', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,8}$/u), (keys) => {
        const telex = writeTelex(keys);
        expect(telex === null ? null : foldVietnamese(telex)).toBe(decodeTelex(keys));
        const vni = writeVni(keys);
        expect(vni === null ? null : foldVietnamese(vni)).toBe(decodeVni(keys));
      }),
      { numRuns: 3000 },
    );
  });
});
