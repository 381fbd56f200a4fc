/**
 * Every URL of the site. Paths are the same in both languages; English lives under /en, so the
 * language switch only adds or removes the prefix. Static pages end in '/', as Astro writes them.
 */
import type { Lang } from './i18n.js';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** `path` (language-neutral, starting with '/') as seen in `lang`: '/products/x/' → '/en/products/x/'. */
export function localized(lang: Lang, path: string): string {
  return lang === 'en' ? `/en${path}` : path;
}

/** The `[...lang]` parameter of a route file serving both languages: 'en', or none for Vietnamese. */
export function langParam(lang: Lang): string | undefined {
  return lang === 'en' ? 'en' : undefined;
}

/** The other language of the site. */
export function otherLang(lang: Lang): Lang {
  return lang === 'vi' ? 'en' : 'vi';
}

export interface CategoryFilter {
  stars?: number | undefined;
  /** District code, e.g. 'KG-PQ'. */
  district?: string | undefined;
  /** 1-based page number. */
  page?: number | undefined;
}

export const PAGE_SIZE = 24;

/** District codes are upper case in the API and lower case in URLs. */
export function districtSegment(code: string): string {
  return code.toLowerCase();
}

/** The rest of a category URL after /categories/<slug>/, e.g. 'stars/4/district/kg-pq/page/2'. */
export function categoryFilterSegments(filter: CategoryFilter): string | undefined {
  const parts: string[] = [];
  if (filter.stars) parts.push('stars', String(filter.stars));
  if (filter.district) parts.push('district', districtSegment(filter.district));
  if (filter.page && filter.page > 1) parts.push('page', String(filter.page));
  return parts.length ? parts.join('/') : undefined;
}

function pageSuffix(page?: number): string {
  return page && page > 1 ? `page/${page}/` : '';
}

/** Last URL segment of a category's district chooser: /categories/food/stars/4/districts/. */
export const DISTRICT_CHOOSER_SEGMENT = 'districts';

export const paths = {
  home: () => '/',
  category(slug: string, filter: CategoryFilter = {}): string {
    const rest = categoryFilterSegments(filter);
    return `/categories/${slug}/${rest ? `${rest}/` : ''}`;
  },
  categoryDistricts(slug: string, stars?: number): string {
    return `${paths.category(slug, { stars })}${DISTRICT_CHOOSER_SEGMENT}/`;
  },
  product: (slug: string) => `/products/${slug}/`,
  /** The product's QR code to print on a pack: SVG, or PNG at 300 dpi. */
  productQr: (slug: string, format: 'svg' | 'png') => `/products/${slug}/qr-${slug}.${format}`,
  quote: () => '/quote',
  /** Take-away catalogs: PDF per scope and language, and the buyers' spreadsheet. */
  catalogPdf: (scope: string, lang: 'vi' | 'en') => `/catalogs/ocop-${scope}-${lang}.pdf`,
  buyersSheet: (scope: string, lang: 'vi' | 'en') => `/catalogs/ocop-${scope}-${lang}.csv`,
  producers: () => '/producers/',
  producer: (slug: string) => `/producers/${slug}/`,
  districts: () => '/districts/',
  district: (code: string, page?: number) => `/districts/${districtSegment(code)}/${pageSuffix(page)}`,
  search: () => '/search/',
  progress: () => '/progress/',
  openData: () => '/open-data/',
  openDataFile: (name: string) => `/open-data/${name}`,
  verify: (number?: string) => (number ? `/verify?number=${encodeURIComponent(number)}` : '/verify'),
  rss: () => '/rss.xml',
  placeholder: (categorySlug: string, variant = 0) => `/placeholders/${categorySlug}-${variant}.svg`,
  ogImage: (name: string) => `/og/${name}.png`,
};
