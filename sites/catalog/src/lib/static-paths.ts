/**
 * The pages Astro pre-renders, per language: each route file calls one of these from its
 * getStaticPaths, so the Vietnamese and English route files stay one-liners.
 */
import { categoryByCode } from '@ocop/domain';
import { categoryListings, paginate, siteData } from './catalog.js';
import type { Lang } from './i18n.js';
import { categoryFilterSegments, DISTRICT_CHOOSER_SEGMENT, districtSegment } from './routes.js';

/** Category listings and, for categories over many districts, their district choosers. */
export async function categoryListingPaths(lang: Lang) {
  const data = await siteData();
  const { listings, choosers } = categoryListings(data, lang);
  return [
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
}

export async function productPaths(lang: Lang) {
  const data = await siteData();
  return data.sorted[lang].map((product) => ({ params: { slug: product.slug }, props: { product } }));
}

export async function producerPaths() {
  const data = await siteData();
  return data.producers.map((entry) => ({ params: { slug: entry.producer.slug }, props: { entry } }));
}

export async function districtPaths() {
  const data = await siteData();
  return data.districts.flatMap((entry) =>
    paginate(entry.products).map((page) => ({
      params: { code: districtSegment(entry.district.code), page: page.page > 1 ? `page/${page.page}` : undefined },
      props: { entry, page: page.page },
    })),
  );
}
