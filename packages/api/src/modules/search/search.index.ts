/**
 * The catalog's search index, in memory: for every product published on one day, its folded
 * words, what a search filters and sorts on, and the catalog's vocabulary. Built from the database
 * (search.reader.ts) and kept until the catalog changes, it answers a whole search — which
 * products match, their rank, the count and every facet — without a SQL statement, the same way
 * whichever database it was read from.
 *
 * Words are found by an inverted index (each folded word → the products it occurs in, in names,
 * producer, place, description or story), looked up exactly or, for the word being typed, over the
 * sorted word list as a prefix range. Each query term is the OR of its readings (@ocop/domain's
 * interpretQuery: exact, decoded Telex/VNI, corrected, split, joined, prefix); a product is a
 * candidate when every term has a reading whose words it holds. Candidates are then scored by
 * @ocop/domain's searchScore, the ranking the site uses too, which also checks what the inverted
 * index cannot (words of a split reading next to each other).
 */
import {
  CATEGORY_CODES,
  type CategoryCode,
  CERTIFICATION_SCHEMES,
  type CertificationScheme,
  type InterpretOptions,
  interpretQuery,
  PRODUCER_TYPES,
  type ProducerType,
  type QueryInterpretation,
  SEARCH_COSTS,
  SEARCH_TIERS,
  type SearchDocument,
  searchScore,
  searchTokens,
  SearchVocabulary,
  tierScore,
} from '@ocop/domain';

/** One published product as the index reads it. */
export interface SearchIndexRow {
  id: number;
  nameVi: string;
  nameEn: string | null;
  /** Folded words of the descriptions and stories, space-separated (the product's `body_folded`). */
  bodyFolded: string;
  category: CategoryCode;
  regionId: number;
  producerId: number;
  producerName: string;
  producerType: ProducerType;
  /** Binary-sortable Vietnamese name order (`name_sort_key`). */
  nameSortKey: string;
  /** Stars, issue date and number of the certificate that publishes it. */
  stars: number;
  issuedOn: string;
  certificateNumber: string;
  /** Ready to export or exporting (trade information). */
  exportReady: boolean;
  /** Its other certifications (VietGAP, HACCP…) valid on the index's day. */
  certifications: readonly CertificationScheme[];
}

/** Where a product comes from, as search sees it. */
export interface SearchIndexPlace {
  /** Materialised path of the region ('/KG/KG-PQ/'), for the region filter. */
  path: string;
  /** The region's name and its parents' names, nearest first ("Dương Đông", "Phú Quốc", "Kiên Giang"). */
  names: readonly string[];
}

/** The filter a search may carry, as ProductService checked it. */
export interface SearchIndexFilter {
  categories?: readonly CategoryCode[];
  minStars?: number;
  maxStars?: number;
  /** The product's region path must start with this one. */
  regionPath?: string;
  producerTypes?: readonly ProducerType[];
  certifiedFrom?: number;
  certifiedTo?: number;
  exportReady?: boolean;
  /** The product must hold every one of these. */
  certifications?: readonly CertificationScheme[];
}

export type SearchDimension = 'category' | 'stars' | 'region' | 'producerType' | 'certification' | 'exportReady';
export type SearchOrderField = 'RELEVANCE' | 'STARS' | 'CERTIFIED_AT' | 'NAME';

/** The products a query matches (slots, ascending) and their scores. */
export interface SearchMatches {
  readonly slots: Int32Array;
  readonly scores: Float64Array;
}

/** What a certificate number found in a query matches on its own: nothing else to rank it by. */
const CERTIFICATE_SCORE = 1000;
/** Scores packed for sorting are below this, in halves of a point. */
const MAX_HALF_SCORE = 2048;
const NO_WORDS: readonly string[] = [];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A growable array of unsigned 32-bit numbers: the index's columns and word lists while it is built. */
class Run {
  data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  trimmed(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Reads published products one at a time, then makes the index. Everything it keeps per product
 * is a number in a typed array (word ids, slots, columns), apart from the name sort key and the
 * certificate number: 100,000 products once took the API past its heap ceiling when each was an
 * object with arrays of words.
 */
export class SearchIndexBuilder {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  /**
   * Word ids posted for each product, one product after the other (product s's are from
   * nearStart[s]): in its names, producer or place (near); in its description or story alone (far).
   */
  private readonly near = new Run();
  private readonly far = new Run();
  private readonly nearStart = new Run();
  private readonly farStart = new Run();
  /** The last slot posted to each word, to post a product once per word. */
  private readonly lastNear: number[] = [];
  private readonly lastFar: number[] = [];
  /** Word ids of each product's names: Vietnamese from names[nameStart[2s]], English from names[nameStart[2s + 1]]. */
  private readonly names = new Run();
  private readonly nameStart = new Run();
  private readonly description = new Run();
  private readonly descriptionStart = new Run();
  private readonly columns = {
    id: new Run(),
    category: new Run(),
    regionId: new Run(),
    producerId: new Run(),
    producerType: new Run(),
    stars: new Run(),
    issuedOn: new Run(),
    exportReady: new Run(),
    certifications: new Run(),
  };
  private readonly nameSortKeys: string[] = [];
  private readonly byCertificate = new Map<string, number>();
  private readonly producerWords = new Map<number, readonly string[]>();
  private readonly placeWords = new Map<number, readonly string[]>();
  /** The catalog's vocabulary, fed with each product's names and each producer's name as they are read. */
  private readonly vocabulary = SearchVocabulary.builder();

  constructor(private readonly places: ReadonlyMap<number, SearchIndexPlace>) {
    this.nearStart.push(0);
    this.farStart.push(0);
    this.nameStart.push(0);
    this.descriptionStart.push(0);
  }

  private id(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.wordIds.set(word, id);
      this.words.push(word);
      this.lastNear.push(-1);
      this.lastFar.push(-1);
    }
    return id;
  }

  /** Posts the words of `tokens` as near `slot`, and writes their ids to `out` if given. */
  private post(tokens: readonly string[], slot: number, out?: Run): void {
    for (const token of tokens) {
      const id = this.id(token);
      out?.push(id);
      if (this.lastNear[id] !== slot) {
        this.lastNear[id] = slot;
        this.near.push(id);
      }
    }
  }

  /** The words of a producer's or a place's name, folded once and kept as the index's own strings. */
  private shared(cache: Map<number, readonly string[]>, key: number, text: () => string): readonly string[] {
    let words = cache.get(key);
    if (words === undefined) {
      words = searchTokens(text()).map((token) => this.words[this.id(token)] ?? token);
      cache.set(key, words);
    }
    return words;
  }

  add(row: SearchIndexRow): void {
    const slot = this.nameSortKeys.length;
    const place = this.places.get(row.regionId);
    if (!this.producerWords.has(row.producerId)) this.vocabulary.add(row.producerName);
    const producer = this.shared(this.producerWords, row.producerId, () => row.producerName);
    const placeWords = this.shared(this.placeWords, row.regionId, () => (place?.names ?? []).join(', '));
    this.post(searchTokens(row.nameVi), slot, this.names);
    this.nameStart.push(this.names.length);
    this.post(searchTokens(row.nameEn ?? ''), slot, this.names);
    this.nameStart.push(this.names.length);
    this.post(producer, slot);
    this.post(placeWords, slot);
    this.nearStart.push(this.near.length);
    for (const token of row.bodyFolded.split(' ')) {
      if (token === '') continue;
      const id = this.id(token);
      this.description.push(id);
      if (this.lastNear[id] !== slot && this.lastFar[id] !== slot) {
        this.lastFar[id] = slot;
        this.far.push(id);
      }
    }
    this.farStart.push(this.far.length);
    this.descriptionStart.push(this.description.length);
    const c = this.columns;
    c.id.push(row.id);
    c.category.push(CATEGORY_CODES.indexOf(row.category));
    c.regionId.push(row.regionId);
    c.producerId.push(row.producerId);
    c.producerType.push(PRODUCER_TYPES.indexOf(row.producerType));
    c.stars.push(row.stars);
    c.issuedOn.push(dayNumber(row.issuedOn));
    c.exportReady.push(row.exportReady ? 1 : 0);
    c.certifications.push(certificationBits(row.certifications));
    this.nameSortKeys.push(row.nameSortKey);
    this.byCertificate.set(row.certificateNumber, slot);
    this.vocabulary.add(row.nameVi);
    this.vocabulary.add(row.nameEn ?? '');
  }

  /**
   * The index. `vocabularyTexts` are the other names a buyer may type and the vocabulary must
   * hold (places, categories, in both languages); product names and producers are added here.
   */
  finish(vocabularyTexts: Iterable<string>): SearchIndex {
    for (const text of vocabularyTexts) this.vocabulary.add(text);
    const c = this.columns;
    return new SearchIndex(
      {
        words: this.words,
        wordIds: this.wordIds,
        near: postings(this.near, this.nearStart, this.words.length),
        far: postings(this.far, this.farStart, this.words.length),
        names: this.names.trimmed(),
        nameStart: this.nameStart.trimmed(),
        description: this.description.trimmed(),
        descriptionStart: this.descriptionStart.trimmed(),
        ids: Int32Array.from(c.id.trimmed()),
        category: Uint8Array.from(c.category.trimmed()),
        regionId: Int32Array.from(c.regionId.trimmed()),
        producerId: Int32Array.from(c.producerId.trimmed()),
        producerType: Uint8Array.from(c.producerType.trimmed()),
        stars: Uint8Array.from(c.stars.trimmed()),
        issuedOn: Int32Array.from(c.issuedOn.trimmed()),
        exportReady: Uint8Array.from(c.exportReady.trimmed()),
        certifications: Uint8Array.from(c.certifications.trimmed()),
        nameSortKeys: this.nameSortKeys,
        byCertificate: this.byCertificate,
        producerWords: this.producerWords,
        placeWords: this.placeWords,
        places: this.places,
      },
      this.vocabulary.finish(),
    );
  }
}

/** A date as one sortable number (2024-06-15 → 20240615). */
function dayNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** Certifications as bits: bit i set for CERTIFICATION_SCHEMES[i]. */
function certificationBits(schemes: readonly CertificationScheme[]): number {
  return schemes.reduce((bits, scheme) => bits | (1 << CERTIFICATION_SCHEMES.indexOf(scheme)), 0);
}

interface IndexParts {
  words: string[];
  wordIds: Map<string, number>;
  near: Postings;
  far: Postings;
  names: Uint32Array;
  nameStart: Uint32Array;
  description: Uint32Array;
  descriptionStart: Uint32Array;
  ids: Int32Array;
  category: Uint8Array;
  regionId: Int32Array;
  producerId: Int32Array;
  producerType: Uint8Array;
  stars: Uint8Array;
  issuedOn: Int32Array;
  exportReady: Uint8Array;
  certifications: Uint8Array;
  nameSortKeys: readonly string[];
  byCertificate: Map<string, number>;
  producerWords: ReadonlyMap<number, readonly string[]>;
  placeWords: ReadonlyMap<number, readonly string[]>;
  places: ReadonlyMap<number, SearchIndexPlace>;
}

/** Lists of slots per word, one after the other: word w's are slots[start[w]] … slots[start[w + 1] - 1]. */
interface Postings {
  start: Int32Array;
  slots: Int32Array;
}

/**
 * The slots of each word, ascending, from the word ids posted per product (product s's are
 * posted[byProduct[s]] … posted[byProduct[s + 1] - 1]): a counting sort by word.
 */
function postings(posted: Run, byProduct: Run, words: number): Postings {
  const start = new Int32Array(words + 1);
  for (let k = 0; k < posted.length; k++) {
    const w = (posted.data[k] ?? 0) + 1;
    start[w] = (start[w] ?? 0) + 1;
  }
  for (let w = 0; w < words; w++) start[w + 1] = (start[w + 1] ?? 0) + (start[w] ?? 0);
  const next = start.slice(0, words);
  const slots = new Int32Array(posted.length);
  for (let slot = 0; slot + 1 < byProduct.length; slot++) {
    const end = byProduct.data[slot + 1] ?? 0;
    for (let k = byProduct.data[slot] ?? 0; k < end; k++) {
      const word = posted.data[k] ?? 0;
      const at = next[word] ?? 0;
      slots[at] = slot;
      next[word] = at + 1;
    }
  }
  return { start, slots };
}

export class SearchIndex {
  /** Number of products indexed. */
  readonly size: number;
  readonly vocabulary: SearchVocabulary;
  private readonly words: string[];
  private readonly wordIds: ReadonlyMap<string, number>;
  /** Word ids in the words' code-point order, for prefix ranges. */
  private readonly sortedWords: string[];
  private readonly sortedIds: Int32Array;
  /** Where each word's products are: in names, producer or place; in description or story only. */
  private readonly near: Postings;
  private readonly far: Postings;
  /** Word ids of the products' names and descriptions (see SearchIndexBuilder). */
  private readonly names: Uint32Array;
  private readonly nameStart: Uint32Array;
  private readonly description: Uint32Array;
  private readonly descriptionStart: Uint32Array;
  private readonly producerWords: ReadonlyMap<number, readonly string[]>;
  private readonly placeWords: ReadonlyMap<number, readonly string[]>;
  private readonly ids: Int32Array;
  /** Slots in ascending order of product id, to find a product by id. */
  private readonly slotsById: Int32Array;
  private readonly stars: Uint8Array;
  private readonly category: Uint8Array;
  private readonly producerId: Int32Array;
  private readonly producerType: Uint8Array;
  private readonly regionId: Int32Array;
  private readonly regionPath: string[];
  /** Issue dates as numbers (20240615). */
  private readonly issuedOn: Int32Array;
  private readonly exportReady: Uint8Array;
  /** Bit i set: holds CERTIFICATION_SCHEMES[i]. */
  private readonly certifications: Uint8Array;
  /** Position of each product's name in Vietnamese dictionary order; equal names share one. */
  private readonly nameRank: Int32Array;
  /** Position of each product in name-then-id order (unique), and the product at each position. */
  private readonly listRank: Int32Array;
  private readonly slotAtListRank: Int32Array;
  private readonly byCertificate: ReadonlyMap<string, number>;
  /** Working memory of match(), reused: a search allocates no per-product arrays. */
  private readonly nearHits: Uint16Array;
  private readonly anyHits: Uint16Array;
  private readonly seen: Uint8Array;
  private costRows: Float32Array[] = [];

  constructor(parts: IndexParts, vocabulary: SearchVocabulary) {
    const n = parts.ids.length;
    this.size = n;
    this.vocabulary = vocabulary;
    this.words = parts.words;
    this.wordIds = parts.wordIds;
    const order = parts.words.map((_, i) => i).sort((a, b) => compareText(parts.words[a] ?? '', parts.words[b] ?? ''));
    this.sortedWords = order.map((i) => parts.words[i] ?? '');
    this.sortedIds = Int32Array.from(order);
    this.near = parts.near;
    this.far = parts.far;
    this.names = parts.names;
    this.nameStart = parts.nameStart;
    this.description = parts.description;
    this.descriptionStart = parts.descriptionStart;
    this.producerWords = parts.producerWords;
    this.placeWords = parts.placeWords;
    this.ids = parts.ids;
    this.slotsById = new Int32Array(n);
    for (let slot = 0; slot < n; slot++) this.slotsById[slot] = slot;
    this.slotsById.sort((a, b) => (parts.ids[a] ?? 0) - (parts.ids[b] ?? 0));
    this.stars = parts.stars;
    this.category = parts.category;
    this.producerId = parts.producerId;
    this.producerType = parts.producerType;
    this.regionId = parts.regionId;
    this.regionPath = Array.from(parts.regionId, (id) => parts.places.get(id)?.path ?? '');
    this.issuedOn = parts.issuedOn;
    this.exportReady = parts.exportReady;
    this.certifications = parts.certifications;
    const keys = parts.nameSortKeys;
    const byName = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareText(keys[a] ?? '', keys[b] ?? ''));
    this.nameRank = new Int32Array(n);
    let rank = 0;
    byName.forEach((slot, i) => {
      if (i > 0 && keys[slot] !== keys[byName[i - 1] ?? 0]) rank = i;
      this.nameRank[slot] = rank;
    });
    // Name, then id: the order every listing ends with, as one number per product.
    const byNameAndId = byName.sort(
      (a, b) => (this.nameRank[a] ?? 0) - (this.nameRank[b] ?? 0) || (this.ids[a] ?? 0) - (this.ids[b] ?? 0),
    );
    this.listRank = new Int32Array(n);
    this.slotAtListRank = Int32Array.from(byNameAndId);
    byNameAndId.forEach((slot, i) => {
      this.listRank[slot] = i;
    });
    this.byCertificate = parts.byCertificate;
    this.nearHits = new Uint16Array(n);
    this.anyHits = new Uint16Array(n);
    this.seen = new Uint8Array(n);
  }

  /** The slot of product `id`, or -1. */
  private slotOf(id: number): number {
    let lo = 0;
    let hi = this.slotsById.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ids[this.slotsById[mid] ?? 0] ?? 0) < id) lo = mid + 1;
      else hi = mid;
    }
    const slot = this.slotsById[lo] ?? -1;
    return slot >= 0 && this.ids[slot] === id ? slot : -1;
  }

  /** Stars of the certificate that publishes product `id`, if the index holds it. */
  starsOf(id: number): number | undefined {
    const slot = this.slotOf(id);
    return slot < 0 ? undefined : this.stars[slot];
  }

  /** The id of the product in `slot` (SearchMatches hold slots). */
  idAt(slot: number): number {
    return this.ids[slot] ?? 0;
  }

  /** Reads a buyer's query against this catalog's vocabulary (@ocop/domain's interpretQuery). */
  interpret(query: string, options?: InterpretOptions): QueryInterpretation {
    return interpretQuery(query, this.vocabulary, options);
  }

  /**
   * Calls `visit` with the id of `word`, if the index has it, and, with `prefix`, of every longer
   * word that starts with it (`longer` true).
   */
  private eachWord(word: string, prefix: boolean, visit: (id: number, longer: boolean) => void): void {
    if (!prefix) {
      const id = this.wordIds.get(word);
      if (id !== undefined) visit(id, false);
      return;
    }
    let lo = 0;
    let hi = this.sortedWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sortedWords[mid] ?? '') < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sortedWords.length && (this.sortedWords[i] ?? '').startsWith(word); i++) {
      visit(this.sortedIds[i] ?? 0, (this.sortedWords[i] ?? '') !== word);
    }
  }

  /** The words of run[start[i]] … run[start[i + 1] - 1]. */
  private wordsOf(run: Uint32Array, start: Uint32Array, i: number): string[] {
    const from = start[i] ?? 0;
    const to = start[i + 1] ?? from;
    const words = new Array<string>(to - from);
    for (let k = from; k < to; k++) words[k - from] = this.words[run[k] ?? 0] ?? '';
    return words;
  }

  /** The product's search document, with its description when `withDescription` (a match found only there). */
  private document(slot: number, withDescription = false): SearchDocument {
    const names: string[][] = [];
    for (const i of [2 * slot, 2 * slot + 1]) {
      if ((this.nameStart[i + 1] ?? 0) > (this.nameStart[i] ?? 0))
        names.push(this.wordsOf(this.names, this.nameStart, i));
    }
    return {
      names,
      producer: this.producerWords.get(this.producerId[slot] ?? 0) ?? NO_WORDS,
      place: this.placeWords.get(this.regionId[slot] ?? 0) ?? NO_WORDS,
      description: withDescription ? this.wordsOf(this.description, this.descriptionStart, slot) : NO_WORDS,
      stars: this.stars[slot] ?? 0,
    };
  }

  /**
   * The products that match `q`, with their searchScore; null when `q` asks for nothing (no word
   * and no certificate number: the caller lists the catalog instead). A certificate number in
   * the query restricts the match to the product that certificate publishes.
   *
   * When every reading is one word (the usual case), the word lists say everything but the order
   * of words in names: a product whose names, producer and place hold every term is scored by
   * searchScore on those (short) texts; one that needs its description for some term is in the
   * description tier, scored from the cheapest reading of each term found anywhere, which is what
   * searchScore would compute. Readings of several words (split, joined) are scored by
   * searchScore on the whole product, which checks that their words stand together.
   */
  match(q: QueryInterpretation): SearchMatches | null {
    const certificateSlot =
      q.certificateNumber === null ? undefined : (this.byCertificate.get(q.certificateNumber) ?? -1);
    if (q.terms.length === 0) {
      if (certificateSlot === undefined) return null;
      return certificateSlot < 0
        ? { slots: new Int32Array(0), scores: new Float64Array(0) }
        : { slots: Int32Array.of(certificateSlot), scores: Float64Array.of(CERTIFICATE_SCORE) };
    }
    const size = this.size;
    // Bit i: term i has a reading that the product's names, producer or place hold (near), or
    // that it holds anywhere (any).
    const { nearHits, anyHits, seen } = this;
    nearHits.fill(0);
    anyHits.fill(0);
    const oneWord = q.terms.every((t) => t.alternatives.every((a) => !a.word.includes(' ')));
    // For one-word readings: the cheapest reading of each term found anywhere in each product.
    while (oneWord && this.costRows.length < q.terms.length) this.costRows.push(new Float32Array(size));
    const anyCost = oneWord ? this.costRows.slice(0, q.terms.length) : [];
    for (const row of anyCost) row.fill(Number.POSITIVE_INFINITY);
    q.terms.forEach((term, i) => {
      const bit = 1 << i;
      const costs = anyCost[i];
      for (const alternative of term.alternatives) {
        const words = alternative.word.split(' ');
        const last = words.length - 1;
        if (last === 0) {
          this.eachWord(words[0] ?? '', term.prefix, (id, longer) => {
            const cost = alternative.cost + (longer ? SEARCH_COSTS.prefixExtension : 0);
            for (const [list, hits] of [
              [this.near, nearHits],
              [this.far, anyHits],
            ] as const) {
              const end = list.start[id + 1] ?? 0;
              for (let k = list.start[id] ?? 0; k < end; k++) {
                const slot = list.slots[k] ?? 0;
                hits[slot] = (hits[slot] ?? 0) | bit;
                if (costs && cost < (costs[slot] ?? 0)) costs[slot] = cost;
              }
            }
          });
          continue;
        }
        // Several words (a split reading): products holding every one of them, anywhere.
        seen.fill(0);
        words.forEach((word, j) => {
          this.eachWord(word, term.prefix && j === last, (id) => {
            for (const list of [this.near, this.far]) {
              const end = list.start[id + 1] ?? 0;
              for (let k = list.start[id] ?? 0; k < end; k++) {
                const slot = list.slots[k] ?? 0;
                if (seen[slot] !== j) continue;
                if (j === last) anyHits[slot] = (anyHits[slot] ?? 0) | bit;
                else seen[slot] = j + 1;
              }
            }
          });
        });
      }
    });
    const all = (1 << q.terms.length) - 1;
    const slots: number[] = [];
    const scores: number[] = [];
    for (let slot = 0; slot < size; slot++) {
      const near = nearHits[slot] ?? 0;
      if ((near | (anyHits[slot] ?? 0)) !== all) continue;
      if (certificateSlot !== undefined && slot !== certificateSlot) continue;
      let score: number;
      if (!oneWord) {
        score = searchScore(this.document(slot), q);
        if (score === 0) score = searchScore(this.document(slot, true), q);
      } else if (near === all) {
        score = searchScore(this.document(slot), q);
      } else {
        let cost = 0;
        for (const costs of anyCost) cost += costs[slot] ?? 0;
        score = tierScore(SEARCH_TIERS.description, cost);
      }
      if (score > 0) {
        slots.push(slot);
        scores.push(score);
      }
    }
    return { slots: Int32Array.from(slots), scores: Float64Array.from(scores) };
  }

  /** A test of `filter`, leaving out the dimension `except` (for that dimension's facet). */
  private accepts(filter: SearchIndexFilter, except?: SearchDimension): (slot: number) => boolean {
    const tests: ((slot: number) => boolean)[] = [];
    if (except !== 'category' && filter.categories?.length) {
      const allowed = new Set(filter.categories.map((c) => CATEGORY_CODES.indexOf(c)));
      tests.push((slot) => allowed.has(this.category[slot] ?? -1));
    }
    if (except !== 'stars' && filter.minStars !== undefined) {
      const min = filter.minStars;
      tests.push((slot) => (this.stars[slot] ?? 0) >= min);
    }
    if (except !== 'stars' && filter.maxStars !== undefined) {
      const max = filter.maxStars;
      tests.push((slot) => (this.stars[slot] ?? 0) <= max);
    }
    if (except !== 'region' && filter.regionPath) {
      const path = filter.regionPath;
      tests.push((slot) => (this.regionPath[slot] ?? '').startsWith(path));
    }
    if (except !== 'producerType' && filter.producerTypes?.length) {
      const allowed = new Set(filter.producerTypes.map((t) => PRODUCER_TYPES.indexOf(t)));
      tests.push((slot) => allowed.has(this.producerType[slot] ?? -1));
    }
    if (filter.certifiedFrom !== undefined) {
      const from = dayNumber(`${filter.certifiedFrom}-01-01`);
      tests.push((slot) => (this.issuedOn[slot] ?? 0) >= from);
    }
    if (filter.certifiedTo !== undefined) {
      const to = dayNumber(`${filter.certifiedTo}-12-31`);
      tests.push((slot) => (this.issuedOn[slot] ?? 0) <= to);
    }
    if (except !== 'exportReady' && filter.exportReady) {
      tests.push((slot) => this.exportReady[slot] === 1);
    }
    if (except !== 'certification' && filter.certifications?.length) {
      const wanted = certificationBits(filter.certifications);
      tests.push((slot) => ((this.certifications[slot] ?? 0) & wanted) === wanted);
    }
    return (slot) => tests.every((test) => test(slot));
  }

  /** Published products per value of `dimension` (category code, stars, region id, producer type), all of them. */
  totals(dimension: SearchDimension): { value: string; count: number }[] {
    const slots = new Int32Array(this.size);
    for (let slot = 0; slot < this.size; slot++) slots[slot] = slot;
    return this.countBy({ slots, scores: new Float64Array(0) }, {}, dimension);
  }

  /** How many matches pass the filter. */
  count(matches: SearchMatches, filter: SearchIndexFilter): number {
    const accepts = this.accepts(filter);
    let n = 0;
    for (const slot of matches.slots) if (accepts(slot)) n++;
    return n;
  }

  /**
   * Matches per value of `dimension` (a category code, a star count, a region id, a producer
   * type, a certification scheme, or "true" for ready to export), with every filter applied but
   * `except`'s. A product with several certifications counts once under each.
   */
  countBy(
    matches: SearchMatches,
    filter: SearchIndexFilter,
    dimension: SearchDimension,
    except?: SearchDimension,
  ): { value: string; count: number }[] {
    const accepts = this.accepts(filter, except);
    const counts = new Map<number, number>();
    if (dimension === 'certification' || dimension === 'exportReady') {
      const bits = dimension === 'certification' ? this.certifications : this.exportReady;
      for (const slot of matches.slots) {
        if (!accepts(slot)) continue;
        const held = bits[slot] ?? 0;
        for (let i = 0; held >> i; i++) if (held & (1 << i)) counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      const name = (i: number) => (dimension === 'certification' ? (CERTIFICATION_SCHEMES[i] ?? '') : 'true');
      return [...counts].sort(([a], [b]) => a - b).map(([i, count]) => ({ value: name(i), count }));
    }
    const values: Record<'category' | 'stars' | 'region' | 'producerType', (slot: number) => number> = {
      category: (slot) => this.category[slot] ?? 0,
      stars: (slot) => this.stars[slot] ?? 0,
      region: (slot) => this.regionId[slot] ?? 0,
      producerType: (slot) => this.producerType[slot] ?? 0,
    };
    const value = values[dimension];
    for (const slot of matches.slots) {
      if (!accepts(slot)) continue;
      const v = value(slot);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const label: Record<'category' | 'stars' | 'region' | 'producerType', (v: number) => string> = {
      category: (v) => CATEGORY_CODES[v] ?? '',
      stars: (v) => String(v),
      region: (v) => String(v),
      producerType: (v) => PRODUCER_TYPES[v] ?? '',
    };
    return [...counts].sort(([a], [b]) => a - b).map(([v, count]) => ({ value: label[dimension](v), count }));
  }

  /**
   * The ids of the matches that pass the filter, in the requested order. RELEVANCE: score, then
   * more stars; every order then goes by Vietnamese name and id, as the SQL listings do.
   */
  ordered(
    matches: SearchMatches,
    filter: SearchIndexFilter,
    field: SearchOrderField,
    direction: 'ASC' | 'DESC',
  ): number[] {
    const accepts = this.accepts(filter);
    if (field === 'RELEVANCE') {
      const fast = this.byRelevance(matches, accepts, direction);
      if (fast) return fast;
    }
    const picked: { slot: number; score: number }[] = [];
    matches.slots.forEach((slot, i) => {
      if (accepts(slot)) picked.push({ slot, score: matches.scores[i] ?? 0 });
    });
    const sign = direction === 'ASC' ? 1 : -1;
    const byName = (a: number, b: number) =>
      (this.nameRank[a] ?? 0) - (this.nameRank[b] ?? 0) || (this.ids[a] ?? 0) - (this.ids[b] ?? 0);
    const primary: Record<
      SearchOrderField,
      (a: { slot: number; score: number }, b: { slot: number; score: number }) => number
    > = {
      RELEVANCE: (a, b) => sign * (a.score - b.score) || (this.stars[b.slot] ?? 0) - (this.stars[a.slot] ?? 0),
      STARS: (a, b) => sign * ((this.stars[a.slot] ?? 0) - (this.stars[b.slot] ?? 0)),
      CERTIFIED_AT: (a, b) => sign * ((this.issuedOn[a.slot] ?? 0) - (this.issuedOn[b.slot] ?? 0)),
      NAME: (a, b) => sign * ((this.nameRank[a.slot] ?? 0) - (this.nameRank[b.slot] ?? 0)),
    };
    const first = primary[field];
    picked.sort((a, b) => first(a, b) || byName(a.slot, b.slot));
    return picked.map((p) => this.ids[p.slot] ?? 0);
  }

  /**
   * RELEVANCE order by sorting one number per match (score, stars, name and id packed together),
   * several times faster than a comparator over thousands of matches. Null if a score is not a
   * multiple of 0.5 (every reading cost is a multiple of 0.25, so none is today).
   */
  private byRelevance(
    matches: SearchMatches,
    accepts: (slot: number) => boolean,
    direction: 'ASC' | 'DESC',
  ): number[] | null {
    const ranks = this.slotAtListRank.length;
    const keys = new Float64Array(matches.slots.length);
    let n = 0;
    for (let i = 0; i < matches.slots.length; i++) {
      const slot = matches.slots[i] ?? 0;
      if (!accepts(slot)) continue;
      const half = (matches.scores[i] ?? 0) * 2;
      if (!Number.isInteger(half) || half < 0 || half >= MAX_HALF_SCORE) return null;
      const score = direction === 'DESC' ? MAX_HALF_SCORE - 1 - half : half;
      keys[n++] = (score * 8 + (7 - (this.stars[slot] ?? 0))) * ranks + (this.listRank[slot] ?? 0);
    }
    const sorted = keys.subarray(0, n).sort();
    const ids = new Array<number>(n);
    for (let i = 0; i < n; i++) ids[i] = this.ids[this.slotAtListRank[(sorted[i] ?? 0) % ranks] ?? 0] ?? 0;
    return ids;
  }
}
