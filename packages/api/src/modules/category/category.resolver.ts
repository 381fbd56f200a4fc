import { CATEGORIES } from '@ocop/domain';
import { Arg, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { langOf, localized } from '../../graphql/language.js';
import { ProductService } from '../product/product.service.js';
import { Category } from './category.type.js';

@Resolver(() => Category)
export class CategoryResolver {
  @Extensions({ listSize: 6 })
  @Query(() => [Category], {
    description: 'The six product groups in the plan’s order, with certified product counts.',
  })
  async categories(@Ctx() ctx: Context): Promise<Category[]> {
    const counts = await new ProductService(ctx.em, ctx.today).publishedCountByCategory();
    return CATEGORIES.map((c) =>
      Object.assign(new Category(), { ...c, certifiedProductCount: counts.get(c.code) ?? 0 }),
    );
  }

  @FieldResolver(() => String, { description: 'Name of the group.' })
  name(
    @Root() category: Category,
    @Ctx() ctx: Context,
    @Arg('lang', () => LanguageEnum, { nullable: true, description: 'Overrides Accept-Language.' }) lang?: Lang,
  ): string {
    return localized(langOf(ctx, lang), category.nameVi, category.nameEn);
  }
}
