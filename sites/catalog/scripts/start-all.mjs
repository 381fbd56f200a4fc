#!/usr/bin/env node
/**
 * The whole main job, for the root `pnpm start`: starts the built API (which migrates the
 * database and loads the sample catalog into an empty one), then the live site against it
 * (scripts/serve-live.mjs: it builds the site with Astro + Pagefind, serves it, and keeps it in
 * step with the API's change feed), and prints both URLs. Ctrl-C or SIGTERM stops both servers
 * (stopAll below).
 *
 * Expects the API to be built (packages/api/dist). Settings: the API's own (DATABASE_URL, PORT,
 * …), and for the site SITE_PORT (default 4321) and SITE_URL (default http://localhost:SITE_PORT).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isLocalUrl } from './local-url.mjs';

const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiDir = join(siteDir, '../../packages/api');
const sitePort = process.env.SITE_PORT ?? '4321';
const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`;

// The site build says this too, but `pnpm start` keeps the build's output to itself.
const LOCAL_SITE_URL_WARNING = `SITE_URL is ${siteUrl}, an address only this computer can open: every QR code, print file,
canonical link and sitemap entry points there, so a code printed on a pack opens nothing on a
buyer's phone. Before printing or publishing, start with the public address:
  SITE_URL=https://ocop.example.vn pnpm start
`;
// The API's production Node options (heap ceiling), from the built API package.
const { SERVER_NODE_ARGS } = await import(pathToFileURL(join(apiDir, 'dist/server-args.js')).href);
/** The servers running, by process, with their names. */
const children = new Map();
let stopping = false;
/** How long a server has to stop before it is killed; the API's own grace for answers under way is 5 s. */
const STOP_GRACE_MS = 10_000;

/**
 * Stops both servers: SIGTERM, then SIGKILL for any still running 10 s later (a server frozen or
 * stuck must not make the stop hang) or at a second Ctrl-C.
 */
function stopAll(code) {
  process.exitCode = code;
  const signal = stopping ? 'SIGKILL' : 'SIGTERM';
  if (!stopping) {
    stopping = true;
    setTimeout(() => {
      for (const [child, name] of children) {
        console.error(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it.`);
        child.kill('SIGKILL');
      }
    }, STOP_GRACE_MS).unref();
  }
  for (const child of children.keys()) child.kill(signal);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Set once both servers are up: from then on a server that dies is restarted, the other keeps serving. */
let running = false;

/**
 * Starts a server. Before everything is up, a server that stops takes the rest down (the
 * start failed). After, it is restarted with back-off (1 s, 2 s, 4 s … at most 30 s; back to
 * 1 s once it has run for a minute), so a crash of the API costs its own requests only: the
 * site keeps serving its pages meanwhile.
 */
function start(command, args, options, delayMs = 1000) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
  const startedAt = Date.now();
  children.set(child, options.name);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    if (running) {
      const delay = Date.now() - startedAt > 60_000 ? 1000 : delayMs;
      console.error(
        `${options.name} stopped (${signal ?? `exit ${code}`}); restarting it in ${delay / 1000} s while the rest keeps serving.`,
      );
      setTimeout(() => {
        if (stopping) return;
        const again = start(command, args, options, Math.min(delay * 2, 30_000));
        again.stdout.pipe(process.stdout);
      }, delay).unref();
      return;
    }
    if (children.size > 0) {
      console.error(`${options.name} stopped (exit ${code}); stopping the rest.`);
      stopAll(code ?? 1);
    }
  });
  return child;
}

// 1. The API: wait for its "ready" line, which names its URL.
const api = start(process.execPath, [...SERVER_NODE_ARGS, 'dist/cli.js', 'start'], {
  cwd: apiDir,
  // The site relays buyers' requests (/verify, quote requests) from this machine with their
  // address in X-Forwarded-For: the API believes it from loopback, so each buyer keeps an
  // allowance of their own instead of sharing the site's.
  env: {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
  },
  name: 'The API',
});
const apiUrl = await new Promise((done, fail) => {
  let buffer = '';
  api.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffer += chunk.toString();
    const match = buffer.match(/OCOP API ready at (\S+)/u);
    if (match) done(match[1].replace('//0.0.0.0:', '//localhost:'));
  });
  api.on('exit', (code) => fail(new Error(`The API stopped before it was ready (exit ${code}).`)));
}).catch((error) => {
  console.error(error.message);
  stopAll(1);
  process.exit(1);
});

// 2. The site, built against that API and kept live: it follows the API's change feed, answers 410
// for withdrawn products at once and republishes changed pages (scripts/live-site.mjs).
const env = { ...process.env, OCOP_API_URL: apiUrl, SITE_URL: siteUrl, ASTRO_TELEMETRY_DISABLED: '1' };

// 3. The site server.
const site = start(process.execPath, ['scripts/serve-live.mjs'], {
  cwd: siteDir,
  env: { ...env, PORT: sitePort, HOST: process.env.SITE_HOST ?? '0.0.0.0' },
  name: 'The site server',
});
site.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!running && /listening/iu.test(chunk.toString())) {
    running = true;
    console.log(`\nOCOP API ready at ${apiUrl}\nOCOP catalog site ready at ${siteUrl}\n`);
    if (isLocalUrl(siteUrl)) console.warn(LOCAL_SITE_URL_WARNING);
  }
});
