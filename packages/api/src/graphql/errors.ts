import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES } from '@ocop/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger.js';

/**
 * Errors a client caused keep their message and code. Anything else is a bug: it is logged with
 * its stack and the client gets a generic message with INTERNAL_SERVER_ERROR (and, outside
 * production, the stack Apollo adds for developers).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
  production: boolean,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  const known = original instanceof GraphQLError && code !== undefined && code !== ERROR_CODES.INTERNAL_SERVER_ERROR;
  if (known || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
  logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
  return {
    message: 'The server failed to answer this request. It has been logged; try again later.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: ERROR_CODES.INTERNAL_SERVER_ERROR,
      ...(production ? {} : { stacktrace: formatted.extensions?.stacktrace }),
    },
  };
}
