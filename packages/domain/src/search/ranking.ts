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
}

/** Where a term matched in a list of words: positions [start, end) and the reading's cost. */
interface Match {
  start: number;
  end: number;
  cost: number;
}

const prepared = new WeakMap<QueryInterpretation, PreparedTerm[]>();

function prepare(q: QueryInterpretation): PreparedTerm[] {
  let terms = prepared.get(q);
  if (!terms) {
    terms = q.terms.map((t: QueryTerm) => ({
      prefix: t.prefix,
      alternatives: t.alternatives.map((a) => ({ words: a.word.split(' '), cost: a.cost })),
    }));
    prepared.set(q, terms);
  }
  return terms;
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

function points(tier: number, cost: number): number {
  return tier * SEARCH_TIER_POINTS - Math.min(SEARCH_MAX_PENALTY, cost * SEARCH_COST_POINTS);
}

/**
 * How well a product matches a query interpretation: tier × 100 − penalty (see this module's
 * header), or 0 when some term is found nowhere. A query with no terms (empty, or only a
 * certificate number) matches nothing.
 */
export function searchScore(doc: SearchDocument, q: QueryInterpretation): number {
  const terms = prepare(q);
  if (terms.length === 0) return 0;

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
    if (exact < Number.POSITIVE_INFINITY) best = Math.max(best, points(SEARCH_TIERS.exactName, exact));
    if (phrase < Number.POSITIVE_INFINITY) best = Math.max(best, points(SEARCH_TIERS.namePhrase, phrase));
    if (ordered < Number.POSITIVE_INFINITY) best = Math.max(best, points(SEARCH_TIERS.nameInOrder, ordered));
  }
  const sum = (costs: readonly number[]) => costs.reduce((s, c) => s + c, 0);
  if (nameCost.every(Number.isFinite)) best = Math.max(best, points(SEARCH_TIERS.nameAnyOrder, sum(nameCost)));
  if (best > 0) return best;

  const nearCost = terms.map((t, i) =>
    Math.min(
      nameCost[i] ?? Number.POSITIVE_INFINITY,
      cheapest(matchesIn(t, doc.producer)),
      cheapest(matchesIn(t, doc.place)),
    ),
  );
  if (nearCost.every(Number.isFinite)) return points(SEARCH_TIERS.producerOrPlace, sum(nearCost));
  const anyCost = terms.map((t, i) =>
    Math.min(nearCost[i] ?? Number.POSITIVE_INFINITY, cheapest(matchesIn(t, doc.description))),
  );
  if (anyCost.every(Number.isFinite)) return points(SEARCH_TIERS.description, sum(anyCost));
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
