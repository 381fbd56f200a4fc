/**
 * The order a buyer expects from a search, as one pure function that the API (in memory, or
 * mirrored in SQL) and the site share. A product's score is its TIER × 100 minus a penalty for
 * how far the readings it matched are from what was typed:
 *
 * | tier | the product matches when…                                                 |
 * | ---- | ------------------------------------------------------------------------- |
 * | 6    | a name is exactly the query (every word, in order, nothing else)            |
 * | 5    | a name holds all the query's words in order, next to each other            |
 * | 4    | a name holds all the query's words in order                                |
 * | 3    | the names hold all the query's words                                        |
 * | 2    | the names, producer and place hold all the words                           |
 * | 1    | all the words are found, some only in the description                     |
 * | –    | a word is found nowhere: score 0, not a result                             |
 *
 * The penalty is 10 × the summed cost of the readings used (SEARCH_COSTS: a decoded or split
 * word 0.25, each corrected letter 1, a typed prefix completed 0.5), capped at 90: a corrected
 * match ranks below an exact one in the same tier, never above a higher tier. Equal scores are
 * ordered by stars, most first (compareSearchResults).
 */
import { SEARCH_COSTS, type QueryInterpretation, type QueryTerm } from './interpret.js';
import { searchTokens } from '../text.js';

/** The texts of a product that a search looks in. Folded or not: searchDocument folds them. */
export interface ProductSearchText {
  /** The product's names (Vietnamese, English). */
  names: readonly string[];
  /** The producer's name. */
  producer?: string;
  /** Place names: the commune, district and province the product comes from. */
  place?: string;
  /** Description (and story), in any language. */
  description?: string;
  /** The product's current OCOP stars, for ties. */
  stars?: number;
}

/** A product's searchable words, folded once and kept (as the API's folded columns are). */
export interface SearchDocument {
  names: readonly (readonly string[])[];
  producer: readonly string[];
  place: readonly string[];
  description: readonly string[];
  stars: number;
}

/** Tiers of a match, best last; the score is tier × SEARCH_TIER_POINTS − penalty. */
export const SEARCH_TIERS = {
  exactName: 6,
  namePhrase: 5,
  nameInOrder: 4,
  nameAnyOrder: 3,
  producerOrPlace: 2,
  description: 1,
} as const;

export const SEARCH_TIER_POINTS = 100;
/** Points taken off per unit of reading cost, up to SEARCH_MAX_PENALTY. */
export const SEARCH_COST_POINTS = 10;
export const SEARCH_MAX_PENALTY = 90;

/** Folds a product's texts into a SearchDocument. */
export function searchDocument(text: ProductSearchText): SearchDocument {
  return {
    names: text.names.map((n) => searchTokens(n)).filter((n) => n.length > 0),
    producer: searchTokens(text.producer ?? ''),
    place: searchTokens(text.place ?? ''),
    description: searchTokens(text.description ?? ''),
    stars: text.stars ?? 0,
  };
}

interface PreparedAlternative {
  words: readonly string[];
  cost: number;
}

interface PreparedTerm {
  prefix: boolean;
  alternatives: readonly PreparedAlternative[];
  /** The one-word readings (every reading, unless a split or joined one spans several words). */
  words: readonly string[];
  costs: readonly number[];
}

/** The readings of a query, prepared once; `oneWord` when no reading spans several words. */
interface PreparedQuery {
  terms: PreparedTerm[];
  oneWord: boolean;
}

/** Where a term matched in a list of words: positions [start, end) and the reading's cost. */
interface Match {
  start: number;
  end: number;
  cost: number;
}

const prepared = new WeakMap<QueryInterpretation, PreparedQuery>();

function prepare(q: QueryInterpretation): PreparedQuery {
  let query = prepared.get(q);
  if (!query) {
    const terms = q.terms.map((t: QueryTerm) => {
      const alternatives = t.alternatives.map((a) => ({ words: a.word.split(' '), cost: a.cost }));
      return {
        prefix: t.prefix,
        alternatives,
        words: alternatives.map((a) => a.words[0] ?? ''),
        costs: alternatives.map((a) => a.cost),
      };
    });
    query = { terms, oneWord: terms.every((t) => t.alternatives.every((a) => a.words.length === 1)) };
    prepared.set(q, query);
  }
  return query;
}

/** The cheapest one-word reading of `term` that `token` is (or, being typed, starts), or Infinity. */
function tokenCost(term: PreparedTerm, token: string): number {
  let best = Number.POSITIVE_INFINITY;
  const { words, costs, prefix } = term;
  for (let a = 0; a < words.length; a++) {
    const word = words[a] as string;
    const cost = costs[a] as number;
    if (token === word) {
      if (cost < best) best = cost;
    } else if (prefix && token.length > word.length && token.startsWith(word)) {
      const c = cost + SEARCH_COSTS.prefixExtension;
      if (c < best) best = c;
    }
  }
  return best;
}

function cheapestIn(term: PreparedTerm, tokens: readonly string[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const token of tokens) {
    const c = tokenCost(term, token);
    if (c < best) best = c;
  }
  return best;
}

/**
 * searchScore when every reading is one word, the usual case, computed the same way with no
 * allocation per match: each term matches one word, so "in order" is a rising sequence of
 * positions, "adjacent" a run of them, and "exact" a run that is the whole name.
 */
/** Working memory of oneWordScore, grown as needed: scoring allocates nothing per product. */
let scratch = new Float64Array(256);

function oneWordScore(doc: SearchDocument, terms: readonly PreparedTerm[]): number {
  const n = terms.length;
  const nameCost = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  let best = 0;
  for (const name of doc.names) {
    const length = name.length;
    // cost[i * length + p]: term i as the word at position p; then two rows for chains of terms.
    if (scratch.length < (n + 2) * length) scratch = new Float64Array(2 * (n + 2) * length);
    const cost = scratch;
    let everyTerm = true;
    for (let i = 0; i < n; i++) {
      const term = terms[i] as PreparedTerm;
      let termBest = Number.POSITIVE_INFINITY;
      for (let p = 0; p < length; p++) {
        const c = tokenCost(term, name[p] as string);
        cost[i * length + p] = c;
        if (c < termBest) termBest = c;
      }
      if (termBest < (nameCost[i] as number)) nameCost[i] = termBest;
      if (termBest === Number.POSITIVE_INFINITY) everyTerm = false;
    }
    if (!everyTerm || n > length) continue;
    // Words next to each other, starting at `start`.
    let phrase = Number.POSITIVE_INFINITY;
    let exact = Number.POSITIVE_INFINITY;
    for (let start = 0; start + n <= length; start++) {
      let sum = 0;
      for (let i = 0; i < n && sum < Number.POSITIVE_INFINITY; i++) sum += cost[i * length + start + i] as number;
      if (sum < phrase) phrase = sum;
      if (start === 0 && n === length) exact = sum;
    }
    // In order: the cheapest rising sequence of positions, term by term (chain rows after the costs).
    let chain = n * length;
    let next = (n + 1) * length;
    for (let p = 0; p < length; p++) cost[chain + p] = cost[p] as number;
    for (let i = 1; i < n; i++) {
      let before = Number.POSITIVE_INFINITY;
      for (let p = 0; p < length; p++) {
        cost[next + p] = before + (cost[i * length + p] as number);
        if ((cost[chain + p] as number) < before) before = cost[chain + p] as number;
      }
      [chain, next] = [next, chain];
    }
    let ordered = Number.POSITIVE_INFINITY;
    for (let p = 0; p < length; p++) if ((cost[chain + p] as number) < ordered) ordered = cost[chain + p] as number;
    if (exact < Number.POSITIVE_INFINITY) best = Math.max(best, tierScore(SEARCH_TIERS.exactName, exact));
    if (phrase < Number.POSITIVE_INFINITY) best = Math.max(best, tierScore(SEARCH_TIERS.namePhrase, phrase));
    if (ordered < Number.POSITIVE_INFINITY) best = Math.max(best, tierScore(SEARCH_TIERS.nameInOrder, ordered));
  }
  let sum = 0;
  for (const c of nameCost) sum += c;
  if (sum < Number.POSITIVE_INFINITY) best = Math.max(best, tierScore(SEARCH_TIERS.nameAnyOrder, sum));
  if (best > 0) return best;
  let near = 0;
  for (let i = 0; i < n; i++) {
    const term = terms[i] as PreparedTerm;
    near += Math.min(nameCost[i] as number, cheapestIn(term, doc.producer), cheapestIn(term, doc.place));
  }
  if (near < Number.POSITIVE_INFINITY) return tierScore(SEARCH_TIERS.producerOrPlace, near);
  let any = 0;
  for (let i = 0; i < n; i++) {
    const term = terms[i] as PreparedTerm;
    any += Math.min(
      nameCost[i] as number,
      cheapestIn(term, doc.producer),
      cheapestIn(term, doc.place),
      cheapestIn(term, doc.description),
    );
  }
  return any < Number.POSITIVE_INFINITY ? tierScore(SEARCH_TIERS.description, any) : 0;
}

/** The cheapest reading of `term` at each place it occurs in `tokens`. */
function matchesIn(term: PreparedTerm, tokens: readonly string[]): Match[] {
  const found: Match[] = [];
  for (const { words, cost } of term.alternatives) {
    const k = words.length;
    const last = words[k - 1] ?? '';
    for (let start = 0; start + k <= tokens.length; start++) {
      let ok = true;
      for (let j = 0; j < k - 1 && ok; j++) ok = tokens[start + j] === words[j];
      if (!ok) continue;
      const token = tokens[start + k - 1] ?? '';
      let c: number;
      if (token === last) c = cost;
      else if (term.prefix && token.startsWith(last)) c = cost + SEARCH_COSTS.prefixExtension;
      else continue;
      const same = found.find((m) => m.start === start && m.end === start + k);
      if (!same) found.push({ start, end: start + k, cost: c });
      else if (c < same.cost) same.cost = c;
    }
  }
  return found;
}

function cheapest(matches: readonly Match[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const m of matches) if (m.cost < min) min = m.cost;
  return min;
}

/**
 * The cheapest way to find every term in `tokens` in query order: each term's match starts at or
 * after the end of the previous one's (`adjacent`: exactly there). With `whole`, the matches must
 * also start at the first word and end at the last. Infinity if there is none.
 */
function inOrder(matches: readonly (readonly Match[])[], length: number, adjacent: boolean, whole: boolean): number {
  // cost of the cheapest chain so far, by the position where it ends
  let chains = new Map<number, number>([[0, 0]]);
  let first = true;
  for (const termMatches of matches) {
    const next = new Map<number, number>();
    for (const m of termMatches) {
      for (const [end, cost] of chains) {
        const fits = first ? !whole || m.start === 0 : adjacent ? m.start === end : m.start >= end;
        if (!fits) continue;
        const c = cost + m.cost;
        if (c < (next.get(m.end) ?? Number.POSITIVE_INFINITY)) next.set(m.end, c);
      }
    }
    if (next.size === 0) return Number.POSITIVE_INFINITY;
    chains = next;
    first = false;
  }
  let best = Number.POSITIVE_INFINITY;
  for (const [end, cost] of chains) if ((!whole || end === length) && cost < best) best = cost;
  return best;
}

/** The score of a match in `tier` whose readings cost `cost` in all (see this module's header). */
export function tierScore(tier: number, cost: number): number {
  return tier * SEARCH_TIER_POINTS - Math.min(SEARCH_MAX_PENALTY, cost * SEARCH_COST_POINTS);
}

/**
 * How well a product matches a query interpretation: tier × 100 − penalty (see this module's
 * header), or 0 when some term is found nowhere. A query with no terms (empty, or only a
 * certificate number) matches nothing.
 */
export function searchScore(doc: SearchDocument, q: QueryInterpretation): number {
  const { terms, oneWord } = prepare(q);
  if (terms.length === 0) return 0;
  if (oneWord) return oneWordScore(doc, terms);
  return anyWordsScore(doc, terms);
}

/**
 * searchScore computed the general way, with matches as runs of words, whatever the readings: it
 * serves readings of several words (split, joined), and tests hold the one-word path to it.
 */
export function searchScoreByRuns(doc: SearchDocument, q: QueryInterpretation): number {
  const { terms } = prepare(q);
  return terms.length === 0 ? 0 : anyWordsScore(doc, terms);
}

function anyWordsScore(doc: SearchDocument, terms: readonly PreparedTerm[]): number {
  let best = 0;
  const nameCost = terms.map(() => Number.POSITIVE_INFINITY);
  for (const name of doc.names) {
    const matches = terms.map((t) => matchesIn(t, name));
    matches.forEach((m, i) => {
      nameCost[i] = Math.min(nameCost[i] ?? Number.POSITIVE_INFINITY, cheapest(m));
    });
    if (matches.some((m) => m.length === 0)) continue;
    const exact = inOrder(matches, name.length, true, true);
    const phrase = inOrder(matches, name.length, true, false);
    const ordered = inOrder(matches, name.length, false, false);
    if (exact < Number.POSITIVE_INFINITY) best = Math.max(best, tierScore(SEARCH_TIERS.exactName, exact));
    if (phrase < Number.POSITIVE_INFINITY) best = Math.max(best, tierScore(SEARCH_TIERS.namePhrase, phrase));
    if (ordered < Number.POSITIVE_INFINITY) best = Math.max(best, tierScore(SEARCH_TIERS.nameInOrder, ordered));
  }
  const sum = (costs: readonly number[]) => costs.reduce((s, c) => s + c, 0);
  if (nameCost.every(Number.isFinite)) best = Math.max(best, tierScore(SEARCH_TIERS.nameAnyOrder, sum(nameCost)));
  if (best > 0) return best;

  const nearCost = terms.map((t, i) =>
    Math.min(
      nameCost[i] ?? Number.POSITIVE_INFINITY,
      cheapest(matchesIn(t, doc.producer)),
      cheapest(matchesIn(t, doc.place)),
    ),
  );
  if (nearCost.every(Number.isFinite)) return tierScore(SEARCH_TIERS.producerOrPlace, sum(nearCost));
  const anyCost = terms.map((t, i) =>
    Math.min(nearCost[i] ?? Number.POSITIVE_INFINITY, cheapest(matchesIn(t, doc.description))),
  );
  if (anyCost.every(Number.isFinite)) return tierScore(SEARCH_TIERS.description, sum(anyCost));
  return 0;
}

/** A scored product, for sorting. */
export interface SearchResultOrder {
  score: number;
  stars: number;
}

/** Best first: higher score, then more stars. For Array.sort. */
export function compareSearchResults(a: SearchResultOrder, b: SearchResultOrder): number {
  return b.score - a.score || b.stars - a.stars;
}

/**
 * The items that match `q`, best first (score, then stars, then their given order), each with
 * its score. `documentOf` gives an item's SearchDocument; keep documents rather than rebuild them.
 */
export function rankSearchResults<T>(
  items: readonly T[],
  q: QueryInterpretation,
  documentOf: (item: T) => SearchDocument,
): { item: T; score: number }[] {
  const scored: { item: T; score: number; stars: number; index: number }[] = [];
  items.forEach((item, index) => {
    const doc = documentOf(item);
    const score = searchScore(doc, q);
    if (score > 0) scored.push({ item, score, stars: doc.stars, index });
  });
  scored.sort((a, b) => compareSearchResults(a, b) || a.index - b.index);
  return scored.map(({ item, score }) => ({ item, score }));
}

/**
 * True when a query names a category or a place with one of `names` (a SearchDocument of names
 * only): its words all match within one name ("herbs" → "Herbs and medicinal products", "phu q"
 * → "Phú Quốc"), or a whole name stands word for word in its likeliest reading ("nuoc mam phu
 * quoc" → "Phú Quốc"). For the help a search gives: where to look besides the products it found.
 */
export function queryNames(q: QueryInterpretation, names: SearchDocument): boolean {
  if (q.terms.length === 0) return false;
  if (searchScore({ ...names, producer: [], place: [], description: [] }, q) > 0) return true;
  const read = q.best.split(' ');
  return names.names.some((name) => {
    for (let start = 0; start + name.length <= read.length; start++) {
      if (name.every((word, i) => read[start + i] === word)) return true;
    }
    return false;
  });
}
