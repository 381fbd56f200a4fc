import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const apiDir = resolve(import.meta.dirname, '../../packages/api');
/** tsx as a loader inside one node process (not its CLI wrapper), so signals reach our code directly. */
const tsxLoader = join(
  dirname(createRequire(join(apiDir, 'package.json')).resolve('tsx/package.json')),
  'dist/esm/index.mjs',
);
const repoRoot = resolve(apiDir, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      pathToFileURL(tsxLoader).href,
      '--conditions=source',
      join(apiDir, 'src/cli.ts'),
      ...args,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: join(repoRoot, 'tsconfig.base.json'),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        ...env,
      },
      stdio: 'pipe',
    },
  );
}

/** Runs `ocop ARGS` from the TypeScript sources and waits for it to exit. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    // Decode as a stream: a multi-byte character may be split across two chunks.
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ocop ${args.join(' ')} did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    // 'close', not 'exit': only then has all of stdout been read.
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/**
 * Resolves with the URL a server process prints once it is ready ("ready at http://…"), and
 * rejects if it exits first; `name` says which process in that error. Keeps reading its output,
 * so the process never blocks on a full pipe.
 */
export function readyUrl(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    const onData = (d: string) => {
      out += d;
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolvePromise(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: string) => (out += d));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${out}`)));
  });
}

/**
 * Starts `ocop start` and resolves with its URL once it prints that it is ready. `nodeArgs` are
 * Node's own options (SERVER_NODE_ARGS: the heap ceiling `pnpm start` runs the API with).
 */
export async function startCli(
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = [],
): Promise<{ url: string; stop(): Promise<number | null>; kill(): Promise<void> }> {
  const child = spawnCli(['start'], env, nodeArgs);
  return {
    url: await readyUrl(child, 'ocop start'),
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
      }),
    // As a crash would: no chance to finish anything.
    kill: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}

/**
 * A SQLite catalog of `products` synthetic products, seeded by the CLI in a folder of its own,
 * with the settings that serve it (`startCli(catalog.env, …)`); `remove()` deletes the folder.
 */
export async function syntheticCatalog(
  products: number,
  timeoutMs: number,
): Promise<{ env: Record<string, string> & { DATABASE_URL: string }; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), `ocop-${products}-`));
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'ocop.sqlite')}`,
    IMAGES_DIR: join(dir, 'images'),
    PORT: '0',
    HOST: '127.0.0.1',
    OCOP_SEED: 'false',
  };
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const seeded = await runCli(['db', 'seed', '--synthetic', String(products)], env, timeoutMs);
  if (seeded.code !== 0) {
    remove();
    throw new Error(`ocop db seed --synthetic ${products} failed (${seeded.code}):\n${seeded.stderr}`);
  }
  return { env, remove };
}
