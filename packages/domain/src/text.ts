/**
 * Vietnamese text for search, URLs and sorting. Buyers type without diacritics ("nuoc mam" must
 * find "Nước mắm"), Unicode decomposition leaves đ alone, and SQLite, PostgreSQL and Pagefind each
 * fold differently, so the catalog folds and sorts with this code and stores the results.
 */

const COMBINING_MARK = /\p{M}/gu;
/** Đ/đ have no decomposition; Ð/ð (Icelandic eth) is a frequent look-alike typed for Đ. */
const D_WITH_STROKE = /[đð]/gu;

/**
 * Text reduced to what a buyer types: lowercase, no diacritics, đ → d, single spaces.
 * Compatibility forms are unified first (NFKC: full-width letters, ligatures, non-breaking
 * spaces), then every combining mark is removed after canonical decomposition, which also strips
 * stacked marks such as the two on "ệ". "  Nước MẮM Đặc biệt " → "nuoc mam dac biet".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .replace(D_WITH_STROKE, 'd')
    .replace(/\s+/gu, ' ')
    .trim()
    .normalize('NFC');
}

/** The folded words of `text`, split on anything but a–z and 0–9: what a search index stores. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/u)
    .filter((t) => t.length > 0);
}

/** Letters and digits of scripts we cannot transliterate, written as code points so a slug exists. */
function codePointSlug(folded: string): string {
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => Array.from(w, (ch) => `u${(ch.codePointAt(0) ?? 0).toString(16)}`).join(''))
    .join('-');
}

/**
 * A URL slug: folded text with every run of other characters turned into one '-', at most
 * `maxLength` characters, cut at a word boundary when possible ("Nước mắm Khải Hoàn 38° đạm" →
 * "nuoc-mam-khai-hoan-38-dam"). It matches /^[a-z0-9]+(-[a-z0-9]+)*$/ and slugify(slug) === slug.
 * Text whose letters or digits are all outside the Latin script (e.g. a Khmer name) gets its code
 * points ("u1780-…") rather than an empty slug; text with no letter or digit gives ''.
 */
export function slugify(text: string, maxLength = 80): string {
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`A slug's maximum length must be a whole number of at least 1; got ${String(maxLength)}.`);
  }
  const folded = foldVietnamese(text);
  let slug = folded.replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '');
  // Some compatibility letters (e.g. Arabic presentation forms) fold to marks only: use them raw.
  if (slug === '') slug = codePointSlug(folded) || codePointSlug(text.normalize('NFC').toLowerCase());
  if (slug.length <= maxLength) return slug;
  // Keep whole words: the last '-' at or before the limit ends the slug.
  const cut = slug.slice(0, maxLength + 1).lastIndexOf('-');
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength);
}

/** The Vietnamese alphabet in dictionary order, with f, j, w, z in their Latin places. */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/**
 * One ASCII character per letter, rising with the alphabet. Everything in a sort key is ASCII, so
 * JavaScript string order, UTF-8 byte order (SQLite BINARY) and PostgreSQL COLLATE "C" agree.
 */
const LETTER_CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg';
/** Between words: below digits and letters, so "An Giang" sorts before "Anh". */
const WORD_SEPARATOR = '!';
/** Before any other script's letter: '~' + six hex digits of its code point; sorts after z. */
const OTHER_SCRIPT_PREFIX = '~';
/** Ends the primary key; below every primary character, so a prefix sorts first. */
const KEY_SEPARATOR = '\u0001';

const PRIMARY_CODE = new Map(Array.from(ALPHABET, (letter, i) => [letter, LETTER_CODES.charAt(i)]));

/** Marks that make a different letter (a primary difference): breve, circumflex, horn. */
const LETTER_MODIFIERS = new Map([
  ['a\u0306', 'ă'],
  ['a\u0302', 'â'],
  ['e\u0302', 'ê'],
  ['o\u0302', 'ô'],
  ['o\u031B', 'ơ'],
  ['u\u031B', 'ư'],
]);

/** Tone marks (a secondary difference) in dictionary order; level tone (no mark) is 0. */
const TONES = new Map([
  ['\u0300', 1], // huyền (grave)
  ['\u0309', 2], // hỏi (hook above)
  ['\u0303', 3], // ngã (tilde)
  ['\u0301', 4], // sắc (acute)
  ['\u0323', 5], // nặng (dot below)
]);

interface SortWord {
  /** Base letters and digits of the word, before encoding. */
  units: string[];
  /** The word's tone; a syllable has one, so "hoà" and "hòa" compare equal. */
  tone: number;
}

function primaryUnit(unit: string): string {
  const letterCode = PRIMARY_CODE.get(unit);
  if (letterCode !== undefined) return letterCode;
  if (unit >= '0' && unit <= '9') return unit;
  return OTHER_SCRIPT_PREFIX + (unit.codePointAt(0) ?? 0).toString(16).padStart(6, '0');
}

function sortWords(text: string): SortWord[] {
  const words: SortWord[] = [];
  let word: SortWord | undefined;
  for (const ch of text.normalize('NFKC').toLowerCase().normalize('NFD')) {
    if (/\p{M}/u.test(ch)) {
      // A mark belongs to the letter before it; a mark with no letter is ignored.
      const last = word?.units.length ? word.units.length - 1 : -1;
      if (!word || last < 0) continue;
      const modified = LETTER_MODIFIERS.get((word.units[last] ?? '') + ch);
      if (modified !== undefined) word.units[last] = modified;
      const tone = TONES.get(ch);
      if (tone !== undefined && word.tone === 0) word.tone = tone;
      continue;
    }
    const unit = ch === 'đ' || ch === 'ð' ? 'đ' : ch;
    if (/[\p{L}\p{N}]/u.test(unit)) {
      if (!word) {
        word = { units: [], tone: 0 };
        words.push(word);
      }
      word.units.push(unit);
    } else {
      word = undefined;
    }
  }
  return words;
}

/**
 * A key whose plain code-point order is Vietnamese dictionary order, for an indexed sort column:
 * letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f, j, w, z in their Latin
 * places, other scripts after z), digits before letters, word breaks before both, case ignored.
 * Tones are a secondary difference, compared only between otherwise equal names, in the order
 * level, huyền, hỏi, ngã, sắc, nặng. Punctuation only separates words. The key is the primary key,
 * '\u0001', then one tone digit per word (trailing level tones dropped); it is ASCII throughout.
 */
export function vietnameseSortKey(text: string): string {
  const words = sortWords(text);
  const primary = words.map((w) => w.units.map(primaryUnit).join('')).join(WORD_SEPARATOR);
  const secondary = words
    .map((w) => String(w.tone))
    .join('')
    .replace(/0+$/u, '');
  return primary + KEY_SEPARATOR + secondary;
}

/** Orders two names in Vietnamese dictionary order (by {@link vietnameseSortKey}); for Array.sort. */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
