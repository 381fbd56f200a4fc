/**
 * `pnpm bench`: the national-scale benchmark. Generates the 20,000-product synthetic catalog,
 * loads it into SQLite and PostgreSQL, starts the real server (production settings) as its own
 * process, drives it with autocannon from this one, compares each workload with a minimal Node
 * server sending the same bytes and, on PostgreSQL, with PostGraphile serving the same database
 * (test/bench/postgraphile/), and writes test/bench/RESULTS.md. Before timing, it checks that both
 * servers answer a sample of each workload's questions with the same products. Exits non-zero on
 * any error response or any difference.
 *
 * Options (environment):
 * - BENCH_SECONDS: seconds per workload (default 10), after as long a warm-up where there is one.
 * - BENCH_PRODUCTS: size of the synthetic catalog (default 20000).
 * - BENCH_DATABASES: which databases, in order (default sqlite,postgresql); `postgresql` alone
 *   for PostgreSQL only.
 * - BENCH_ONLY: the workloads to run, by id (e.g. `3c,5c`; default all: 1,2,2b,2c,2d,3,3c,5,5c,4, and
 *   `starve`, the most expensive allowed queries beside a buyer and /healthz).
 * - BENCH_POSTGRAPHILE=0: skip PostGraphile (default: run it beside the API on PostgreSQL).
 * - BENCH_SITE=1: also build the site against the catalog (SQLite server), then serve that build
 *   with the live site and time one revocation to its 410 and to the republished listing, and one
 *   new certificate to its product's page.
 * - BENCH_SCALE: other catalog sizes at which the cold workloads (2c, 2d, 3c, 5c) run again, to see
 *   how their cost grows with the catalog (default 2000,100000; empty to skip; with BENCH_ONLY,
 *   only the cold workloads it names).
 * - BENCH_CPU_PROF=/absolute/dir: run the API server with `node --cpu-prof` writing its profile
 *   there; bench/profile-top.ts lists where it spent its time.
 * A quick iteration: `BENCH_SECONDS=3 BENCH_PRODUCTS=2000 BENCH_SCALE= BENCH_DATABASES=postgresql BENCH_ONLY=3c pnpm bench`.
 * Every run rewrites RESULTS.md with what it ran.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
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
import { addDays, searchTokens, todayInVietnam } from '@ocop/domain';
import autocannon from 'autocannon';
import { readyUrl } from '../support/cli.js';
import { MUTATIONS, SCORES } from '../support/mutations.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.js';
import { API_QUERIES, assertSameAnswer, gqlBody, PEER_QUERIES } from './peer.js';

const root = resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',');
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((id) => id.trim())) : undefined;
const WITH_POSTGRAPHILE = process.env.BENCH_POSTGRAPHILE !== '0';
const SCALE = (process.env.BENCH_SCALE ?? '2000,100000')
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => n > 0 && n !== PRODUCTS);
/** The workloads that miss the server's caches, whose cost may grow with the catalog. */
const COLD = ['2c', '2d', '3c', '5c'];
/**
 * Requests per second that no cold workload reaches here (the fastest answered under 2,000): a
 * cold workload has bodies enough for that rate over the whole run (see `cold` below).
 */
const COLD_RATE_CEILING = 5_000;
/**
 * `rounds` passes over `variables` as request bodies of `query`, every one different: each pass
 * after the first adds a variable the query does not use (`round`), which GraphQL ignores. The
 * API's response cache answers a repeated public body without running GraphQL; these it never
 * has seen.
 */
function distinctBodies(query: string, variables: Record<string, unknown>[], rounds: number): string[] {
  return Array.from({ length: Math.max(1, rounds) }, (_, round) =>
    variables.map((v) => gqlBody(query, round === 0 ? v : { ...v, round })),
  ).flat();
}
/** A folder for V8 CPU profiles of the API server (`node --cpu-prof`), written when it stops. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;

interface Workload {
  id: string;
  title: string;
  method: 'GET' | 'POST';
  connections: number;
  /** Requests to cycle through; each a path (GET) or a JSON body (POST). */
  requests: string[];
  /** The same questions for PostGraphile, as JSON bodies: PostGraphile 4 answers POST only. */
  peerRequests: string[];
  target: string;
  /** False for a workload meant to miss the server's row caches: no warm-up pass over its requests. */
  warmUp?: boolean;
}

/** One server's figures for one workload. */
interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
  /**
   * CPU time the server process spent per request sent (user + system, from /proc): what a
   * request costs the server, which a busy machine disturbs less than req/s and latency.
   */
  cpuMsPerRequest?: number;
  /** SQL statements the database ran per answered request (PostgreSQL, from pg_stat_statements). */
  statements?: number;
}

interface Result {
  workload: Workload;
  database: string;
  api: Measure;
  /** The bare-Node baseline's req/s (not measured by the runs at other catalog sizes). */
  baselineRps?: number;
  /** PostGraphile on the same database (PostgreSQL only). */
  peer?: Measure;
}

const log = (message: string) => console.error(`[bench] ${message}`);

async function waitForReady(child: ChildProcess): Promise<string> {
  return (await readyUrl(child, 'server')).replace('localhost', '127.0.0.1');
}

/** CPU time (user + system) a process has used so far, in ms; undefined where /proc cannot tell. */
function cpuMs(pid: number): number | undefined {
  const ticks = statTicks(`/proc/${pid}/stat`);
  return ticks === undefined ? undefined : ticks * 10; // USER_HZ is 100 on Linux
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

/**
 * A timed run, with the statements the database ran for it when `statements` can count them.
 * Requests still in flight when a run stops are finished by the server all the same: counts are
 * read once those have settled, and divided by the requests sent.
 */
async function measure(
  url: string,
  w: Workload,
  pid: number,
  statements?: () => Promise<number>,
  /** Called right before and right after the timed run (not around the settling of statements). */
  timed?: { start(): void; stop(): void },
): Promise<Measure> {
  const settled = async () => {
    if (!statements) return undefined;
    await new Promise((r) => setTimeout(r, 1000));
    return statements();
  };
  const before = await settled();
  const cpuBefore = cpuMs(pid);
  timed?.start();
  const r = await run(url, w, pid);
  timed?.stop();
  const after = await settled();
  const cpuAfter = cpuMs(pid);
  return {
    cpuMsPerRequest:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : (cpuAfter - cpuBefore) / Math.max(1, r.requests.sent),
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    peakRssMb: r.peakRssMb,
    statements:
      before === undefined || after === undefined ? undefined : (after - before) / Math.max(1, r.requests.sent),
  };
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

async function ask(url: string, body: string): Promise<Record<string, unknown>> {
  return (JSON.parse((await post(url, body)).toString('utf8')) as { data: Record<string, unknown> }).data;
}

/**
 * A minimal Node HTTP server (baseline-server.mjs) in a process of its own, answering every
 * request with `bytes`.
 */
async function startBaseline(bytes: Buffer | string): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-baseline-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, bytes);
  const child = spawn(process.execPath, [join(import.meta.dirname, 'baseline-server.mjs'), file], { stdio: 'pipe' });
  const port = await new Promise<number>((r) =>
    child.stdout?.once('data', (d) => r(Number(/(\d+)/.exec(String(d))?.[1]))),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function baseline(bytes: Buffer, w: Workload): Promise<number> {
  const server = await startBaseline(bytes);
  const result = await run(`${server.url}/graphql`, {
    ...w,
    requests: w.requests.map(() => (w.method === 'GET' ? '/graphql' : '{}')),
  });
  server.stop();
  return result.requests.average;
}

/** Starts a server process and waits for its "ready at URL" line. */
async function startServer(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
  const url = await waitForReady(child);
  return {
    url,
    pid: child.pid as number,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Statements run so far in the current database, by pg_stat_statements (its own reads left out). */
async function statementsRun(orm: Awaited<ReturnType<typeof openOrm>>): Promise<number> {
  const rows: { n: string | number }[] = await orm.em
    .getConnection()
    .execute(
      "select coalesce(sum(s.calls), 0) as n from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = current_database() and s.query not like '%pg_stat_statements%'",
    );
  return Number(rows[0]?.n ?? 0);
}

/** A question both servers are asked before timing, by kind and variables. */
interface Check {
  kind: keyof typeof API_QUERIES;
  variables: Record<string, unknown>;
}

/** Asks both servers each question; throws at the first that they answer with different products. */
async function checkSameAnswers(apiUrl: string, peerUrl: string, checks: Check[]): Promise<void> {
  for (const { kind, variables } of checks) {
    const [api, peer] = await Promise.all([
      ask(apiUrl, gqlBody(API_QUERIES[kind], variables)),
      ask(peerUrl, gqlBody(PEER_QUERIES[kind], variables)),
    ]);
    assertSameAnswer(kind, variables, api, peer);
  }
}

interface DatabaseRun {
  results: Result[];
  loadSeconds: number;
  site?: SiteBuild;
  /** How many questions both servers were checked on, by kind. */
  checked?: Record<string, number>;
  starved?: Starvation;
}

/** What one database's run includes: the whole benchmark, or only the cold workloads at another catalog size. */
interface Scope {
  /** The workloads to run, by id (all when absent). */
  only?: Set<string>;
  peer: boolean;
  baseline: boolean;
  starve: boolean;
  site: boolean;
}

async function benchDatabase(
  name: string,
  url: string,
  catalog: ReturnType<typeof generateSyntheticCatalog>,
  scope: Scope,
): Promise<DatabaseRun> {
  log(`${name}: loading ${catalog.document.products?.length ?? 0} products…`);
  const orm = await openOrm(parseDatabaseUrl(url));
  await migrate(orm);
  const started = performance.now();
  await loadCatalog(orm.em.fork(), catalog);
  const loadSeconds = (performance.now() - started) / 1000;
  const isPostgres = name === 'postgresql';
  // What autovacuum does a minute or two after a bulk load, done before anything is timed: with
  // the visibility map set, counts become index-only scans, and plans no longer change in the
  // middle of the run (PostGraphile's category page took about 110 ms in PostgreSQL before,
  // 35–55 ms after, on a busy machine).
  if (isPostgres) await orm.em.getConnection().execute('vacuum (analyze)');
  // Every product published today, for the workloads that must miss the caches: read here, not
  // through the API, so that listing them does not warm the server.
  const today = todayInVietnam(new Date());
  const publishedRows: { slug: string }[] = await orm.em
    .getConnection()
    .execute(
      "select p.slug from product p join certificate c on c.product_id = p.id where c.status = 'ISSUED' and c.issued_on <= ? and c.expires_on >= ? order by p.id",
      [today, today],
    );
  const everyPublished: string[] = publishedRows.map((r) => r.slug);
  // An official's and a council member's tokens, for the changes the live-site run makes (a
  // revocation, a new certificate).
  const tokens = {
    ADMIN: `ocop_${randomBytes(32).toString('base64url')}`,
    EVALUATOR: `ocop_${randomBytes(32).toString('base64url')}`,
  };
  for (const [role, token] of Object.entries(tokens)) {
    await orm.em
      .getConnection()
      .execute('insert into api_token (name, role, token_hash, created_at) values (?, ?, ?, ?)', [
        `benchmark ${role}`,
        role,
        createHash('sha256').update(token).digest('hex'),
        new Date(),
      ]);
  }
  // On PostgreSQL the connection stays open to read pg_stat_statements around each timed run.
  if (isPostgres) await orm.em.getConnection().execute('create extension if not exists pg_stat_statements');
  else await orm.close();
  const statements = isPostgres ? () => statementsRun(orm) : undefined;
  log(`${name}: loaded in ${loadSeconds.toFixed(1)} s; starting the server`);

  const server = await startServer(
    [
      ...SERVER_NODE_ARGS,
      ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
      join(root, 'packages/api/dist/cli.js'),
      'start',
    ],
    // One client (autocannon) drives all the load: the per-client allowance is turned off here and
    // exercised by the starvation run instead.
    {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      OCOP_SEED: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT: '0',
    },
  );
  const apiUrl = server.url;
  // PostGraphile reads the same database; it creates its views (schema `postgraphile`) as it starts.
  const peer =
    isPostgres && scope.peer
      ? await startServer([join(import.meta.dirname, 'postgraphile/server.mjs')], {
          NODE_ENV: 'production',
          DATABASE_URL: url,
          PORT: '0',
          HOST: '127.0.0.1',
        })
      : undefined;

  const slugs = (catalog.document.products ?? []).filter((_, i) => i % 97 === 0).map((p) => String(p.slug));
  const published = [] as string[];
  for (const slug of slugs) {
    const res = JSON.parse(
      (await post(apiUrl, gqlBody('query($s:String!){product(slug:$s){slug}}', { s: slug }))).toString(),
    ) as { data: { product: { slug: string } | null } };
    if (res.data.product) published.push(slug);
    if (published.length >= 50) break;
  }
  const categories = ['FOOD', 'BEVERAGE', 'HERB', 'SOUVENIR'];
  const warmSearches = ['nuoc mam', 'tieu den', 'mat ong rung'];
  // What buyers type: the first word or two of product names, each search different.
  const firstWords = (nameVi: string) => {
    const words = searchTokens(nameVi);
    return [words.slice(0, 2).join(' '), words.slice(1, 3).join(' '), words.slice(0, 3).join(' ')];
  };
  const coldSearches = [
    ...new Set(
      (catalog.document.products ?? [])
        .filter((_, i) => i % 7 === 0)
        .flatMap((p) => firstWords(String(p.name_vi)).slice(0, 2)),
    ),
  ].filter((q) => q.length > 0);
  // For 20 connections, about 2,000 more searches that 2c never sends (its last ones would still
  // be in the server's query cache): two and three first words of every product's name.
  const sentBy2c = new Set(coldSearches);
  const moreColdSearches = [...new Set((catalog.document.products ?? []).flatMap((p) => firstWords(String(p.name_vi))))]
    .filter((q) => q.length > 0 && !sentBy2c.has(q))
    .slice(0, 2000);
  // Strides through all published products: neighbours in the list (often the same producer) are
  // not asked in a row. 5c walks backwards, so it starts on the products 3c did not reach and
  // finds none of those 3c left in the row caches.
  const stride = (i: number) => everyPublished[(i * 7919) % everyPublished.length] as string;
  const backwards = (i: number) => stride(everyPublished.length - 1 - i);
  const both = (kind: keyof typeof API_QUERIES, variables: Record<string, unknown>[]) => ({
    requests: variables.map((v) => gqlBody(API_QUERIES[kind], v)),
    peerRequests: variables.map((v) => gqlBody(PEER_QUERIES[kind], v)),
  });
  // A cold workload whose list runs out before its time does asks its questions again, as it
  // always did, but with bodies of their own (distinctBodies), so that only the server's other
  // caches (query results, rows) are warm for a repeat. PostGraphile keeps no answers: it is
  // asked the plain list.
  const cold = (kind: keyof typeof API_QUERIES, variables: Record<string, unknown>[]) => ({
    requests: distinctBodies(API_QUERIES[kind], variables, Math.ceil((COLD_RATE_CEILING * SECONDS) / variables.length)),
    peerRequests: variables.map((v) => gqlBody(PEER_QUERIES[kind], v)),
  });
  const allWorkloads: Workload[] = [
    {
      id: '1',
      title: 'category page (20 products, producer, region, certificate)',
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      ...both(
        'categoryPage',
        categories.map((category) => ({ category })),
      ),
    },
    {
      id: '2',
      title: 'search with facets ("nuoc mam", "tieu den", "mat ong rung")',
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      ...both(
        'search',
        warmSearches.map((q) => ({ q })),
      ),
    },
    {
      id: '2b',
      title: 'search with facets, 1 connection',
      method: 'POST',
      connections: 1,
      target: 'p50 < 10 ms',
      ...both(
        'search',
        warmSearches.map((q) => ({ q })),
      ),
    },
    {
      id: '2c',
      title: `search with facets, 1 connection, cold: ${coldSearches.length} different searches, no warm-up`,
      method: 'POST',
      connections: 1,
      target: 'p50 < 10 ms',
      warmUp: false,
      ...cold(
        'search',
        coldSearches.map((q) => ({ q })),
      ),
    },
    {
      id: '2d',
      title: `search with facets, cold: ${moreColdSearches.length} other different searches, no warm-up`,
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      warmUp: false,
      ...cold(
        'search',
        moreColdSearches.map((q) => ({ q })),
      ),
    },
    {
      id: '3',
      title: 'product by slug with related products',
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      ...both(
        'product',
        published.map((slug) => ({ slug })),
      ),
    },
    {
      id: '3c',
      title: `product by slug, cold: ${everyPublished.length} different products, no warm-up`,
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      warmUp: false,
      ...cold(
        'product',
        everyPublished.map((_, i) => ({ slug: stride(i) })),
      ),
    },
    {
      id: '5',
      title: 'product by slug without related products',
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      ...both(
        'productWithoutRelated',
        published.map((slug) => ({ slug })),
      ),
    },
    {
      id: '5c',
      title: `product by slug without related products, cold: ${everyPublished.length} different products, no warm-up`,
      method: 'POST',
      connections: 20,
      target: 'p99 < 50 ms',
      warmUp: false,
      ...cold(
        'productWithoutRelated',
        everyPublished.map((_, i) => ({ slug: backwards(i) })),
      ),
    },
    {
      id: '4',
      title: 'category page as GET (server cache)',
      method: 'GET',
      connections: 20,
      target: '≥ 50% of baseline rps',
      requests: categories.map(
        (c) =>
          `/graphql?query=${encodeURIComponent(API_QUERIES.categoryPage)}&variables=${encodeURIComponent(JSON.stringify({ category: c }))}`,
      ),
      // PostGraphile 4 has neither GET nor a response cache: it answers the same question as a POST.
      peerRequests: both(
        'categoryPage',
        categories.map((category) => ({ category })),
      ).peerRequests,
    },
  ];
  const unknown = [...(scope.only ?? [])].filter((id) => id !== 'starve' && !allWorkloads.some((w) => w.id === id));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_ONLY names no workload ${unknown.join(', ')}; the workloads are ${allWorkloads.map((w) => w.id).join(', ')}.`,
    );
  const workloads = allWorkloads.filter((w) => !scope.only || scope.only.has(w.id));

  let checked: Record<string, number> | undefined;
  if (peer) {
    // A few questions of every kind, asked of both before anything is timed. The searches come
    // from the end of the cold lists, which a 10 s run does not reach; the products are those of
    // the repeated workloads, which are warmed anyway.
    const checks: Check[] = [
      ...categories.map((category) => ({ kind: 'categoryPage' as const, variables: { category } })),
      ...published.slice(0, 20).map((slug) => ({ kind: 'product' as const, variables: { slug } })),
      ...published.slice(0, 5).map((slug) => ({ kind: 'productWithoutRelated' as const, variables: { slug } })),
      ...[...warmSearches, ...coldSearches.slice(-4), ...moreColdSearches.slice(-4)].map((q) => ({
        kind: 'search' as const,
        variables: { q },
      })),
    ];
    log(`${name}: checking that the API and PostGraphile answer ${checks.length} questions alike…`);
    await checkSameAnswers(apiUrl, peer.url, checks);
    checked = {};
    for (const c of checks) checked[c.kind] = (checked[c.kind] ?? 0) + 1;
  }

  const results: Result[] = [];
  for (const w of workloads) {
    const sample = await post(apiUrl, w.requests[0] as string, w.method);
    if (w.warmUp !== false) await run(apiUrl, w).catch(() => undefined);
    log(`${name}: workload ${w.id} (${w.title}), ${SECONDS} s at ${w.connections} connection(s)…`);
    const api = await measure(apiUrl, w, server.pid, statements);
    const baselineRps = scope.baseline ? await baseline(sample, w) : undefined;
    let peerMeasure: Measure | undefined;
    if (peer) {
      const asked: Workload = { ...w, method: 'POST', requests: w.peerRequests };
      await post(peer.url, asked.requests[0] as string);
      if (w.warmUp !== false) await run(peer.url, asked).catch(() => undefined);
      peerMeasure = await measure(peer.url, asked, peer.pid, statements);
    }
    results.push({ workload: w, database: name, api, baselineRps, peer: peerMeasure });
    const line = (m: Measure) =>
      `${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors + m.non2xx}, peak RSS ${m.peakRssMb.toFixed(0)} MB${m.cpuMsPerRequest === undefined ? '' : `, ${m.cpuMsPerRequest.toFixed(2)} ms CPU/request`}${m.statements === undefined ? '' : `, ${m.statements.toFixed(2)} statements/request`}`;
    log(
      `${name}: ${w.id}: ${line(api)}${baselineRps === undefined ? '' : `; baseline ${baselineRps.toFixed(0)} req/s`}`,
    );
    if (peerMeasure) log(`${name}: ${w.id}: PostGraphile ${line(peerMeasure)}`);
  }
  const starved = scope.starve ? await starvation(name, apiUrl, server.pid, everyPublished, statements) : undefined;
  let site: SiteBuild | undefined;
  if (scope.site && name === 'sqlite') {
    // The build is timed on its own, then served by the live site, which republishes from it.
    const buildsDir = mkdtempSync(join(root, 'sites/catalog/node_modules/.bench-live-'));
    try {
      site = await buildSite(apiUrl, buildsDir);
      site.live = await liveRepublish(apiUrl, tokens, buildsDir);
    } finally {
      rmSync(buildsDir, { recursive: true, force: true });
    }
  }
  await peer?.stop();
  await server.stop();
  if (isPostgres) await orm.close();
  return { results, loadSeconds, site, checked, starved };
}

interface SiteBuild {
  steps: { name: string; seconds: number; peakRssMb: number }[];
  /** The live site at this scale: its first build, and one revocation followed to its republished listing. */
  live?: LiveRepublish;
}

interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
}

function latencies(samples: number[], failed: number): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: samples.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, failed };
}

interface Starvation {
  database: string;
  heavy: Measure & { cost: string };
  product: Latencies;
  health: Latencies;
  /** The same /healthz probe sent to a bare Node server under the same load: the machine's floor. */
  bare: Latencies;
  cpu?: CpuShares;
}

/** Where the machine's CPU went during a run, each in % of one core (a 2-core machine has 200). */
interface CpuShares {
  main: number;
  worker: number;
  otherThreads: number;
  postgres: number;
  /** Time the hypervisor gave the machine's virtual cores to something else (`steal` in /proc/stat). */
  steal: number;
  /** Time the main thread was ready to run but waited for a core, in ms (/proc schedstat), and how many times it ran. */
  mainWaitMs?: number;
  mainSlices?: number;
}

/** CPU ticks (user + system) of a /proc stat file's process or thread; undefined where /proc cannot tell. */
function statTicks(file: string): number | undefined {
  const fields = readFileSyncOr(file).split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/** CPU ticks so far of each thread of `pid`, of each PostgreSQL process, and the machine's steal. */
function cpuTicks(pid: number): {
  threads: Map<number, number>;
  postgres: Map<number, number>;
  steal: number;
  schedstat?: number[];
} {
  const threads = new Map<number, number>();
  const postgres = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`))
      threads.set(Number(tid), statTicks(`/proc/${pid}/task/${tid}/stat`) ?? 0);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const comm = readFileSyncOr(`/proc/${entry}/comm`).trim();
      if (comm === 'postgres') postgres.set(Number(entry), statTicks(`/proc/${entry}/stat`) ?? 0);
    }
  } catch {
    // Not Linux: nothing to report.
  }
  const steal = Number(/^cpu\s+(.*)$/m.exec(readFileSyncOr('/proc/stat'))?.[1]?.split(/\s+/)[7] ?? 0);
  const schedstat = readFileSyncOr(`/proc/${pid}/task/${pid}/schedstat`).trim().split(' ').map(Number);
  return { threads, postgres, steal, schedstat: schedstat.length === 3 ? schedstat : undefined };
}

function readFileSyncOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The CPU shares between two readings of cpuTicks: the server's main thread (its id is the
 * process's), its busiest other thread (the worker thread for expensive queries), its other
 * threads (libuv, V8), all PostgreSQL processes, and steal. USER_HZ is 100: a tick is 10 ms.
 * PostgreSQL's share counts each process alive at the second reading from its first (a process
 * that ended in between takes its ticks with it: the share is a floor, never negative).
 */
function cpuShares(
  pid: number,
  before: ReturnType<typeof cpuTicks>,
  after: ReturnType<typeof cpuTicks>,
  ms: number,
): CpuShares | undefined {
  if (!after.threads.size) return undefined;
  const pct = (ticks: number) => (ticks * 10 * 100) / ms;
  const used = [...after.threads].map(([tid, ticks]) => ({ tid, ticks: ticks - (before.threads.get(tid) ?? 0) }));
  const main = used.find((t) => t.tid === pid)?.ticks ?? 0;
  const others = used.filter((t) => t.tid !== pid).sort((a, b) => b.ticks - a.ticks);
  const worker = others[0]?.ticks ?? 0;
  const rest = others.slice(1).reduce((sum, t) => sum + t.ticks, 0);
  return {
    main: pct(main),
    worker: pct(worker),
    otherThreads: pct(rest),
    postgres: pct([...after.postgres].reduce((sum, [p, ticks]) => sum + ticks - (before.postgres.get(p) ?? 0), 0)),
    steal: pct(after.steal - before.steal),
    ...(before.schedstat && after.schedstat
      ? {
          mainWaitMs: ((after.schedstat[1] ?? 0) - (before.schedstat[1] ?? 0)) / 1e6,
          mainSlices: (after.schedstat[2] ?? 0) - (before.schedstat[2] ?? 0),
        }
      : {}),
  };
}

/**
 * The most expensive query the API allows (cost 9,302 of QUERY_MAX_COST's 10,000: 100 products
 * with 9 related products each), sent by 20 connections, while a buyer asks for one product every
 * 200 ms and a load balancer asks /healthz every 100 ms. Expensive queries run in the server's
 * worker thread for them, one at a time, so the cheap requests keep their pace.
 */
const HEAVY_QUERY = `query Heavy($category: CategoryCode!, $stars: Int!) {
  products(filter: { categories: [$category], minStars: $stars }, first: 100) {
    totalCount
    nodes {
      slug name description story stars
      producer { name phone email address website }
      region { name parent { name } }
      certificate { number stars issuedOn expiresOn }
      related(first: 9) { slug name stars producer { name } region { name } }
    }
  }
}`;

async function starvation(
  database: string,
  apiUrl: string,
  serverPid: number,
  slugs: string[],
  statements?: () => Promise<number>,
): Promise<Starvation> {
  const categories = ['FOOD', 'BEVERAGE', 'HERB', 'TEXTILE', 'SOUVENIR', 'TOURISM'];
  // Each body differs, as an attacker's would: the response cache answers none of them.
  const bodies = distinctBodies(
    HEAVY_QUERY,
    categories.flatMap((category) => [3, 4, 5].map((stars) => ({ category, stars }))),
    200,
  );
  // Refused above the cost limit, this would fail here, before anything is timed.
  await post(apiUrl, bodies[0] as string);
  const heavy: Workload = {
    id: 'starve',
    title: 'most expensive allowed query',
    method: 'POST',
    connections: 20,
    requests: bodies,
    peerRequests: [],
    target: '',
  };
  log(
    `${database}: starvation: 20 connections of the most expensive allowed query, with a buyer and /healthz probing…`,
  );
  // The probes run in a process of their own: timed from this one, they would also count the
  // waits of this process's event loop, busy driving the 20 connections.
  const dir = mkdtempSync(join(tmpdir(), 'ocop-probe-'));
  const slugsFile = join(dir, 'slugs.json');
  writeFileSync(slugsFile, JSON.stringify(slugs));
  // What /healthz could be at best on this machine under this load: a process that only answers.
  const bare = await startBaseline(JSON.stringify({ status: 'ok' }));
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'probe.mjs'), apiUrl, String(SECONDS), slugsFile, bare.url],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  const probed = new Promise<void>((r) => child.once('exit', () => r()));
  let before = cpuTicks(serverPid);
  let started = 0;
  let cpu: CpuShares | undefined;
  const measured = await measure(apiUrl, heavy, 0, statements, {
    start() {
      before = cpuTicks(serverPid);
      started = performance.now();
    },
    stop() {
      cpu = cpuShares(serverPid, before, cpuTicks(serverPid), performance.now() - started);
    },
  });
  await probed;
  bare.stop();
  rmSync(dir, { recursive: true, force: true });
  const probes = JSON.parse(output) as Record<'product' | 'health' | 'bare', { times: number[]; failed: number }>;
  const [product, health, floor] = [probes.product, probes.health, probes.bare].map((p) =>
    latencies(p.times, p.failed),
  ) as [Latencies, Latencies, Latencies];
  return { database, heavy: { ...measured, cost: '9,302' }, product, health, bare: floor, cpu };
}

function cpuCell(cpu: CpuShares | undefined): string {
  if (!cpu) return '—';
  const shares = [cpu.main, cpu.worker, cpu.otherThreads, cpu.postgres, cpu.steal].map((n) => n.toFixed(0)).join(' · ');
  return cpu.mainWaitMs === undefined
    ? shares
    : `${shares}; ${cpu.mainWaitMs.toFixed(0)} ms over ${cpu.mainSlices} runs`;
}

function starvationTable(runs: Starvation[]): string {
  const ms = (n: number) => n.toFixed(1);
  return [
    '| database | expensive queries: req/s · p50 · p99 ms (non-2xx) | product query every 200 ms: p50 · p99 · max ms (failed) | /healthz every 100 ms: p50 · p99 · max ms (failed) | the same to a bare Node server: p50 · p99 · max ms (failed) | CPU, % of one core: API main thread · worker thread · other API threads · PostgreSQL · steal; time the main thread waited for a core | targets |',
    '|---|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.database} | ${r.heavy.rps.toFixed(0)} · ${r.heavy.p50} · ${r.heavy.p99} (${r.heavy.non2xx + r.heavy.errors})${r.heavy.statements === undefined ? '' : `; ${r.heavy.statements.toFixed(1)} SQL statements each`} | ${ms(r.product.p50)} · ${ms(r.product.p99)} · ${ms(r.product.max)} (${r.product.failed} of ${r.product.count}) | ${ms(r.health.p50)} · ${ms(r.health.p99)} · ${ms(r.health.max)} (${r.health.failed} of ${r.health.count}) | ${ms(r.bare.p50)} · ${ms(r.bare.p99)} · ${ms(r.bare.max)} (${r.bare.failed} of ${r.bare.count}) | ${cpuCell(r.cpu)} | product p99 ≤ 100 ${r.product.p99 <= 100 && r.product.failed === 0 ? '✔' : '✘'}, /healthz ≤ 10 ${r.health.max <= 10 && r.health.failed === 0 ? '✔' : r.health.p99 <= 10 ? '(p99 ✔, max ✘)' : '✘'}${r.health.p99 > 10 && r.bare.p99 > 10 ? " (the bare server's p99 was above 10 too)" : ''} |`,
    ),
  ].join('\n');
}

interface LiveRepublish {
  /** From starting the live site on the build above to its serving it. */
  startSeconds: number;
  goneSeconds: number;
  /** Until the food listing served no longer showed it (the last build's page, with it taken out). */
  hiddenSeconds: number;
  /** Until the site was rebuilt without it (its page listed in gone.txt by the new build). */
  listingSeconds: number;
  slug: string;
  /** From a new certificate (the last mutation of its product's certification) to its page being served. */
  newProductSeconds: number;
}

/** Sends a mutation with a token; throws on any error. */
async function mutate(apiUrl: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: gqlBody(query, variables),
  });
  const body = (await res.json()) as { data?: Record<string, { id: string; slug?: string }>; errors?: unknown[] };
  if (res.status !== 200 || body.errors?.length || !body.data)
    throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body)}`);
  return Object.values(body.data)[0] as { id: string; slug?: string };
}

/**
 * A new product of `producerId` taken through the OCOP cycle to a 5★ certificate, as an office
 * and a council do; resolves when the certificate is issued, with the product's slug.
 */
async function certifyNewProduct(apiUrl: string, tokens: Record<'ADMIN' | 'EVALUATOR', string>, producerId: string) {
  const today = todayInVietnam(new Date());
  const product = await mutate(apiUrl, tokens.ADMIN, MUTATIONS.createProduct, {
    input: {
      producerId,
      category: 'FOOD',
      nameVi: `Nước mắm đo thời gian ${Date.now()}`,
      nameEn: `Timed fish sauce ${Date.now()}`,
      descriptionVi: 'Nước mắm cá cơm ủ chượp trong thùng gỗ.',
      descriptionEn: 'Anchovy fish sauce aged in wooden barrels.',
    },
  });
  for (const cycleStage of ['BUSINESS_PLAN', 'PRODUCTION', 'EVALUATION']) {
    await mutate(apiUrl, tokens.ADMIN, MUTATIONS.moveProductToStage, { input: { productId: product.id, cycleStage } });
  }
  const evaluation = await mutate(apiUrl, tokens.EVALUATOR, MUTATIONS.recordEvaluation, {
    input: {
      productId: product.id,
      councilLevel: 'CENTRAL',
      criteriaVersion: 'QD148_2023',
      evaluatedOn: addDays(today, -10),
      ...SCORES[5],
    },
  });
  await mutate(apiUrl, tokens.EVALUATOR, MUTATIONS.finaliseEvaluation, { id: evaluation.id });
  await mutate(apiUrl, tokens.ADMIN, MUTATIONS.issueCertificate, {
    input: {
      evaluationId: evaluation.id,
      number: `BENCH-${Date.now()}`,
      decisionNumber: `${Date.now() % 100_000}/QĐ-BNN`,
      decisionDate: addDays(today, -5),
    },
  });
  return product.slug as string;
}

/**
 * GET `url` from the live site: status and body. A connection the server closed as it was reused
 * (which a browser retries by itself) is tried again, up to three times.
 */
async function getPage(url: string): Promise<{ status: number; text: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url);
      return { status: res.status, text: await res.text() };
    } catch (error) {
      if (attempt === 3) throw error;
      log(`site: GET ${url} failed (${(error as Error).message}); trying again`);
    }
  }
}

/**
 * The live site (sites/catalog/scripts/live-site.mjs) against this catalog: its first build, then
 * one certificate revoked through the API, timed to the product page's 410 and to the
 * republished category listing that no longer shows the product.
 */
async function liveRepublish(
  apiUrl: string,
  tokens: Record<'ADMIN' | 'EVALUATOR', string>,
  buildsDir: string,
): Promise<LiveRepublish> {
  const { startLiveSite } = await import('../../sites/catalog/scripts/live-site.mjs');
  const started = performance.now();
  log('site: the live site, serving that build…');
  const site = await startLiveSite({
    apiUrl,
    siteUrl: BENCH_SITE_URL,
    port: 0,
    host: '127.0.0.1',
    buildsDir,
    failFast: true,
    log: (line: string) => log(`site: ${line.split('\n')[0]}`),
  });
  try {
    const startSeconds = (performance.now() - started) / 1000;
    // The first product of the food listing, and its certificate.
    const first = (await ask(
      apiUrl,
      gqlBody(
        '{ products(filter: { categories: [FOOD] }, orderBy: { field: STARS, direction: DESC }, first: 1) { nodes { slug certificate { id } producer { id } } } }',
        {},
      ),
    )) as { products: { nodes: { slug: string; certificate: { id: string }; producer: { id: string } }[] } };
    const target = first.products.nodes[0] as { slug: string; certificate: { id: string }; producer: { id: string } };
    const listing = `${site.url}/categories/food/`;
    if (!(await getPage(listing)).text.includes(`/products/${target.slug}/`))
      throw new Error(`the food listing does not show ${target.slug} before the change`);
    const revoked = performance.now();
    const res = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.ADMIN}` },
      body: gqlBody(
        'mutation($id: ID!) { revokeCertificate(input: { certificateId: $id, reason: "benchmark" }) { status } }',
        {
          id: target.certificate.id,
        },
      ),
    });
    if (res.status !== 200) throw new Error(`the revocation failed: ${await res.text()}`);
    let goneSeconds = 0;
    let hiddenSeconds = 0;
    const since = () => (performance.now() - revoked) / 1000;
    for (;;) {
      const page = await getPage(`${site.url}/products/${target.slug}/`);
      if (page.status === 410) goneSeconds ||= since();
      if (goneSeconds && !(await getPage(listing)).text.includes(`/products/${target.slug}/`)) {
        hiddenSeconds ||= since();
      }
      // Hidden is not republished: the new build lists the withdrawn page in its gone.txt.
      if (hiddenSeconds && (await getPage(`${site.url}/gone.txt`)).text.includes(`/products/${target.slug}/`)) break;
      if (since() > 1_800) throw new Error('the site was not republished within 30 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
    const listingSeconds = since();
    log(
      `site: 410 after ${goneSeconds.toFixed(1)} s, the listing without it after ${hiddenSeconds.toFixed(1)} s, republished after ${listingSeconds.toFixed(0)} s`,
    );
    // A newly certified product: from its certificate to its page being served (the build that
    // serves it has its listings too: builds are swapped in whole).
    const slug = await certifyNewProduct(apiUrl, tokens, target.producer.id);
    const certified = performance.now();
    for (;;) {
      if ((await getPage(`${site.url}/products/${slug}/`)).status === 200) break;
      if (performance.now() - certified > 1_800_000)
        throw new Error('the new product was not published within 30 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
    const newProductSeconds = (performance.now() - certified) / 1000;
    log(`site: a newly certified product served after ${newProductSeconds.toFixed(0)} s`);
    return { startSeconds, goneSeconds, hiddenSeconds, listingSeconds, slug: target.slug, newProductSeconds };
  } finally {
    await site.close();
  }
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

/** The address the benchmark's site is built for and served at (part of what an incremental build compares). */
const BENCH_SITE_URL = 'http://127.0.0.1:4399';

/**
 * A full build of the site against the catalog, timed step by step, into a folder of `buildsDir`
 * that the live site then serves as its current build (at the change-feed position read before
 * the build).
 */
async function buildSite(apiUrl: string, buildsDir: string): Promise<SiteBuild> {
  const siteDir = join(root, 'sites/catalog');
  const head = (await ask(apiUrl, gqlBody('{ catalogChanges(first: 1) { currentCursor } }'))) as {
    catalogChanges: { currentCursor: string };
  };
  const cursor = head.catalogChanges.currentCursor;
  const dir = join(buildsDir, 'build-bench');
  const env = {
    ...process.env,
    OCOP_API_URL: apiUrl,
    SITE_URL: BENCH_SITE_URL,
    OCOP_FEED_CURSOR: cursor,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  log('site: astro build against the synthetic catalog…');
  const astro = await timed(
    'astro build',
    process.execPath,
    [join(siteDir, 'node_modules/astro/astro.js'), 'build', '--outDir', dir],
    siteDir,
    env,
  );
  log(`site: astro build ${astro.seconds.toFixed(0)} s, peak ${astro.peakRssMb.toFixed(0)} MB; pagefind…`);
  const pagefind = await timed(
    'pagefind',
    join(siteDir, 'node_modules/.bin/pagefind'),
    ['--site', join(dir, 'client')],
    siteDir,
    env,
  );
  log(`site: pagefind ${pagefind.seconds.toFixed(0)} s, peak ${pagefind.peakRssMb.toFixed(0)} MB`);
  writeFileSync(join(buildsDir, 'current.json'), JSON.stringify({ dir, cursor, builtAt: new Date().toISOString() }));
  return { steps: [astro, pagefind] };
}

const CHECK_NAMES: Record<string, string> = {
  categoryPage: 'category pages',
  product: 'products with their related products',
  productWithoutRelated: 'without',
  search: 'searches with facets',
};

function describeChecks(checked: Record<string, number> | undefined): string {
  return Object.entries(checked ?? {})
    .map(([kind, n]) => `${n} ${CHECK_NAMES[kind] ?? kind}`)
    .join(', ');
}

const fixed = (n: number | undefined, digits: number) => (n === undefined ? '—' : n.toFixed(digits));

/** PostGraphile's figures for each workload id; it runs on PostgreSQL only, and SQLite rows are compared with those too. */
function peerByWorkload(results: Result[]): Map<string, Measure> {
  return new Map(results.flatMap((r) => (r.peer ? [[r.workload.id, r.peer] as const] : [])));
}

function table(results: Result[]): string {
  const peers = peerByWorkload(results);
  const rows = results.map((r) => {
    const peer = peers.get(r.workload.id);
    const vsPeer = peer ? `${(r.api.rps / peer.rps).toFixed(2)}×` : '—';
    return `| ${r.database} | ${r.workload.id}. ${r.workload.title} | ${r.workload.connections} | ${r.api.rps.toFixed(0)} | ${r.api.p50} | ${r.api.p99} | ${r.api.errors + r.api.non2xx} | ${fixed(r.baselineRps, 0)} | ${r.baselineRps ? `${((r.api.rps / r.baselineRps) * 100).toFixed(1)}%` : '—'} | ${vsPeer} | ${r.api.peakRssMb.toFixed(0)} | ${fixed(r.api.cpuMsPerRequest, 2)} | ${r.workload.target} |`;
  });
  return [
    '| database | workload | conns | req/s | p50 ms | p99 ms | errors | baseline req/s | vs baseline | vs PostGraphile | peak server RSS MB | server CPU ms per request | target |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** PostGraphile's own figures beside the API's on the same PostgreSQL database, with the SQL each sent. */
/** The cold workloads at each catalog size, side by side: req/s, p50, p99 and the server's CPU per request. */
function scaleTable(sizes: { products: number; results: Result[] }[]): string {
  const ordered = [...sizes].sort((a, b) => a.products - b.products);
  const rows: string[] = [];
  for (const database of DATABASES) {
    for (const id of COLD) {
      const cells = ordered.map(({ results }) => {
        const r = results.find((x) => x.database === database && x.workload.id === id);
        if (!r) return '—';
        const statements = r.api.statements === undefined ? '' : ` · ${r.api.statements.toFixed(2)}`;
        return `${r.api.rps.toFixed(0)} · ${r.api.p50} · ${r.api.p99} · ${fixed(r.api.cpuMsPerRequest, 2)}${statements}`;
      });
      if (cells.every((c) => c === '—')) continue;
      const title = ordered
        .flatMap(({ results }) => results)
        .find((x) => x.workload.id === id)
        ?.workload.title.replace(/: \d+ (different|other different) (products|searches)/, '');
      rows.push(`| ${database} | ${id}. ${title} | ${cells.join(' | ')} |`);
    }
  }
  const header = ordered.map(({ products }) => `${products.toLocaleString('en')} products`);
  return [
    `| database | workload | ${header.join(' | ')} |`,
    `| --- | --- | ${header.map(() => '---').join(' | ')} |`,
    ...rows,
  ].join('\n');
}

function peerTable(results: Result[]): string {
  const rows = results
    .filter((r) => r.peer)
    .map((r) => {
      const p = r.peer as Measure;
      return `| ${r.workload.id}. ${r.workload.title} | ${r.workload.connections} | ${p.rps.toFixed(0)} | ${p.p50} | ${p.p99} | ${p.errors + p.non2xx} | ${p.peakRssMb.toFixed(0)} | ${fixed(p.statements, 2)} | ${fixed(p.cpuMsPerRequest, 2)} | ${r.api.rps.toFixed(0)} | ${r.api.p50} | ${r.api.p99} | ${fixed(r.api.statements, 2)} | ${fixed(r.api.cpuMsPerRequest, 2)} |`;
    });
  return [
    '| workload | conns | PostGraphile req/s | p50 ms | p99 ms | errors | peak RSS MB | SQL statements per request | CPU ms per request | API req/s | API p50 ms | API p99 ms | API SQL statements per request | API CPU ms per request |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = new Date();
  const runStarted = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const genStart = performance.now();
  const catalog = generateSyntheticCatalog({ products: PRODUCTS, seed: DEFAULT_SYNTHETIC_SEED });
  log(
    `generated ${catalog.document.products?.length ?? 0} products in ${((performance.now() - genStart) / 1000).toFixed(2)} s`,
  );
  const all: Result[] = [];
  const loads: string[] = [];
  let site: SiteBuild | undefined;
  let checked: Record<string, number> | undefined;
  const starved: Starvation[] = [];
  const scaled: { products: number; results: Result[]; loads: string[] }[] = [];
  let pg: ThrowawayPostgres | undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'ocop-bench-'));
  let made = 0;
  /** A fresh, empty database: a new SQLite file, or a new database in the one throwaway PostgreSQL. */
  const freshDatabase = async (name: string): Promise<string> => {
    made++;
    if (name === 'sqlite') return `sqlite:${join(tmp, `bench-${made}.sqlite`)}`;
    if (!pg) {
      const bin = findPostgresBin();
      if (!bin)
        throw new Error('PostgreSQL binaries not found (apt-get install -y postgresql), or set BENCH_DATABASES=sqlite');
      // pg_stat_statements counts the SQL statements each server sends per request.
      pg = await startThrowawayPostgres(bin, {
        shared_preload_libraries: 'pg_stat_statements',
        'pg_stat_statements.max': '10000',
      });
    }
    const admin = await openOrm(parseDatabaseUrl(pg.url));
    await admin.em.getConnection().execute(`create database ocop_bench_${made}`);
    await admin.close();
    return pg.url.replace(/\/postgres$/, `/ocop_bench_${made}`);
  };
  const coldOnly = new Set(COLD.filter((id) => !ONLY || ONLY.has(id)));
  try {
    for (const name of DATABASES) {
      const outcome = await benchDatabase(name, await freshDatabase(name), catalog, {
        only: ONLY,
        peer: WITH_POSTGRAPHILE,
        baseline: true,
        starve: !ONLY || ONLY.has('starve'),
        site: process.env.BENCH_SITE === '1',
      });
      const { results, loadSeconds } = outcome;
      site ??= outcome.site;
      checked ??= outcome.checked;
      if (outcome.starved) starved.push(outcome.starved);
      all.push(...results);
      loads.push(`${name}: ${loadSeconds.toFixed(1)} s`);
    }
    // The cold workloads again at other sizes, each catalog in databases of its own.
    for (const products of coldOnly.size > 0 ? SCALE : []) {
      const other = generateSyntheticCatalog({ products, seed: DEFAULT_SYNTHETIC_SEED });
      const atSize = { products, results: [] as Result[], loads: [] as string[] };
      for (const name of DATABASES) {
        const outcome = await benchDatabase(name, await freshDatabase(name), other, {
          only: coldOnly,
          peer: false,
          baseline: false,
          starve: false,
          site: false,
        });
        atSize.results.push(...outcome.results);
        atSize.loads.push(`${name}: ${outcome.loadSeconds.toFixed(1)} s`);
      }
      scaled.push(atSize);
    }
  } finally {
    pg?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }

  const cpu = cpus();
  const options = Object.entries(process.env)
    .filter(([key]) => key.startsWith('BENCH_'))
    .map(([key, value]) => `${key}=${value} `)
    .sort()
    .join('');
  const withPeer = all.some((r) => r.peer);
  const report = `# Benchmark results

Measured by \`pnpm bench\` (test/bench/run.ts) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.

- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end), ${platform()} ${release()}, Node ${process.version}. The servers, autocannon and PostgreSQL share its cores, and other work may run on the machine meanwhile: load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.
- Catalog: ${catalog.document.products?.length ?? 0} synthetic products (seed ${DEFAULT_SYNTHETIC_SEED}), ${catalog.document.producers?.length ?? 0} producers, ${catalog.document.regions?.length ?? 0} regions. Loading it took ${loads.join(', ')}; PostgreSQL is then vacuumed and analysed, as autovacuum would do a minute later.
- Server: \`node ${SERVER_NODE_ARGS.join(' ')} packages/api/dist/cli.js start\` with NODE_ENV=production (the options of \`pnpm start\`), its own process; load from autocannon 8 in the benchmark process, ${SECONDS} s per workload after a ${SECONDS} s warm-up with the same requests (none for the cold workloads, marked c).
- What the server reuses between requests, until any write through the API or an import (another process's shows within about a second, through the change feed): query results (counts, facets, page ids), product, producer and certificate rows by id and published products by slug (up to 5,000 of each), the region tree; on PostgreSQL its fixed reads run as prepared statements. Whole public answers are kept too, GET and POST alike (a POST by its body, language and response type), from the second time a question is asked: workloads 1, 2, 2b, 3 and 5 repeat the questions of their warm-up, so they are answered from that response cache, without running GraphQL, as workload 4's GET is. The cold workloads show the other case, without warm-up, where every request runs GraphQL: 2c and 2d send a different search each time (the first words of product names; 2d's are none of 2c's), so every count, facet and page is computed by the database; 3c and 5c walk through every published product (strides through the list, 5c backwards), so each request reads its product and certificate from the database, and often its producer; 3c also asks for 4 related products, whose lists the server shares between products of the same district and category. A cold list that runs out before the run does is asked again, each pass with a variable its query does not use, so that no repeat is answered from the response cache: a repeat runs GraphQL with its query results and rows already in memory, as before there was a response cache for POSTs. Workload 4 is a GET answered from the same response cache.
- Baseline: a minimal Node HTTP server (test/bench/baseline-server.mjs) returning the same response bytes, measured with the same connections and duration right after each workload. These machines are noisy: the ratios hold better than the absolute numbers.
- vs PostGraphile: the API's req/s divided by PostGraphile's for the same workload in the same run (table below). PostGraphile serves PostgreSQL only, so the SQLite rows are divided by its PostgreSQL figures too.
- server CPU ms per request: the CPU time (user + system) the server process spent during the run, divided by the requests sent. The load generator and the database share this machine's cores with the server, so req/s and latency move with everything else that runs; what one request costs the server moves much less.

${table(all)}

## PostGraphile, the peer

${
  withPeer
    ? `PostGraphile 4.14.1 with @graphile-contrib/pg-simplify-inflector 6.1.0 (test/bench/postgraphile/, its own package with its own GraphQL 15), \`node test/bench/postgraphile/server.mjs\` with NODE_ENV=production, its own process on the same PostgreSQL database as the API, started beside it; no GraphiQL, no query log, no mutations, a pool of 10 connections as the API's. It serves the views and SQL functions of test/bench/postgraphile/schema.sql, which apply the API's publication rule (an ISSUED certificate of 3★ or more with issued_on ≤ today ≤ expires_on, today in Asia/Ho_Chi_Minh), its search (every word must start a word of the folded name, description or story, by the same LIKE on the same trigram-indexed columns) and its orders: names by \`name_sort_key\` then id, search by the API's relevance then stars, name, id, and related products as ProductService.related() picks them (same district first, then the category; stars, then name). Each workload sends it the same questions in its own schema's words (test/bench/peer.ts), with the same warm-up or none; PostGraphile keeps nothing between requests except parsed GraphQL documents, so for it cold and repeated differ only in which rows PostgreSQL has cached.

Before timing, both servers were asked the same questions (${describeChecks(checked)}) and answered each category page and product with the same products, in the same order, with the same fields and counts (test/bench/peer.ts, assertSameAnswer). Searches are not the same work: the API's search forgives typos, Telex and VNI keystrokes and words run together, also reads producer and place names, and ranks by where the words stand, all from an in-memory word index; PostGraphile's is the SQL word-prefix LIKE over the trigram-indexed name and description of schema.sql, which the API used before. The check only asks that a search finding something on one server finds something on the other; PostGraphile's search rows measure what that SQL search costs. Cursors are each server's own encoding; row 4 is the API's GET answered from its response cache, while PostGraphile 4 takes no GET and answers the same question as a POST.

SQL statements per request: the statements PostgreSQL ran during the timed run (pg_stat_statements, top-level statements, its own reads left out) divided by the requests sent. A statement inside a PostGraphile SQL function is part of the one statement that called it.

${peerTable(all)}`
    : 'Not run this time (it runs on PostgreSQL unless BENCH_POSTGRAPHILE=0).'
}

## Starvation: the most expensive allowed queries beside a buyer

${
  starved.length
    ? `20 connections send the most expensive query the API allows (100 products of a category with 9 related products each, estimated cost 9,302 of the 10,000 allowed; each request's body differs, so none is answered from the response cache; cost from 2,000 makes a query expensive: it runs in the server's worker thread for such queries, one at a time while the others wait their turn) for ${SECONDS} s, while one buyer asks for a product (a different one each time, so from the database) every 200 ms and a load balancer asks \`/healthz\` every 100 ms, each from its own connection, timed from a process of their own (test/bench/probe.mjs; one untimed request first). The same process sends the same /healthz request every 100 ms to a bare Node server (test/bench/baseline-server.mjs, a process of its own that does nothing but answer): what any server could answer on this machine under this load, its floor; when that one misses 10 ms too, the cores were taken, not the API slow. The per-client allowance is off, as for every workload here (one client drives all the load); it is tested in test/integration/hardening.test.ts. The CPU column says where the machine's cores went during the timed run, from /proc (user + system time of each of the server's threads and of every PostgreSQL process, and the machine's steal time), and how long in all the main thread was ready to run but waited for a core (/proc schedstat): a /healthz that waits while the API's main thread is mostly idle waited for a core or for its own garbage collection, not for work of its own.

${starvationTable(starved)}`
    : 'Not run this time (BENCH_ONLY without `starve`).'
}

${
  site
    ? `Site build against the same catalog (SQLite server): ${site.steps.map((s) => `${s.name} ${s.seconds.toFixed(0)} s, peak ${s.peakRssMb.toFixed(0)} MB`).join('; ')}; in all ${site.steps.reduce((n, s) => n + s.seconds, 0).toFixed(0)} s (targets: under 180 s, under 2 GB).${
        site.live
          ? `

The live site (sites/catalog/scripts/live-site.mjs) against the same catalog: it started serving the build above in ${site.live.startSeconds.toFixed(1)} s; then the certificate of the first product of the food listing (${site.live.slug}) was revoked through the API: its page answered 410 after ${site.live.goneSeconds.toFixed(1)} s, the food listing served without it (the last build's page, with its card taken out) after ${site.live.hiddenSeconds.toFixed(1)} s, and the site was republished without it ${site.live.listingSeconds.toFixed(0)} s after the revocation; a product then certified through the API (5★, food) was served ${site.live.newProductSeconds.toFixed(0)} s after its certificate was issued (target for both: within 3 minutes at 20,000 products). Republishing is incremental: each build renders only the pages the change touched and takes the others from the build before (sites/catalog/src/lib/incremental.ts).`
          : ''
      }`
    : 'Site build not measured in this run (set BENCH_SITE=1).'
}

## How cost grows with the catalog

${
  scaled.length
    ? `The cold workloads again on catalogs of other sizes (BENCH_SCALE), generated by the same rules with the same seed, each in a database of its own, with the same server, connections and duration, without PostGraphile or baseline. Each cell: req/s · p50 ms · p99 ms · server CPU ms per request, and on PostgreSQL · SQL statements per request. On a small catalog a cold workload's list (its different products or searches) is shorter than a run: after its first pass the server answers from memory, as the statements per request show, so there the figures are those of a warm workload. A product page (3c, 5c) reads one product by its unique slug, with its certificate and producer, through indexes: its cost should not grow with the catalog. A search (2c, 2d) is answered from the server's in-memory word index (built once per catalog version, by the untimed request sent before each workload): its matches grow with the catalog, and so does the work of counting facets over them. Loading took ${scaled.map((s) => `${s.products.toLocaleString('en')} products: ${s.loads.join(', ')}`).join('; ')}.

${scaleTable([{ products: PRODUCTS, results: all }, ...scaled])}`
    : 'Not run this time (BENCH_SCALE empty, or BENCH_ONLY without a cold workload).'
}

## How to reproduce

\`${options}pnpm bench\` (this run took ${((performance.now() - runStarted) / 60_000).toFixed(0)} minutes). Options, all environment variables (see the top of test/bench/run.ts): BENCH_DATABASES=postgresql (or sqlite) for one database; BENCH_ONLY=3c,5c for some workloads, by id; BENCH_POSTGRAPHILE=0 without PostGraphile; BENCH_SECONDS=5 for shorter runs; BENCH_PRODUCTS=2000 for a smaller catalog; BENCH_SCALE=2000,100000 for the catalog sizes at which the cold workloads run again (empty to skip); BENCH_SITE=1 to build the site too; BENCH_CPU_PROF=/tmp/prof to write a V8 CPU profile of the API server there (\`node --cpu-prof\`; \`pnpm --filter @ocop/test exec tsx bench/profile-top.ts /tmp/prof/*.cpuprofile\` lists its top functions). A quick iteration: \`BENCH_SECONDS=3 BENCH_PRODUCTS=2000 BENCH_SCALE= BENCH_DATABASES=postgresql BENCH_ONLY=3c pnpm bench\`.
`;
  const resultsFile = join(import.meta.dirname, 'RESULTS.md');
  writeFileSync(resultsFile, report);
  // Aligned as the repository's formatter wants it, so \`pnpm check\` passes with the new file.
  spawnSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', resultsFile], { stdio: 'ignore' });
  console.log(report);
  // Our API must answer every request; the peer's errors (timeouts of its slowest searches) are
  // its figures, shown in its table, not a failure of this run.
  const failed = all.filter((r) => r.api.errors + r.api.non2xx > 0);
  if (failed.length) {
    console.error(`[bench] ${failed.length} workload(s) had error responses from the API`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
