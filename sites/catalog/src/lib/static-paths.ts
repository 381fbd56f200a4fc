/**
 * The pages Astro pre-renders, per language. A route file under pages/[...lang]/ serves both
 * languages: its getStaticPaths gives one of these to `inBothLangs`.
 *
 * Each also gives every page its fingerprint (src/lib/incremental.ts): a hash of everything from
 * the catalog the page shows, so that a build after a change renders only the pages it touched.
 */
import { type CategoryCode, categoryByCode } from '@ocop/domain';
import { categoryListings, paginate, productPagePrint, productsPrint, type SiteData, siteData } from './catalog.js';
import type { Lang } from './i18n.js';
import { changedPages, fingerprint } from './incremental.js';
import {
  categoryFilterSegments,
  DISTRICT_CHOOSER_SEGMENT,
  districtSegment,
  LANGS,
  langParam,
  localized,
} from './routes.js';
import { MAX_PDF_PRODUCTS } from './take-away.js';

/**
 * The pages of `pathsOf` in both languages, for a route file under pages/[...lang]/: Vietnamese
 * at the root, English under /en; each page gets its language in its props.
 */
export async function inBothLangs<Entry extends { params: Record<string, string | undefined>; props: object }>(
  pathsOf: (lang: Lang) => Promise<Entry[]>,
): Promise<{ params: Entry['params'] & { lang: string | undefined }; props: Entry['props'] & { lang: Lang } }[]> {
  const perLang = await Promise.all(
    LANGS.map(async (lang) =>
      (await pathsOf(lang)).map((entry) => ({
        params: { ...entry.params, lang: langParam(lang) },
        props: { ...entry.props, lang },
      })),
    ),
  );
  return perLang.flat();
}

const categoryPrints = new WeakMap<SiteData, Map<string, string>>();

/**
 * Every listing of a category (its filters, counts, pages and district chooser) is made from the
 * category's products; the take-away links beside it also depend on whether the whole catalog
 * fits one PDF.
 */
function categoryPrint(data: SiteData, lang: Lang, category: CategoryCode): string {
  let prints = categoryPrints.get(data);
  if (!prints) {
    prints = new Map();
    categoryPrints.set(data, prints);
  }
  const key = `${lang}:${category}`;
  let print = prints.get(key);
  if (print === undefined) {
    print = fingerprint(
      productsPrint(data.sorted[lang].filter((p) => p.category === category)),
      data.catalog.products.length <= MAX_PDF_PRODUCTS,
    );
    prints.set(key, print);
  }
  return print;
}

/** Category listings and, for categories over many districts, their district choosers. */
export async function categoryListingPaths(lang: Lang) {
  const data = await siteData();
  const { listings, choosers } = categoryListings(data, lang);
  const entries = [
    ...listings.map((listing) => ({
      params: {
        slug: categoryByCode(listing.category).slug,
        filter: categoryFilterSegments({ stars: listing.stars, district: listing.district, page: listing.page.page }),
      },
      props: { listing, chooser: undefined },
    })),
    ...choosers.map((chooser) => ({
      params: {
        slug: categoryByCode(chooser.category).slug,
        filter: [categoryFilterSegments({ stars: chooser.stars }), DISTRICT_CHOOSER_SEGMENT].filter(Boolean).join('/'),
      },
      props: { listing: undefined, chooser },
    })),
  ];
  return changedPages(localized(lang, '/categories/[slug]/[...filter]/'), entries, ({ props }) =>
    categoryPrint(data, lang, (props.listing ?? props.chooser).category),
  );
}

export async function productPaths(lang: Lang) {
  const data = await siteData();
  return changedPages(
    localized(lang, '/products/[slug]/'),
    data.sorted[lang].map((product) => ({ params: { slug: product.slug }, props: { product } })),
    ({ props }) => productPagePrint(data, props.product),
  );
}

export async function producerPaths(lang: Lang) {
  const data = await siteData();
  return changedPages(
    localized(lang, '/producers/[slug]/'),
    data.producers.map((entry) => ({ params: { slug: entry.producer.slug }, props: { entry } })),
    ({ props }) => fingerprint(props.entry.producer, productsPrint(props.entry.products)),
  );
}

export async function districtPaths(lang: Lang) {
  const data = await siteData();
  return changedPages(
    localized(lang, '/districts/[code]/[...page]/'),
    data.districts.flatMap((entry) =>
      paginate(entry.products).map((page) => ({
        params: { code: districtSegment(entry.district.code), page: page.page > 1 ? `page/${page.page}` : undefined },
        props: { entry, page: page.page },
      })),
    ),
    ({ props }) => fingerprint(props.entry.district, props.entry.province, productsPrint(props.entry.products)),
  );
}
