/**
 * The take-away catalogs the site offers: for the whole catalog, each category and each district,
 * in each language, a PDF to print and a spreadsheet for buyers (/catalogs/ocop-<scope>-<lang>.…).
 */
import { CATEGORIES } from '@ocop/domain';
import type { Product } from './api.js';
import { inLangOrder, type SiteData } from './catalog.js';
import { categoryShortName, type Lang, t } from './i18n.js';
import { districtSegment } from './routes.js';

/**
 * The most products one PDF catalog holds. A printed catalog is for a meeting: a few hundred
 * products at most. A scope with more (the whole catalog or a category at national scale, where
 * one PDF grew past 100 MB and the build took tens of minutes) offers its spreadsheet only, and
 * the buyer prints a district's catalog.
 */
export const MAX_PDF_PRODUCTS = 300;

export interface TakeAway {
  /** URL segment: "all", a category slug ("food") or a district code ("kg-pq"). */
  scope: string;
  kind: 'all' | 'category' | 'district';
  title: Record<Lang, string>;
  products: Record<Lang, Product[]>;
  /** Whether a PDF is made: at most {@link MAX_PDF_PRODUCTS} products. */
  pdf: boolean;
}

const cache = new WeakMap<SiteData, TakeAway[]>();

/** Every take-away scope, computed once per build (category pages each ask). */
export function takeAways(data: SiteData): TakeAway[] {
  let list = cache.get(data);
  if (!list) {
    list = computeTakeAways(data);
    cache.set(data, list);
  }
  return list;
}

function computeTakeAways(data: SiteData): TakeAway[] {
  return scopesOf(data).map((scope) => ({ ...scope, pdf: scope.products.vi.length <= MAX_PDF_PRODUCTS }));
}

function scopesOf(data: SiteData): Omit<TakeAway, 'pdf'>[] {
  const inBoth = (list: Product[]) => ({ vi: inLangOrder(data, 'vi', list), en: inLangOrder(data, 'en', list) });
  const all: Omit<TakeAway, 'pdf'> = {
    scope: 'all',
    kind: 'all',
    title: { vi: t('vi').siteName, en: t('en').siteName },
    products: { vi: data.sorted.vi, en: data.sorted.en },
  };
  const categories = CATEGORIES.filter((c) => (data.byCategory.get(c.code) ?? []).length > 0).map(
    (c): Omit<TakeAway, 'pdf'> => ({
      scope: c.slug,
      kind: 'category',
      title: { vi: categoryShortName(c.code, 'vi'), en: categoryShortName(c.code, 'en') },
      products: inBoth(data.byCategory.get(c.code) ?? []),
    }),
  );
  const districts = data.districts
    .filter((d) => d.products.length > 0)
    .map(
      (d): Omit<TakeAway, 'pdf'> => ({
        scope: districtSegment(d.district.code),
        kind: 'district',
        title: { vi: d.district.fullName.vi, en: d.district.fullName.en },
        products: inBoth(d.products),
      }),
    );
  return [all, ...categories, ...districts];
}
