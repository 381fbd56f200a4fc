import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on the shape of a query document, with messages that say what to change. A catalog page
 * needs depth 7 and a few hundred tokens; these limits leave room for partner apps while refusing
 * abusive documents before they are executed. The document's cost (page sizes from variables
 * and defaults included) is estimated in cost.ts and limited by QUERY_MAX_COST; its length in
 * tokens by graphql-js's own parser (`parseOptions.maxTokens`), so an over-long document is a
 * parse error (400) like any other.
 */
export const LIMITS = {
  depth: 12,
  aliases: 30,
  tokens: 3_000,
  directives: 50,
} as const;

export function armor(production: boolean) {
  return new ApolloArmor({
    maxDepth: {
      n: LIMITS.depth,
      ignoreIntrospection: true,
      errorMessage: `Query too deep: nest fields at most ${LIMITS.depth} levels. Split the query into several smaller ones.`,
      exposeLimits: false,
    },
    costLimit: { enabled: false },
    maxAliases: {
      n: LIMITS.aliases,
      errorMessage: `Too many aliases: use at most ${LIMITS.aliases} per query. Send several requests, or use filters and lists instead of one alias per item.`,
      exposeLimits: false,
    },
    maxTokens: { enabled: false },
    maxDirectives: {
      n: LIMITS.directives,
      errorMessage: `Too many directives: at most ${LIMITS.directives} per query.`,
      exposeLimits: false,
    },
    // Suggestions ("Did you mean…") help developers; in production they would map the schema for attackers.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
