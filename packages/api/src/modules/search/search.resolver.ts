import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { MAX_SEARCH_LENGTH } from './search.input.js';
import { SearchService } from './search.service.js';
import { SearchSuggestions } from './search.types.js';

@Resolver(() => SearchSuggestions)
export class SearchResolver {
  @Query(() => SearchSuggestions, {
    description:
      'How the catalog reads a search text (the same reading as `products(search:)`), and where else to look when it finds little: the corrected text to offer ("did you mean"), a certificate number to check, completions of the last word, and the categories and districts the text names.',
  })
  async searchSuggestions(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { description: `The search text, at most ${MAX_SEARCH_LENGTH} characters.` })
    search: string,
  ): Promise<SearchSuggestions> {
    return Object.assign(new SearchSuggestions(), await new SearchService(ctx.em, ctx.today).suggestions(search));
  }

  @Query(() => String, {
    description:
      'The catalog’s search vocabulary as JSON: its words (names of published products, producers, places, categories, in both languages), how often each occurs, and which follow which. Read it with `SearchVocabulary.fromJSON` of @ocop/domain to read queries as they are typed, the way this API does (the catalog site ships it with its search page). Changes with the catalog.',
  })
  searchVocabulary(@Ctx() ctx: Context): Promise<string> {
    return new SearchService(ctx.em, ctx.today).vocabulary();
  }
}
