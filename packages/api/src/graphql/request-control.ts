import type { ApolloServerPlugin } from '@apollo/server';
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
 * time by default). Its refusals are transport limits with an HTTP status, so they stay
 * GraphQLErrors rather than DomainErrors.
 */
export function requestControl<T extends ControlledContext>(options: {
  limits: Pick<Limits, 'queryCost' | 'expensiveCost'>;
  limiter: RateLimiter;
  slots: Slots;
  /** Told of the units a request's cost added to its allowance (a token's daily usage). */
  charged?: (context: T, units: number) => void;
}): ApolloServerPlugin<T> {
  const { limits, limiter, slots } = options;
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
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
          if (rate) limiter.charge(rate.key, unitsForCost(cost), rate.allowance);
          options.charged?.(contextValue, unitsForCost(cost));
          if (cost >= limits.expensiveCost) release = await slots.acquire();
        },
        async willSendResponse() {
          release?.();
          release = undefined;
        },
      };
    },
  };
}
