import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ERROR_CODES } from '@ocop/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type DatabaseFault, databaseFault, FAULT_MESSAGES, RETRY_AFTER_SECONDS, safeError } from '../db/faults.js';
import type { RequestInfo } from '../http/request-log.js';
import type { Logger } from '../logger.js';
import { RESPONSE_TOO_LARGE } from './ceiling.js';

/**
 * What clients are told of a DomainError, beside its message: its stable code, then the issues
 * (field, code, message) or, for an error about one argument or filter field, where it lies.
 */
export function domainErrorExtensions(error: DomainError): Record<string, unknown> {
  return {
    code: error.code,
    ...(error.location ?? { issues: error.issues.map(({ field, code, message }) => ({ field, code, message })) }),
  };
}

/**
 * The one place errors become what clients see. Services and resolvers throw DomainErrors for
 * broken rules and refused input; each keeps its message and gets its code here. Errors thrown
 * as GraphQLErrors (transport: authentication, request limits, the response ceiling) keep their
 * message and code. A database that is down, frozen or locked becomes DATABASE_UNAVAILABLE or
 * DATABASE_BUSY (503, see {@link errorStatus}). Anything else is a bug: the client gets a
 * generic message with INTERNAL_SERVER_ERROR (and, outside production, the stack Apollo adds for
 * developers); {@link errorStatus} logs it once with the request's id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const fault = databaseFault(original);
  if (fault) return { message: FAULT_MESSAGES[fault], extensions: { code: fault } };
  if (original instanceof DomainError) {
    const stacktrace = production ? undefined : formatted.extensions?.stacktrace;
    return {
      ...formatted,
      message: original.message,
      extensions: { ...domainErrorExtensions(original), ...(stacktrace === undefined ? {} : { stacktrace }) },
    };
  }
  const code = formatted.extensions?.code;
  const known = original instanceof GraphQLError && code !== undefined && code !== ERROR_CODES.INTERNAL_SERVER_ERROR;
  if (known || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
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

/** The error a request gets when the database fails it before GraphQL runs (while checking a token). */
export function faultError(fault: DatabaseFault): GraphQLError {
  return new GraphQLError(FAULT_MESSAGES[fault], {
    extensions: {
      code: fault,
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS[fault])]]) },
    },
  });
}

const FAULTS = new Set<string>(['DATABASE_UNAVAILABLE', 'DATABASE_BUSY']);

/**
 * One status per response, and one log line per failed request:
 * - a database fault anywhere: 503 with Retry-After, and only that one error (a partial answer
 *   would hide which parts failed, and one error per field says nothing more);
 * - a response stopped at the ceiling: 400 with that one error;
 * - an operation that failed as a whole on a bug (no data at all): 500.
 * The first unexpected error or fault of a request is logged with its id, without SQL values.
 */
export function errorStatus<T extends { request?: RequestInfo }>(logger: Logger): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const fault = databaseFault(original);
            const code = error.extensions?.code;
            if (!fault && original instanceof DomainError) continue;
            if (
              !fault &&
              original instanceof GraphQLError &&
              typeof code === 'string' &&
              code !== 'INTERNAL_SERVER_ERROR'
            )
              continue;
            if (!fault && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') continue;
            const reqId = contextValue?.request?.id;
            if (fault)
              logger.warn({ reqId, fault, err: safeError(original) }, 'database fault while answering a request');
            else
              logger.error(
                { reqId, path: error.path, err: safeError(original) },
                'unexpected error while answering a request',
              );
            return;
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const errors = result.errors ?? [];
          if (errors.length === 0) return;
          const fault = errors.find((e) => FAULTS.has(String(e.extensions?.code)));
          if (fault) {
            response.body.singleResult = { errors: [fault] };
            response.http.status = 503;
            response.http.headers.set(
              'retry-after',
              String(RETRY_AFTER_SECONDS[fault.extensions?.code as DatabaseFault] ?? 5),
            );
            return;
          }
          const tooLarge = errors.find((e) => e.extensions?.code === RESPONSE_TOO_LARGE);
          if (tooLarge) {
            response.body.singleResult = { errors: [tooLarge] };
            response.http.status = 400;
            return;
          }
          if (
            (result.data === null || result.data === undefined) &&
            errors.every((e) => e.extensions?.code === ERROR_CODES.INTERNAL_SERVER_ERROR) &&
            (response.http.status ?? 200) === 200
          ) {
            response.http.status = 500;
          }
        },
      };
    },
  };
}
