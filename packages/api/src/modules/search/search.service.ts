import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { CATEGORIES, type IsoDate, queryNames, type SearchDocument, searchDocument } from '@ocop/domain';
import { derivedFrom } from '../../cache/query-cache.js';
import { type RegionDirectory, type RegionView, regionDirectory } from '../region/region.reader.js';
import { Category } from '../category/category.type.js';
import { checkSearchLength } from './search.input.js';
import { searchIndex } from './search.reader.js';

/** Most district-level units one search suggests. */
export const MAX_SUGGESTED_DISTRICTS = 10;
/** Most words offered to complete the word being typed. */
export const MAX_COMPLETIONS = 8;

export interface SearchSuggestionsView {
  query: string;
  didYouMean: string | null;
  certificateNumber: string | null;
  completions: string[];
  categories: Category[];
  districts: RegionView[];
}

const CATEGORY_DOCUMENTS = CATEGORIES.map((c) => ({
  category: c,
  doc: searchDocument({ names: [c.nameVi, c.nameEn] }),
}));

/** District-level units and their names for search, once per region tree (kept with it). */
function districtDocuments(directory: RegionDirectory): { region: RegionView; doc: SearchDocument }[] {
  return derivedFrom(directory, 'districtSearchDocuments', () =>
    directory.all
      .filter((r) => r.parent && directory.districtOf(r.id) === r)
      .map((region) => ({ region, doc: searchDocument({ names: [region.nameVi, region.nameEn ?? ''] }) })),
  );
}

/** What the catalog makes of a search text, and where else a buyer could look. */
export class SearchService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  /**
   * The reading of `search` (what it was corrected to, a certificate number in it, words that
   * complete the last one) and the categories and district-level units with published products
   * that it names (@ocop/domain's queryNames), most products first.
   */
  async suggestions(search: string): Promise<SearchSuggestionsView> {
    checkSearchLength(search);
    const [index, directory] = await Promise.all([searchIndex(this.em, this.today), regionDirectory(this.em)]);
    // Counted from the index, like everything else a search answers: no SQL.
    const { byCategory, byRegion } = derivedFrom(index, 'suggestionCounts', () => {
      const byRegion = new Map<number, number>();
      for (const { value, count } of index.totals('region')) {
        for (const id of directory.lineage.get(Number(value)) ?? []) byRegion.set(id, (byRegion.get(id) ?? 0) + count);
      }
      const byCategory = new Map(index.totals('category').map((c) => [c.value, c.count]));
      return { byCategory, byRegion };
    });
    const q = index.interpret(search);
    const categories = CATEGORY_DOCUMENTS.filter(
      ({ category, doc }) => (byCategory.get(category.code) ?? 0) > 0 && queryNames(q, doc),
    ).map(({ category }) =>
      Object.assign(new Category(), { ...category, certifiedProductCount: byCategory.get(category.code) ?? 0 }),
    );
    const districts = districtDocuments(directory)
      .filter(({ region, doc }) => (byRegion.get(region.id) ?? 0) > 0 && queryNames(q, doc))
      .map(({ region }) => region)
      .sort((a, b) => (byRegion.get(b.id) ?? 0) - (byRegion.get(a.id) ?? 0) || directory.compareByName(a, b))
      .slice(0, MAX_SUGGESTED_DISTRICTS);
    const last = q.terms.at(-1);
    return {
      query: search,
      didYouMean: q.didYouMean,
      certificateNumber: q.certificateNumber,
      completions: (last?.completions ?? []).slice(0, MAX_COMPLETIONS).map((w) => index.vocabulary.display(w)),
      categories,
      districts,
    };
  }

  /** The catalog's vocabulary as JSON, for a client that reads queries itself (the catalog site). */
  async vocabulary(): Promise<string> {
    const index = await searchIndex(this.em, this.today);
    return derivedFrom(index, 'vocabularyJson', () => JSON.stringify(index.vocabulary));
  }
}
