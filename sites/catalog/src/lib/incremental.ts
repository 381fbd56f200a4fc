/**
 * Incremental builds: a build given the folder of the previous one (OCOP_PREVIOUS_BUILD) renders
 * only the pages whose content changed and takes every other page from that build.
 *
 * Each pre-rendered page of a dynamic route gets a fingerprint: a hash of everything it shows
 * that comes from the catalog (the product and its related products for a product page, every
 * product of the category for a category listing, and so on; see static-paths.ts). The build
 * writes the fingerprints to <outDir>/pages.json with a signature of the code and settings it was
 * made with. The next build, when the signature is the same, leaves out of each route's paths the
 * pages whose fingerprint is unchanged; src/lib/incremental-build.ts then links those pages'
 * files from the previous build into the new one (hard links: nothing is copied) and lists them
 * for the sitemap. Pages that no longer exist are simply not linked. Routes without a
 * fingerprint (home, indexes, RSS, open data, progress, search) are rendered every time.
 *
 * The rule that keeps this honest: a page's fingerprint must cover everything from the catalog
 * that the page shows. test/e2e/incremental-build.e2e.test.ts builds the sample catalog after
 * changes both ways and requires the same files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

declare const __OCOP_BUILD_SIGNATURE__: string;

/** The code and settings the pages are rendered with (computed in astro.config.ts). */
export const BUILD_SIGNATURE: string = typeof __OCOP_BUILD_SIGNATURE__ === 'string' ? __OCOP_BUILD_SIGNATURE__ : '';

/** What a build records of its pages (<outDir>/pages.json). */
export interface PageRecord {
  version: 1;
  signature: string;
  /** Pathname ('/products/x/', '/products/x/qr-x.svg') → fingerprint. */
  pages: Record<string, string>;
}

/** Shared with the build integration, which runs in another module graph of the same process. */
export interface IncrementalState {
  /** Every fingerprinted page of this build. */
  pages: Map<string, string>;
  /** The pages taken from the previous build, not rendered. */
  kept: Set<string>;
  /** The previous build's record and folder, when it can be used. */
  previous: { dir: string; record: PageRecord } | null;
  /** Why the build renders everything, when it does. */
  fullReason: string | null;
  /** Pages rendered, by route pattern. */
  rendered: Map<string, number>;
  /** What {@link unchanged} answered, by pathname. */
  decided: Map<string, boolean>;
}

const KEY = Symbol.for('ocop.incremental-build');

/** The file a page is written to: '/x/' → 'x/index.html', '/x.svg' → 'x.svg'. */
export function pageFile(pathname: string): string {
  const rel = pathname.replace(/^\/+/u, '');
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** Reads the previous build's record, if it is one this build can take pages from. */
function previousBuild(): { previous: IncrementalState['previous']; fullReason: string | null } {
  const dir = process.env.OCOP_PREVIOUS_BUILD;
  if (!dir) return { previous: null, fullReason: 'no previous build given' };
  let record: PageRecord;
  try {
    record = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8')) as PageRecord;
  } catch {
    return { previous: null, fullReason: `${dir} holds no pages.json` };
  }
  if (record.version !== 1 || !record.pages)
    return { previous: null, fullReason: 'the previous record is of another version' };
  if (!BUILD_SIGNATURE || record.signature !== BUILD_SIGNATURE) {
    return { previous: null, fullReason: 'the code or settings changed since the previous build' };
  }
  return { previous: { dir, record }, fullReason: null };
}

export function incrementalState(): IncrementalState {
  const g = globalThis as { [KEY]?: IncrementalState };
  let state = g[KEY];
  if (!state) {
    const { previous, fullReason } = process.env.OCOP_FULL_BUILD
      ? { previous: null, fullReason: 'OCOP_FULL_BUILD is set' }
      : previousBuild();
    state = { pages: new Map(), kept: new Set(), previous, fullReason, rendered: new Map(), decided: new Map() };
    g[KEY] = state;
  }
  return state;
}

/** A short, stable hash of its parts. */
export function fingerprint(...parts: unknown[]): string {
  const hash = createHash('sha1');
  for (const part of parts)
    hash.update(typeof part === 'string' ? part : (JSON.stringify(part) ?? 'undefined')).update('\0');
  return hash.digest('base64url');
}

/**
 * Whether the page at `pathname` with `print` is the same as in the previous build (and its file
 * is there to be taken). Records the page either way.
 */
export function unchanged(pathname: string, print: string): boolean {
  const state = incrementalState();
  // Product pages are asked twice (for their QR codes, then for their route): answered once.
  const decided = state.decided.get(pathname);
  if (decided !== undefined && state.pages.get(pathname) === print) return decided;
  state.pages.set(pathname, print);
  const previous = state.previous;
  const same =
    previous !== null &&
    previous.record.pages[pathname] === print &&
    existsSync(join(previous.dir, 'client', pageFile(pathname)));
  state.decided.set(pathname, same);
  return same;
}

/** Fills a route pattern ('/products/[slug]/', '/categories/[slug]/[...filter]/') with params. */
export function pathnameOf(pattern: string, params: Record<string, string | undefined>): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/gu, (_, key: string) => params[key] ?? '').replace(/\/{2,}/gu, '/');
}

/**
 * The entries of a route's getStaticPaths this build renders: those whose page changed since the
 * previous build. The others are kept from it.
 */
export function changedPages<T extends { params: Record<string, string | undefined> }>(
  pattern: string,
  entries: T[],
  printOf: (entry: T) => string,
): T[] {
  const state = incrementalState();
  const changed = entries.filter((entry) => {
    const pathname = pathnameOf(pattern, entry.params);
    if (!unchanged(pathname, printOf(entry))) return true;
    state.kept.add(pathname);
    return false;
  });
  state.rendered.set(pattern, (state.rendered.get(pattern) ?? 0) + changed.length);
  return changed;
}
