/**
 * What the site's publisher needs to know about a build (scripts/live-site.mjs): which pages
 * exist only because of certain products, so that when products are withdrawn it can answer
 * 410 Gone for those pages at once, before the next build has removed them. Written at build
 * time to /publication.json.
 *
 * A page listed here shows a list of products (its `listing`, in every language the same set)
 * and is page `page` of it: it exists while more than (page − 1) × PAGE_SIZE of them remain
 * published. Pages not listed (home, category roots, the producers and districts indexes, open
 * data, progress, search) always exist.
 */
import { categoryByCode } from '@ocop/domain';
import { categoryListings, paginate, type SiteData, siteData } from './catalog.js';
import { LANGS, localized, PAGE_SIZE, paths } from './routes.js';

export interface PublicationManifest {
  /** The change-feed cursor the build's data is at least as new as (from OCOP_FEED_CURSOR), or null. */
  cursor: string | null;
  builtAt: string;
  pageSize: number;
  /** Each product's category slug (for the link on its 410 page). */
  products: Record<string, string>;
  /** Product slugs per listing, by listing id. */
  listings: Record<string, string[]>;
  /** Path → [listing id, page]. */
  pages: Record<string, [string, number]>;
}

export function publicationManifest(data: SiteData, cursor: string | null, builtAt: Date): PublicationManifest {
  const listings: Record<string, string[]> = {};
  const pages: Record<string, [string, number]> = {};
  const add = (id: string, slugs: string[], pathsOf: (page: number) => string, pageCount: number) => {
    listings[id] = slugs;
    for (let page = 1; page <= pageCount; page++) {
      for (const lang of LANGS) pages[localized(lang, pathsOf(page))] = [id, page];
    }
  };
  for (const product of data.catalog.products) {
    add(`p:${product.slug}`, [product.slug], () => paths.product(product.slug), 1);
  }
  for (const { producer, products } of data.producers) {
    add(
      `pr:${producer.slug}`,
      products.map((p) => p.slug),
      () => paths.producer(producer.slug),
      1,
    );
  }
  for (const { district, products } of data.districts) {
    const pageCount = paginate(products).length;
    add(
      `d:${district.code}`,
      products.map((p) => p.slug),
      (page) => paths.district(district.code, page),
      pageCount,
    );
  }
  // Filtered category listings; the category itself always exists, even empty.
  const { listings: categoryPages, choosers } = categoryListings(data, 'vi');
  const seen = new Set<string>();
  for (const listing of categoryPages) {
    if (listing.stars === undefined && listing.district === undefined && listing.page.page === 1) continue;
    const slug = categoryByCode(listing.category).slug;
    const id = `c:${listing.category}:${listing.stars ?? ''}:${listing.district ?? ''}`;
    if (!seen.has(id)) {
      seen.add(id);
      const bucket = data.catalog.products.filter(
        (p) =>
          p.category === listing.category &&
          (listing.stars === undefined || p.stars === listing.stars) &&
          (listing.district === undefined || p.district?.code === listing.district),
      );
      add(
        id,
        bucket.map((p) => p.slug),
        (page) => paths.category(slug, { stars: listing.stars, district: listing.district, page }),
        listing.page.pageCount,
      );
    }
  }
  for (const chooser of choosers) {
    const slug = categoryByCode(chooser.category).slug;
    const bucket = data.catalog.products.filter(
      (p) => p.category === chooser.category && (chooser.stars === undefined || p.stars === chooser.stars),
    );
    add(
      `ch:${chooser.category}:${chooser.stars ?? ''}`,
      bucket.map((p) => p.slug),
      () => paths.categoryDistricts(slug, chooser.stars),
      1,
    );
  }
  const products = Object.fromEntries(data.catalog.products.map((p) => [p.slug, categoryByCode(p.category).slug]));
  return { cursor, builtAt: builtAt.toISOString(), pageSize: PAGE_SIZE, products, listings, pages };
}

export async function buildPublicationManifest(): Promise<PublicationManifest> {
  return publicationManifest(await siteData(), process.env.OCOP_FEED_CURSOR || null, new Date());
}
