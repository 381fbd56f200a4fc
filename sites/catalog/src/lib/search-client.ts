/**
 * The search page's logic, in the browser: the same reading and ranking as the API's
 * (@ocop/domain's interpretQuery and rankSearchResults, with the vocabulary the API serves),
 * applied around Pagefind. Pagefind finds candidate pages for the likeliest readings; their
 * metadata (names in both languages, producer, places, description, stars) is ranked by the
 * domain's rules, which also drop what they do not count as a match (a word found only in a
 * heading or a category label). Filters and their counts are computed on the ranked results.
 * Pure functions only, so the page's script stays a thin layer over the DOM.
 */
import {
  compareSearchResults,
  type QueryInterpretation,
  queryNames,
  rankSearchResults,
  type SearchDocument,
  searchDocument,
  vietnameseSortKey,
} from '@ocop/domain';

/** A Pagefind result's page, as its fragment gives it. */
export interface SearchPage {
  url: string;
  meta: Record<string, string | undefined>;
}

/** A page the domain's ranking counts as a match, with what filters look at. */
export interface RankedPage extends SearchPage {
  score: number;
  stars: string;
  category: string;
  district: string;
}

export const FACETS = ['stars', 'category', 'district'] as const;
export type Facet = (typeof FACETS)[number];
export type SearchFilters = Partial<Record<Facet, string>>;

/** Most Pagefind searches one query runs: one per combination of its likeliest readings. */
const MAX_READINGS = 4;
/** Readings of each term tried with Pagefind. */
const READINGS_PER_TERM = 2;

/**
 * The strings to give Pagefind for `q`, likeliest first: the best reading, then other
 * combinations of each term's two likeliest readings (a word typed as it is in a description
 * stays one of them). Pagefind matches its words anywhere on the page; ranking decides.
 */
export function pagefindQueries(q: QueryInterpretation): string[] {
  let combos: { words: string[]; cost: number }[] = [{ words: [], cost: 0 }];
  for (const term of q.terms) {
    const known = term.alternatives.filter((a) => a.kind !== 'unknown');
    const readings = (known.length > 0 ? known : term.alternatives).slice(0, READINGS_PER_TERM);
    combos = combos
      .flatMap((c) => readings.map((r) => ({ words: [...c.words, r.word], cost: c.cost + r.cost })))
      .sort((a, b) => a.cost - b.cost)
      .slice(0, MAX_READINGS);
  }
  return [...new Set(combos.map((c) => c.words.join(' ')).filter((s) => s !== ''))];
}

/** The search document of a page, from the metadata product pages carry for it. */
export function pageDocument(page: SearchPage): SearchDocument {
  const m = page.meta;
  return searchDocument({
    names: [m.name_vi ?? m.title ?? '', m.name_en ?? ''],
    producer: m.producer ?? '',
    place: m.places ?? '',
    description: m.summary ?? '',
    stars: Number(m.stars_n ?? 0),
  });
}

/**
 * The pages that match `q` by the domain's rules, best first: score, then stars, then Vietnamese
 * name order, as the API orders them. A certificate number in the query keeps only the page of
 * the product it certifies, as the API does.
 */
export function rankPages(pages: readonly SearchPage[], q: QueryInterpretation): RankedPage[] {
  const candidates =
    q.certificateNumber === null ? pages : pages.filter((p) => p.meta.certificate === q.certificateNumber);
  const docs = new Map(candidates.map((p) => [p, pageDocument(p)]));
  const keys = new Map(candidates.map((p) => [p, vietnameseSortKey(p.meta.name_vi ?? p.meta.title ?? '')]));
  const byName = (a: SearchPage, b: SearchPage) => {
    const ka = keys.get(a) ?? '';
    const kb = keys.get(b) ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
  };
  return rankSearchResults(candidates, q, (p) => docs.get(p) as SearchDocument)
    .sort(
      (a, b) =>
        compareSearchResults(
          { score: a.score, stars: Number(a.item.meta.stars_n ?? 0) },
          { score: b.score, stars: Number(b.item.meta.stars_n ?? 0) },
        ) || byName(a.item, b.item),
    )
    .map(({ item, score }) => ({
      ...item,
      score,
      stars: item.meta.stars_n ?? '',
      category: item.meta.category_code ?? '',
      district: item.meta.district ?? '',
    }));
}

function passes(page: RankedPage, filters: SearchFilters, except?: Facet): boolean {
  return FACETS.every((facet) => facet === except || !filters[facet] || page[facet] === filters[facet]);
}

/** The ranked pages that pass every filter. */
export function filterPages(pages: readonly RankedPage[], filters: SearchFilters): RankedPage[] {
  return pages.filter((p) => passes(p, filters));
}

/**
 * For each facet, how many pages each of its values would list: every other filter applied,
 * its own left out (as the API's facets count).
 */
export function facetCounts(pages: readonly RankedPage[], filters: SearchFilters): Record<Facet, Map<string, number>> {
  const counts = { stars: new Map(), category: new Map(), district: new Map() } as Record<Facet, Map<string, number>>;
  for (const page of pages) {
    for (const facet of FACETS) {
      if (!passes(page, filters, facet) || !page[facet]) continue;
      counts[facet].set(page[facet], (counts[facet].get(page[facet]) ?? 0) + 1);
    }
  }
  return counts;
}

/** A category or district the search page can point to. */
export interface NamedPlace {
  code: string;
  /** Its names in both languages: a buyer may type either. */
  name: { vi: string; en: string };
  /** What the page shows for it. */
  label: string;
  href: string;
  count: number;
}

const placeDocuments = new WeakMap<NamedPlace, SearchDocument>();

/** The categories or districts a query names (@ocop/domain's queryNames), as the API lists them. */
export function namedBy(q: QueryInterpretation, places: readonly NamedPlace[]): NamedPlace[] {
  return places.filter((place) => {
    let doc = placeDocuments.get(place);
    if (!doc) {
      doc = searchDocument({ names: [place.name.vi, place.name.en] });
      placeDocuments.set(place, doc);
    }
    return place.count > 0 && queryNames(q, doc);
  });
}
