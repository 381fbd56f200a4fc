/**
 * Incremental site builds (sites/catalog/src/lib/incremental.ts): a build given the previous one
 * renders only the pages a change touched and takes the others from it. What it publishes must
 * be what a full build publishes: after a withdrawal, a new certificate and a renamed product,
 * the incremental build and a full build of the same data hold the same files with the same
 * content (the footer's publication time, the build's time stamps and the PDFs' creation dates
 * aside), and the incremental one rendered far fewer pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office, ok } from '../support/admin.js';
import { createToken, gql, startTestApi, type TestApi, testDatabases } from '../support/server.js';
import { type BuiltSite, buildSite } from '../support/site.js';

const SITE_URL = 'https://ocop.example.vn';

/** Every file under `dir`, relative to it. */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** A file's content with what legitimately differs between two builds of the same data blanked. */
function comparable(dir: string, file: string): string {
  const text = readFileSync(join(dir, file), 'latin1');
  if (file.endsWith('.pdf')) return text.replace(/\(D:[0-9Z+'-]+\)/g, '()').replace(/\/ID \[[^\]]*\]/g, '');
  return text
    .replace(/<p class="site-footer__fine"[^>]*>[\s\S]*?<\/p>/g, '<p class="site-footer__fine"></p>')
    .replace(/"(builtAt|generatedAt)":\s*"[^"]*"/g, '"$1":""')
    .replace(/data-built-on="[^"]*"/g, '')
    .replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/g, '');
}

/** Where two texts first differ, for the failure message. */
function firstDifference(a: string, b: string, file: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${file} at ${i}:\n  incremental: …${a.slice(Math.max(0, i - 80), i + 120)}\n  full:        …${b.slice(Math.max(0, i - 80), i + 120)}`;
}

/** "N of M catalog pages rendered", as the build logs it. */
function rendered(site: BuiltSite): { rendered: number; total: number } | null {
  const match = /(\d+) of (\d+) catalog pages rendered/.exec(site.buildOutput);
  return match ? { rendered: Number(match[1]), total: Number(match[2]) } : null;
}

// The site is built from the API's answers, the same on both databases: SQLite is enough here
// (the live-site tests cover both).
const [sqlite] = testDatabases();

describe('incremental site builds', () => {
  let api: TestApi;
  let office: Office;
  const builds: BuiltSite[] = [];
  let first: BuiltSite;
  let incremental: BuiltSite;
  let full: BuiltSite;
  let withdrawnSlug: string;
  let withdrawnProducer: string;
  let newSlug: string;
  let renamed: { slug: string; nameEn: string };

  beforeAll(async () => {
    api = await startTestApi(sqlite!);
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    // A product whose producer has nothing else: withdrawing it takes the producer page too.
    const producer = await office.createProducer();
    const product = await office.createProduct(producer.id);
    const { certificate } = await office.publish(product.id, 4);
    withdrawnSlug = product.slug;
    withdrawnProducer = producer.slug;

    first = await buildSite({ apiUrl: api.url, siteUrl: SITE_URL });
    builds.push(first);
    expect(rendered(first)).toBeNull();

    // Three changes: a withdrawal, a new certificate, a renamed product of the sample.
    await office.revoke(certificate.id);
    const other = await office.createProducer();
    const fresh = await office.createProduct(other.id, { category: 'BEVERAGE' });
    await office.publish(fresh.id, 5);
    newSlug = fresh.slug;
    const list = ok<{ products: { nodes: { id: string; slug: string }[] } }>(
      await gql(api, '{ products(first: 1, filter: { categories: [HERB] }) { nodes { id slug } } }'),
    ).products.nodes;
    const target = list[0]!;
    renamed = { slug: target.slug, nameEn: 'Renamed herbal tea for the incremental build' };
    ok(
      await office.admin(
        'mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }',
        {
          id: target.id,
          input: { nameEn: renamed.nameEn },
        },
      ),
    );

    incremental = await buildSite({
      apiUrl: api.url,
      siteUrl: SITE_URL,
      env: { OCOP_PREVIOUS_BUILD: first.outDir },
    });
    builds.push(incremental);
    full = await buildSite({ apiUrl: api.url, siteUrl: SITE_URL });
    builds.push(full);
  }, 600_000);

  afterAll(async () => {
    for (const b of builds) b.remove();
    await api?.close();
  });

  it('renders only the pages the changes touched', () => {
    const counts = rendered(incremental);
    expect(counts, incremental.buildOutput.slice(-2000)).not.toBeNull();
    console.log(
      `incremental build: ${counts!.rendered} of ${counts!.total} catalog pages rendered; astro build ${incremental.buildMs} ms (full: ${full.buildMs} ms)`,
    );
    expect(counts!.rendered).toBeGreaterThan(0);
    expect(counts!.rendered).toBeLessThan(counts!.total / 2);
  });

  it('publishes the same files, with the same content, as a full build', () => {
    const a = join(incremental.outDir, 'client');
    const b = join(full.outDir, 'client');
    const filesA = filesOf(a);
    const filesB = filesOf(b);
    expect(filesA.filter((f) => !filesB.includes(f))).toEqual([]);
    expect(filesB.filter((f) => !filesA.includes(f))).toEqual([]);
    const different = filesB.filter((f) => comparable(a, f) !== comparable(b, f));
    expect(
      different,
      different
        .slice(0, 3)
        .map((f) => firstDifference(comparable(a, f), comparable(b, f), f))
        .join('\n'),
    ).toEqual([]);
  });

  it('shows each change: the withdrawn product and its producer gone, the new one and the new name there', () => {
    const client = join(incremental.outDir, 'client');
    const files = new Set(filesOf(client));
    expect(files.has(`products/${withdrawnSlug}/index.html`)).toBe(false);
    expect(files.has(`en/producers/${withdrawnProducer}/index.html`)).toBe(false);
    expect(files.has(`products/${newSlug}/index.html`)).toBe(true);
    expect(readFileSync(join(client, 'en/categories/beverages/index.html'), 'utf8')).toContain(`/products/${newSlug}/`);
    expect(readFileSync(join(client, `en/products/${renamed.slug}/index.html`), 'utf8')).toContain(renamed.nameEn);
    expect(readFileSync(join(client, 'sitemap-0.xml'), 'utf8')).toContain(`/products/${newSlug}/`);
    expect(readFileSync(join(client, 'sitemap-0.xml'), 'utf8')).not.toContain(`/products/${withdrawnSlug}/`);
  });
});
