/**
 * The catalog arranged for pages: products sorted for each language, grouped by category,
 * district and producer, with the filter combinations the category pages offer. Computed once
 * per build from {@link loadCatalog}.
 */
import { CATEGORIES, type CategoryCode, vietnameseSortKey } from '@ocop/domain';
import { type Catalog, loadCatalog, type Producer, type Product, type Region } from './api.js';
import { loadSettings } from './config.js';
import type { Lang } from './i18n.js';
import { fingerprint, unchanged } from './incremental.js';
import { localized, PAGE_SIZE, paths } from './routes.js';
import { prepareQrCodes } from './structured-data.js';

export const STAR_VALUES = [5, 4, 3] as const;

export interface ProducerEntry {
  producer: Producer;
  products: Product[];
}

export interface DistrictEntry {
  district: Region;
  /** Province the district belongs to, when known. */
  province: Region | null;
  products: Product[];
}

export interface SiteData {
  catalog: Catalog;
  /** All products, best first (stars, then name) in each language's order. */
  sorted: Record<Lang, Product[]>;
  /** Each product's position in `sorted`. */
  rank: Record<Lang, Map<Product, number>>;
  bySlug: Map<string, Product>;
  byCategory: Map<CategoryCode, Product[]>;
  districts: DistrictEntry[];
  byDistrictCode: Map<string, DistrictEntry>;
  producers: ProducerEntry[];
  byProducerSlug: Map<string, ProducerEntry>;
  /** Newest certificate first. */
  newest: Product[];
  starCounts: Record<3 | 4 | 5, number>;
}

const collatorEn = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Vietnamese sort keys by name: compareVietnamese computes both keys on every comparison. */
const sortKeys = new Map<string, string>();

function sortKey(name: string): string {
  let key = sortKeys.get(name);
  if (key === undefined) {
    key = vietnameseSortKey(name);
    sortKeys.set(name, key);
  }
  return key;
}

/** Vietnamese dictionary order: compareVietnamese, with each name's key computed once. */
function compareVietnamese(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Name order of the language: Vietnamese dictionary order, or English collation. */
export function compareNames(a: string, b: string, lang: Lang): number {
  return lang === 'vi' ? compareVietnamese(a, b) : collatorEn.compare(a, b);
}

function bestFirst(lang: Lang) {
  return (a: Product, b: Product) => b.stars - a.stars || compareNames(a.name[lang], b.name[lang], lang);
}

function build(catalog: Catalog): SiteData {
  const sorted = {
    vi: [...catalog.products].sort(bestFirst('vi')),
    en: [...catalog.products].sort(bestFirst('en')),
  };
  const bySlug = new Map(catalog.products.map((p) => [p.slug, p]));
  const byCategory = new Map<CategoryCode, Product[]>(CATEGORIES.map((c) => [c.code, []]));
  const districtMap = new Map<string, DistrictEntry>();
  const producerMap = new Map<string, ProducerEntry>();

  // District-level units from the region tree first, so districts without products still get a page.
  for (const province of catalog.regions) {
    for (const child of province.children) {
      if (child.level === 'DISTRICT') districtMap.set(child.code, { district: child, province, products: [] });
    }
  }
  for (const p of sorted.vi) {
    byCategory.get(p.category)?.push(p);
    if (p.district) {
      let entry = districtMap.get(p.district.code);
      if (!entry) {
        entry = { district: p.district, province: p.province, products: [] };
        districtMap.set(p.district.code, entry);
      }
      entry.products.push(p);
    }
    let producer = producerMap.get(p.producer.slug);
    if (!producer) {
      producer = { producer: p.producer, products: [] };
      producerMap.set(p.producer.slug, producer);
    }
    producer.products.push(p);
  }

  const districts = [...districtMap.values()].sort((a, b) => compareVietnamese(a.district.name.vi, b.district.name.vi));
  const producers = [...producerMap.values()].sort((a, b) => compareVietnamese(a.producer.name, b.producer.name));
  const newest = [...catalog.products].sort(
    (a, b) => b.certificate.issuedOn.localeCompare(a.certificate.issuedOn) || compareVietnamese(a.name.vi, b.name.vi),
  );
  const starCounts = { 3: 0, 4: 0, 5: 0 };
  for (const p of catalog.products) starCounts[p.stars]++;

  return {
    catalog,
    sorted,
    rank: {
      vi: new Map(sorted.vi.map((p, i) => [p, i])),
      en: new Map(sorted.en.map((p, i) => [p, i])),
    },
    bySlug,
    byCategory,
    districts,
    byDistrictCode: new Map(districts.map((d) => [d.district.code, d])),
    producers,
    byProducerSlug: new Map(producers.map((p) => [p.producer.slug, p])),
    newest,
    starCounts,
  };
}

let data: Promise<SiteData> | undefined;

/** The catalog arranged for pages; built once per build. */
export function siteData(): Promise<SiteData> {
  data ??= loadCatalog()
    .then(build)
    .then((all) => {
      // When building, product pages come last (English first, as Astro orders the routes): their
      // QR codes are drawn meanwhile, on another core. The dev server renders pages one at a time.
      if (!import.meta.env.DEV) {
        // Only for the pages this build renders (src/lib/incremental.ts).
        const { siteUrl } = loadSettings();
        prepareQrCodes(
          (['en', 'vi'] as const).flatMap((lang) =>
            all.sorted[lang]
              .map((p) => localized(lang, paths.product(p.slug)))
              .filter((path, i) => !unchanged(path, productPagePrint(all, all.sorted[lang][i] as Product)))
              .map((path) => `${siteUrl}${path}`),
          ),
        );
      }
      return all;
    });
  return data;
}

/** Products in the order of `lang`, restricted to `subset`. */
export function inLangOrder(all: SiteData, lang: Lang, subset: Product[]): Product[] {
  const rank = all.rank[lang];
  return [...subset].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
  /** 1-based index of the first item on the page (0 when empty). */
  from: number;
  to: number;
}

/** Splits a list into pages of {@link PAGE_SIZE}; an empty list still has one (empty) page. */
export function paginate<T>(items: T[], size = PAGE_SIZE): Paged<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pageCount }, (_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      items: slice,
      page: i + 1,
      pageCount,
      total: items.length,
      from: slice.length ? i * size + 1 : 0,
      to: i * size + slice.length,
    };
  });
}

/** The products the API lists as related to `product` (Product.related), in its order. */
export function relatedProducts(all: SiteData, product: Product): Product[] {
  return product.related.flatMap((slug) => all.bySlug.get(slug) ?? []);
}

const productPrints = new WeakMap<Product, string>();

/**
 * Everything the API says of a product but its related products, hashed once per build: what a
 * card, a spreadsheet row or a PDF entry shows. (A withdrawal changes the related lists of many
 * products, and only their own pages show those.)
 */
export function productPrint(product: Product): string {
  let print = productPrints.get(product);
  if (print === undefined) {
    const { related: _shownOnItsPageOnly, ...shown } = product;
    print = fingerprint(shown);
    productPrints.set(product, print);
  }
  return print;
}

const pagePrints = new WeakMap<Product, string>();

/** A product page shows the product, and its related products' cards in the API's order. */
export function productPagePrint(data: SiteData, product: Product): string {
  let print = pagePrints.get(product);
  if (print === undefined) {
    print = fingerprint(productPrint(product), relatedProducts(data, product).map(productPrint));
    pagePrints.set(product, print);
  }
  return print;
}

/** The fingerprint of a list of products, in its order. */
export function productsPrint(products: Product[]): string {
  return fingerprint(products.map(productPrint));
}

export interface DistrictCount {
  district: Region;
  province: Region | null;
  count: number;
}

/** One pre-rendered category listing: a category, an optional filter and one page of results. */
export interface CategoryListing {
  category: CategoryCode;
  stars: number | undefined;
  district: string | undefined;
  page: Paged<Product>;
  /** Counts for each stars choice with the current district kept (0 = no page to link to). */
  starCounts: Map<number | undefined, number>;
  /** Products with the current stars choice in every district: what "all districts" leads to. */
  allDistrictsCount: number;
  /** Counts for each district of the category with the current stars kept, in name order. */
  districtCounts: DistrictCount[];
  /** True when the districts are too many to list on the page: they get a page of their own. */
  districtChooser: boolean;
  /** Products of the category with no filter. */
  categoryTotal: number;
}

/** The page listing a category's districts (with a stars choice kept), for catalogs with many. */
export interface DistrictChooser {
  category: CategoryCode;
  stars: number | undefined;
  /** Districts grouped by province, provinces and districts in name order. */
  groups: { province: Region | null; districts: DistrictCount[] }[];
  categoryTotal: number;
}

/** Up to this many districts are offered as links on the category page itself. */
export const INLINE_DISTRICTS = 24;

const bucketKey = (stars: number | undefined, district: string | undefined) => `${stars ?? ''}|${district ?? ''}`;

/**
 * Every category listing the site pre-renders in `lang`: each category with no filter, each
 * stars value, each district and each stars × district pair that has products, every page of
 * each; and, for categories spread over many districts, a district chooser per stars value.
 * Filters without products get no page and are shown without a link.
 */
export function categoryListings(
  all: SiteData,
  lang: Lang,
): { listings: CategoryListing[]; choosers: DistrictChooser[] } {
  const listings: CategoryListing[] = [];
  const choosers: DistrictChooser[] = [];
  for (const { code } of CATEGORIES) {
    const buckets = new Map<string, Product[]>([[bucketKey(undefined, undefined), []]]);
    const districtsOfCategory = new Map<string, { district: Region; province: Region | null }>();
    for (const p of all.sorted[lang]) {
      if (p.category !== code) continue;
      const d = p.district?.code;
      if (p.district) districtsOfCategory.set(p.district.code, { district: p.district, province: p.province });
      for (const key of [
        bucketKey(undefined, undefined),
        bucketKey(p.stars, undefined),
        ...(d ? [bucketKey(undefined, d), bucketKey(p.stars, d)] : []),
      ]) {
        const bucket = buckets.get(key);
        if (bucket) bucket.push(p);
        else buckets.set(key, [p]);
      }
    }
    const districts = [...districtsOfCategory.values()].sort((a, b) =>
      compareNames(a.district.name[lang], b.district.name[lang], lang),
    );
    const count = (stars: number | undefined, district: string | undefined) =>
      buckets.get(bucketKey(stars, district))?.length ?? 0;
    const categoryTotal = count(undefined, undefined);
    const districtChooser = districts.length > INLINE_DISTRICTS;
    // District counts depend only on the stars choice: one array per choice, shared by its pages.
    const countsByStars = new Map<number | undefined, DistrictCount[]>(
      [undefined, ...STAR_VALUES].map((stars) => [
        stars,
        districts.map((d) => ({ ...d, count: count(stars, d.district.code) })),
      ]),
    );
    for (const [key, products] of buckets) {
      const [s, d] = key.split('|');
      const stars = s ? Number(s) : undefined;
      const district = d || undefined;
      const starCounts = new Map<number | undefined, number>(
        [undefined, ...STAR_VALUES].map((v) => [v, count(v, district)]),
      );
      const districtCounts = countsByStars.get(stars) ?? [];
      for (const page of paginate(products)) {
        listings.push({
          category: code,
          stars,
          district,
          page,
          starCounts,
          allDistrictsCount: count(stars, undefined),
          districtCounts,
          districtChooser,
          categoryTotal,
        });
      }
    }
    if (districtChooser) {
      for (const [stars, counts] of countsByStars) {
        if (count(stars, undefined) === 0) continue;
        const byProvince = new Map<string, { province: Region | null; districts: DistrictCount[] }>();
        for (const entry of counts) {
          const key = entry.province?.code ?? '';
          const group = byProvince.get(key);
          if (group) group.districts.push(entry);
          else byProvince.set(key, { province: entry.province, districts: [entry] });
        }
        const groups = [...byProvince.values()].sort((a, b) =>
          compareNames(a.province?.name[lang] ?? '', b.province?.name[lang] ?? '', lang),
        );
        choosers.push({ category: code, stars, groups, categoryTotal });
      }
    }
  }
  return { listings, choosers };
}
