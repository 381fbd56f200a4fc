#!/usr/bin/env node
/**
 * Lighthouse scores of the served site: the home page, a category page, a product page, the
 * progress page and the (English) open-data page, with Debian's Chromium. Usage: `node scripts/lighthouse.mjs [siteUrl]` (default http://localhost:4321)
 * against a site built with SITE_URL equal to that URL (canonical URLs must point at the site
 * Lighthouse audits). JSON reports go to node_modules/.lighthouse/.
 *
 * Needs lighthouse 12.8.2 (13.x wants Node 22): a devDependency of this package.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const siteUrl = (process.argv[2] ?? process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/u, '');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const bin = join(here, '../node_modules/.bin/lighthouse');
const outDir = join(here, '../node_modules/.lighthouse');

if (!existsSync(bin)) {
  console.error(
    'lighthouse is not installed: add lighthouse@12.8.2 as a devDependency of @ocop/catalog (13.x needs Node 22).',
  );
  process.exit(1);
}

async function productUrl() {
  const sitemap = await (await fetch(`${siteUrl}/sitemap-0.xml`)).text();
  const match = sitemap.match(/<loc>([^<]*\/products\/[^<]+)<\/loc>/u);
  if (!match) throw new Error(`No product URL in ${siteUrl}/sitemap-0.xml; is the site built and served?`);
  return match[1];
}

function audit(url, name) {
  const profile = mkdtempSync(join(tmpdir(), 'ocop-lighthouse-'));
  const report = join(outDir, `${name}.json`);
  return new Promise((done, fail) => {
    const child = spawn(
      bin,
      [
        url,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=${profile}`,
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', fail);
    child.on('close', (code) => {
      rmSync(profile, { recursive: true, force: true });
      if (code !== 0) return fail(new Error(`lighthouse exited with ${code} for ${url}`));
      const { categories } = JSON.parse(readFileSync(report, 'utf8'));
      done(Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round(v.score * 100)])));
    });
  });
}

mkdirSync(outDir, { recursive: true });
const pages = [
  ['home', `${siteUrl}/`],
  ['category', `${siteUrl}/categories/food/`],
  ['product', await productUrl()],
  ['progress', `${siteUrl}/progress/`],
  ['open-data', `${siteUrl}/en/open-data/`],
];
const rows = [];
for (const [name, url] of pages) {
  const scores = await audit(url, name);
  rows.push({ page: name, ...scores, url });
}
console.table(rows);
const failing = rows.filter(
  (r) => r.performance < 95 || r.accessibility < 100 || r['best-practices'] < 95 || r.seo < 100,
);
if (failing.length) {
  console.error(
    `Below target (performance ≥ 95, accessibility 100, best practices ≥ 95, SEO 100): ${failing.map((r) => r.page).join(', ')}`,
  );
  process.exit(1);
}
