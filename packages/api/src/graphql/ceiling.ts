import {
  defaultFieldResolver,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  getNullableType,
  isListType,
  isObjectType,
} from 'graphql';

/**
 * The hard ceiling on what one response may hold, counted while it is produced: every list a
 * resolver returns adds its length, and past the ceiling every further list fails at once, so
 * no more rows are read. The cost estimate refuses heavy queries before they run; this is the
 * backstop for whatever the estimate misjudged, before memory is at risk.
 */
export interface ResponseBudget {
  /** List items produced so far. */
  items: number;
  max: number;
  exceeded: boolean;
  /** `items` when execution last let other requests in (see {@link YIELD_EVERY}). */
  yieldedAt?: number;
}

/**
 * List items between two pauses of a response's execution. graphql-js resolves a tree whose
 * data is in memory (the caches) in microtasks, without ever returning to the event loop: an
 * expensive query would hold the process for its whole duration, and /healthz and a buyer's
 * product page would wait behind it. Every this many items, execution waits for the event loop
 * to turn (setImmediate), so other requests interleave.
 */
export const YIELD_EVERY = 100;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/** A transport limit, not a rule of the catalog: a GraphQLError with its HTTP status (400), not a DomainError. */
export function responseTooLarge(max: number): GraphQLError {
  return new GraphQLError(
    `The response grew past ${max.toLocaleString('en')} list items, the most one request may return, so it was stopped. Ask for smaller pages (first: …) or fewer nested lists, and follow pageInfo.endCursor for the rest.`,
    { extensions: { code: RESPONSE_TOO_LARGE, http: { status: 400 } } },
  );
}

function count(budget: ResponseBudget | undefined, value: unknown): unknown {
  if (!budget || !Array.isArray(value)) return value;
  budget.items += value.length;
  if (budget.items > budget.max) {
    budget.exceeded = true;
    throw responseTooLarge(budget.max);
  }
  if (budget.items - (budget.yieldedAt ?? 0) >= YIELD_EVERY) {
    budget.yieldedAt = budget.items;
    return turn().then(() => value);
  }
  return value;
}

/** Wraps the resolver of every list field of `schema` (in place) to count against `context.budget`. */
export function countListItems(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, { budget?: ResponseBudget }> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = context?.budget;
        if (budget?.exceeded) throw responseTooLarge(budget.max);
        const value = resolve(source, args, context, info);
        return value instanceof Promise ? value.then((v) => count(budget, v)) : count(budget, value);
      };
    }
  }
  return schema;
}
