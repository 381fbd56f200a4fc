import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { cacheControl } from './cache-control.js';
import type { Context } from './context.js';
import { errorStatus, formatError } from './errors.js';
import { armor, LIMITS } from './protection.js';
import { type RequestControlOptions, requestControl } from './request-control.js';
import { getSchema } from './schema.js';

/**
 * The API's Apollo server: the schema, the document limits, the cost and allowance checks, the
 * error statuses and the cache headers. The same in the server's main thread and in the thread
 * that runs expensive queries (graphql/offload.ts), so an answer does not depend on which ran it.
 */
export async function createApollo(
  config: Config,
  logger: Logger,
  control: RequestControlOptions<Context>,
): Promise<ApolloServer<Context>> {
  const production = config.env === 'production';
  const protection = armor(production);
  return new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    // Tokens travel in the Authorization header and no cookies are used, so a plain GET link
    // (a CDN, curl) must work: CSRF prevention would only reject such harmless requests.
    csrfPrevention: false,
    // The CLI owns SIGINT/SIGTERM and closes HTTP, Apollo and the database in order; Apollo's own
    // handlers would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    // graphql-js stops parsing past the limit, and Apollo answers 400 GRAPHQL_PARSE_FAILED.
    parseOptions: { maxTokens: LIMITS.tokens },
    validationRules: protection.validationRules,
    formatError: (formatted, error) => formatError(formatted, error, production),
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugin objects are the same.
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      requestControl<Context>(control),
      errorStatus<Context>(logger),
      // Public catalog data may be kept by browsers and CDNs for 5 s, and served for 5 s more
      // while they revalidate (a cheap 304 by ETag while nothing changed): a withdrawn product
      // outlives its withdrawal in a shared cache by 10 s at most. Answers to requests with a
      // token are never kept.
      ApolloServerPluginCacheControlDisabled(),
      cacheControl<Context>({ maxAge: 5, staleWhileRevalidate: 5 }),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
}
