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

/** A growable array of 32-bit word ids. */
class WordRun {
  data = new Uint32Array(1 << 16);
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

/** Reads published products one batch at a time, then makes the index. */
export class SearchIndexBuilder {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  /** Slots whose names, producer or place hold each word, ascending, without repeats. */
  private readonly near: number[][] = [];
  /** Slots whose description or story alone holds each word. */
  private readonly far: number[][] = [];
  /** The last slot added to each word's lists, to add a product once per word. */
  private readonly lastNear: number[] = [];
  private readonly lastFar: number[] = [];
  private readonly rows: Omit<SearchIndexRow, 'bodyFolded' | 'nameVi' | 'nameEn' | 'producerName'>[] = [];
  private readonly docs: SearchDocument[] = [];
  private readonly description = new WordRun();
  private readonly descriptionStart: number[] = [0];
  private readonly producerWords = new Map<number, readonly string[]>();
  private readonly placeWords = new Map<number, readonly string[]>();
  private readonly texts: string[] = [];
  private readonly producersSeen = new Set<number>();

  constructor(private readonly places: ReadonlyMap<number, SearchIndexPlace>) {}

  private id(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.wordIds.set(word, id);
      this.words.push(word);
      this.near.push([]);
      this.far.push([]);
      this.lastNear.push(-1);
      this.lastFar.push(-1);
    }
    return id;
  }

  /** The words of `tokens` as the index's own strings (one copy of each word in memory), posted as near `slot`. */
  private post(tokens: readonly string[], slot: number): string[] {
    return tokens.map((token) => {
      const id = this.id(token);
      if (this.lastNear[id] !== slot) {
        this.lastNear[id] = slot;
        this.near[id]?.push(slot);
      }
      return this.words[id] ?? token;
    });
  }

  private shared(cache: Map<number, readonly string[]>, key: number, text: () => string): readonly string[] {
    let words = cache.get(key);
    if (words === undefined) {
      words = searchTokens(text()).map((token) => this.words[this.id(token)] ?? token);
      cache.set(key, words);
    }
    return words;
  }

  add(row: SearchIndexRow): void {
    const slot = this.rows.length;
    const place = this.places.get(row.regionId);
    const producer = this.shared(this.producerWords, row.producerId, () => row.producerName);
    const placeWords = this.shared(this.placeWords, row.regionId, () => (place?.names ?? []).join(', '));
    const names = [row.nameVi, row.nameEn ?? ''].map((name) => this.post(searchTokens(name), slot));
    this.post(producer, slot);
    this.post(placeWords, slot);
    for (const token of row.bodyFolded.split(' ')) {
      if (token === '') continue;
      const id = this.id(token);
      this.description.push(id);
      if (this.lastNear[id] !== slot && this.lastFar[id] !== slot) {
        this.lastFar[id] = slot;
        this.far[id]?.push(slot);
      }
    }
    this.descriptionStart.push(this.description.length);
    this.docs.push({
      names: names.filter((n) => n.length > 0),
      producer,
      place: placeWords,
      description: NO_WORDS,
      stars: row.stars,
    });
    this.rows.push({
      id: row.id,
      category: row.category,
      regionId: row.regionId,
      producerId: row.producerId,
      producerType: row.producerType,
      nameSortKey: row.nameSortKey,
      stars: row.stars,
      issuedOn: row.issuedOn,
      certificateNumber: row.certificateNumber,
      exportReady: row.exportReady,
      certifications: row.certifications,
    });
    this.texts.push(row.nameVi, row.nameEn ?? '');
    if (!this.producersSeen.has(row.producerId)) {
      this.producersSeen.add(row.producerId);
      this.texts.push(row.producerName);
    }
  }

  /**
   * The index. `vocabularyTexts` are the other names a buyer may type and the vocabulary must
   * hold (places, categories, in both languages); product names and producers are added here.
   */
  finish(vocabularyTexts: Iterable<string>): SearchIndex {
    const texts = this.texts;
    for (const text of vocabularyTexts) texts.push(text);
    const vocabulary = SearchVocabulary.build(texts);
    return new SearchIndex(
      {
        words: this.words,
        near: this.near,
        far: this.far,
        rows: this.rows,
        docs: this.docs,
        description: this.description.trimmed(),
        descriptionStart: Uint32Array.from(this.descriptionStart),
        places: this.places,
      },
      vocabulary,
    );
  }
}

interface IndexParts {
  words: string[];
  near: number[][];
  far: number[][];
  rows: Omit<SearchIndexRow, 'bodyFolded' | 'nameVi' | 'nameEn' | 'producerName'>[];
  docs: SearchDocument[];
  description: Uint32Array;
  descriptionStart: Uint32Array;
  places: ReadonlyMap<number, SearchIndexPlace>;
}

/** Lists of slots per word, one after the other: word w's are slots[start[w]] … slots[start[w + 1] - 1]. */
interface Postings {
  start: Int32Array;
  slots: Int32Array;
}

function postings(lists: readonly number[][]): Postings {
  const start = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, i) => {
    start[i] = total;
    total += list.length;
  });
  start[lists.length] = total;
  const slots = new Int32Array(total);
  lists.forEach((list, i) => {
    slots.set(list, start[i] ?? 0);
  });
  return { start, slots };
}

export class SearchIndex {
  /** Number of products indexed. */
  readonly size: number;
  readonly vocabulary: SearchVocabulary;
  private readonly words: string[];
  private readonly wordIds: Map<string, number>;
  /** Word ids in the words' code-point order, for prefix ranges. */
  private readonly sortedWords: string[];
  private readonly sortedIds: Int32Array;
  /** Where each word's products are: in names, producer or place; in description or story only. */
  private readonly near: Postings;
  private readonly far: Postings;
  private readonly docs: SearchDocument[];
  private readonly description: Uint32Array;
  private readonly descriptionStart: Uint32Array;
  private readonly ids: Int32Array;
  private readonly stars: Uint8Array;
  private readonly category: Uint8Array;
  private readonly producerType: Uint8Array;
  private readonly regionId: Int32Array;
  private readonly regionPath: string[];
  private readonly issuedOn: string[];
  private readonly exportReady: Uint8Array;
  /** Bit i set: holds CERTIFICATION_SCHEMES[i]. */
  private readonly certifications: Uint8Array;
  /** Position of each product's name in Vietnamese dictionary order; equal names share one. */
  private readonly nameRank: Int32Array;
  /** Position of each product in name-then-id order (unique), and the product at each position. */
  private readonly listRank: Int32Array;
  private readonly slotAtListRank: Int32Array;
  private readonly byCertificate: Map<string, number>;
  private readonly slotById: Map<number, number>;
  /** Working memory of match(), reused: a search allocates no per-product arrays. */
  private readonly nearHits: Uint16Array;
  private readonly anyHits: Uint16Array;
  private readonly seen: Uint8Array;
  private costRows: Float32Array[] = [];

  constructor(parts: IndexParts, vocabulary: SearchVocabulary) {
    const { rows } = parts;
    const n = rows.length;
    this.size = n;
    this.vocabulary = vocabulary;
    this.words = parts.words;
    this.wordIds = new Map(parts.words.map((w, i) => [w, i]));
    const order = parts.words.map((_, i) => i).sort((a, b) => compareText(parts.words[a] ?? '', parts.words[b] ?? ''));
    this.sortedWords = order.map((i) => parts.words[i] ?? '');
    this.sortedIds = Int32Array.from(order);
    this.near = postings(parts.near);
    this.far = postings(parts.far);
    this.docs = parts.docs;
    this.description = parts.description;
    this.descriptionStart = parts.descriptionStart;
    this.ids = Int32Array.from(rows, (r) => r.id);
    this.stars = Uint8Array.from(rows, (r) => r.stars);
    this.category = Uint8Array.from(rows, (r) => CATEGORY_CODES.indexOf(r.category));
    this.producerType = Uint8Array.from(rows, (r) => PRODUCER_TYPES.indexOf(r.producerType));
    this.regionId = Int32Array.from(rows, (r) => r.regionId);
    this.regionPath = rows.map((r) => parts.places.get(r.regionId)?.path ?? '');
    this.issuedOn = rows.map((r) => r.issuedOn);
    this.exportReady = Uint8Array.from(rows, (r) => (r.exportReady ? 1 : 0));
    this.certifications = Uint8Array.from(rows, (r) =>
      r.certifications.reduce((bits, scheme) => bits | (1 << CERTIFICATION_SCHEMES.indexOf(scheme)), 0),
    );
    const byName = rows
      .map((_, i) => i)
      .sort((a, b) => compareText(rows[a]?.nameSortKey ?? '', rows[b]?.nameSortKey ?? ''));
    this.nameRank = new Int32Array(n);
    let rank = 0;
    byName.forEach((slot, i) => {
      if (i > 0 && rows[slot]?.nameSortKey !== rows[byName[i - 1] ?? 0]?.nameSortKey) rank = i;
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
    this.byCertificate = new Map(rows.map((r, slot) => [r.certificateNumber, slot]));
    this.slotById = new Map(rows.map((r, slot) => [r.id, slot]));
    this.nearHits = new Uint16Array(n);
    this.anyHits = new Uint16Array(n);
    this.seen = new Uint8Array(n);
  }

  /** Stars of the certificate that publishes product `id`, if the index holds it. */
  starsOf(id: number): number | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.stars[slot];
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

  /** The product's search document with its description, for a match found only there. */
  private fullDocument(slot: number): SearchDocument {
    const doc = this.docs[slot] as SearchDocument;
    const start = this.descriptionStart[slot] ?? 0;
    const end = this.descriptionStart[slot + 1] ?? start;
    const description = new Array<string>(end - start);
    for (let k = start; k < end; k++) description[k - start] = this.words[this.description[k] ?? 0] ?? '';
    return { ...doc, description };
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
        score = searchScore(this.docs[slot] as SearchDocument, q);
        if (score === 0) score = searchScore(this.fullDocument(slot), q);
      } else if (near === all) {
        score = searchScore(this.docs[slot] as SearchDocument, q);
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
      const from = `${filter.certifiedFrom}-01-01`;
      tests.push((slot) => (this.issuedOn[slot] ?? '') >= from);
    }
    if (filter.certifiedTo !== undefined) {
      const to = `${filter.certifiedTo}-12-31`;
      tests.push((slot) => (this.issuedOn[slot] ?? '') <= to);
    }
    if (except !== 'exportReady' && filter.exportReady) {
      tests.push((slot) => this.exportReady[slot] === 1);
    }
    if (except !== 'certification' && filter.certifications?.length) {
      const wanted = filter.certifications.reduce((bits, s) => bits | (1 << CERTIFICATION_SCHEMES.indexOf(s)), 0);
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
      CERTIFIED_AT: (a, b) => sign * compareText(this.issuedOn[a.slot] ?? '', this.issuedOn[b.slot] ?? ''),
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
