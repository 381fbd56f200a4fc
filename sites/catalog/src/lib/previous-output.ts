/**
 * Build-time only (used by astro.config.ts): clears the previous build's output without holding
 * up the new one.
 *
 * Astro empties the output directory before it builds, synchronously. For a national catalog
 * the previous output holds ~65,000 page directories, and deleting them takes about half a
 * minute on a small server, during which nothing else happens. Instead, the previous output is
 * renamed aside when the build starts (one rename, so Astro finds nothing to empty) and deleted by
 * a separate process while the pages render. The build waits for that deletion before it ends,
 * so afterwards the directory holds exactly the new build, as with Astro's own emptying.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Deletes `paths` (directories) in another process, or with Node where there is no `rm`. */
function removeAll(paths: string[]): Promise<void> {
  const withNode = () => Promise.all(paths.map((p) => rm(p, { recursive: true, force: true }))).then(() => undefined);
  if (process.platform === 'win32') return withNode();
  return new Promise((done) => {
    const child = spawn('rm', ['-rf', '--', ...paths], { stdio: 'ignore' });
    child.on('error', () => {
      withNode().then(done, () => done());
    });
    child.on('exit', () => done());
  });
}

/**
 * Renames `dir` aside (when it has content and no .git, which Astro would keep) and starts
 * deleting it, with any leftovers of an interrupted earlier build. Resolves once renamed, with
 * the deletion still running.
 */
async function moveAside(dir: string): Promise<{ removal: Promise<void> }> {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}-old-`;
  const doomed = (await readdir(parent).catch(() => [] as string[]))
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(parent, name));
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length > 0 && !existsSync(join(dir, '.git'))) {
    const aside = `${join(parent, prefix)}${process.pid}-${Date.now()}`;
    try {
      await rename(dir, aside);
      doomed.push(aside);
    } catch {
      // Cannot be moved (another file system, a mount point): Astro empties it as usual.
    }
  }
  return { removal: doomed.length > 0 ? removeAll(doomed) : Promise.resolve() };
}

/** The integration: rename aside at the start of `astro build`, wait for the deletion at its end. */
export function previousOutputRemoval(): AstroIntegration {
  let outDir = '';
  let removal: Promise<void> = Promise.resolve();
  return {
    name: 'ocop-previous-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = resolve(fileURLToPath(config.outDir));
      },
      'astro:build:start': async () => {
        ({ removal } = await moveAside(outDir));
      },
      'astro:build:done': async () => {
        await removal;
      },
    },
  };
}
