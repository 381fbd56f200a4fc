import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { CatalogCache } from '../cache/catalog-cache.js';
import { type CatalogVersion, catalogVersion } from '../cache/catalog-version.js';

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string;
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
 * (`Cache-Control: public`), kept until the catalog changes like every other cache
 * (cache/catalog-cache.ts). Entries are keyed on the URL and the language asked for; each
 * carries an ETag, so a CDN or browser revalidating after its short max-age gets 304 Not
 * Modified for as long as the catalog has not changed. Requests with an Authorization header
 * bypass it. Bounded by count and by bytes, within the server's heap ceiling (server-args.ts).
 */
export function responseCache(
  version: CatalogVersion = catalogVersion,
  options: { path?: string; maxEntries?: number; maxBytes?: number } = {},
): ResponseCache {
  const path = options.path ?? '/graphql';
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const entries = new CatalogCache<string, Entry>(
    'GET responses',
    { max: options.maxEntries ?? 2000, maxSize: maxBytes, sizeOf: (entry) => entry.body.length },
    version,
  );

  const cacheable = (req: IncomingMessage, url: string) =>
    req.method === 'GET' && !req.headers.authorization && (url === path || url.startsWith(`${path}?`));
  const keyOf = (req: IncomingMessage, url: string) => `${url}\u0000${req.headers['accept-language'] ?? ''}`;

  return {
    serveHit(req, res) {
      const url = req.url ?? '';
      if (!cacheable(req, url)) return false;
      const hit = entries.get(keyOf(req, url));
      if (!hit) return false;
      const match = req.headers['if-none-match'];
      if (match?.split(/\s*,\s*/).includes(hit.etag)) {
        const { 'content-length': _length, 'content-type': _type, ...rest } = hit.headers;
        res.writeHead(304, rest);
        res.end();
        return true;
      }
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
      const readAt = version.current;
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
        const body = Buffer.concat(chunks);
        const cacheControl = String(res.getHeader('cache-control') ?? '');
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        if (!res.headersSent) {
          res.setHeader('x-cache', 'MISS');
          if (res.statusCode === 200) res.setHeader('etag', etag);
        }
        if (res.statusCode === 200 && /(?:^|,\s*)public\b/.test(cacheControl) && body.length <= maxBytes / 8) {
          const headers: OutgoingHttpHeaders = {};
          for (const [name, value] of Object.entries(res.getHeaders())) {
            if (value !== undefined && !['date', 'connection', 'keep-alive', 'x-request-id'].includes(name))
              headers[name] = value;
          }
          headers['content-length'] = body.length;
          headers['x-cache'] = 'HIT';
          headers.etag = etag;
          entries.set(key, { status: 200, headers, body, etag }, readAt);
        }
        return end(chunk, ...rest);
      }) as Response['end'];
      next();
    },
  };
}
