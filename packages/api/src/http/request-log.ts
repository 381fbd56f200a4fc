import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

/**
 * Every request gets an id, sent back as X-Request-Id (a caller's own id is kept when it is a
 * plain token of 8–64 letters, digits and dashes), and one JSON access line when it ends:
 * method, path, operation name, status, duration, client, cache. Error lines carry the same id.
 * No query text, variables, headers or bodies are logged: they may hold personal data.
 */
export interface RequestInfo {
  id: string;
  started: number;
  /** The GraphQL operation's name, or its type when it has none (`query`, `mutation`). */
  operation?: string;
  client?: string;
  /** Which bucket paid for it: an address, or a token's id. */
  cost?: number;
}

const INFO = Symbol('ocop.request');
const SANE_ID = /^[A-Za-z0-9-]{8,64}$/;

export function requestInfo(req: IncomingMessage): RequestInfo {
  const tagged = req as IncomingMessage & { [INFO]?: RequestInfo };
  let info = tagged[INFO];
  if (!info) {
    const given = req.headers['x-request-id'];
    info = { id: typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID(), started: performance.now() };
    tagged[INFO] = info;
  }
  return info;
}

/** Tags the request, sends its id, and writes the access line when the response is done. */
export function logRequests(logger: Logger, req: IncomingMessage, res: ServerResponse): RequestInfo {
  const info = requestInfo(req);
  res.setHeader('x-request-id', info.id);
  if (logger.isLevelEnabled('info')) {
    // Read now: Express rewrites req.url for mounted middleware.
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query >= 0 ? url.slice(0, query) : url;
    res.once('close', () => {
      logger.info(
        {
          reqId: info.id,
          method: req.method,
          path,
          operation: info.operation,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - info.started) * 10) / 10,
          client: info.client,
          cost: info.cost,
          cache: res.getHeader('x-cache'),
          aborted: res.writableFinished ? undefined : true,
        },
        'request',
      );
    });
  }
  return info;
}
