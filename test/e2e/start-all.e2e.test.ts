/**
 * `pnpm start` and its process supervisor (sites/catalog/scripts/start-all.mjs), as an operator
 * meets them: the API and the live site come up together; when the API's process dies (a crash,
 * an out-of-memory kill) it is started again while the site keeps serving its pages; and when
 * pnpm is told to stop, nothing it started keeps running, not even a server frozen meanwhile.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveClientMidRequest } from '../support/keep-alive.js';
import { descendantProcesses } from '../support/processes.js';
import { freePort, SITE_DIR } from '../support/site.js';
import { until, within } from '../support/waiting.js';

const ROOT = resolve(SITE_DIR, '../..');

const status = async (url: string) => {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
};

describe('pnpm start', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let apiPort: number;
  let sitePort: number;

  beforeAll(async () => {
    // The README's command: it builds the API, then runs start-all.
    const parent = join(SITE_DIR, 'node_modules/.e2e');
    mkdirSync(parent, { recursive: true });
    dir = mkdtempSync(join(parent, 'start-all-'));
    apiPort = await freePort();
    sitePort = await freePort();
    child = spawn('pnpm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(dir, 'ocop.sqlite')}`,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        SITE_PORT: String(sitePort),
        SITE_HOST: '127.0.0.1',
        OCOP_SITE_BUILDS: join(dir, 'builds'),
        LOG_LEVEL: 'warn',
      },
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await until('both servers ready', () => /catalog site ready at/.test(output), 240_000);
  }, 300_000);
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says plainly that SITE_URL is still a local address', () => {
    // The test leaves SITE_URL unset, as a new user does: QR codes would point at localhost.
    expect(output).toContain(`SITE_URL is http://localhost:${sitePort}, an address only this computer can open`);
    expect(output).toContain('SITE_URL=https://ocop.example.vn pnpm start');
  });

  it('restarts the API when its process dies, while the site keeps serving', async () => {
    const api = `http://127.0.0.1:${apiPort}`;
    const site = `http://127.0.0.1:${sitePort}`;
    expect(await status(`${api}/healthz`)).toBe(200);
    expect(await status(`${site}/`)).toBe(200);
    // The API is the process under pnpm start running dist/cli.js.
    const apiPid =
      descendantProcesses(child.pid as number).find((c) => c.command.includes('dist/cli.js start'))?.pid ?? 0;
    expect(apiPid).toBeGreaterThan(0);
    process.kill(apiPid, 'SIGKILL');
    await until('the API down', async () => (await status(`${api}/healthz`)) === 0, 5000);
    expect(await status(`${site}/`)).toBe(200);
    expect(await status(`${site}/categories/food/`)).toBe(200);
    const { ms: back } = await until('the API back', async () => (await status(`${api}/healthz`)) === 200, 60_000);
    console.log(`[pnpm start] the API answered again ${back} ms after its process was killed`);
    expect(output).toMatch(/The API stopped \(SIGKILL\); restarting it/);
    expect(child.exitCode).toBeNull();
  }, 120_000);

  it('stops both servers, and everything it started, when pnpm is told to stop (SIGTERM to its process), killing a frozen one after 10 s', async () => {
    // A process manager signals the process it started, pnpm, not its children. pnpm passes the
    // signal to the script's command; that must be the supervisor itself, not a shell that dies
    // and leaves the servers holding their ports.
    const started = descendantProcesses(child.pid as number);
    expect(started.map((c) => c.command).join('\n')).toMatch(/start-all\.mjs/);
    // The API frozen (as a process stuck or swapped out is) cannot act on the signal: the stop
    // must end all the same.
    const apiPid = started.find((c) => c.command.includes('dist/cli.js start'))?.pid ?? 0;
    expect(apiPid).toBeGreaterThan(0);
    process.kill(apiPid, 'SIGSTOP');
    // A client in the middle of a request on a keep-alive connection, which the site told to stop
    // must not go on answering (Node's own close() would, for as long as it asks).
    const client = await keepAliveClientMidRequest(`http://127.0.0.1:${sitePort}/`);
    const before = output.length;
    child.kill('SIGTERM');
    client.keepAsking();
    try {
      await within('the site letting go of its keep-alive client', client.closed, 5000);
      expect(client.answers(), client.received().slice(0, 500)).toBeLessThanOrEqual(1);
      await until('the site stopped', async () => (await status(`http://127.0.0.1:${sitePort}/`)) === 0, 10_000);
      const { ms: gone } = await until(
        'every process it started gone',
        () => started.every((c) => !existsSync(`/proc/${c.pid}`)),
        30_000,
      );
      console.log(`[pnpm start] everything it started was gone ${gone} ms after the site had stopped`);
      expect(output.slice(before)).toContain('The API did not stop within 10 s; killing it.');
      expect(await status(`http://127.0.0.1:${apiPort}/healthz`)).toBe(0);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}; what pnpm start printed since the signal:\n${output.slice(before)}`,
      );
    } finally {
      client.destroy();
      // Left running, they would hold their ports after the test run.
      for (const c of started) {
        try {
          process.kill(c.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  }, 60_000);
});
