import { describe, expect, it } from 'vitest';
import { footerOf, withdrawableKind, withFooter, withoutWithdrawn } from '../../sites/catalog/scripts/live-site.mjs';

const withdrawn = new Set(['mam-ca-linh']);
const isWithdrawn = (slug: string) => withdrawn.has(slug);

describe('pages of the last build, served without the products withdrawn since', () => {
  it('takes the withdrawn product’s card out of a product grid and leaves the others', () => {
    const card = (slug: string) =>
      `<li data-product="${slug}" data-astro-cid-x><article class="card"><h3><a href="/products/${slug}/">${slug}</a></h3><p>…</p></article></li>`;
    const html = `<ul class="product-grid">${card('nuoc-mam-phu-quoc')}${card('mam-ca-linh')}${card('tieu-den')}</ul>`;
    const served = withoutWithdrawn(html, 'html', isWithdrawn);
    expect(served).not.toContain('mam-ca-linh');
    expect(served).toBe(`<ul class="product-grid">${card('nuoc-mam-phu-quoc')}${card('tieu-den')}</ul>`);
  });

  it('takes its item out of the RSS feed and its pages out of the sitemap', () => {
    const rss = `<rss><channel><title>OCOP</title><item><title>A</title><link>https://ocop.example/products/tieu-den/</link></item><item><title>B</title><link>https://ocop.example/en/products/mam-ca-linh/</link></item></channel></rss>`;
    expect(withoutWithdrawn(rss, 'rss', isWithdrawn)).toBe(
      `<rss><channel><title>OCOP</title><item><title>A</title><link>https://ocop.example/products/tieu-den/</link></item></channel></rss>`,
    );
    const sitemap = `<urlset><url><loc>https://ocop.example/products/mam-ca-linh/</loc></url><url><loc>https://ocop.example/categories/food/</loc></url></urlset>`;
    expect(withoutWithdrawn(sitemap, 'sitemap', isWithdrawn)).toBe(
      `<urlset><url><loc>https://ocop.example/categories/food/</loc></url></urlset>`,
    );
  });

  it('rewrites HTML pages, the RSS feeds and the sitemaps, and nothing else', () => {
    expect(withdrawableKind('/categories/food/', '/b/client/categories/food/index.html')).toBe('html');
    expect(withdrawableKind('/rss.xml', '/b/client/rss.xml')).toBe('rss');
    expect(withdrawableKind('/en/rss.xml', '/b/client/en/rss.xml')).toBe('rss');
    expect(withdrawableKind('/sitemap-0.xml', '/b/client/sitemap-0.xml')).toBe('sitemap');
    expect(withdrawableKind('/_astro/app.js', '/b/client/_astro/app.js')).toBeUndefined();
  });
});

describe('pages kept by an incremental build, served with the last publication time', () => {
  const footer = (at: string, text: string) =>
    `<p class="site-footer__fine" data-published-at="${at}" data-astro-cid-sz7xmlte>\n      ${text}\n    </p>`;
  const page = (at: string, text: string) =>
    `<html><body><main><p class="lead">Nước mắm</p></main><footer>${footer(at, text)}</footer></body></html>`;

  it('takes the footer line of the build being served', () => {
    const home = page('2026-12-02T13:05+07:00', 'Dữ liệu cập nhật ngày 2 tháng 12 năm 2026, 13:05');
    const kept = page('2026-12-01T09:00+07:00', 'Dữ liệu cập nhật ngày 1 tháng 12 năm 2026, 09:00');
    const line = footerOf(home);
    expect(line).toBe(footer('2026-12-02T13:05+07:00', 'Dữ liệu cập nhật ngày 2 tháng 12 năm 2026, 13:05'));
    expect(withFooter(kept, line)).toBe(home);
  });

  it('leaves a page without that line, or with no line to give, as it is', () => {
    const other = '<html><body><p class="site-footer__fine">x</p></body></html>';
    expect(footerOf(other)).toBe('');
    expect(withFooter(other, footer('2026-12-02T13:05+07:00', 'x $& $1'))).toBe(other);
    const kept = page('2026-12-01T09:00+07:00', 'old');
    expect(withFooter(kept, '')).toBe(kept);
    // Replacement patterns in the line are not interpreted.
    expect(withFooter(kept, footer('t', '$& $1'))).toContain('$& $1');
  });
});
