import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { CatalogVersion } from '../db/catalog-version.js';

interface Entry {
  version: number;
  expiresAt: number;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface ResponseCache {
  /**
   * Answers a request from the cache when it can, straight on Node's request and response (before
   * Express parses anything: a hit costs little more than writing the bytes). False when the
   * request must go on to the API.
   */
  serveHit(req: IncomingMessage, res: ServerResponse): boolean;
  /** Express middleware, mounted before GraphQL, that keeps the cacheable answers it sees. */
  store(req: Request, res: Response, next: NextFunction): void;
}

/**
 * An in-process cache for public GET /graphql responses, the ones marked cacheable
 * (`Cache-Control: public`). Entries are keyed on the URL and the language asked for, expire
 * with their max-age, and are dropped as soon as the catalog version moves (any write), so a
 * mutation is never hidden by a stale page. Requests with an Authorization header bypass it.
 * Bounded by count and by bytes, so the server's memory stays within its heap ceiling
 * (server-args.ts).
 */
export function responseCache(
  version: CatalogVersion,
  options: { path?: string; maxEntries?: number; maxBytes?: number; now?: () => number } = {},
): ResponseCache {
  const path = options.path ?? '/graphql';
  const maxEntries = options.maxEntries ?? 2000;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };
  const cacheable = (req: IncomingMessage, url: string) =>
    req.method === 'GET' && !req.headers.authorization && (url === path || url.startsWith(`${path}?`));
  const keyOf = (req: IncomingMessage, url: string) => `${url}\u0000${req.headers['accept-language'] ?? ''}`;

  return {
    serveHit(req, res) {
      const url = req.url ?? '';
      if (!cacheable(req, url)) return false;
      const key = keyOf(req, url);
      const hit = entries.get(key);
      if (!hit) return false;
      if (hit.version !== version.current || hit.expiresAt <= now()) {
        remove(key);
        return false;
      }
      // Map order doubles as recency for eviction.
      entries.delete(key);
      entries.set(key, hit);
      res.writeHead(hit.status, hit.headers);
      res.end(hit.body);
      return true;
    },

    store(req, res, next) {
      if (!cacheable(req, req.originalUrl)) {
        next();
        return;
      }
      const key = keyOf(req, req.originalUrl);
      const versionAtStart = version.current;
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
      const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
        return write(chunk, ...rest);
      }) as Response['write'];
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk && typeof chunk !== 'function')
          chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
        const cacheControl = String(res.getHeader('cache-control') ?? '');
        const maxAge = /(?:^|,\s*)public\b/.test(cacheControl)
          ? Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0)
          : 0;
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200 && maxAge > 0 && version.current === versionAtStart && body.length <= maxBytes / 8) {
          remove(key);
          while (entries.size > 0 && (entries.size >= maxEntries || bytes + body.length > maxBytes)) {
            remove(entries.keys().next().value as string);
          }
          const headers: OutgoingHttpHeaders = {};
          for (const [name, value] of Object.entries(res.getHeaders())) {
            if (value !== undefined && !['date', 'connection', 'keep-alive', 'x-request-id'].includes(name))
              headers[name] = value;
          }
          headers['content-length'] = body.length;
          headers['x-cache'] = 'HIT';
          entries.set(key, { version: versionAtStart, expiresAt: now() + maxAge * 1000, status: 200, headers, body });
          bytes += body.length;
        }
        if (!res.headersSent) res.setHeader('x-cache', 'MISS');
        return end(chunk, ...rest);
      }) as Response['end'];
      next();
    },
  };
}
