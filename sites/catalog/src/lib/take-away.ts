/**
 * The take-away catalogs the site offers: for the whole catalog, each category and each district,
 * in each language, a PDF to print and a spreadsheet for buyers (/catalogs/ocop-<scope>-<lang>.…).
 */
import { CATEGORIES } from '@ocop/domain';
import type { Product } from './api.js';
import { inLangOrder, type SiteData } from './catalog.js';
import { categoryShortName, type Lang, t } from './i18n.js';
import { districtSegment } from './routes.js';

export interface TakeAway {
  /** URL segment: "all", a category slug ("food") or a district code ("kg-pq"). */
  scope: string;
  kind: 'all' | 'category' | 'district';
  title: Record<Lang, string>;
  products: Record<Lang, Product[]>;
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
  const inBoth = (list: Product[]) => ({ vi: inLangOrder(data, 'vi', list), en: inLangOrder(data, 'en', list) });
  const all: TakeAway = {
    scope: 'all',
    kind: 'all',
    title: { vi: t('vi').siteName, en: t('en').siteName },
    products: { vi: data.sorted.vi, en: data.sorted.en },
  };
  const categories = CATEGORIES.filter((c) => (data.byCategory.get(c.code) ?? []).length > 0).map(
    (c): TakeAway => ({
      scope: c.slug,
      kind: 'category',
      title: { vi: categoryShortName(c.code, 'vi'), en: categoryShortName(c.code, 'en') },
      products: inBoth(data.byCategory.get(c.code) ?? []),
    }),
  );
  const districts = data.districts
    .filter((d) => d.products.length > 0)
    .map(
      (d): TakeAway => ({
        scope: districtSegment(d.district.code),
        kind: 'district',
        title: { vi: d.district.fullName.vi, en: d.district.fullName.en },
        products: inBoth(d.products),
      }),
    );
  return [all, ...categories, ...districts];
}
