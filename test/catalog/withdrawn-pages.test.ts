import { describe, expect, it } from 'vitest';
import { withdrawableKind, withoutWithdrawn } from '../../sites/catalog/scripts/live-site.mjs';

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
