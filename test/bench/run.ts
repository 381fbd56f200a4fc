/**
 * `pnpm bench`: the national-scale benchmark. Generates the 20,000-product synthetic catalog,
 * loads it into SQLite and PostgreSQL, starts the real server (production settings) as its own
 * process, drives it with autocannon from this one, compares each workload with a minimal Node
 * server sending the same bytes, and writes test/bench/RESULTS.md. Exits non-zero on any error
 * response. Options (environment): BENCH_SECONDS (default 10), BENCH_PRODUCTS (20000),
 * BENCH_DATABASES (sqlite,postgresql), BENCH_SITE=1 to also build the site against the catalog.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DEFAULT_SYNTHETIC_SEED,
  generateSyntheticCatalog,
  loadCatalog,
  migrate,
  openOrm,
  parseDatabaseUrl,
  SERVER_NODE_ARGS,
} from '@ocop/api';
import { searchTokens, todayInVietnam } from '@ocop/domain';
import autocannon from 'autocannon';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.js';

const root = resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',');

interface Workload {
  id: string;
  title: string;
  method: 'GET' | 'POST';
  connections: number;
  /** Requests to cycle through; each a path (GET) or a JSON body (POST). */
  requests: string[];
  target: string;
  /** False for a workload meant to miss the server's row caches: no warm-up pass over its requests. */
  warmUp?: boolean;
}

interface Result {
  workload: Workload;
  database: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  baselineRps: number;
  peakRssMb: number;
}

const log = (message: string) => console.error(`[bench] ${message}`);

function gqlBody(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}

const CATEGORY_PAGE = `query CategoryPage($category: CategoryCode!) {
  products(filter: { categories: [$category] }, first: 20) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { slug name stars producer { name phone } region { name } district { name } certificate { number issuedOn expiresOn } }
  }
}`;

const SEARCH = `query Search($q: String!) {
  products(search: $q, first: 20) { totalCount nodes { slug name stars producer { name } region { name } } }
  facets(search: $q) { totalCount categories { value count } stars { value count } regions { value label count } producerTypes { value count } }
}`;

const PRODUCT = `query Product($slug: String!) {
  product(slug: $slug) {
    slug name description story stars category producer { name phone email address website }
    region { fullName } district { name } certificate { number issuedOn expiresOn decisionNumber issuingLevel }
    related(first: 4) { slug name stars }
  }
}`;

async function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    const onData = (d: string) => {
      out += d;
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolvePromise(match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: string) => (out += d));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function run(url: string, w: Workload, pid?: number): Promise<autocannon.Result & { peakRssMb: number }> {
  let peak = 0;
  const timer = pid ? setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100) : undefined;
  let i = 0;
  const result = await autocannon({
    url,
    connections: w.connections,
    duration: SECONDS,
    method: w.method,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const next = w.requests[i++ % w.requests.length] as string;
          return w.method === 'GET' ? { ...req, path: next } : { ...req, body: next };
        },
      },
    ],
  });
  if (timer) clearInterval(timer);
  return Object.assign(result, { peakRssMb: peak });
}

async function post(url: string, body: string, method: 'GET' | 'POST' = 'POST'): Promise<Buffer> {
  const res =
    method === 'GET'
      ? await fetch(new URL(body, url))
      : await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const parsed = JSON.parse(bytes.toString('utf8')) as { errors?: unknown };
  if (res.status !== 200 || parsed.errors)
    throw new Error(`sample request failed (${res.status}): ${bytes.toString('utf8').slice(0, 500)}`);
  return bytes;
}

async function baseline(bytes: Buffer, w: Workload): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-baseline-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, bytes);
  const child = spawn(process.execPath, [join(import.meta.dirname, 'baseline-server.mjs'), file], { stdio: 'pipe' });
  const port = await new Promise<number>((r) =>
    child.stdout?.once('data', (d) => r(Number(/(\d+)/.exec(String(d))?.[1]))),
  );
  const result = await run(`http://127.0.0.1:${port}/graphql`, {
    ...w,
    requests: w.requests.map(() => (w.method === 'GET' ? '/graphql' : '{}')),
  });
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  return result.requests.average;
}

async function benchDatabase(
  name: string,
  url: string,
  catalog: ReturnType<typeof generateSyntheticCatalog>,
): Promise<{ results: Result[]; loadSeconds: number; site?: SiteBuild }> {
  log(`${name}: loading ${catalog.products.length} products…`);
  const orm = await openOrm(parseDatabaseUrl(url));
  await migrate(orm);
  const started = performance.now();
  await loadCatalog(orm.em.fork(), catalog);
  const loadSeconds = (performance.now() - started) / 1000;
  // Every product published today, for the workload that must miss the caches: read here, not
  // through the API, so that listing them does not warm the server.
  const today = todayInVietnam(new Date());
  const publishedRows: { slug: string }[] = await orm.em
    .getConnection()
    .execute(
      "select p.slug from product p join certificate c on c.product_id = p.id where c.status = 'ISSUED' and c.issued_on <= ? and c.expires_on >= ? order by p.id",
      [today, today],
    );
  const everyPublished: string[] = publishedRows.map((r) => r.slug);
  await orm.close();
  log(`${name}: loaded in ${loadSeconds.toFixed(1)} s; starting the server`);

  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, join(root, 'packages/api/dist/cli.js'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      OCOP_SEED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: 'pipe',
  });
  const apiUrl = await waitForReady(server);
  const pid = server.pid as number;

  const slugs = catalog.products.filter((_, i) => i % 97 === 0).map((p) => p.slug);
  const published = [] as string[];
  for (const slug of slugs) {
    const res = JSON.parse(
      (await post(apiUrl, gqlBody('query($s:String!){product(slug:$s){slug}}', { s: slug }))).toString(),
    ) as { data: { product: { slug: string } | null } };
    if (res.data.product) published.push(slug);
    if (published.length >= 50) break;
  }
  const categories = ['FOOD', 'BEVERAGE', 'HERB', 'SOUVENIR'];
  // What buyers type: the first word or two of product names, each search different.
  const coldSearches = [
    ...new Set(
      catalog.products
        .filter((_, i) => i % 7 === 0)
        .flatMap((p) => {
          const words = searchTokens(p.nameVi);
          return [words.slice(0, 2).join(' '), words.slice(1, 3).join(' ')];
        }),
    ),
  ].filter((q) => q.length > 0);
  const workloads: Workload[] = [
    {
      id: '1',
      title: 'category page (20 products, producer, region, certificate)',
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      requests: categories.map((c) => gqlBody(CATEGORY_PAGE, { category: c })),
    },
    {
      id: '2',
      title: 'search with facets ("nuoc mam", "tieu den", "mat ong rung")',
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      requests: ['nuoc mam', 'tieu den', 'mat ong rung'].map((q) => gqlBody(SEARCH, { q })),
    },
    {
      id: '2b',
      title: 'search with facets, 1 connection',
      method: 'POST',
      connections: 1,
      target: 'p50 < 10 ms',
      requests: ['nuoc mam', 'tieu den', 'mat ong rung'].map((q) => gqlBody(SEARCH, { q })),
    },
    {
      id: '2c',
      title: `search with facets, 1 connection, cold: ${coldSearches.length} different searches, no warm-up`,
      method: 'POST',
      connections: 1,
      target: 'p50 < 10 ms',
      warmUp: false,
      requests: coldSearches.map((q) => gqlBody(SEARCH, { q })),
    },
    {
      id: '3',
      title: 'product by slug with related products',
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      requests: published.map((s) => gqlBody(PRODUCT, { slug: s })),
    },
    {
      id: '3c',
      title: `product by slug, cold: ${everyPublished.length} different products, no warm-up`,
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      warmUp: false,
      // A stride through all of them: neighbours in the list (often the same producer) are not asked in a row.
      requests: everyPublished.map((_, i) => {
        const slug = everyPublished[(i * 7919) % everyPublished.length] as string;
        return gqlBody(PRODUCT, { slug });
      }),
    },
    {
      id: '4',
      title: 'category page as GET (server cache)',
      method: 'GET',
      connections: 20,
      target: '≥ 50% of baseline rps',
      requests: categories.map(
        (c) =>
          `/graphql?query=${encodeURIComponent(CATEGORY_PAGE)}&variables=${encodeURIComponent(JSON.stringify({ category: c }))}`,
      ),
    },
  ];

  const results: Result[] = [];
  for (const w of workloads) {
    const sample = await post(apiUrl, w.requests[0] as string, w.method);
    if (w.warmUp !== false) await run(apiUrl, { ...w, requests: w.requests }, undefined).catch(() => undefined);
    log(`${name}: workload ${w.id} (${w.title}), ${SECONDS} s at ${w.connections} connection(s)…`);
    const r = await run(apiUrl, w, pid);
    const baselineRps = await baseline(sample, w);
    results.push({
      workload: w,
      database: name,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      baselineRps,
      peakRssMb: r.peakRssMb,
    });
    log(
      `${name}: ${w.id}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}, baseline ${baselineRps.toFixed(0)} req/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
  }
  const site = process.env.BENCH_SITE === '1' && name === 'sqlite' ? await buildSite(apiUrl) : undefined;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  return { results, loadSeconds, site };
}

interface SiteBuild {
  steps: { name: string; seconds: number; peakRssMb: number }[];
}

/** Runs a command under GNU time to read its wall time and peak resident memory. */
async function timed(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-v', command, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`${name} failed (${code}):\n${stderr.slice(-2000)}`);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
  return { name, seconds: (performance.now() - started) / 1000, peakRssMb: peakKb / 1024 };
}

/** The site built against the national-scale catalog: Astro, then Pagefind. */
async function buildSite(apiUrl: string): Promise<SiteBuild> {
  const siteDir = join(root, 'sites/catalog');
  const env = { ...process.env, OCOP_API_URL: apiUrl, ASTRO_TELEMETRY_DISABLED: '1' };
  log('site: astro build against the synthetic catalog…');
  const astro = await timed(
    'astro build',
    process.execPath,
    [join(siteDir, 'node_modules/astro/astro.js'), 'build'],
    siteDir,
    env,
  );
  log(`site: astro build ${astro.seconds.toFixed(0)} s, peak ${astro.peakRssMb.toFixed(0)} MB; pagefind…`);
  const pagefind = await timed(
    'pagefind',
    join(siteDir, 'node_modules/.bin/pagefind'),
    ['--site', 'dist/client'],
    siteDir,
    env,
  );
  log(`site: pagefind ${pagefind.seconds.toFixed(0)} s, peak ${pagefind.peakRssMb.toFixed(0)} MB`);
  return { steps: [astro, pagefind] };
}

function table(results: Result[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.database} | ${r.workload.id}. ${r.workload.title} | ${r.workload.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} | ${r.baselineRps.toFixed(0)} | ${((r.rps / r.baselineRps) * 100).toFixed(1)}% | ${r.peakRssMb.toFixed(0)} | ${r.workload.target} |`,
  );
  return [
    '| database | workload | conns | req/s | p50 ms | p99 ms | errors | baseline req/s | vs baseline | peak server RSS MB | target |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = new Date();
  const runStarted = performance.now();
  const genStart = performance.now();
  const catalog = generateSyntheticCatalog({ products: PRODUCTS, seed: DEFAULT_SYNTHETIC_SEED });
  log(`generated ${catalog.products.length} products in ${((performance.now() - genStart) / 1000).toFixed(2)} s`);
  const all: Result[] = [];
  const loads: string[] = [];
  let site: SiteBuild | undefined;
  let pg: ThrowawayPostgres | undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'ocop-bench-'));
  try {
    for (const name of DATABASES) {
      let url: string;
      if (name === 'sqlite') {
        url = `sqlite:${join(tmp, 'bench.sqlite')}`;
      } else {
        const bin = findPostgresBin();
        if (!bin)
          throw new Error(
            'PostgreSQL binaries not found (apt-get install -y postgresql), or set BENCH_DATABASES=sqlite',
          );
        pg = await startThrowawayPostgres(bin);
        const admin = await openOrm(parseDatabaseUrl(pg.url));
        await admin.em.getConnection().execute('create database ocop_bench');
        await admin.close();
        url = pg.url.replace(/\/postgres$/, '/ocop_bench');
      }
      const outcome = await benchDatabase(name, url, catalog);
      const { results, loadSeconds } = outcome;
      site ??= outcome.site;
      all.push(...results);
      loads.push(`${name}: ${loadSeconds.toFixed(1)} s`);
    }
  } finally {
    pg?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }

  const cpu = cpus();
  const report = `# Benchmark results

Measured by \`pnpm bench\` (test/bench/run.ts) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.

- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end), ${platform()} ${release()}, Node ${process.version}.
- Catalog: ${catalog.products.length} synthetic products (seed ${DEFAULT_SYNTHETIC_SEED}), ${catalog.producers.length} producers, ${catalog.regions.length} regions. Loading it took ${loads.join(', ')}.
- Server: \`node ${SERVER_NODE_ARGS.join(' ')} packages/api/dist/cli.js start\` with NODE_ENV=production (the options of \`pnpm start\`), its own process; load from autocannon 8 in the benchmark process, ${SECONDS} s per workload after a ${SECONDS} s warm-up with the same requests (none for 2c and 3c).
- What the server reuses between requests, until any write through the API (a write by another process shows within about 1 s on SQLite, 60 s on PostgreSQL): query results (counts, facets, page ids), product, producer and certificate rows by id (up to 5,000 of each), the region tree. Workloads 1–3 are POST requests, which no HTTP cache answers: each one runs GraphQL, but after the warm-up its rows come from memory. Workloads 2c and 3c show the other case, without warm-up: 2c sends a different search each time (the first words of product names), so every count, facet and page is computed by the database; 3c walks through every published product (a stride through the list), so each request reads its product, certificate and related products from the database, and often its producer. Workload 4 is answered from the server's response cache.
- Baseline: a minimal Node HTTP server (test/bench/baseline-server.mjs) returning the same response bytes, measured with the same connections and duration right after each workload. These machines are noisy: the ratios hold better than the absolute numbers.

${table(all)}

${
  site
    ? `Site build against the same catalog (SQLite server): ${site.steps.map((s) => `${s.name} ${s.seconds.toFixed(0)} s, peak ${s.peakRssMb.toFixed(0)} MB`).join('; ')}; in all ${site.steps.reduce((n, s) => n + s.seconds, 0).toFixed(0)} s (targets: under 180 s, under 2 GB).`
    : 'Site build not measured in this run (set BENCH_SITE=1).'
}

Reproduce: \`${process.env.BENCH_SITE === '1' ? 'BENCH_SITE=1 ' : ''}pnpm bench\` (this run took ${((performance.now() - runStarted) / 60_000).toFixed(0)} minutes; \`BENCH_SECONDS=5 BENCH_DATABASES=sqlite pnpm bench\` for a quick run).
`;
  const resultsFile = join(import.meta.dirname, 'RESULTS.md');
  writeFileSync(resultsFile, report);
  // Aligned as the repository's formatter wants it, so \`pnpm check\` passes with the new file.
  spawnSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', resultsFile], { stdio: 'ignore' });
  console.log(report);
  const failed = all.filter((r) => r.errors + r.non2xx > 0);
  if (failed.length) {
    console.error(`[bench] ${failed.length} workload(s) had error responses`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
