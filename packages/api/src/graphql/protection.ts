import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits that keep one request from exhausting the server, with messages that say what to change.
 * A catalog page needs depth 7 and a few hundred tokens; these limits leave room for partner apps
 * while refusing abusive documents before they are executed. graphql-armor's cost multiplies a
 * list's cost by a literal `first`/`last`, grows 1.5× per level, and counts 2 per object and 1 per
 * scalar: a 100-product page with producer, region and certificate costs about 15,000.
 */
export const LIMITS = {
  depth: 12,
  cost: 50_000,
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
    costLimit: {
      maxCost: LIMITS.cost,
      ignoreIntrospection: true,
      errorMessage: `Query too expensive: its estimated cost is above ${LIMITS.cost}. Ask for fewer fields or fewer nested lists per request.`,
      exposeLimits: false,
    },
    maxAliases: {
      n: LIMITS.aliases,
      errorMessage: `Too many aliases: use at most ${LIMITS.aliases} per query. Send several requests, or use filters and lists instead of one alias per item.`,
      exposeLimits: false,
    },
    maxTokens: {
      n: LIMITS.tokens,
      errorMessage: `Query too long: at most ${LIMITS.tokens} tokens are accepted. Ask for fewer fields, or split the query.`,
      exposeLimits: false,
    },
    maxDirectives: {
      n: LIMITS.directives,
      errorMessage: `Too many directives: at most ${LIMITS.directives} per query.`,
      exposeLimits: false,
    },
    // Suggestions ("Did you mean…") help developers; in production they would map the schema for attackers.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
