import { type CategoryCode, categoryByCode } from '@ocop/domain';

/** The URL segment of a category: FOOD → 'food'. */
export function categorySlugOf(code: CategoryCode): string {
  return categoryByCode(code).slug;
}
