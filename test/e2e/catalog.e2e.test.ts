/// <reference lib="dom" />
/**
 * The public catalog site in a real browser: a fresh API with the sample Kiên Giang catalog, the
 * site built against it (astro build + Pagefind) and served by its own Node server, driven with
 * Debian's Chromium. Screenshots of the main pages land in test/e2e/screenshots/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogToCsv, collectPublicCatalog, EXPORT_COLUMNS, formatProblem, importFiles, parseCsv } from '@ocop/api';
import { CATEGORIES, todayInVietnam } from '@ocop/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office } from '../support/admin.js';
import type { ProgressDistrict } from '../support/progress.js';
import { createToken, gql, startTestApi, type TestApi, testDatabases } from '../support/server.js';
import {
  type BrowsedSite,
  browseSite,
  type BuiltSite,
  buildSiteExpectingFailure,
  freePort,
  type ServedSite,
} from '../support/site.js';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const PHONE = { width: 390, height: 844 };

interface PublishedPage {
  products: { nodes: { slug: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

interface HiddenProduct {
  slug: string;
  name: string;
  certificateNumber: string | null;
  certificateStatus: string | null;
}

interface Progress {
  certifiedProducts: number;
  fiveStarProducts: number;
  years: {
    year: number;
    certifiedProducts: number;
    newProducts: number;
    fiveStarProducts: number;
    stars: { stars: number; products: number }[];
  }[];
  districts: ProgressDistrict[];
  targets: {
    code: string;
    description: string;
    targetMin: number;
    perDistrictPerYear: number | null;
    achieved: number | null;
    share: number | null;
  }[];
  budget: { part: string; amountMillionVnd: number }[];
}

const PROGRESS_FIELDS = `certifiedProducts fiveStarProducts
  years { year certifiedProducts newProducts fiveStarProducts stars { stars products } }
  districts { code name certifiedProducts target share }
  targets { code description targetMin perDistrictPerYear achieved share }
  budget { part amountMillionVnd }`;

let api: TestApi;
let site: BuiltSite;
let server: ServedSite;
let web: BrowsedSite;
let publishedSlugs: Set<string>;
let hidden: HiddenProduct;
let apiClosed = false;

/** Full-page screenshot with lazy images loaded. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    for (const img of Array.from(document.images)) img.loading = 'eager';
    await Promise.all(
      Array.from(document.images, (img) => (img.complete ? null : new Promise((r) => img.addEventListener('load', r)))),
    );
  });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Scripts other than JSON-LD data: category and product pages must ship none. */
function countScripts(page: Page): Promise<number> {
  return page.locator('script:not([type="application/ld+json"])').count();
}

describe('the public catalog site', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await startTestApi(testDatabases()[0]!);
    publishedSlugs = new Set();
    for (let after: string | null = null; ; ) {
      const page: Awaited<ReturnType<typeof gql<PublishedPage>>> = await gql<PublishedPage>(
        api,
        'query($after: String) { products(first: 100, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      for (const node of page.data!.products.nodes) publishedSlugs.add(node.slug);
      if (!page.data!.products.pageInfo.hasNextPage) break;
      after = page.data!.products.pageInfo.endCursor;
    }
    // A product of the sample catalog that the API does not publish (no valid 3★+ certificate).
    const rows = (await api.orm.em
      .fork()
      .getConnection()
      .execute(
        'select p.slug, p.name_vi, c.number, c.status from product p left join certificate c on c.product_id = p.id order by p.slug',
      )) as { slug: string; name_vi: string; number: string | null; status: string | null }[];
    const candidates = rows.filter((r) => !publishedSlugs.has(r.slug));
    const pick = candidates.find((r) => r.status === 'REVOKED') ?? candidates.find((r) => r.number) ?? candidates[0];
    if (!pick) throw new Error('The sample catalog has no unpublished product to test with.');
    hidden = { slug: pick.slug, name: pick.name_vi, certificateNumber: pick.number, certificateStatus: pick.status };

    web = await browseSite(api.url);
    ({ site, server } = web);
    console.info(`[e2e] site built in ${site.buildMs} ms, Pagefind ${site.pagefindMs} ms`);
  }, 180_000);

  afterAll(async () => {
    await web?.close();
    if (!apiClosed) await api?.close();
  });

  it('browses home → category → product → certificate check', async () => {
    const page = await web.open('/');
    expect(await page.locator('h1').innerText()).toBe('Sản phẩm OCOP Kiên Giang');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await screenshot(page, 'home-desktop');

    await page.getByRole('link', { name: 'Thực phẩm', exact: true }).first().click();
    await page.waitForURL('**/categories/food/');
    expect(await page.locator('h1').innerText()).toBe('Thực phẩm');
    expect(await countScripts(page)).toBe(0);
    await screenshot(page, 'category-desktop');

    const firstCard = page.locator('.card__link').first();
    const productName = await firstCard.innerText();
    await firstCard.click();
    await page.waitForURL('**/products/**');
    expect(await page.locator('h1').innerText()).toBe(productName);
    expect(await countScripts(page)).toBe(0);
    const certificateNumber = await page.locator('.certificate__number').innerText();
    expect(certificateNumber).toMatch(/^[A-Z0-9][A-Z0-9./-]+$/);
    expect(await page.locator('.stars--large').innerText()).toMatch(/OCOP [345] sao/);
    expect(await page.locator('svg.qr-code').count()).toBe(1);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd['@type']).toBe('Product');
    expect(jsonLd.name).toBe(productName);
    expect(jsonLd.hasCertification.certificationIdentification).toBe(certificateNumber);
    expect(jsonLd.url).toBe(`${server.url}${new URL(page.url()).pathname}`);
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(jsonLd.url);
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toContain(productName);
    await screenshot(page, 'product-desktop');

    await page.getByRole('link', { name: 'Kiểm tra giấy chứng nhận' }).click();
    await page.waitForURL('**/verify?number=**');
    expect(await page.locator('.result').getAttribute('data-result')).toBe('VALID');
    expect(await page.locator('#result-title').innerText()).toBe('Giấy chứng nhận còn hiệu lực');
    await screenshot(page, 'verify-valid-desktop');
    await page.close();
  }, 60_000);

  it('looks right on a phone', async () => {
    const slug = [...publishedSlugs][0]!;
    for (const [path, name] of [
      ['/', 'home-phone'],
      ['/categories/food/', 'category-phone'],
      [`/products/${slug}/`, 'product-phone'],
      ['/en/', 'home-en-phone'],
    ] as const) {
      const page = await web.open(path, PHONE);
      // Nothing may be wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await screenshot(page, name);
      await page.close();
    }
  }, 60_000);

  it('searches without diacritics: "nuoc mam" and "tieu den"', async () => {
    const page = await web.open('/search/?q=nuoc%20mam');
    await page.locator('.search-result').first().waitFor();
    const titles = await page.locator('.search-result h2').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((t) => t.startsWith('Nước mắm'))).toBe(true);
    await screenshot(page, 'search-nuoc-mam');

    await page.fill('#search-page-input', 'tieu den');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.search-result h2')).some((h) => h.textContent?.includes('Tiêu đen')),
    );
    expect(await page.locator('#search-status').innerText()).toContain('tieu den');
    await page.locator('.search-result a').first().click();
    await page.waitForURL('**/products/**');
    expect(await page.locator('h1').innerText()).toMatch(/Tiêu/);
    await page.close();
  }, 60_000);

  describe('search that forgives (issue 14)', () => {
    /** Opens the search page for `query` and waits until it has shown what it found. */
    async function searchFor(query: string, path = '/search/'): Promise<Page> {
      const page = await web.open(`${path}?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => {
        const status = document.getElementById('search-status')?.textContent ?? '';
        return status !== '' && !/Đang tìm|Searching/u.test(status);
      });
      return page;
    }
    const titles = (page: Page) => page.locator('.search-result h2').allInnerTexts();
    const suggestion = async (page: Page) =>
      (await page.locator('#search-did-you-mean').isVisible())
        ? await page.locator('#search-did-you-mean-link').innerText()
        : null;

    it('forgives typos, raw Telex and VNI, and words typed together, as the API does, without asking it', async () => {
      const cases: [typed: string, meant: string, first: RegExp][] = [
        ['banh phongg', 'bánh phồng', /^Bánh phồng/u],
        ['khoo muc', 'khô mực', /^Khô mực/u],
        ['xoai sayy', 'xoài sấy', /^Xoài sấy/u],
        ['ruou simm', 'rượu sim', /^Rượu sim/u],
        ['kho mcu', 'khô mực', /^Khô mực/u],
        ['xoaif saays', 'xoài sấy', /^Xoài sấy/u],
        ['duwaf', 'dừa', /^Dừa sáp/u],
        ['nuowcs mawms', 'nước mắm', /^Nước mắm/u],
        ['xoa2i sa61y', 'xoài sấy', /^Xoài sấy/u],
        ['ma65t ong', 'mật ong', /^Mật ong/u],
        ['banhtrang', 'bánh tráng', /^Bánh tráng/u],
        ['matong', 'mật ong', /^Mật ong/u],
      ];
      const page = await web.context.newPage();
      const apiCalls: string[] = [];
      page.on('request', (req) => {
        if (req.url().startsWith(api.url)) apiCalls.push(req.url());
      });
      for (const [typed, meant, first] of cases) {
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(typed)}`);
        await page.waitForFunction(() => (document.querySelectorAll('.search-result').length ?? 0) > 0);
        expect((await titles(page))[0], typed).toMatch(first);
        expect(await suggestion(page), typed).toBe(meant);
      }
      expect(apiCalls).toEqual([]);
      await screenshot(page, 'search-typo');
      await page.close();
    }, 90_000);

    it('ranks like the API: the name that is the words first, fish sauce before pepper in English, ties by stars', async () => {
      const apiTop = async (query: string, n: number) =>
        (
          await gql<{ products: { nodes: { name: string }[] } }>(
            api,
            'query($s: String!, $n: Int!) { products(search: $s, first: $n) { nodes { name(lang: VI) } } }',
            { s: query, n },
          )
        ).data!.products.nodes.map((p) => p.name);
      const tieuDen = await searchFor('tieu den');
      expect((await titles(tieuDen))[0]).toBe('Tiêu đen Phú Quốc Tám Sơn');
      await tieuDen.close();
      // The same first results as the API, for queries found in names.
      for (const query of ['tieu den', 'nuoc mam', 'honney', 'banhtrang', 'mat ong', 'xoai sayy']) {
        const page = await searchFor(query);
        const shown = await titles(page);
        const n = Math.min(5, shown.length);
        expect(shown.slice(0, n), query).toEqual(await apiTop(query, n));
        await page.close();
      }
      const english = await searchFor('nuoc mam', '/en/search/');
      const names = await titles(english);
      expect(names[0]).toBe('Khải Hoàn Phú Quốc fish sauce, 38° protein');
      const sauces = names.map((n) => /fish sauce/u.test(n));
      expect(sauces.lastIndexOf(true)).toBeLessThan(
        sauces.indexOf(false) === -1 ? names.length : sauces.indexOf(false),
      );
      expect(await english.locator('.search-result .search-result__meta').first().innerText()).toContain('5 stars');
      await screenshot(english, 'search-en-nuoc-mam');
      await english.close();
    }, 90_000);

    it('reads "honney" as honey and lists no place named Hòn…', async () => {
      for (const typed of ['honney', 'hooney']) {
        const page = await searchFor(typed);
        expect(await suggestion(page)).toBe('honey');
        const names = await titles(page);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) expect(name, typed).toMatch(/^Mật ong/u);
        await page.close();
      }
    }, 60_000);

    it('sends a certificate number typed into a search box to its check', async () => {
      // From the home page's search box, submitted: straight to /verify.
      const home = await web.open('/');
      await home.fill('#home-search', 'kg ocop 2024 12');
      await home.keyboard.press('Enter');
      await home.waitForURL('**/verify?number=KG-OCOP-2024-0012');
      expect(await home.locator('.result').getAttribute('data-result')).toBeTruthy();
      await home.close();
      // On the search page while typing: a link to the check, then Enter follows it.
      const page = await web.open('/en/search/');
      await page.locator('#search-page-input').pressSequentially('KG–OCOP–2024–0012');
      await page.locator('#search-certificate-link').waitFor();
      expect(await page.locator('#search-certificate').innerText()).toContain('KG-OCOP-2024-0012');
      expect(await page.getAttribute('#search-certificate-link', 'href')).toBe('/en/verify?number=KG-OCOP-2024-0012');
      await screenshot(page, 'search-certificate');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/en/verify?number=KG-OCOP-2024-0012');
      await page.close();
    }, 60_000);

    it('helps when nothing matches: did you mean, the categories and districts the words name, where to browse', async () => {
      const page = await searchFor('mat ong phu quocc');
      expect(await page.locator('.search-result').count()).toBe(0);
      expect(await suggestion(page)).toBe('mật ong phú quốc');
      const help = page.locator('#search-help');
      expect(await help.isVisible()).toBe(true);
      const districts = await page.locator('#search-help-districts a').allInnerTexts();
      expect(districts.some((d) => d.startsWith('Phú Quốc'))).toBe(true);
      expect(await help.locator('a[href="/verify"]').count()).toBe(1);
      await screenshot(page, 'search-nothing');
      await page.locator('#search-did-you-mean-link').click();
      await page.waitForFunction(
        () => (document.getElementById('search-page-input') as HTMLInputElement).value === 'mật ong phú quốc',
      );
      const food = await searchFor('thuc pham');
      expect(await food.locator('#search-named a').allInnerTexts()).toEqual([
        expect.stringMatching(/^Thực phẩm \(\d+\)$/u),
      ]);
      expect(await food.getAttribute('#search-named a', 'href')).toBe('/categories/food/');
      await food.close();
      await page.close();
    }, 60_000);

    it('keeps the query and filters when the language is switched', async () => {
      const page = await searchFor('tieu den');
      await page.locator('.search-filters input[name="stars"][value="3"]').check();
      await page.waitForURL('**/search/?q=tieu+den&stars=3');
      await page.locator('.lang-switch').click();
      await page.waitForURL('**/en/search/?q=tieu+den&stars=3');
      expect(await page.inputValue('#search-page-input')).toBe('tieu den');
      await page.locator('.search-result').first().waitFor();
      for (const meta of await page.locator('.search-result__meta').allInnerTexts()) expect(meta).toContain('3 stars');
      expect(await page.isChecked('.search-filters input[name="stars"][value="3"]')).toBe(true);
      await page.close();
    }, 60_000);

    it('filters results by stars, category and district, with the count each choice would give', async () => {
      const page = await searchFor('phu quoc');
      const count = async () => page.locator('.search-result').count();
      const all = await page.locator('#search-status').innerText();
      const total = Number(/\d+/u.exec(all)?.[0]);
      expect(total).toBeGreaterThan(5);
      while (await page.locator('#search-more').isVisible()) await page.locator('#search-more').click();
      expect(await count()).toBe(total);
      for (const facet of ['stars', 'category', 'district']) {
        const choices = page.locator(`.search-filters input[name="${facet}"]:not([value=""])`);
        expect(await choices.count(), facet).toBeGreaterThan(0);
        // Each choice's count is what choosing it lists.
        const label = page.locator(`.search-filters fieldset[data-facet="${facet}"] label`).nth(1);
        const expected = Number(await label.locator('.count').innerText());
        await label.click();
        await page.waitForFunction(
          (n) => document.querySelectorAll('.search-result').length === Math.min(n, 40),
          expected,
        );
        expect(page.url()).toContain(`${facet}=`);
        await page.locator(`.search-filters input[name="${facet}"][value=""]`).check();
      }
      // With the keyboard: Tab to the stars filter, arrows move the choice.
      await page.locator('.search-filters input[name="stars"][value=""]').focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForURL(/stars=\d/u);
      const stars = /stars=(\d)/u.exec(page.url())?.[1];
      for (const meta of await page.locator('.search-result__meta').allInnerTexts())
        expect(meta).toContain(`${stars} sao`);
      await screenshot(page, 'search-filtered');
      await page.close();
    }, 90_000);

    it("ships the API's vocabulary with the search page, and searches as the buyer types", async () => {
      const shipped = await (await fetch(`${server.url}/search-vocabulary.json`)).text();
      const fromApi = await gql<{ searchVocabulary: string }>(api, '{ searchVocabulary }');
      expect(JSON.parse(shipped)).toEqual(JSON.parse(fromApi.data!.searchVocabulary));
      const page = await web.open('/search/');
      await page.locator('#search-page-input').pressSequentially('nuoc ma', { delay: 30 });
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('.search-result h2')).some((h) => h.textContent?.startsWith('Nước mắm')),
      );
      expect(page.url()).toContain('q=nuoc+ma');
      await page.close();
    }, 60_000);
  });

  it('switches language on every kind of page', async () => {
    const slug = [...publishedSlugs][0]!;
    const page = await web.open(`/products/${slug}/`);
    const viName = await page.locator('h1').innerText();
    await page.locator('.lang-switch').click();
    await page.waitForURL(`**/en/products/${slug}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('.certificate h2').innerText()).toBe('OCOP certificate');
    const enName = await page.locator('h1').innerText();
    expect(enName.length).toBeGreaterThan(0);
    await screenshot(page, 'product-en-desktop');
    await page.locator('.lang-switch').click();
    await page.waitForURL(`**/products/${slug}/`);
    expect(await page.locator('h1').innerText()).toBe(viName);

    for (const path of ['/', '/categories/herbs/', '/districts/', '/producers/', '/search/', '/verify?number=abc']) {
      await page.goto(server.url + path);
      const href = await page.getAttribute('.lang-switch', 'href');
      expect(href, path).toBe(`/en${path}`);
    }
    await page.close();
  }, 60_000);

  it('has no page, sitemap entry or search result for an unpublished product', async () => {
    const res = await fetch(`${server.url}/products/${hidden.slug}/`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Không tìm thấy trang');
    expect(html).not.toContain(hidden.name);
    expect((await fetch(`${server.url}/en/products/${hidden.slug}/`)).status).toBe(404);
    const sitemap = await (await fetch(`${server.url}/sitemap-0.xml`)).text();
    expect(sitemap).toContain('/products/');
    expect(sitemap).not.toContain(hidden.slug);

    const page = await web.open(`/search/?q=${encodeURIComponent(hidden.name)}`);
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '') !== 'Đang tìm…');
    const links = await page.locator('.search-result a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.some((href) => href?.includes(hidden.slug))).toBe(false);
    await page.close();

    // Its certificate is still answered truthfully by the live check.
    if (hidden.certificateNumber) {
      const check = await web.open(`/verify?number=${encodeURIComponent(hidden.certificateNumber)}`);
      expect(await check.locator('.result').getAttribute('data-result')).not.toBe('VALID');
      await check.close();
    }
  }, 60_000);

  it('shows a clear page for an unknown URL', async () => {
    const page = await web.open('/products/khong-co-san-pham-nay/');
    expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang');
    expect(await page.locator('body').innerText()).toContain('Page not found');
    await screenshot(page, 'not-found');
    await page.close();
  }, 30_000);

  it('filters a category by stars and district with the keyboard alone', async () => {
    const page = await web.open('/categories/food/');
    // Tab from the top of the page to the "4 sao" filter and follow it.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('4 sao') ?? false);
    }
    expect(found).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/categories/food/stars/4/');
    const badges = await page.locator('.card .stars').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((b) => b.includes('4 sao'))).toBe(true);
    expect(await page.locator('.chip[aria-current="page"]').first().innerText()).toContain('4 sao');

    // Open the district list (a <details>) and pick the first district with products.
    found = false;
    for (let i = 0; i < 20 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // "all districts"
    await page.keyboard.press('Tab'); // first district
    const districtChip = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    expect(districtChip).toMatch(/\/categories\/food\/stars\/4\/district\/[a-z0-9-]+\/$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${districtChip}`);
    expect(await page.locator('.card').count()).toBeGreaterThan(0);
    await screenshot(page, 'category-filtered');
    await page.close();
  }, 60_000);

  it('shows next to every filter link the number of products on the page it leads to, and heads each listing with its own count', async () => {
    interface Seen {
      cards: number;
      next: string | null;
      /** The count in the page heading, e.g. "5 sản phẩm". */
      heading: number | null;
      links: { href: string; label: string; count: number }[];
    }
    // Hundreds of pages are read for their links and cards only: each is fetched and parsed by
    // the browser's own HTML parser, without loading images or laying it out.
    const page = await web.open('/');
    const seen = new Map<string, Seen>();
    const number = (text: string) => Number(text.replace(/\D/gu, ''));
    const visit = async (path: string): Promise<Seen> => {
      const known = seen.get(path);
      if (known) return known;
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      const raw = await page.evaluate(
        (html) => {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          return {
            cards: doc.querySelectorAll('.card').length,
            next: doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? null,
            heading: doc.querySelector('.page-head .eyebrow')?.textContent ?? null,
            links: Array.from(doc.querySelectorAll('a.chip'), (a) => ({
              href: a.getAttribute('href') ?? '',
              label: (a.firstChild?.textContent ?? '').trim(),
              count: a.querySelector('.chip__count')?.textContent ?? null,
            })),
          };
        },
        await res.text(),
      );
      const result: Seen = {
        cards: raw.cards,
        next: raw.next,
        heading: raw.heading === null ? null : number(raw.heading),
        links: raw.links.flatMap((l) => (l.count === null ? [] : [{ ...l, count: number(l.count) }])),
      };
      seen.set(path, result);
      return result;
    };
    /** Products a listing shows over all its pages. */
    const listed = async (path: string): Promise<number> => {
      let n = 0;
      for (let at: string | null = path; at; at = (await visit(at)).next) n += (await visit(at)).cards;
      return n;
    };

    // Every category page in both languages, and every filter page they link to.
    const queue = ['/', '/en/', ...CATEGORIES.flatMap((c) => [`/categories/${c.slug}/`, `/en/categories/${c.slug}/`])];
    const done = new Set<string>();
    const mismatches: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (done.has(path)) continue;
      done.add(path);
      const here = await visit(path);
      if (here.heading !== null) {
        const listing = path.replace(/page\/\d+\/$/u, '');
        const products = await listed(listing);
        if (here.heading !== products) mismatches.push(`${path}: heading says ${here.heading}, lists ${products}`);
      }
      for (const link of here.links) {
        const products = await listed(link.href);
        if (link.count !== products) {
          mismatches.push(`${path}: "${link.label} (${link.count})" leads to ${link.href}, which lists ${products}`);
        }
        if (/\/categories\//u.test(link.href)) queue.push(link.href);
      }
      if (here.next) queue.push(here.next);
    }
    expect(mismatches).toEqual([]);
    // The page of the report, and enough pages to mean something.
    expect(done).toContain('/categories/food/stars/4/district/kg-pq/');
    expect(done.size).toBeGreaterThan(50);
    await page.close();
  }, 120_000);

  it('checks certificate numbers typed with spaces, in lower case, or as junk', async () => {
    const { data } = await gql<{ products: { nodes: { certificate: { number: string } }[] } }>(
      api,
      '{ products(first: 1) { nodes { certificate { number } } } }',
    );
    const number = data!.products.nodes[0]!.certificate.number;
    const typed = ` ${number.toLowerCase().replaceAll('-', ' ')} `;

    const page = await web.open('/verify');
    await page.fill('#certificate-number', typed);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/verify?number=**');
    expect(await page.locator('.result').getAttribute('data-result')).toBe('VALID');
    expect(await page.locator('.result').innerText()).toContain(number);
    await screenshot(page, 'verify-typed');

    const junk = '<script>alert(1)</script>';
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${server.url}/verify?number=${encodeURIComponent(junk)}`);
    expect(await page.locator('.result').getAttribute('data-result')).toBe('INVALID_NUMBER');
    expect(await page.inputValue('#certificate-number')).toBe(junk);
    expect(dialogs).toBe(0);
    await screenshot(page, 'verify-junk');

    await page.goto(`${server.url}/en/verify?number=KG-OCOP-1999-9999`);
    expect(await page.locator('.result').getAttribute('data-result')).toBe('NOT_FOUND');
    expect(await page.locator('#result-title').innerText()).toBe('No certificate has this number');

    const long = await fetch(`${server.url}/verify?number=${'9'.repeat(5000)}`);
    expect(long.status).toBe(200);
    expect(await long.text()).toContain('data-result="INVALID_NUMBER"');
    await page.close();
  }, 60_000);

  it('serves the sitemap, robots.txt, RSS feed, favicon and Open Graph images', async () => {
    const get = (path: string) => fetch(server.url + path);
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${server.url}/sitemap-index.xml`);
    const sitemap = await (await get('/sitemap-0.xml')).text();
    expect(sitemap).toContain(`${server.url}/en/products/`);
    expect(sitemap).not.toContain('/verify');
    const rss = await get('/rss.xml');
    expect(rss.headers.get('content-type')).toContain('xml');
    expect(await rss.text()).toContain('<item>');
    for (const path of ['/favicon.ico', '/favicon.svg', '/apple-touch-icon.png', '/og/site.png', '/og/food.png']) {
      expect((await get(path)).status, path).toBe(200);
    }
  }, 30_000);

  it('charts progress against Plan 118 in both languages, with the API’s figures in tables beside the charts', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const res = await gql<{ programProgress: Progress }>(
        api,
        `query($lang: Language) { programProgress(lang: $lang) { ${PROGRESS_FIELDS} } }`,
        {
          lang: lang.toUpperCase(),
        },
      );
      const progress = res.data!.programProgress;
      const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
      const num = (n: number) => new Intl.NumberFormat(locale).format(n);
      const pct = (n: number) =>
        new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(n);

      const page = await web.open(lang === 'vi' ? '/' : '/en/');
      await page
        .locator('.main-nav')
        .getByRole('link', { name: lang === 'vi' ? 'Tiến độ' : 'Progress', exact: true })
        .click();
      await page.waitForURL(lang === 'vi' ? '**/progress/' : '**/en/progress/');
      expect(await countScripts(page)).toBe(0);
      expect(await page.locator('[data-figure="certified"]').innerText()).toBe(num(progress.certifiedProducts));
      expect(await page.locator('[data-figure="five-star"]').innerText()).toBe(num(progress.fiveStarProducts));

      // Four charts, each an image with a name, each with a captioned table beside it.
      expect(await page.locator('svg[data-chart][role="img"] > title').count()).toBe(4);
      for (const name of ['districts', 'years', 'targets', 'budget']) {
        expect(await page.locator(`svg[data-chart="${name}"]`).count(), name).toBe(1);
        const table = page.locator(`table[data-table="${name}"]`);
        expect((await table.locator('caption').innerText()).length, name).toBeGreaterThan(10);
        expect(await table.locator('thead th[scope="col"]').count(), name).toBeGreaterThan(2);
        expect(await table.locator('tbody th[scope="row"]').count(), name).toBeGreaterThan(1);
      }

      // Every district: its products, its target and the share reached, in the table and on the chart.
      for (const d of progress.districts.filter((x) => x.code)) {
        const cells = await page.locator(`table[data-table="districts"] tr[data-code="${d.code}"] > *`).allInnerTexts();
        expect(cells, d.code!).toEqual([
          d.name,
          num(d.certifiedProducts),
          d.target === null ? '—' : num(d.target),
          d.share === null ? '—' : pct(d.share),
        ]);
        if (d.target !== null) {
          expect(await page.locator(`svg[data-chart="districts"] g[data-code="${d.code}"]`).textContent()).toContain(
            `${num(d.certifiedProducts)} / ${num(d.target)} · ${pct(d.share ?? 0)}`,
          );
        }
      }
      // Every year, by stars.
      for (const y of progress.years) {
        const cells = await page.locator(`table[data-table="years"] tr[data-year="${y.year}"] > *`).allInnerTexts();
        const by = (st: number) => num(y.stars.find((x) => x.stars === st)?.products ?? 0);
        expect(cells.slice(0, 7), String(y.year)).toEqual([
          String(y.year),
          by(3),
          by(4),
          by(5),
          num(y.certifiedProducts),
          num(y.newProducts),
          num(y.fiveStarProducts),
        ]);
      }
      // Every target with its share; the one the catalog cannot measure says so.
      for (const target of progress.targets) {
        const cells = await page
          .locator(`table[data-table="targets"] tr[data-code="${target.code}"] > *`)
          .allInnerTexts();
        expect(cells[0]).toBe(target.description);
        if (target.achieved === null) expect(cells[2]).toMatch(/Chưa đo được|Not measured/);
        else expect(cells.slice(2)).toEqual([num(target.achieved), pct(target.share ?? 0)]);
      }
      // The budget split: state and participants for 2020 and 2021–2025.
      const budget = await page.locator('table[data-table="budget"] tbody').innerText();
      for (const f of progress.budget.filter((b) => b.part !== 'TOTAL'))
        expect(budget).toContain(num(f.amountMillionVnd));
      // The plan's two targets disagree, and the page says so with the figures.
      const main = progress.targets.find((x) => x.perDistrictPerYear !== null)!;
      const implied = progress.districts.reduce((sum, d) => sum + (d.target ?? 0), 0);
      const conflict = await page.locator('.progress-conflict').innerText();
      expect(conflict).toContain(num(main.targetMin));
      expect(conflict).toContain(num(implied));

      if (lang === 'vi') {
        await screenshot(page, 'progress-desktop');
        await page.setViewportSize(PHONE);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'progress-phone');
      } else {
        await screenshot(page, 'progress-en-desktop');
      }
      await page.close();
    }
  }, 60_000);

  it('offers the catalog as open data: CSV and JSON in the export format, one row per published product', async () => {
    const page = await web.open('/', PHONE);
    await page.getByRole('link', { name: 'Dữ liệu mở', exact: true }).click();
    await page.waitForURL('**/open-data/');
    const builtOn = await page.locator('[data-built-on]').getAttribute('data-built-on');
    expect(builtOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [y, m, d] = builtOn!.split('-');
    expect(await page.locator('main').innerText()).toContain(`${d}/${m}/${y}`);
    await screenshot(page, 'open-data-phone');

    // The products file, as a visitor downloads it from the page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[href$="/products.csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('products.csv');
    await page.close();

    const files = new Map<string, string>();
    for (const name of ['regions.csv', 'producers.csv', 'products.csv', 'certificates.csv', 'ocop-catalog.json']) {
      const res = await fetch(`${server.url}/open-data/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type'), name).toContain(name.endsWith('.csv') ? 'text/csv' : 'application/json');
      // The bytes as saved (Response.text() would drop the byte order mark Excel needs).
      files.set(name, Buffer.from(await res.arrayBuffer()).toString('utf8'));
    }
    for (const kind of ['regions', 'producers', 'products', 'certificates'] as const) {
      expect(files.get(`${kind}.csv`)!.startsWith('\uFEFF'), kind).toBe(true);
      const records = parseCsv(files.get(`${kind}.csv`)!.replace(/^\uFEFF/u, ''));
      expect(records[0]!.fields, kind).toEqual([...EXPORT_COLUMNS[kind]]);
    }
    const products = parseCsv(files.get('products.csv')!.replace(/^\uFEFF/u, '')).slice(1);
    expect(products).toHaveLength(publishedSlugs.size);
    expect(new Set(products.map((r) => r.fields[0]))).toEqual(publishedSlugs);
    expect(products.map((r) => r.fields[0])).not.toContain(hidden.slug);

    // Byte for byte what `pnpm ocop export` writes for the same day: the site copies the API's files.
    const json = JSON.parse(files.get('ocop-catalog.json')!) as { asOf: string; counts: Record<string, number> };
    expect(json.asOf).toBe(builtOn);
    expect(json.counts.products).toBe(publishedSlugs.size);
    const exported = catalogToCsv(
      await collectPublicCatalog(
        api.orm.em.fork() as Parameters<typeof collectPublicCatalog>[0],
        json.asOf as Parameters<typeof collectPublicCatalog>[1],
      ),
    );
    for (const name of ['regions.csv', 'producers.csv', 'products.csv', 'certificates.csv']) {
      expect(files.get(name), name).toBe(exported.get(name));
    }

    // Round trip: each download imports into an empty database and publishes the same products.
    const dir = mkdtempSync(join(tmpdir(), 'ocop-open-data-'));
    try {
      mkdirSync(join(dir, 'csv'));
      for (const [name, text] of files) writeFileSync(join(dir, name.endsWith('.csv') ? `csv/${name}` : name), text);
      for (const source of [join(dir, 'csv'), join(dir, 'ocop-catalog.json')]) {
        const empty = await startTestApi(testDatabases()[0]!, { seed: false });
        try {
          const report = await importFiles(empty.orm.em.fork(), [source], { today: todayInVietnam(new Date()) });
          expect(report.problems.map(formatProblem), source).toEqual([]);
          expect(report.ok).toBe(true);
          const count = await gql<{ products: { totalCount: number } }>(empty, '{ products { totalCount } }');
          expect(count.data?.products.totalCount, source).toBe(publishedSlugs.size);
        } finally {
          await empty.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // Changes the catalog (a product certified, renewed, then revoked, so it ends unpublished):
  // kept after the tests that compare the built site with the API.
  it('tells a buyer holding an older number that its replacement was revoked', async () => {
    const office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    const product = await office.createProduct((await office.createProducer()).id);
    await office.toEvaluation(product.id);
    const [older, newer] = await office.certifyInRounds(product.id, [
      ['2022-03-01', '2022-03-10', 'QD1048_2019'],
      ['2025-09-01', '2025-09-10', 'QD148_2023'],
    ]);
    await office.revoke(newer!.id);

    const page = await web.open(`/verify?number=${encodeURIComponent(older!.number)}`);
    const result = page.locator('.result');
    expect(await result.getAttribute('data-result')).toBe('SUPERSEDED');
    expect(await result.getAttribute('class')).toContain('result--bad');
    const text = await result.innerText();
    expect(text).toContain(`số ${newer!.number}, nhưng giấy đó sau đó đã bị thu hồi`);
    expect(text).toContain('sản phẩm không còn được công nhận OCOP');
    expect(text).not.toMatch(/hãy kiểm tra số mới/i);
    expect(await result.locator('a', { hasText: 'Xem trang sản phẩm' }).count()).toBe(0);
    await screenshot(page, 'verify-superseded-revoked');
    // The link to the newest number answers REVOKED.
    await result.locator(`a[href="/verify?number=${newer!.number}"]`).click();
    await page.waitForURL(`**/verify?number=${newer!.number}`);
    expect(await page.locator('.result').getAttribute('data-result')).toBe('REVOKED');

    await page.goto(`${server.url}/en/verify?number=${older!.number}`);
    expect(await page.locator('.result').innerText()).toContain(
      `replaced by certificate ${newer!.number}, which was later revoked: the product is no longer a certified OCOP product`,
    );
    await page.close();
  }, 60_000);

  it('fails the build with one line naming OCOP_API_URL when the API is unreachable', async () => {
    const port = await freePort();
    const result = await buildSiteExpectingFailure({
      apiUrl: `http://127.0.0.1:${port}/graphql`,
      siteUrl: 'http://127.0.0.1:4321',
    });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('OCOP_API_URL');
    expect(lines[0]).toContain(`127.0.0.1:${port}`);
  }, 60_000);

  // Last: stops the API.
  it('explains, without a stack trace, that certificates cannot be checked while the API is down', async () => {
    apiClosed = true;
    await api.close();
    const page = await web.open('/verify?number=KG-OCOP-2024-0001', PHONE);
    expect(await page.locator('.result').getAttribute('data-result')).toBe('UNAVAILABLE');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Chưa kiểm tra được lúc này');
    expect(text).not.toMatch(/Error|ECONNREFUSED|at .*\.(js|ts|mjs):\d+/);
    const res = await fetch(`${server.url}/en/verify?number=KG-OCOP-2024-0001`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('We cannot check right now');
    await screenshot(page, 'verify-api-down-phone');
    await page.close();
    // Static pages do not need the API at all.
    expect((await fetch(`${server.url}/categories/food/`)).status).toBe(200);
  }, 30_000);
});
