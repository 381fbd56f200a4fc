/// <reference lib="dom" />
/**
 * Issue 16 in a real browser, as a trade buyer: search → product page (photo, stars, trade
 * information, contact buttons on a phone's first screen) → a quote request sent with the page's
 * form (no JavaScript on the page) and delivered to a real SMTP server in this process; the
 * take-away catalogs (PDF read back with pdf.js, the buyers' spreadsheet); QR codes at print
 * size; photos at two widths. Screenshots of the product page go to /work/screens/ when that
 * folder exists, else to test/e2e/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '@ocop/api';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/admin.js';
import { gql, startTestApi, type TestApi, testDatabases } from '../support/server.js';
import { type BrowsedSite, browseSite, type BuiltSite, type ServedSite, SITE_DIR } from '../support/site.js';
import { startMailbox, type TestMailbox } from '../support/smtp.js';

const SCREENS = existsSync('/work/screens')
  ? '/work/screens'
  : join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SLUG = 'nuoc-mam-phu-quoc-khai-hoan-38-do-dam';

interface Published {
  slug: string;
  name: string;
  category: string;
  certificate: { number: string };
  producer: { name: string; email: string; phone: string };
}

let api: TestApi;
let mailbox: TestMailbox;
let site: BuiltSite;
let server: ServedSite;
let web: BrowsedSite;
let published: Published[];

/** Clicks the take-away link to `href` and returns where the browser saved the download. */
async function takeAway(page: Page, href: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-take-away] a[href="${href}"]`).click(),
  ]);
  return (await download.path()) as string;
}

/** The text of every page of a PDF, as a reader extracts it (pdf.js). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  return pages.join('\n');
}

describe('a trade buyer on the catalog site', () => {
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    mailbox = await startMailbox();
    api = await startTestApi(testDatabases()[0]!, {
      env: { SMTP_URL: mailbox.url, TRUST_PROXY: 'loopback', MAIL_FROM: 'Cổng OCOP <ocop@example.vn>' },
    });
    published = ok<{ products: { nodes: Published[] } }>(
      await gql(
        api,
        '{ products(first: 100) { nodes { slug name(lang: VI) category certificate { number } producer { name email phone } } } }',
      ),
    ).products.nodes;
    web = await browseSite(api.url);
    ({ site, server } = web);
  }, 240_000);

  afterAll(async () => {
    await web?.close();
    await api?.close();
    await mailbox?.close();
  });

  it('goes from a search to a quote request that reaches the producer by e-mail', async () => {
    const page = await web.open('/search/?q=nuoc%20mam%20khai%20hoan');
    await page.locator(`.search-result a[href*="${SLUG}"]`).first().click();
    await page.waitForURL(`**/products/${SLUG}/`);
    // The page ships no script: its form works without JavaScript.
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    const trade = page.locator('section.trade');
    expect(await trade.locator('h2').innerText()).toBe('Thông tin thương mại');
    expect(await trade.locator('[data-trade="retail"] dd').innerText()).toMatch(
      /^\d{2,3}\.000 – \d{3}\.000 ₫ \/ chai 500 ml$/u,
    );
    expect(await trade.locator('[data-trade="certifications"]').innerText()).toContain('HACCP');
    expect(await trade.locator('.trade__note').innerText()).toContain('minh họa');

    // A refusal from the server (here: consent left out, as an old browser would let through) keeps what was typed.
    await page.fill('#quote-name', 'Tanaka Yuki');
    await page.fill('#quote-company', 'Umami Trading K.K.');
    await page.selectOption('#quote-country', 'JP');
    await page.fill('#quote-email', 'yuki@example.jp');
    await page.fill('#quote-quantity', '2.000 chai mỗi tháng');
    await page.fill('#quote-message', 'Xin báo giá FOB cho chai 500 ml, kèm giấy chứng nhận HACCP.');
    await page.evaluate(() => document.getElementById('quote-consent')?.removeAttribute('required'));
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await page.waitForURL('**/quote');
    expect(await page.locator('.result').getAttribute('data-code')).toBe('CONSENT_REQUIRED');
    expect(await page.locator('#quote-consent-error').innerText()).toContain('Tick the box');
    expect(await page.inputValue('#quote-company')).toBe('Umami Trading K.K.');
    expect(mailbox.mails).toHaveLength(0);

    await page.check('#quote-consent');
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await page.waitForSelector('[data-reference]');
    const reference = await page.locator('[data-reference]').innerText();
    expect(reference).toMatch(/^RQ-[0-9A-Z]{4}-[0-9A-Z]{4}$/u);
    expect(await page.locator('.quote-result').getAttribute('data-result')).toBe('SENT');
    await page.screenshot({ path: join(SCREENS, 'quote-sent-desktop.png') });

    await mailbox.waitFor(1);
    const mail = mailbox.mails[0]!;
    const product = published.find((p) => p.slug === SLUG)!;
    expect(mail.envelopeTo).toEqual([product.producer.email]);
    expect(mail.subject).toBe(`[OCOP] Yêu cầu báo giá ${reference}: ${product.name}`);
    expect(mail.text).toContain('Umami Trading K.K.');
    expect(mail.text).toContain('Xin báo giá FOB cho chai 500 ml');
    await page.close();
  }, 90_000);

  it('puts call, Zalo and e-mail next to the stars, on the first screen of a phone', async () => {
    const page = await web.open(`/products/${SLUG}/`, PHONE);
    const product = published.find((p) => p.slug === SLUG)!;
    const digits = product.producer.phone.replace(/\D/gu, '');
    for (const [kind, href] of [
      ['call', `tel:${digits}`],
      ['zalo', `https://zalo.me/${digits}`],
      ['email', `mailto:${product.producer.email}`],
    ] as const) {
      const button = page.locator(`[data-contact="${kind}"]`);
      expect(await button.getAttribute('href'), kind).toContain(href);
      const box = (await button.boundingBox())!;
      expect(box.y + box.height, `${kind} below the first screen`).toBeLessThanOrEqual(PHONE.height);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENS, 'product-phone.png') });
    await page.screenshot({ path: join(SCREENS, 'product-phone-full.png'), fullPage: true });
    await page.close();
    const desktop = await web.open(`/products/${SLUG}/`, DESKTOP);
    await desktop.screenshot({ path: join(SCREENS, 'product-desktop.png') });
    await desktop.screenshot({ path: join(SCREENS, 'product-desktop-full.png'), fullPage: true });
    await desktop.close();
  }, 60_000);

  it('serves a product photo at two widths, with its dimensions reserved', async () => {
    const chosen: string[] = [];
    for (const size of [PHONE, DESKTOP]) {
      const page = await web.open(`/products/${SLUG}/`, size);
      const img = page.locator('.gallery__main img');
      await img.evaluate((el: HTMLImageElement) =>
        el.complete ? null : new Promise((r) => el.addEventListener('load', r)),
      );
      expect(await img.getAttribute('width')).toBe('1600');
      expect(await img.getAttribute('height')).toBe('1200');
      expect(await img.getAttribute('alt')).toContain('nước mắm');
      const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
      expect(src).toMatch(/\/images\/[0-9a-f]{24}\/\d+\.avif$/u);
      chosen.push(src);
      const res = await fetch(src);
      expect(res.headers.get('content-type')).toBe('image/avif');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.exif).toBeUndefined();
      await page.close();
    }
    expect(chosen[0]).toMatch(/\/400\.avif$/u);
    expect(chosen[1]).toMatch(/\/800\.avif$/u);
    // Products without a photo keep the drawn placeholder.
    const without = published.find((p) => p.category === 'HERB')!;
    const page = await web.open(`/products/${without.slug}/`);
    expect(await page.locator('.gallery__main img').getAttribute('src')).toMatch(/^\/placeholders\//u);
    await page.close();
  }, 60_000);

  it('hands out a printable PDF catalog per category with every product and certificate number', async () => {
    const page = await web.open('/categories/food/');
    const bytes = new Uint8Array(readFileSync(await takeAway(page, '/catalogs/ocop-food-vi.pdf')));
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const text = (await pdfText(bytes)).normalize('NFC');
    const food = published.filter((p) => p.category === 'FOOD');
    expect(food.length).toBeGreaterThan(10);
    for (const p of food) {
      expect(text, p.slug).toContain(p.name);
      expect(text, p.slug).toContain(p.certificate.number);
    }
    expect(text).toContain('Thực phẩm');
    await page.close();
    // English, per district and for the whole catalog too.
    for (const file of ['ocop-food-en.pdf', 'ocop-kg-pq-vi.pdf', 'ocop-all-vi.pdf']) {
      const res = await fetch(`${server.url}/catalogs/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toContain('application/pdf');
    }
    const all = await pdfText(
      new Uint8Array(await (await fetch(`${server.url}/catalogs/ocop-all-en.pdf`)).arrayBuffer()),
    );
    for (const p of published) expect(all, p.slug).toContain(p.certificate.number);
  }, 90_000);

  it('offers one flat spreadsheet for buyers: a row per product with stars, certificate, contact and trade terms', async () => {
    const page = await web.open('/open-data/');
    const text = readFileSync(await takeAway(page, '/catalogs/ocop-all-vi.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1)).map((r) => r.fields);
    expect(rows).toHaveLength(published.length);
    const col = (name: string) => header!.indexOf(name);
    for (const name of [
      'Số sao',
      'Số giấy chứng nhận',
      'Chủ thể',
      'Điện thoại',
      'E-mail',
      'Giá bán lẻ từ (VND)',
      'Đơn hàng tối thiểu',
    ]) {
      expect(col(name), name).toBeGreaterThanOrEqual(0);
    }
    const row = rows.find(
      (r) => r[col('Số giấy chứng nhận')] === published.find((p) => p.slug === SLUG)!.certificate.number,
    )!;
    expect(row[col('Số sao')]).toBe('5');
    expect(Number(row[col('Giá bán lẻ từ (VND)')])).toBeGreaterThan(10_000);
    expect(row[col('Điện thoại')]).toBe(published.find((p) => p.slug === SLUG)!.producer.phone);
    await page.close();
  }, 60_000);

  it('offers each product’s QR code at print size, and the build says plainly that SITE_URL is local', async () => {
    const url = `${server.url}/products/${SLUG}/`;
    const svg = await (await fetch(`${server.url}/products/${SLUG}/qr-${SLUG}.svg`)).text();
    expect(svg).toContain('width="30mm" height="30mm"');
    const expected = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'Q', margin: 4 });
    expect(svg.replace(' width="30mm" height="30mm"', '').match(/ d="[^"]+"/gu)).toEqual(
      expected.match(/ d="[^"]+"/gu),
    );
    const png = await sharp(
      Buffer.from(await (await fetch(`${server.url}/products/${SLUG}/qr-${SLUG}.png`)).arrayBuffer()),
    ).metadata();
    expect(png.format).toBe('png');
    expect(png.density).toBe(300);
    expect(png.width).toBe(354);
    const page = await web.open(`/products/${SLUG}/`);
    expect(await page.locator('[data-qr="png"]').getAttribute('href')).toBe(`/products/${SLUG}/qr-${SLUG}.png`);
    await page.close();
    expect(site.buildOutput).toContain(`SITE_URL is ${server.url}, an address only this computer can open.`);
    expect(site.buildOutput).toContain('SITE_URL=https://ocop.example.vn pnpm start');
  }, 30_000);

  it('names the agency that runs the portal in every page’s footer', async () => {
    const page = await web.open('/en/');
    const footer = await page.locator('[data-operator]').innerText();
    expect(footer).toContain('An Giang Provincial OCOP Programme Coordination Office');
    expect(footer).toContain('illustrative');
    expect(footer).toContain('Hotline');
    expect(footer).toContain('Decree 13/2023');
    await page.close();
    expect(SITE_DIR).toBeTruthy();
  }, 30_000);
});
