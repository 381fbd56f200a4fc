/**
 * The words a catalog is written in: what typo correction, keystroke decoding and word splitting
 * correct TOWARDS. Built from the catalog's own texts (product names, producers, places,
 * categories, in Vietnamese and English), it holds each folded word with how often it occurs and
 * its usual written form ("kho" → "khô"), and which words follow which ("kho muc" occurs, so a
 * buyer's "kho mcu" can be read as "khô mực"). It serialises to compact JSON for the browser.
 */
import { damerauDistance, withOneDeletion } from './edits.js';
import { searchTokens } from '../text.js';

/** The vocabulary as JSON: what the site ships to the browser. */
export interface SearchVocabularyJson {
  /** Format version; a reader refuses any other. */
  version: 1;
  /** Every word in its usual written form (lower case, with diacritics), in folded order, space-separated. */
  words: string;
  /** How often each word occurs in the texts, in the order of `words`. */
  counts: number[];
  /**
   * The word pairs that occur, delta-encoded: for each first word in order, the gap from the
   * previous first word's index, how many words follow it, then their indices as gaps.
   */
  pairs: number[];
}

/** A catalog word close to a typed one. */
export interface SimilarWord {
  word: string;
  /** Damerau edits between the typed word and this one. */
  edits: number;
}

/** Punctuation that ends a phrase: no word pair is counted across it ("sauce, 38°"). */
const PHRASE_BREAK = /[,.;:!?()[\]{}"“”«»…|·•\n\r\t]+/u;
/** What separates words before folding: anything but letters, marks and digits. */
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;
/** The shortest unfinished last piece a word typed together is split into ("banhtr" → "banh tr"). */
const MIN_PREFIX_PIECE = 2;
/** Words that typo correction may produce: two or more letters, no digits ("st25" is never a guess). */
const CORRECTABLE = /^[a-z]{2,}$/u;
/**
 * Characters that may need Unicode normalisation: anything outside printable ASCII, the Latin
 * supplements and extensions, and Latin Extended Additional (where precomposed Vietnamese letters
 * live). Combining marks and full-width forms are outside, so decomposed or full-width text is
 * normalised; other text (nearly every catalog text) is only lowercased, which is much faster.
 */
const NEEDS_NORMALISATION = /[^ -\u024f\u1e00-\u1eff]/u;

/** Lower case, compatibility forms unified, precomposed: the written form of a word. */
function writtenForm(text: string): string {
  const lower = text.toLowerCase();
  return NEEDS_NORMALISATION.test(lower) ? text.normalize('NFKC').toLowerCase().normalize('NFC') : lower;
}

/** A written word met while building: the folded words it gives and how often it occurs. */
interface RawWord {
  ids: number[];
  count: number;
}

/** Collects words, their written forms and counts, and word pairs, while texts are read. */
class VocabularyBuilder {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly raws = new Map<string, RawWord>();
  /** Ids of the words seen after each word. */
  private readonly followers: Set<number>[] = [];

  add(text: string): void {
    for (const segment of writtenForm(text).split(PHRASE_BREAK)) {
      let previous = -1;
      for (const raw of segment.split(NOT_WORD)) {
        if (raw === '') continue;
        let word = this.raws.get(raw);
        if (word === undefined) {
          word = { ids: searchTokens(raw).map((key) => this.id(key)), count: 0 };
          this.raws.set(raw, word);
        }
        word.count++;
        for (const id of word.ids) {
          if (previous >= 0) this.followers[previous]?.add(id);
          previous = id;
        }
      }
    }
  }

  private id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.followers.push(new Set());
    }
    return id;
  }

  /** The words in folded order with their usual written form and count, and who follows whom. */
  finish(): { forms: string[]; counts: number[]; followers: number[][] } {
    const n = this.keys.length;
    const counts = new Array<number>(n).fill(0);
    // The usual written form: the most frequent; a word that folds to several keeps no form.
    const bestForm = new Array<string | undefined>(n);
    const bestCount = new Array<number>(n).fill(0);
    for (const [raw, { ids, count }] of this.raws) {
      for (const id of ids) {
        counts[id] = (counts[id] ?? 0) + count;
        if (ids.length !== 1) continue;
        const best = bestForm[id];
        if (count > (bestCount[id] ?? 0) || (count === bestCount[id] && best !== undefined && raw < best)) {
          bestForm[id] = raw;
          bestCount[id] = count;
        }
      }
    }
    const order = this.keys.map((_, id) => id).sort((a, b) => compareText(this.keys[a] ?? '', this.keys[b] ?? ''));
    const position = new Array<number>(n);
    order.forEach((id, i) => {
      position[id] = i;
    });
    return {
      forms: order.map((id) => bestForm[id] ?? this.keys[id] ?? ''),
      counts: order.map((id) => counts[id] ?? 0),
      followers: order.map((id) => [...(this.followers[id] ?? [])].map((f) => position[f] ?? -1).sort(byNumber)),
    };
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNumber(a: number, b: number): number {
  return a - b;
}

export class SearchVocabulary {
  /** Folded words in code-point order; a word's index is its id. */
  private readonly keys: readonly string[];
  private readonly forms: readonly string[];
  private readonly counts: readonly number[];
  private readonly ids: ReadonlyMap<string, number>;
  /** Ids of the words that follow each word, ascending. */
  private readonly followers: readonly (readonly number[])[];
  private readonly pairTotal: number;
  /** word-with-one-letter-deleted → ids of the correctable words that give it (built on first use). */
  private deletions: Map<string, number[]> | undefined;
  /** Ids of correctable words by length (built on first use; for two-edit corrections). */
  private byLength: number[][] | undefined;

  /** `followers[i]`: the ids of the words that follow word i, ascending without repeats. */
  private constructor(forms: string[], counts: number[], followers: number[][]) {
    this.forms = forms;
    this.counts = counts;
    this.keys = forms.map((form) => {
      const folded = searchTokens(form);
      if (folded.length !== 1 || folded[0] === undefined) {
        throw new TypeError(
          `The search vocabulary word "${form}" is not one word once folded; rebuild the vocabulary.`,
        );
      }
      return folded[0];
    });
    for (let i = 1; i < this.keys.length; i++) {
      if ((this.keys[i - 1] ?? '') >= (this.keys[i] ?? '')) {
        throw new TypeError('The search vocabulary words are not in folded order or repeat; rebuild the vocabulary.');
      }
    }
    this.ids = new Map(this.keys.map((k, i) => [k, i]));
    let total = 0;
    followers.forEach((list, first) => {
      for (let k = 0; k < list.length; k++) {
        const second = list[k] ?? -1;
        if (!(second >= 0 && second < forms.length) || (k > 0 && second <= (list[k - 1] ?? -1))) {
          throw new TypeError(
            `The search vocabulary's word pairs after word ${first} are out of range or order; rebuild it.`,
          );
        }
      }
      total += list.length;
    });
    this.followers = followers;
    this.pairTotal = total;
  }

  /**
   * The vocabulary of `texts`: each text is one name, title or label (a product name, a
   * producer, a place, a category, in any language). Words are folded as the search folds them;
   * word pairs are counted within a text, never across punctuation such as ',' or '('.
   */
  static build(texts: Iterable<string>): SearchVocabulary {
    const builder = SearchVocabulary.builder();
    for (const text of texts) builder.add(text);
    return builder.finish();
  }

  /**
   * What `build` does, one text at a time: for texts read in batches, which need not all be held
   * at once. The order of the texts does not change the vocabulary.
   */
  static builder(): { add(text: string): void; finish(): SearchVocabulary } {
    const builder = new VocabularyBuilder();
    return {
      add: (text) => {
        if (typeof text === 'string' && text !== '') builder.add(text);
      },
      finish: () => {
        const { forms, counts, followers } = builder.finish();
        return new SearchVocabulary(forms, counts, followers);
      },
    };
  }

  /** A vocabulary from its JSON (an object or the JSON text); throws a TypeError if it is not one. */
  static fromJSON(json: SearchVocabularyJson | string): SearchVocabulary {
    const data: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    const v = data as Partial<SearchVocabularyJson> | null;
    if (
      v?.version !== 1 ||
      typeof v.words !== 'string' ||
      !Array.isArray(v.counts) ||
      !Array.isArray(v.pairs) ||
      !v.counts.every((c) => Number.isSafeInteger(c) && c >= 0) ||
      !v.pairs.every((c) => Number.isSafeInteger(c) && c >= 0)
    ) {
      throw new TypeError(
        'This is not a search vocabulary of version 1 (version, words, counts, pairs); rebuild it with SearchVocabulary.build.',
      );
    }
    const forms = v.words === '' ? [] : v.words.split(' ');
    if (forms.length !== v.counts.length) {
      throw new TypeError(`The search vocabulary has ${forms.length} words but ${v.counts.length} counts; rebuild it.`);
    }
    const followers: number[][] = forms.map(() => []);
    const p = v.pairs;
    let first = 0;
    for (let i = 0; i < p.length; ) {
      first += p[i++] ?? 0;
      const n = p[i++] ?? 0;
      const list = followers[first];
      if (!list || i + n > p.length) {
        throw new TypeError('The search vocabulary word pairs are cut short or name a word it lacks; rebuild it.');
      }
      let second = 0;
      for (let k = 0; k < n; k++) {
        second += p[i++] ?? 0;
        list.push(second);
      }
    }
    return new SearchVocabulary(forms, [...v.counts], followers);
  }

  /** The compact JSON form (JSON.stringify uses it). */
  toJSON(): SearchVocabularyJson {
    const pairs: number[] = [];
    let previousFirst = 0;
    this.followers.forEach((list, first) => {
      if (list.length === 0) return;
      pairs.push(first - previousFirst, list.length);
      previousFirst = first;
      let previousSecond = 0;
      for (const second of list) {
        pairs.push(second - previousSecond);
        previousSecond = second;
      }
    });
    return { version: 1, words: this.forms.join(' '), counts: [...this.counts], pairs };
  }

  /** How many distinct words. */
  get size(): number {
    return this.keys.length;
  }

  /** How many distinct word pairs. */
  get pairCount(): number {
    return this.pairTotal;
  }

  /** True if the folded `word` occurs in the catalog. */
  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** How often the folded `word` occurs (0 if never). */
  count(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : (this.counts[id] ?? 0);
  }

  /** The usual written form of the folded `word` ("muc" → "mực"), or `word` itself if unknown. */
  display(word: string): string {
    const id = this.ids.get(word);
    return id === undefined ? word : (this.forms[id] ?? word);
  }

  /** True if the folded words `first` `second` occur next to each other, in that order. */
  hasPair(first: string, second: string): boolean {
    const a = this.ids.get(first);
    const b = this.ids.get(second);
    return a !== undefined && b !== undefined && this.follows(a, b);
  }

  /** True if `first` is followed somewhere by a word that starts with `prefix` (or equals it). */
  hasPairStartingWith(first: string, prefix: string): boolean {
    const a = this.ids.get(first);
    if (a === undefined) return false;
    return (this.followers[a] ?? []).some((b) => (this.keys[b] ?? '').startsWith(prefix));
  }

  /** True if some catalog word is longer than `prefix` and starts with it. */
  hasLongerWord(prefix: string): boolean {
    const i = this.lowerBound(prefix);
    const at = this.keys[i] === prefix ? i + 1 : i;
    return (this.keys[at] ?? '').startsWith(prefix) && prefix !== '';
  }

  /**
   * Up to `limit` catalog words longer than `prefix` that start with it, likeliest first: words
   * that follow `after` in the catalog ("kho m" → "muc" before "mam"), then the most frequent.
   */
  completions(prefix: string, limit: number, after?: string): string[] {
    if (prefix === '' || limit <= 0) return [];
    const afterId = after === undefined ? undefined : this.ids.get(after);
    const found: [id: number, follows: boolean][] = [];
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const key = this.keys[i] ?? '';
      if (!key.startsWith(prefix)) break;
      if (key === prefix) continue;
      found.push([i, afterId !== undefined && this.follows(afterId, i)]);
    }
    found.sort(([a, fa], [b, fb]) => Number(fb) - Number(fa) || (this.counts[b] ?? 0) - (this.counts[a] ?? 0) || a - b);
    return found.slice(0, limit).map(([i]) => this.keys[i] ?? '');
  }

  /**
   * Catalog words within `maxEdits` Damerau edits of the folded `word` (not `word` itself),
   * nearest first, then most frequent. Only words of two or more letters without digits are
   * offered; `maxEdits` is 1 or 2.
   */
  similar(word: string, maxEdits: number): SimilarWord[] {
    const found = new Map<number, number>();
    const consider = (id: number) => {
      const key = this.keys[id] ?? '';
      if (key === word || found.has(id)) return;
      const edits = damerauDistance(word, key, maxEdits);
      if (edits <= maxEdits) found.set(id, edits);
    };
    const deletions = this.deletionIndex();
    // One edit: the word and a catalog word share a one-deletion variant (swaps included).
    for (const variant of withOneDeletion(word)) for (const id of deletions.get(variant) ?? []) consider(id);
    if (maxEdits >= 2) {
      const byLength = this.lengthIndex();
      for (let len = Math.max(2, word.length - maxEdits); len <= word.length + maxEdits; len++) {
        for (const id of byLength[len] ?? []) consider(id);
      }
    }
    return [...found]
      .sort(([a, ea], [b, eb]) => ea - eb || (this.counts[b] ?? 0) - (this.counts[a] ?? 0) || a - b)
      .map(([id, edits]) => ({ word: this.keys[id] ?? '', edits }));
  }

  /**
   * The folded `text` (typed without spaces) cut into 2–4 catalog words in which each word
   * follows the one before it somewhere in the catalog ("banhtrang" → ["banh", "trang"]), with
   * the fewest words, then the most frequent; null if there is no such reading. With
   * `lastIsPrefix` the last piece may be the start of a word that follows, if it has two letters
   * or more ("banhtr" → "banh tr"; "phongg" is not "phong g…").
   */
  segment(text: string, lastIsPrefix = false): string[] | null {
    let best: { words: string[]; weight: number } | null = null;
    const visit = (from: number, previous: string, words: string[], weight: number) => {
      if (best && words.length >= best.words.length) return;
      for (let to = from + 1; to <= text.length; to++) {
        const piece = text.slice(from, to);
        const last = to === text.length;
        const known = this.ids.has(piece);
        // No catalog word starts with this piece: longer pieces cannot be words either.
        if (!known && !this.hasLongerWord(piece)) break;
        const follows = previous === '' || (known && this.hasPair(previous, piece));
        if (known && follows) {
          const next = [...words, piece];
          const w = weight + Math.log(1 + this.count(piece));
          if (last) {
            const better =
              !best || next.length < best.words.length || (next.length === best.words.length && w > best.weight);
            if (next.length >= 2 && better) {
              best = { words: next, weight: w };
            }
          } else if (next.length < 4) {
            visit(to, piece, next, w);
          }
        } else if (
          last &&
          lastIsPrefix &&
          previous !== '' &&
          // One letter is too little to read as a word begun: "phongg" is a typo of "phong",
          // not "phong g…".
          piece.length >= MIN_PREFIX_PIECE &&
          this.hasPairStartingWith(previous, piece)
        ) {
          const next = [...words, piece];
          if (!best || next.length < best.words.length) best = { words: next, weight };
        }
      }
    };
    visit(0, '', [], 0);
    return (best as { words: string[] } | null)?.words ?? null;
  }

  /** True if word `b` follows word `a` somewhere (binary search of a's followers). */
  private follows(a: number, b: number): boolean {
    const list = this.followers[a] ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = list[mid] ?? 0;
      if (x === b) return true;
      if (x < b) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private deletionIndex(): Map<string, number[]> {
    if (this.deletions) return this.deletions;
    const index = new Map<string, number[]>();
    this.keys.forEach((key, id) => {
      if (!CORRECTABLE.test(key)) return;
      for (const variant of withOneDeletion(key)) {
        const list = index.get(variant);
        if (list) list.push(id);
        else index.set(variant, [id]);
      }
    });
    this.deletions = index;
    return index;
  }

  private lengthIndex(): number[][] {
    if (this.byLength) return this.byLength;
    const byLength: number[][] = [];
    this.keys.forEach((key, id) => {
      if (!CORRECTABLE.test(key)) return;
      const list = byLength[key.length];
      if (list) list.push(id);
      else byLength[key.length] = [id];
    });
    this.byLength = byLength;
    return byLength;
  }
}
