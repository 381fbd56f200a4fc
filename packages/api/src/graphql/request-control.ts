import type { ApolloServerPlugin, GraphQLRequest, GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Limits } from '../config.js';
import { type Allowance, type RateLimiter, type Slots, unitsForCost } from '../http/limits.js';
import type { RequestInfo } from '../http/request-log.js';
import { estimateCost } from './cost.js';

interface ControlledContext {
  request?: RequestInfo;
  rate?: { key: string; allowance: Allowance };
}

export const QUERY_TOO_EXPENSIVE = 'QUERY_TOO_EXPENSIVE';

/**
 * What happens between parsing a request and running it: its operation is named for the access
 * log, its cost is estimated from the page sizes it will use (cost.ts) and refused above the
 * limit, charged to its client's allowance, and an expensive one waits for its turn (one at a
 * time by default), then, if it is a query, runs in the worker thread (offload.ts). Its refusals are transport limits with an HTTP status, so they stay
 * GraphQLErrors rather than DomainErrors.
 */
export interface RequestControlOptions<T> {
  limits: Pick<Limits, 'queryCost' | 'expensiveCost'>;
  /** The per-client allowances; none where the caller was charged already (the worker thread). */
  limiter?: RateLimiter;
  /** The line of expensive queries; none where they are already in line (the worker thread). */
  slots?: Slots;
  /** Told of the units a request's cost added to its allowance (a token's daily usage). */
  charged?: (context: T, units: number) => void;
  /**
   * Runs an expensive query elsewhere (graphql/offload.ts) and gives its answer, or null to run
   * it here.
   */
  offload?: (request: GraphQLRequest, context: T) => Promise<GraphQLResponse | null>;
}

export function requestControl<T extends ControlledContext>(options: RequestControlOptions<T>): ApolloServerPlugin<T> {
  const { limits, limiter, slots, offload } = options;
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      let expensive = false;
      return {
        async didResolveOperation({ request, document, operation, operationName, schema, contextValue }) {
          const info = contextValue.request;
          if (info) info.operation = operationName ?? operation?.operation;
          const cost = estimateCost(schema, document, operationName, request.variables);
          if (info) info.cost = Math.round(cost);
          if (cost > limits.queryCost) {
            throw new GraphQLError(
              `Query too expensive: its estimated cost is ${Math.round(cost).toLocaleString('en')}, above the ${limits.queryCost.toLocaleString('en')} one request may cost. Each field counts once per item of every list above it, with the page sizes really used (first/last, from variables or defaults: 20 per page, 4 related products). Ask for smaller pages or fewer nested lists, and follow pageInfo.endCursor for more.`,
              {
                extensions: {
                  code: QUERY_TOO_EXPENSIVE,
                  cost: Math.round(cost),
                  limit: limits.queryCost,
                  http: { status: 400 },
                },
              },
            );
          }
          const rate = contextValue.rate;
          if (rate) limiter?.charge(rate.key, unitsForCost(cost), rate.allowance);
          options.charged?.(contextValue, unitsForCost(cost));
          expensive = cost >= limits.expensiveCost;
          if (expensive && slots) release = await slots.acquire();
        },
        async responseForOperation({ request, operation, contextValue }) {
          // Only reads leave the thread: a mutation's write, audit entry and cache moves stay here.
          if (!expensive || !offload || operation.operation !== 'query') return null;
          return offload(request, contextValue);
        },
        async willSendResponse() {
          release?.();
          release = undefined;
        },
      };
    },
  };
}
