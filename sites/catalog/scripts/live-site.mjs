/**
 * The live catalog site: serves the newest good build, and follows the API's change feed so that
 * every change officials make reaches every page by itself.
 *
 * - A withdrawn product's page, and every page that exists only for it (its producer left with no
 *   published product, a filtered listing that shows only it), answers 410 Gone within about a
 *   second of the feed reporting it: the build's /publication.json says which pages list which
 *   products (src/lib/publication.ts).
 * - Any change schedules a rebuild (astro build + Pagefind) into a new folder, incremental: only
 *   the pages the change touched are rendered, the others are linked from the build being served
 *   (src/lib/incremental.ts), and each page is served with that build's footer line; bursts are coalesced
 *   (a quiet period, a longest wait); when it succeeds the server switches to it between two
 *   requests, so no request sees half a build or a 404 for an unchanged page. A failed build is
 *   logged, retried with back-off, and the last good build keeps being served.
 * - Pages of the old build that the new one no longer has answer 410 from then on, and the list is
 *   written into every build as /gone.txt and /gone.json, for static hosts.
 * - One builder at a time per folder: a lock file with the builder's pid (a dead builder's lock is
 *   taken over).
 * - /healthz reports the change-feed cursor published, how far the API is ahead, and the last
 *   build's outcome.
 *
 * Used by scripts/start-all.mjs (`pnpm start`) and scripts/serve-live.mjs; see the site README.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHttpTerminator } from 'http-terminator';

export const SITE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO = join(SITE_DIR, 'node_modules/astro/astro.js');
const PAGEFIND = join(SITE_DIR, 'node_modules/.bin/pagefind');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/**
 * Cache-Control, chosen so that a shared cache (a CDN) never keeps a withdrawn product longer
 * than the bounds the site promises: pages may be kept 5 s and must then be revalidated (a cheap
 * 304 by ETag while unchanged); files whose name holds a hash of their content never change.
 */
export function cacheControlFor(path) {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, s-maxage=5, must-revalidate';
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function writeJsonAtomically(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 1)}\n`);
  renameSync(tmp, file);
}

function readJson(file, fallback) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}

/** The sequence number inside a change-feed cursor (base64url of ["CHANGE", n]), or 0. */
export function cursorSequence(cursor) {
  if (!cursor) return 0;
  try {
    const [tag, n] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return tag === 'CHANGE' && Number.isInteger(n) ? n : 0;
  } catch {
    return 0;
  }
}

/**
 * Every page of a build: '/x/' for x/index.html, '/x.xml' for other files. Read a folder at a
 * time without blocking: a national catalog's build has ~100,000 files, and the server goes on
 * answering while they are listed.
 */
async function pagesOf(clientDir) {
  const pages = new Set();
  const walk = async (dir, prefix) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (prefix === '/' && (entry.name === '_astro' || entry.name === 'pagefind' || entry.name === 'node_modules'))
          continue;
        await walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.name === 'index.html') {
        pages.add(prefix);
      } else {
        pages.add(`${prefix}${entry.name}`);
      }
    }
  };
  await walk(clientDir, '/');
  return pages;
}

/** Build commands running now, so closing the site can stop them. */
const running = new Set();

/** Runs a command to completion; rejects with its last output when it fails. */
function run(command, args, options) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: SITE_DIR, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(output) : fail(new Error(`${options.name} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

/**
 * One builder per folder: an exclusive lock file holding the builder's pid. A lock whose process
 * is gone is taken over. Returns a release function, or undefined when another process builds.
 */
function takeLock(file) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // gone already
        }
      };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder !== process.pid;
      } catch {
        alive = false;
      }
      if (alive) return undefined;
      rmSync(file, { force: true });
    }
  }
  return undefined;
}

const GONE_PAGE = {
  vi: {
    lang: 'vi',
    title: 'Sản phẩm không còn được chứng nhận OCOP',
    heading: 'Trang này không còn nữa',
    body: 'Sản phẩm ở địa chỉ này không còn giấy chứng nhận OCOP còn hiệu lực, nên đã được gỡ khỏi danh mục công khai. Nếu bạn đang cầm bao bì có số chứng nhận, hãy tra cứu số đó để biết tình trạng hiện tại.',
    verify: 'Tra cứu số chứng nhận',
    category: 'Xem các sản phẩm OCOP cùng nhóm',
    home: 'Về trang chủ danh mục',
    verifyPath: '/verify',
    homePath: '/',
  },
  en: {
    lang: 'en',
    title: 'Product no longer OCOP-certified',
    heading: 'This page is no longer here',
    body: 'The product at this address no longer holds a valid OCOP certificate, so it has been taken out of the public catalog. If you are holding a package with a certificate number, check that number to see its current status.',
    verify: 'Check a certificate number',
    category: 'See certified products of the same group',
    home: 'Back to the catalog',
    verifyPath: '/en/verify',
    homePath: '/en/',
  },
};

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * A page of the current build with the products withdrawn since that build taken out, for the
 * seconds until the next build replaces it: their cards (`<li data-product="slug">` in every
 * product grid: listings, home, producer, district and related products), their RSS items and
 * their sitemap entries. `isWithdrawn(slug)` says which. Counts in headings are the build's until
 * the republish; what a buyer can no longer see is the withdrawn product itself.
 */
export function withoutWithdrawn(text, kind, isWithdrawn) {
  const productIn = (chunk) => /\/products\/([^/"<\s]+)\//.exec(chunk)?.[1];
  if (kind === 'html') {
    return text.replace(/<li data-product="([^"]+)"[^>]*>[\s\S]*?<\/li>/g, (card, slug) =>
      isWithdrawn(slug) ? '' : card,
    );
  }
  const element = kind === 'rss' ? /<item>[\s\S]*?<\/item>/g : /<url>[\s\S]*?<\/url>/g;
  return text.replace(element, (entry) => {
    const slug = productIn(entry);
    return slug && isWithdrawn(slug) ? '' : entry;
  });
}

const FOOTER_TIME = /<p class="site-footer__fine" data-published-at="[^"]*"[^>]*>[\s\S]*?<\/p>/;

/** The footer's publication line of a page ('' when it has none). */
export function footerOf(html) {
  return FOOTER_TIME.exec(html)?.[0] ?? '';
}

/**
 * A page with the footer's publication line of the build being served (`footer`, taken from that
 * build's home page in the page's language). An incremental build keeps unchanged pages from the
 * build before it, footer included: served, they still say when the catalog was last published.
 */
export function withFooter(html, footer) {
  return footer ? html.replace(FOOTER_TIME, () => footer) : html;
}

/** Which files {@link withoutWithdrawn} rewrites, by their path; undefined for the others. */
export function withdrawableKind(pathname, file) {
  if (file.endsWith('.html')) return 'html';
  if (/^\/(?:en\/)?rss\.xml$/.test(pathname)) return 'rss';
  if (/^\/sitemap[^/]*\.xml$/.test(pathname)) return 'sitemap';
  return undefined;
}

/** The language of a path: English under /en. */
const langOf = (path) => (path === '/en' || path.startsWith('/en/') ? 'en' : 'vi');

/** The calm 410 page, in the language of the path, linking to /verify and to the category it was in. */
export function gonePage(path, categoryPath) {
  const s = GONE_PAGE[langOf(path)];
  const category = categoryPath ? (s.lang === 'en' ? `/en${categoryPath}` : categoryPath) : null;
  return `<!doctype html>
<html lang="${s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(s.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f7f5ef;color:#1f2a1f;line-height:1.6}
main{max-width:40rem;margin:4rem auto;padding:0 1.25rem}
h1{font-size:1.6rem;line-height:1.3}
ul{padding:0;list-style:none}
li{margin:.6rem 0}
a{color:#1d5c2e;font-weight:600}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(s.heading)}</h1>
<p>${escapeHtml(s.body)}</p>
<ul>
<li><a href="${s.verifyPath}">${escapeHtml(s.verify)}</a></li>
${category ? `<li><a href="${escapeHtml(category)}">${escapeHtml(s.category)}</a></li>` : ''}
<li><a href="${s.homePath}">${escapeHtml(s.home)}</a></li>
</ul>
</main>
</body>
</html>
`;
}

/**
 * Starts the live site. Resolves once it serves a build (building one first when there is none)
 * and follows the change feed from then on.
 */
export async function startLiveSite(options) {
  const {
    apiUrl,
    siteUrl,
    port = 4321,
    host = '0.0.0.0',
    buildsDir = join(SITE_DIR, 'builds'),
    pollMs = 1000,
    quietMs = 1500,
    maxWaitMs = 10_000,
    log = (line) => console.log(line),
    env: extraEnv = {},
  } = options;
  mkdirSync(buildsDir, { recursive: true });
  // A build's server code imports the site's packages: from a folder outside the site package,
  // node_modules must be reachable from the builds.
  const modules = join(buildsDir, 'node_modules');
  if (!resolve(buildsDir).startsWith(SITE_DIR + sep) && !existsSync(modules)) {
    symlinkSync(join(SITE_DIR, 'node_modules'), modules, 'dir');
  }
  const currentFile = join(buildsDir, 'current.json');
  const goneFile = join(buildsDir, 'gone.json');
  const lockFile = join(buildsDir, '.lock');

  /** The build being served: its folder, manifest, pages and the cursor it is up to date with. */
  let current = null;
  /** Path → { since, category }: pages that existed and are gone. */
  const gone = new Map(Object.entries(readJson(goneFile, {})));
  /** Slug → { sequence, category } of products withdrawn after the current build's cursor. */
  const withdrawn = new Map();
  /** Pages answered 410 now because the products they list were withdrawn since the build. */
  let goneNow = new Set();
  let feedCursor = null;
  let apiSequence = 0;
  let building = false;
  let dirty = false;
  let firstChangeAt = 0;
  let timer;
  let retryDelay = 2000;
  let lastBuild = null;
  let lastError = null;
  let feedError = null;
  let stopped = false;
  let ssrHandler;
  /** The build whose server code answers on-demand pages; kept while this process runs. */
  let pinnedDir = null;

  const baseEnv = {
    ...process.env,
    ...extraEnv,
    OCOP_API_URL: apiUrl,
    SITE_URL: siteUrl,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };

  const loadBuild = async (dir) => {
    const client = join(dir, 'client');
    const manifest = JSON.parse(await readFile(join(client, 'publication.json'), 'utf8').catch(() => 'null'));
    if (!manifest) throw new Error(`${dir} holds no publication.json`);
    const footer = (file) => {
      try {
        return footerOf(readFileSync(join(client, file), 'utf8'));
      } catch {
        return '';
      }
    };
    return {
      dir,
      client,
      manifest,
      pages: await pagesOf(client),
      sequence: cursorSequence(manifest.cursor),
      footers: { vi: footer('index.html'), en: footer('en/index.html') },
    };
  };

  /** Recomputes which pages the withdrawals since the build take away. */
  const recomputeGoneNow = () => {
    const next = new Set();
    if (current && withdrawn.size > 0) {
      const { listings, pages, pageSize } = current.manifest;
      const remaining = new Map();
      for (const [id, slugs] of Object.entries(listings)) {
        if (slugs.some((slug) => withdrawn.has(slug))) {
          remaining.set(id, slugs.filter((slug) => !withdrawn.has(slug)).length);
        }
      }
      for (const [path, [id, page]] of Object.entries(pages)) {
        const left = remaining.get(id);
        if (left !== undefined && left <= (page - 1) * pageSize) next.add(path);
      }
    }
    goneNow = next;
  };

  const categoryOfPage = (path) => {
    const match = /^(?:\/en)?\/products\/([^/]+)\/$/.exec(path);
    const slug = match?.[1];
    const category = slug ? (withdrawn.get(slug)?.category ?? categoryOf(slug)) : undefined;
    if (category) return `/categories/${category}/`;
    const listing = /^(?:\/en)?(\/categories\/[^/]+\/)/.exec(path);
    return listing?.[1] ?? gone.get(path)?.category ?? null;
  };

  // ---- building ----

  const build = async () => {
    const release = takeLock(lockFile);
    if (!release) throw new Error(`another process is building into ${buildsDir}; waiting for it`);
    const started = Date.now();
    const cursor = feedCursor;
    const dir = join(buildsDir, `build-${new Date(started).toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
    try {
      // Incremental: the pages this change did not touch are taken from the build being served.
      const env = { ...baseEnv, OCOP_FEED_CURSOR: cursor ?? '', OCOP_PREVIOUS_BUILD: current?.dir ?? '' };
      const output = await run(process.execPath, [ASTRO, 'build', '--outDir', dir], { env, name: 'The site build' });
      // What the build rendered: "N of M catalog pages rendered, …" or "all M … (why)".
      const rendered = /(\d+ of \d+ catalog pages rendered \([^)]*\)|all \d+ catalog pages rendered \([^)]*\))/.exec(
        output,
      )?.[1];
      await run(PAGEFIND, ['--site', join(dir, 'client')], { env, name: 'The search index' });
      const next = await loadBuild(dir);
      // Pages the previous build had and this one has not are gone; pages it has are back.
      const now = new Date().toISOString();
      // Written below into every build: a saved build listed them among its pages when loaded.
      next.pages.add('/gone.json');
      next.pages.add('/gone.txt');
      if (current) {
        for (const path of current.pages) {
          if (!next.pages.has(path) && !gone.has(path)) gone.set(path, { since: now, category: categoryOfPage(path) });
        }
      }
      for (const path of next.pages) gone.delete(path);
      writeJsonAtomically(goneFile, Object.fromEntries(gone));
      writeFileSync(join(next.client, 'gone.json'), JSON.stringify([...gone.keys()].sort()));
      writeFileSync(join(next.client, 'gone.txt'), `${[...gone.keys()].sort().join('\n')}\n`);
      const previous = current;
      current = next;
      for (const [slug, w] of withdrawn) if (w.sequence <= next.sequence) withdrawn.delete(slug);
      recomputeGoneNow();
      writeJsonAtomically(currentFile, { dir: next.dir, cursor, sequence: next.sequence, builtAt: now });
      lastBuild = { at: now, ms: Date.now() - started, sequence: next.sequence };
      lastError = null;
      retryDelay = 2000;
      log(
        `Site published: change ${next.sequence} in ${((Date.now() - started) / 1000).toFixed(1)} s (${next.pages.size} pages${rendered ? `; ${rendered}` : ''}).`,
      );
      // The previous build stays a minute for requests still reading it, then goes (unless pinned).
      if (previous && previous.dir !== pinnedDir) {
        setTimeout(() => rmSync(previous.dir, { recursive: true, force: true }), 60_000).unref();
      }
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    } finally {
      release();
    }
  };

  const schedule = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, delay);
    timer.unref();
  };

  const changed = () => {
    if (!dirty) firstChangeAt = Date.now();
    dirty = true;
    if (building) return;
    // Coalesce a burst: wait for a quiet moment, but not longer than maxWaitMs from the first change.
    schedule(Math.max(0, Math.min(quietMs, firstChangeAt + maxWaitMs - Date.now())));
  };

  async function rebuild() {
    if (building || stopped || !dirty) return;
    building = true;
    dirty = false;
    try {
      await build();
    } catch (error) {
      dirty = true;
      lastError = { at: new Date().toISOString(), message: String(error.message ?? error).slice(0, 2000) };
      log(
        `Site rebuild failed; still serving change ${current?.sequence ?? 0}. Retrying in ${retryDelay / 1000} s.\n${lastError.message}`,
      );
      schedule(retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60_000);
      return;
    } finally {
      building = false;
    }
    if (dirty) changed();
  }

  // ---- following the feed ----

  const graphql = async (query, variables) => {
    const res = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await res.json();
    if (body.errors?.length) {
      const error = new Error(body.errors[0].message);
      error.code = body.errors[0].extensions?.code;
      throw error;
    }
    return body.data;
  };

  const CHANGES = `query SiteFeed($after: String) { catalogChanges(after: $after, first: 100) {
    currentCursor pageInfo { hasNextPage endCursor } nodes { sequence kind slug category } } }`;

  const poll = async () => {
    for (;;) {
      const data = await graphql(CHANGES, { after: feedCursor });
      const page = data.catalogChanges;
      apiSequence = cursorSequence(page.currentCursor);
      let withdrawals = false;
      for (const change of page.nodes) {
        if (change.kind === 'WITHDRAWN') {
          withdrawn.set(change.slug, { sequence: change.sequence, category: categoryOf(change.slug) });
          withdrawals = true;
        } else {
          withdrawn.delete(change.slug);
        }
      }
      if (page.nodes.length > 0) {
        if (withdrawals || withdrawn.size > 0) recomputeGoneNow();
        changed();
      }
      feedCursor = page.pageInfo.endCursor ?? feedCursor;
      if (!page.pageInfo.hasNextPage) return;
    }
  };

  /** The category slug of a product of the current build, for the 410 page's link. */
  const categoryOf = (slug) => current?.manifest.products?.[slug] ?? null;

  const follow = async () => {
    while (!stopped) {
      try {
        await poll();
        feedError = null;
      } catch (error) {
        if (error.code === 'CURSOR_EXPIRED') {
          // Too far behind to replay: rebuild from scratch, following from now on.
          feedCursor = null;
          changed();
        }
        feedError = { at: new Date().toISOString(), message: String(error.message ?? error) };
      }
      await sleep(pollMs);
    }
  };

  // ---- serving ----

  const ssr = async () => {
    if (!ssrHandler) {
      // On-demand pages (/verify) come from the first build this process served: the code is the
      // same in every build, and loading each build's server would grow the process forever.
      pinnedDir = current.dir;
      process.env.ASTRO_NODE_AUTOSTART = 'disabled';
      const entry = await import(pathToFileURL(join(current.dir, 'server/entry.mjs')).href);
      ssrHandler = entry.handler;
    }
    return ssrHandler;
  };

  const fileFor = (client, pathname) => {
    const safe = normalize(pathname).replace(/^(\.\.(\/|\\|$))+/, '');
    let file = join(client, safe);
    if (!file.startsWith(client + sep) && file !== client) return null;
    try {
      let stat = statSync(file);
      if (stat.isDirectory()) {
        file = join(file, 'index.html');
        stat = statSync(file);
      }
      return stat.isFile() ? { file, stat } : null;
    } catch {
      return null;
    }
  };

  const health = () => {
    const published = current?.sequence ?? 0;
    const behind = Math.max(0, apiSequence - published);
    return {
      status: !current ? 'starting' : lastError || feedError ? 'degraded' : 'ok',
      publishedSequence: published,
      publishedCursor: current?.manifest.cursor ?? null,
      apiSequence,
      behind,
      building,
      lastBuild,
      lastError,
      feedError,
      gonePages: gone.size + goneNow.size,
    };
  };

  /** An open-data file answered from the API (GET /open-data/<file>), which is always current. */
  const proxyOpenData = async (pathname, req, res) => {
    const upstream = await fetch(new URL(pathname, apiUrl), { signal: AbortSignal.timeout(30_000) });
    if (!upstream.ok || !upstream.body) throw new Error(`the API answered ${upstream.status} for ${pathname}`);
    res.writeHead(200, {
      'content-type': upstream.headers.get('content-type') ?? TYPES[extname(pathname)],
      'cache-control': cacheControlFor(pathname),
    });
    if (req.method === 'HEAD') {
      await upstream.body.cancel();
      res.end();
      return;
    }
    for await (const chunk of upstream.body) res.write(chunk);
    res.end();
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://site');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (pathname === '/healthz') {
        const body = JSON.stringify(health());
        res.writeHead(current ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      if (!current) {
        res.writeHead(503, { 'retry-after': '5', 'content-type': 'text/plain; charset=utf-8' });
        res.end('The catalog is being published; try again in a few seconds.\n');
        return;
      }
      const page = pathname.endsWith('/') || extname(pathname) ? pathname : `${pathname}/`;
      const served = current;
      if (
        (req.method === 'GET' || req.method === 'HEAD') &&
        (goneNow.has(page) || (gone.has(page) && !served.pages.has(page)))
      ) {
        const body = gonePage(page, categoryOfPage(page));
        res.writeHead(410, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'cache-control': 'public, max-age=0, s-maxage=5, must-revalidate',
          'x-robots-tag': 'noindex',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        const found = fileFor(served.client, pathname);
        if (found && withdrawn.size > 0 && /^\/open-data\/[^/]+\.(?:csv|json)$/.test(pathname)) {
          // The build's copy still holds products withdrawn since: the API's own file is current.
          await proxyOpenData(pathname, req, res);
          return;
        }
        const kind = found ? withdrawableKind(pathname, found.file) : undefined;
        if (found && kind && (kind === 'html' || withdrawn.size > 0)) {
          let body = readFileSync(found.file, 'utf8');
          if (kind === 'html') {
            body = withFooter(body, served.footers[langOf(page)]);
          }
          if (withdrawn.size > 0) body = withoutWithdrawn(body, kind, (slug) => withdrawn.has(slug));
          const headers = {
            'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
            'cache-control': cacheControlFor(pathname),
            etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
          };
          if (req.headers['if-none-match'] === headers.etag) {
            res.writeHead(304, headers).end();
            return;
          }
          res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        }
        if (found) {
          const etag = `W/"${createHash('sha1').update(`${found.file}:${found.stat.size}:${found.stat.mtimeMs}`).digest('base64url')}"`;
          const headers = {
            'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
            'cache-control': cacheControlFor(pathname),
            etag,
          };
          if (req.headers['if-none-match'] === etag) {
            res.writeHead(304, headers).end();
            return;
          }
          res.writeHead(200, { ...headers, 'content-length': found.stat.size });
          if (req.method === 'HEAD') {
            res.end();
            return;
          }
          createReadStream(found.file).pipe(res);
          return;
        }
      }
      (await ssr())(req, res);
    } catch (error) {
      log(`Could not answer ${req.url}: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('The site failed to answer this request; try again.\n');
    }
  });

  // Closing ends every connection: idle ones at once, busy ones once their answer is sent, any
  // left after 5 s by force. Node's own close() leaves a keep-alive connection with a request
  // under way open and answering for as long as its client asks, and the process running.
  const terminator = createHttpTerminator({ server, gracefulTerminationTimeout: 5000 });

  // ---- starting ----

  const saved = readJson(currentFile, null);
  if (saved?.dir && existsSync(join(saved.dir, 'client/publication.json'))) {
    try {
      current = await loadBuild(saved.dir);
      feedCursor = saved.cursor ?? null;
    } catch {
      current = null;
    }
  }
  // Catch up with what changed while the site was stopped; a first build reads everything, so it
  // follows the feed from its current end.
  try {
    if (current) {
      await poll();
    } else {
      const data = await graphql('query SiteFeedHead { catalogChanges(first: 1) { currentCursor } }', {});
      feedCursor = data.catalogChanges.currentCursor;
      apiSequence = cursorSequence(feedCursor);
    }
  } catch (error) {
    feedError = { at: new Date().toISOString(), message: String(error.message ?? error) };
  }
  if (!current || options.forceBuild) {
    dirty = true;
    for (;;) {
      building = true;
      dirty = false;
      try {
        await build();
        break;
      } catch (error) {
        lastError = { at: new Date().toISOString(), message: String(error.message ?? error).slice(0, 2000) };
        if (options.failFast) throw error;
        log(`The first site build failed; retrying in ${retryDelay / 1000} s.\n${lastError.message}`);
        await sleep(retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60_000);
      } finally {
        building = false;
      }
    }
  } else {
    // Serving the saved build, republish once: the feed may have moved while the site was
    // stopped, and the code or settings may have changed (an upgrade, the public SITE_URL the
    // build's warning asks for). Pages that did not change are taken from the saved build.
    changed();
  }
  if (!options.forceBuild) void follow();

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${address.port}`,
    port: address.port,
    health,
    /** The folder of the build being served (its client/ holds the static files). */
    get buildDir() {
      return current?.dir ?? null;
    },
    async close() {
      stopped = true;
      clearTimeout(timer);
      for (const child of running) child.kill('SIGTERM');
      await terminator.terminate();
      while (building) await sleep(50);
    },
  };
}
