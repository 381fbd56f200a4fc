/**
 * Build-time only (used by astro.config.ts): the integration that makes a build incremental
 * (see src/lib/incremental.ts for the rule).
 *
 * - At the start, the build's signature: a hash of the site's code, the domain package, the
 *   lockfile and the settings pages are rendered with. Pages are only ever taken from a build
 *   with the same signature.
 * - At the end, the pages left unrendered because they did not change are hard-linked from the
 *   previous build into this one (copied where links cannot be made), handed to the sitemap, and
 *   every page's fingerprint is written to <outDir>/pages.json for the next build.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, type Dirent, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { incrementalState, type PageRecord, pageFile } from './incremental.js';

/** Every file under `dir` (skipping node_modules and dist folders), sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** The hash of the code and settings the pages are rendered with. */
export function buildSignature(root: string, settings: unknown): string {
  const repo = resolve(root, '../..');
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(join(root, 'src')),
    ...filesUnder(join(root, 'public')),
    ...filesUnder(join(repo, 'packages/domain/src')),
    join(root, 'astro.config.ts'),
    join(root, 'package.json'),
    join(repo, 'pnpm-lock.yaml'),
  ];
  for (const file of files) {
    try {
      hash.update(relative(repo, file)).update('\0').update(readFileSync(file)).update('\0');
    } catch {
      // absent (no public folder, no lockfile outside the repository)
    }
  }
  hash.update(JSON.stringify(settings));
  return hash.digest('base64url').slice(0, 32);
}

/**
 * The integration. `sitemapPages` is the array given to @astrojs/sitemap as `customPages`: the
 * pages kept from the previous build are added to it here, before the sitemap is written (this
 * integration must come before the sitemap's).
 */
export function incrementalBuild(settings: unknown, sitemapPages: string[]): AstroIntegration {
  let outDir = '';
  let site = '';
  let signature = '';
  return {
    name: 'ocop-incremental-build',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        signature = buildSignature(fileURLToPath(config.root), settings);
        updateConfig({ vite: { define: { __OCOP_BUILD_SIGNATURE__: JSON.stringify(signature) } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = resolve(fileURLToPath(config.outDir));
        site = config.site ?? '';
      },
      'astro:build:done': ({ dir, logger }) => {
        const state = incrementalState();
        const client = fileURLToPath(dir);
        if (state.previous) {
          const from = join(state.previous.dir, 'client');
          const made = new Set<string>();
          for (const pathname of state.kept) {
            const file = pageFile(pathname);
            const target = join(client, file);
            const parent = dirname(target);
            if (!made.has(parent)) {
              mkdirSync(parent, { recursive: true });
              made.add(parent);
            }
            try {
              linkSync(join(from, file), target);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
              copyFileSync(join(from, file), target);
            }
            if (pathname.endsWith('/') && site) sitemapPages.push(new URL(pathname, site).href);
          }
          const byRoute = [...state.rendered]
            .filter(([, n]) => n > 0)
            .map(([pattern, n]) => `${pattern} ${n}`)
            .join(', ');
          logger.info(
            `${state.pages.size - state.kept.size} of ${state.pages.size} catalog pages rendered (${byRoute || 'none'}), ${state.kept.size} unchanged ones taken from ${state.previous.dir}`,
          );
        } else {
          logger.info(`all ${state.pages.size} catalog pages rendered (${state.fullReason})`);
        }
        const record: PageRecord = { version: 1, signature, pages: Object.fromEntries(state.pages) };
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'pages.json'), JSON.stringify(record));
      },
    },
  };
}
