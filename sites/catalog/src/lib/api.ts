/**
 * Build-time data: the whole published catalog, read from the GraphQL API with a few batched
 * queries (one for the region tree, then pages of 50 products of a category with both languages
 * at once, three categories at a time) and kept in memory for every page of the build. Nothing
 * here runs in the browser or per request.
 */
import {
  CATEGORY_CODES,
  type CategoryCode,
  type CouncilLevel,
  type CycleStage,
  type ProducerType,
  type RegionKind,
  type RegionLevel,
} from '@ocop/domain';
import { loadSettings } from './config.js';
import { BUILD_REQUEST, graphql, request, stopBuildWithout } from './graphql.js';
import type { ResultOf, TadaDocumentNode } from 'gql.tada';

/** A text in both languages; `en` is the Vietnamese text where no translation exists. */
export interface Localized {
  vi: string;
  en: string;
}

export interface Region {
  code: string;
  level: RegionLevel;
  kind: RegionKind;
  /** Last day the unit existed (ISO date), for units abolished in the 2025 reorganisation. */
  validTo: string | null;
  name: Localized;
  fullName: Localized;
}

export interface RegionNode extends Region {
  certifiedProductCount: number;
  children: (Region & { certifiedProductCount: number })[];
}

export interface Producer {
  slug: string;
  name: string;
  type: ProducerType;
  representative: string;
  address: string;
  phone: string;
  email: string;
  website: string | null;
  region: Region;
}

export interface Certificate {
  number: string;
  stars: number;
  issuedOn: string;
  expiresOn: string;
  decisionNumber: string;
  decisionDate: string;
  issuingLevel: CouncilLevel;
}

export interface ProductImage {
  url: string;
  /** The address as the API stores it (relative for the API's own files), for the open data. */
  source: string;
  alt: Localized;
  /** For photos the API stores: their size and `srcset` per format (paths on this site, /images/…). */
  width: number | null;
  height: number | null;
  srcset: { avif: string; webp: string; jpeg: string } | null;
  /** The original's width and height, and its stored copies' widths, for the open data. */
  widths: number[] | null;
}

/** A text given in Vietnamese, English, both or neither (trade texts have no fallback in the API). */
export interface MaybeLocalized {
  vi: string | null;
  en: string | null;
}

export interface OtherCertification {
  scheme: string;
  name: Localized;
  number: string | null;
  expiresOn: string | null;
  valid: boolean;
}

/** Trade information, as the API gives it; every field may be missing. */
export interface Trade {
  packaging: MaybeLocalized;
  priceUnit: MaybeLocalized;
  retailPriceMin: number | null;
  retailPriceMax: number | null;
  wholesalePrice: number | null;
  minimumOrder: MaybeLocalized;
  monthlyCapacity: MaybeLocalized;
  shelfLifeDays: number | null;
  storage: MaybeLocalized;
  certifications: OtherCertification[];
  exportReadiness: 'DOMESTIC_ONLY' | 'EXPORT_READY' | 'EXPORTING' | null;
  exportMarkets: { code: string; name: Localized }[];
  leadTimeDays: number | null;
  samplePolicy: MaybeLocalized;
  note: MaybeLocalized;
  tour: {
    duration: MaybeLocalized;
    pricePerPerson: number | null;
    season: MaybeLocalized;
    bookingContact: string | null;
  } | null;
}

export interface Product {
  slug: string;
  name: Localized;
  description: Localized;
  story: Localized | null;
  category: CategoryCode;
  cycleStage: CycleStage;
  /** True when the name, description and story all exist in English (not a fallback). */
  hasEnglish: boolean;
  stars: 3 | 4 | 5;
  images: ProductImage[];
  /** The unit the product comes from (district-level or commune-level). */
  region: Region;
  /** The district-level unit it belongs to; null for a commune directly under a province. */
  district: Region | null;
  /** The province, when the API names one. */
  province: Region | null;
  producer: Producer;
  certificate: Certificate;
  /** Null when the producer gave no trade information. */
  trade: Trade | null;
  /** Slugs of the products the API lists as related (Product.related), in its order. */
  related: string[];
}

export interface Catalog {
  products: Product[];
  /** Provinces with their direct children. */
  regions: RegionNode[];
}

/** A region's fields every page uses, in both languages; unmasked: its fields read as they are. */
const REGION_FIELDS = graphql(`
  fragment CatalogRegion on Region @_unmask {
    code level kind validTo
    nameVi: name(lang: VI) nameEn: name(lang: EN)
    fullNameVi: fullName(lang: VI) fullNameEn: fullName(lang: EN)
  }
`);

const REGIONS_QUERY = graphql(
  `
  query CatalogRegions {
    regions {
      ...CatalogRegion certifiedProductCount
      children { ...CatalogRegion certifiedProductCount }
    }
  }
`,
  [REGION_FIELDS],
);

/**
 * Trade information, read apart from the rest (the API allows 30 aliases a query): once in each
 * language, since the API gives each text only in the language it was given in.
 */
const TRADE_QUERY = graphql(`
  query CatalogTrade($category: CategoryCode!, $first: Int!, $after: String) {
    products(filter: { categories: [$category] }, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        slug
        vi: trade(lang: VI) {
          packaging priceUnit minimumOrder monthlyCapacity storage samplePolicy note
          retailPriceMin retailPriceMax wholesalePrice shelfLifeDays leadTimeDays exportReadiness
          certifications { scheme name number expiresOn valid }
          exportMarkets { code name }
          tour { duration pricePerPerson season bookingContact }
        }
        en: trade(lang: EN) {
          packaging priceUnit minimumOrder monthlyCapacity storage samplePolicy note
          certifications { name } exportMarkets { name } tour { duration season }
        }
      }
    }
  }
`);

/**
 * Every published product with what any page shows of it, in both languages, and the slugs of
 * its related products: the API decides what is related (its cached rankings answer a page of 30
 * in about 20 ms more), the site only links them.
 */
const PRODUCTS_QUERY = graphql(
  `
  query CatalogProducts($category: CategoryCode!, $first: Int!, $after: String) {
    products(filter: { categories: [$category] }, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        slug category cycleStage hasEnglish stars
        nameVi: name(lang: VI) nameEn: name(lang: EN)
        descriptionVi: description(lang: VI) descriptionEn: description(lang: EN)
        storyVi: story(lang: VI) storyEn: story(lang: EN)
        images { url altVi: alt(lang: VI) altEn: alt(lang: EN) width height sources { type srcset } }
        region { ...CatalogRegion parent { ...CatalogRegion } }
        district { ...CatalogRegion parent { ...CatalogRegion } }
        producer {
          slug name type representative address phone email website
          region { ...CatalogRegion }
        }
        certificate { number stars issuedOn expiresOn decisionNumber decisionDate issuingLevel }
        related(first: 4) { slug }
      }
    }
  }
`,
  [REGION_FIELDS],
);

/**
 * Products per request. With up to 12 photos and their sources a product costs about 250 in the
 * API's estimate (its limit is 10,000 a request), its related slugs 8 more, and its trade
 * information in both languages about 250: pages of 30 stay well under it.
 */
const PAGE_SIZE = 30;
const TRADE_PAGE_SIZE = 30;

type RawRegion = ResultOf<typeof REGION_FIELDS>;
type RawProduct = ResultOf<typeof PRODUCTS_QUERY>['products']['nodes'][number];
type RawTrade = NonNullable<ResultOf<typeof TRADE_QUERY>['products']['nodes'][number]['vi']>;
type RawTradeEn = NonNullable<ResultOf<typeof TRADE_QUERY>['products']['nodes'][number]['en']>;
type TradeTextKey =
  | 'packaging'
  | 'priceUnit'
  | 'minimumOrder'
  | 'monthlyCapacity'
  | 'storage'
  | 'samplePolicy'
  | 'note';

function trade(vi: RawTrade, en: RawTradeEn): Trade {
  const both = (key: TradeTextKey): MaybeLocalized => ({ vi: vi[key], en: en[key] });
  return {
    packaging: both('packaging'),
    priceUnit: both('priceUnit'),
    retailPriceMin: vi.retailPriceMin,
    retailPriceMax: vi.retailPriceMax,
    wholesalePrice: vi.wholesalePrice,
    minimumOrder: both('minimumOrder'),
    monthlyCapacity: both('monthlyCapacity'),
    shelfLifeDays: vi.shelfLifeDays,
    storage: both('storage'),
    certifications: vi.certifications.map((c, i) => ({
      scheme: c.scheme,
      name: { vi: c.name, en: en.certifications[i]?.name ?? c.name },
      number: c.number,
      expiresOn: c.expiresOn,
      valid: c.valid,
    })),
    exportReadiness: vi.exportReadiness,
    exportMarkets: vi.exportMarkets.map((m, i) => ({
      code: m.code,
      name: { vi: m.name, en: en.exportMarkets[i]?.name ?? m.name },
    })),
    leadTimeDays: vi.leadTimeDays,
    samplePolicy: both('samplePolicy'),
    note: both('note'),
    tour: vi.tour
      ? {
          duration: { vi: vi.tour.duration, en: en.tour?.duration ?? null },
          pricePerPerson: vi.tour.pricePerPerson,
          season: { vi: vi.tour.season, en: en.tour?.season ?? null },
          bookingContact: vi.tour.bookingContact,
        }
      : null,
  };
}

/** The widths in a srcset ("/images/x/400.jpg 400w, …"). */
function srcsetWidths(srcset: string): number[] {
  return [...srcset.matchAll(/ (\d+)w/gu)].map((m) => Number(m[1]));
}

function srcsets(sources: { type: string; srcset: string }[]): ProductImage['srcset'] {
  const of = (type: string) => sources.find((s) => s.type === type)?.srcset;
  const avif = of('image/avif');
  const webp = of('image/webp');
  const jpeg = of('image/jpeg');
  return avif && webp && jpeg ? { avif, webp, jpeg } : null;
}

function region(r: RawRegion): Region {
  return {
    code: r.code,
    level: r.level,
    kind: r.kind,
    validTo: r.validTo ?? null,
    name: { vi: r.nameVi, en: r.nameEn },
    fullName: { vi: r.fullNameVi, en: r.fullNameEn },
  };
}

function product(p: RawProduct, apiUrl: string): Product | undefined {
  // The API only returns published products; one without a certificate would be an API bug,
  // and is left out rather than shown without its proof.
  if (!p.certificate || !p.stars || p.stars < 3) return undefined;
  const province =
    p.district?.parent ?? (p.region.parent && p.region.parent.level === 'PROVINCE' ? p.region.parent : null);
  return {
    slug: p.slug,
    category: p.category,
    cycleStage: p.cycleStage,
    hasEnglish: p.hasEnglish,
    stars: p.stars as 3 | 4 | 5,
    name: { vi: p.nameVi, en: p.nameEn },
    description: { vi: p.descriptionVi, en: p.descriptionEn },
    story: p.storyVi ? { vi: p.storyVi, en: p.storyEn ?? p.storyVi } : null,
    // Photos the API stores (/images/…) are copied into the site at build time and served by it
    // under the same paths (src/pages/images/); other addresses are used as they are.
    images: p.images.map((i) => ({
      url: i.url.startsWith('/images/') ? i.url : new URL(i.url, apiUrl).toString(),
      source: i.url,
      alt: { vi: i.altVi, en: i.altEn },
      width: i.width,
      height: i.height,
      srcset: srcsets(i.sources),
      widths: i.sources[0] ? srcsetWidths(i.sources[0].srcset) : null,
    })),
    trade: null,
    region: region(p.region),
    district: p.district ? region(p.district) : null,
    province: province ? region(province) : null,
    producer: { ...p.producer, website: p.producer.website ?? null, region: region(p.producer.region) },
    certificate: p.certificate,
    related: p.related.map((r) => r.slug),
  };
}

/** Categories fetched at the same time: the API overlaps their queries; more only queue up. */
const PARALLEL_CATEGORIES = 3;

/** What both product queries answer: a page of one category's products and where the next begins. */
interface ProductsPage {
  products: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/**
 * Asks for one category's products with `query`, page after page, and hands each page's nodes to
 * `take`. Returns how many requests it made.
 */
async function eachPage<Page extends ProductsPage>(
  apiUrl: string,
  query: TadaDocumentNode<Page, { category: CategoryCode; first: number; after: string | null }>,
  category: CategoryCode,
  first: number,
  take: (nodes: Page['products']['nodes']) => void,
): Promise<number> {
  let requests = 0;
  for (let after: string | null = null; ; ) {
    const page: Page = await request(apiUrl, query, { category, first, after }, BUILD_REQUEST);
    requests++;
    take(page.products.nodes);
    if (!page.products.pageInfo.hasNextPage || !page.products.pageInfo.endCursor) break;
    after = page.products.pageInfo.endCursor;
  }
  return requests;
}

/** Every published product of one category, page after page. */
async function fetchCategory(
  apiUrl: string,
  category: CategoryCode,
): Promise<{ products: Product[]; requests: number }> {
  const products: Product[] = [];
  let requests = await eachPage(apiUrl, PRODUCTS_QUERY, category, PAGE_SIZE, (nodes) => {
    for (const raw of nodes) {
      const p = product(raw, apiUrl);
      if (p) products.push(p);
    }
  });
  const bySlug = new Map(products.map((p) => [p.slug, p]));
  requests += await eachPage(apiUrl, TRADE_QUERY, category, TRADE_PAGE_SIZE, (nodes) => {
    for (const node of nodes) {
      const p = bySlug.get(node.slug);
      if (p && node.vi && node.en) p.trade = trade(node.vi, node.en);
    }
  });
  return { products, requests };
}

async function fetchCatalog(): Promise<Catalog> {
  const { apiUrl } = loadSettings();
  const started = Date.now();
  const regionsRequest = request(apiUrl, REGIONS_QUERY, {}, BUILD_REQUEST);
  const queue = [...CATEGORY_CODES];
  const byCategory = new Map<string, Product[]>();
  let requests = 1;
  await Promise.all(
    Array.from({ length: PARALLEL_CATEGORIES }, async () => {
      for (let category = queue.shift(); category; category = queue.shift()) {
        const result = await fetchCategory(apiUrl, category);
        byCategory.set(category, result.products);
        requests += result.requests;
      }
    }),
  );
  // In category order whatever order the answers came in: two builds of the same data are the same.
  const products = CATEGORY_CODES.flatMap((code) => byCategory.get(code) ?? []);
  const { regions } = await regionsRequest;
  console.info(
    `[ocop] ${products.length} published products read from ${apiUrl} in ${requests} requests (${Date.now() - started} ms)`,
  );
  return {
    products,
    regions: regions.map((r) => ({
      ...region(r),
      certifiedProductCount: r.certifiedProductCount,
      children: r.children.map((c) => ({ ...region(c), certifiedProductCount: c.certifiedProductCount })),
    })),
  };
}

let catalog: Promise<Catalog> | undefined;

/**
 * The published catalog, fetched once per build and shared by every page. If the API fails
 * midway (it stopped, or it lacks a field this site needs), the build stops with one line naming
 * the setting rather than Astro's stack trace: there is nothing to fix in the site's code.
 */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= fetchCatalog().catch(stopBuildWithout('The site needs every field it asks for'));
  return catalog;
}

const SEARCH_VOCABULARY_QUERY = graphql('query SearchVocabulary { searchVocabulary }');

let vocabulary: Promise<string> | undefined;

/**
 * The API's search vocabulary (JSON of @ocop/domain's SearchVocabulary), fetched once per build
 * and shipped with the search page, so the browser reads a query exactly as the API does.
 */
export function loadSearchVocabulary(): Promise<string> {
  vocabulary ??= request(loadSettings().apiUrl, SEARCH_VOCABULARY_QUERY, {}, BUILD_REQUEST)
    .then((data) => data.searchVocabulary)
    .catch(stopBuildWithout("The site needs the API's searchVocabulary"));
  return vocabulary;
}
