import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { CatalogCache } from '../cache/catalog-cache.js';
import { type CatalogVersion, catalogVersion } from '../cache/catalog-version.js';

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** GET answers only. */
  etag?: string;
}

export interface ResponseCache {
  /**
   * Answers a request from the cache when it can, straight on Node's request and response (before
   * Express parses anything: a hit costs little more than writing the bytes). False when the
   * request must go on to the API.
   */
  serveHit(req: IncomingMessage, res: ServerResponse): boolean;
  /** Express middleware, mounted before GraphQL, that keeps the cacheable answers to questions asked before. */
  store(req: Request, res: Response, next: NextFunction): void;
  /**
   * For a plain JSON POST whose body is `text` (http/json-post.ts): its place in the cache, or
   * undefined when it has none (a request with a token).
   */
  post(req: IncomingMessage, text: string): CachedPost | undefined;
}

/** One POST's place in the cache, taken before it runs (so an answer read across a write is not kept). */
export interface CachedPost {
  /** Sends the kept answer and says true; false when there is none. */
  serve(res: ServerResponse): boolean;
  /**
   * Keeps the answer about to be sent when it is public and complete (200, `Cache-Control:
   * public`) and its question was asked before, and marks `headers` as a miss.
   */
  keep(status: number, headers: OutgoingHttpHeaders, body: Buffer | string): void;
}

/**
 * An in-process cache for public /graphql responses, the ones marked cacheable
 * (`Cache-Control: public`: queries without a token, answered without errors), kept until the
 * catalog changes like every other cache (cache/catalog-cache.ts). A GET is keyed on its URL and
 * the language and response type asked for (Accept-Language, Accept), and carries an ETag, so a
 * CDN or browser revalidating after its short max-age gets 304 Not Modified for as long as the
 * catalog has not changed. A plain JSON POST, what partner apps and the site send most, is keyed
 * on a SHA-256 of its body, language and response type (a body may be large); it gets no ETag,
 * as If-None-Match on a POST does not mean "send 304". Requests with an Authorization header
 * bypass it. Bounded by count and by bytes, within the server's heap ceiling (server-args.ts).
 *
 * An answer is kept the second time its question is asked, not the first (a "doorkeeper", as
 * in TinyLFU). A partner app copying the catalog, a crawler or a site build asks each of
 * thousands of questions once: kept at once, those answers would push out of the bounded cache
 * the ones buyers repeat, and each would cost a copy that is thrown away unread. The questions
 * asked once are remembered as hashes, up to `maxSeen` of them (then that memory starts again).
 */
export function responseCache(
  version: CatalogVersion = catalogVersion,
  options: { path?: string; maxEntries?: number; maxBytes?: number; maxSeen?: number } = {},
): ResponseCache {
  const path = options.path ?? '/graphql';
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 2000;
  const maxSeen = options.maxSeen ?? 8 * maxEntries;
  const entries = new CatalogCache<string, Entry>(
    'GraphQL responses',
    { max: maxEntries, maxSize: maxBytes, sizeOf: (entry) => entry.body.length },
    version,
  );
  /** Hashes of the questions asked once since this memory last started again. */
  const seen = new Set<string>();
  /** True when the question keyed `digest` was asked before: its answer is worth keeping. */
  const askedBefore = (digest: string) => {
    if (seen.has(digest)) return true;
    if (seen.size >= maxSeen) seen.clear();
    seen.add(digest);
    return false;
  };

  const cacheable = (req: IncomingMessage, url: string) =>
    req.method === 'GET' && !req.headers.authorization && (url === path || url.startsWith(`${path}?`));
  // The language asked for changes the words of an answer, and Accept its content type.
  const variant = (req: IncomingMessage) => `${req.headers['accept-language'] ?? ''}\u0000${req.headers.accept ?? ''}`;
  const keyOf = (req: IncomingMessage, url: string) => `${url}\u0000${variant(req)}`;

  /**
   * Keeps the answer about to be sent to the question keyed `key`, read at catalog version
   * `readAt`, when it is public and complete (200, `Cache-Control: public`, not oversized) and
   * the question was asked before. `digest` names the question among those asked once: a hash,
   * worked out only for an answer that could be kept.
   */
  const keep = (
    key: string,
    digest: () => string,
    readAt: number,
    status: number,
    sent: OutgoingHttpHeaders,
    bytes: Buffer | string,
    etag?: string,
  ): void => {
    if (status !== 200 || !/(?:^|,\s*)public\b/.test(String(sent['cache-control'] ?? ''))) return;
    const body = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    if (body.length > maxBytes / 8 || !askedBefore(digest())) return;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(sent)) {
      if (value !== undefined && !['date', 'connection', 'keep-alive', 'x-request-id'].includes(name))
        headers[name] = value;
    }
    headers['content-length'] = body.length;
    headers['x-cache'] = 'HIT';
    if (etag) headers.etag = etag;
    entries.set(key, { status, headers, body, etag }, readAt);
  };

  return {
    serveHit(req, res) {
      const url = req.url ?? '';
      if (!cacheable(req, url)) return false;
      const hit = entries.get(keyOf(req, url));
      if (!hit) return false;
      const match = req.headers['if-none-match'];
      if (hit.etag && match?.split(/\s*,\s*/).includes(hit.etag)) {
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
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        if (!res.headersSent) {
          res.setHeader('x-cache', 'MISS');
          if (res.statusCode === 200) res.setHeader('etag', etag);
        }
        const digest = () => createHash('sha256').update(key).digest('base64url');
        keep(key, digest, readAt, res.statusCode, res.getHeaders(), body, etag);
        return end(chunk, ...rest);
      }) as Response['end'];
      next();
    },

    post(req, text) {
      if (req.headers.authorization) return undefined;
      const key = `POST\u0000${createHash('sha256').update(variant(req)).update('\u0000').update(text).digest('base64url')}`;
      const readAt = version.current;
      return {
        serve(res) {
          const hit = entries.get(key);
          if (!hit) return false;
          res.writeHead(hit.status, hit.headers);
          res.end(hit.body);
          return true;
        },
        keep(status, headers, body) {
          headers['x-cache'] = 'MISS';
          // The key is already a hash of the question.
          keep(key, () => key, readAt, status, headers, body);
        },
      };
    },
  };
}
