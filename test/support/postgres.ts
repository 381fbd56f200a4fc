import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { childProcesses } from './processes.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for the test run (STACK.md's recipe): initdb in a temporary
 * folder, trust auth on 127.0.0.1, fsync off. As root the binaries must run as `postgres`.
 */
export interface ThrowawayPostgres {
  url: string;
  /** Stops the server and removes its files. */
  stop(): void;
  /** Stops the server at once (as a crash would), keeping its files for {@link startServer}. */
  stopServer(): void;
  /** Starts it again after {@link stopServer}. */
  startServer(): void;
  /** Suspends every process of the server (SIGSTOP): connections stay open and nothing answers. */
  freeze(): void;
  /** Resumes the processes {@link freeze} suspended. */
  thaw(): void;
}

export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `settings` are extra server settings (`-c name=value`), e.g. the benchmark's pg_stat_statements. */
export async function startThrowawayPostgres(
  bin: string,
  settings: Record<string, string> = {},
): Promise<ThrowawayPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ocop-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { cwd: tmpdir(), encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const startServer = () =>
    run('pg_ctl', [
      '-D',
      dataDir,
      '-w',
      '-l',
      join(dir, 'server.log'),
      '-o',
      [
        `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
        ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
      ].join(' '),
      'start',
    ]);
  startServer();
  /** The postmaster and every process it started. */
  const processes = (): number[] => {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return [postmaster, ...childProcesses(postmaster).map((c) => c.pid)];
  };
  const signal = (name: NodeJS.Signals) => {
    for (const pid of processes()) {
      try {
        process.kill(pid, name);
      } catch {
        // gone already
      }
    }
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stopServer() {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
    },
    startServer,
    freeze() {
      signal('SIGSTOP');
    },
    thaw() {
      signal('SIGCONT');
    },
    stop() {
      try {
        signal('SIGCONT');
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } catch {
        // stopped already
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export type { ChildProcess };
export { execFileSync };
