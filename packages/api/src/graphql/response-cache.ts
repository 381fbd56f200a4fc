import type { NextFunction, Request, Response } from 'express';
import type { CatalogVersion } from '../db/catalog-version.js';

interface Entry {
  version: number;
  expiresAt: number;
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/**
 * An in-process cache for public GET /graphql responses, the ones Apollo marks cacheable
 * (`Cache-Control: public`). Entries are keyed on the URL and the language asked for, expire
 * with their max-age, and are dropped as soon as the catalog version moves (any write), so a
 * mutation is never hidden by a stale page. Requests with an Authorization header bypass it.
 */
export function responseCache(version: CatalogVersion, options: { maxEntries?: number; now?: () => number } = {}) {
  const maxEntries = options.maxEntries ?? 2000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' || req.headers.authorization) {
      next();
      return;
    }
    const key = `${req.originalUrl}\u0000${req.headers['accept-language'] ?? ''}`;
    const hit = entries.get(key);
    if (hit && hit.version === version.current && hit.expiresAt > now()) {
      // Map order doubles as recency for eviction.
      entries.delete(key);
      entries.set(key, hit);
      res.status(hit.status);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader('x-cache', 'HIT');
      res.end(hit.body);
      return;
    }
    if (hit) entries.delete(key);
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
      const maxAge = /(?:^|,\s*)public\b/.test(cacheControl) ? Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0) : 0;
      if (res.statusCode === 200 && maxAge > 0 && version.current === versionAtStart) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        const headers = Object.entries(res.getHeaders())
          .filter(([name]) => !['content-length', 'date', 'connection', 'keep-alive'].includes(name))
          .map(([name, value]) => [name, String(value)] as [string, string]);
        entries.set(key, {
          version: versionAtStart,
          expiresAt: now() + maxAge * 1000,
          status: res.statusCode,
          headers,
          body: Buffer.concat(chunks),
        });
      }
      if (!res.headersSent) res.setHeader('x-cache', 'MISS');
      return end(chunk, ...rest);
    }) as Response['end'];
    next();
  };
}
