/** Types of live-site.mjs, for the tests that drive it. */
export interface LiveSiteHealth {
  status: 'starting' | 'ok' | 'degraded';
  publishedSequence: number;
  publishedCursor: string | null;
  apiSequence: number;
  behind: number;
  building: boolean;
  lastBuild: { at: string; ms: number; sequence: number } | null;
  lastError: { at: string; message: string } | null;
  feedError: { at: string; message: string } | null;
  gonePages: number;
}

export interface LiveSiteOptions {
  apiUrl: string;
  siteUrl: string;
  port?: number;
  host?: string;
  /** Where builds, the 410 list and the lock live (default sites/catalog/builds). */
  buildsDir?: string;
  /** How often the change feed is read (default 1000 ms). */
  pollMs?: number;
  /** A burst of changes is one rebuild: it starts after this quiet time (default 1500 ms)… */
  quietMs?: number;
  /** …or at most this long after the first change (default 10 s). */
  maxWaitMs?: number;
  /** Headers sent to the API with every request (a partner key). */
  headers?: Record<string, string>;
  env?: Record<string, string>;
  log?: (line: string) => void;
  /** Throw when the first build fails, instead of retrying (tests, one-shot publishing). */
  failFast?: boolean;
  /** Build once now even when a build exists, and do not follow the feed (scripts/publish.mjs). */
  forceBuild?: boolean;
}

export interface LiveSite {
  url: string;
  port: number;
  health(): LiveSiteHealth;
  readonly buildDir: string | null;
  close(): Promise<void>;
}

export const SITE_DIR: string;
export function startLiveSite(options: LiveSiteOptions): Promise<LiveSite>;
export function cursorSequence(cursor: string | null): number;
export function cacheControlFor(path: string): string;
export function gonePage(path: string, categoryPath: string | null): string;

/** What a page of the last build is, for {@link withoutWithdrawn}. */
export type WithdrawableKind = 'html' | 'rss' | 'sitemap';
export function withdrawableKind(pathname: string, file: string): WithdrawableKind | undefined;
/** The page with the products withdrawn since its build taken out (cards, RSS items, sitemap entries). */
export function withoutWithdrawn(text: string, kind: WithdrawableKind, isWithdrawn: (slug: string) => boolean): string;
/** The footer's publication line of a page ('' when it has none). */
export function footerOf(html: string): string;
/** The page with `footer` as its footer's publication line (the served build's). */
export function withFooter(html: string, footer: string): string;
