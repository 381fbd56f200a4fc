import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** The catalog site's package directory. */
export const SITE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../sites/catalog');

const ASTRO = join(SITE_DIR, 'node_modules/astro/astro.js');
const PAGEFIND = join(SITE_DIR, 'node_modules/.bin/pagefind');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to completion without blocking the event loop (the test API must keep answering). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const started = Date.now();
  return new Promise<CommandResult>((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Environment for building or serving the site against `apiUrl`. */
function siteEnv(apiUrl: string, siteUrl: string): NodeJS.ProcessEnv {
  return { OCOP_API_URL: apiUrl, SITE_URL: siteUrl, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
}

export interface BuiltSite {
  /** Astro's outDir: client/ (static files and the Pagefind index) and server/ (the Node entry). */
  outDir: string;
  /** What `astro build` printed (warnings included). */
  buildOutput: string;
  buildMs: number;
  pagefindMs: number;
  remove(): void;
}

/**
 * Builds the site against `apiUrl` into a fresh directory and indexes it with Pagefind, as the
 * package's `build` script does. The directory sits under the site's node_modules so the server
 * bundle still resolves its packages; the developer's own dist/ is left alone.
 */
export async function buildSite(options: {
  apiUrl: string;
  siteUrl: string;
  env?: NodeJS.ProcessEnv;
}): Promise<BuiltSite> {
  const parent = join(SITE_DIR, 'node_modules/.e2e');
  mkdirSync(parent, { recursive: true });
  const outDir = mkdtempSync(join(parent, 'site-'));
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  const env = { ...siteEnv(options.apiUrl, options.siteUrl), ...options.env };
  const build = await run(process.execPath, [ASTRO, 'build', '--outDir', outDir], { cwd: SITE_DIR, env });
  if (build.code !== 0) {
    remove();
    throw new Error(`astro build failed (exit ${build.code}):\n${build.stderr}\n${build.stdout.slice(-4000)}`);
  }
  const index = await run(PAGEFIND, ['--site', join(outDir, 'client')], { cwd: SITE_DIR, env });
  if (index.code !== 0) {
    remove();
    throw new Error(`pagefind failed (exit ${index.code}):\n${index.stderr}\n${index.stdout}`);
  }
  return { outDir, buildOutput: `${build.stdout}\n${build.stderr}`, buildMs: build.ms, pagefindMs: index.ms, remove };
}

/** Runs `astro build` expecting it to fail (no output kept); returns what it printed. */
export async function buildSiteExpectingFailure(options: { apiUrl: string; siteUrl: string }): Promise<CommandResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'ocop-site-fail-'));
  try {
    return await run(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
      cwd: SITE_DIR,
      env: siteEnv(options.apiUrl, options.siteUrl),
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface ServedSite {
  url: string;
  /** What the server printed, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** Serves a built site with its own Node server (`node dist/server/entry.mjs`), as in production. */
export async function serveSite(site: BuiltSite, options: { apiUrl: string; port: number }): Promise<ServedSite> {
  const url = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, [join(site.outDir, 'server/entry.mjs')], {
    cwd: SITE_DIR,
    env: {
      ...process.env,
      ...siteEnv(options.apiUrl, url),
      HOST: '127.0.0.1',
      PORT: String(options.port),
    },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`The site server did not start on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Debian's Chromium, headless, with a throwaway profile (flags from STACK.md). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'ocop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface BrowsedSite {
  site: BuiltSite;
  server: ServedSite;
  context: BrowserContext;
  /** Opens `path` of the served site in a new page with a viewport of `size`. */
  open(path: string, size?: { width: number; height: number }): Promise<Page>;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

/**
 * Builds the site against `apiUrl`, serves it on a free port and opens Chromium, as the browser
 * tests start. What was started is undone if a later step fails.
 */
export async function browseSite(apiUrl: string): Promise<BrowsedSite> {
  const port = await freePort();
  const site = await buildSite({ apiUrl, siteUrl: `http://127.0.0.1:${port}` });
  let server: ServedSite | undefined;
  try {
    server = await serveSite(site, { apiUrl, port });
    const browser = await launchBrowser();
    const served = server;
    return {
      site,
      server,
      context: browser.context,
      async open(path, size = { width: 1280, height: 900 }) {
        const page = await browser.context.newPage();
        await page.setViewportSize(size);
        await page.goto(served.url + path);
        return page;
      },
      async close() {
        await browser.close();
        await served.close();
        site.remove();
      },
    };
  } catch (error) {
    await server?.close();
    site.remove();
    throw error;
  }
}
