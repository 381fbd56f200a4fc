import { DomainError, ERROR_CODES } from '@ocop/domain';
import {
  CATEGORIES,
  CERTIFICATION_SCHEME_INFO,
  CERTIFICATION_SCHEMES,
  type Category as CategoryInfo,
  categoryByCode,
  isTradeEmpty,
  normalizeTrade,
  PRODUCER_TYPE_INFO,
  PRODUCER_TYPES,
} from '@ocop/domain';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { loadRef } from '../../db/rows.js';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { encodeId } from '../../graphql/ids.js';
import { langArg, langOf, localized } from '../../graphql/language.js';
import { type ConnectionShape, type PageArgs, pageWindow, toConnection } from '../../graphql/pagination.js';
import { Category } from '../category/category.type.js';
import { Certificate } from '../certificate/certificate.entity.js';
import type { CertificateView } from '../certificate/certificate.reader.js';
import { Producer } from '../producer/producer.entity.js';
import type { ProducerView } from '../producer/producer.reader.js';
import { Region } from '../region/region.entity.js';
import type { RegionView } from '../region/region.reader.js';
import { RegionService } from '../region/region.service.js';
import { MAX_IMAGES } from './product.admin.service.js';
import { Product } from './product.entity.js';
import { ProductFilter, ProductOrder } from './product.inputs.js';
import type { OrderDirection, ProductOrderField, ProductView } from './product.reader.js';
import { DEFAULT_RELATED, MAX_RELATED, ProductService } from './product.service.js';
import { ProductTrade } from './product.trade.types.js';
import { FacetCount, ProductConnection, ProductFacets, ProductImage } from './product.types.js';

@ArgsType()
export class ConnectionArgs implements PageArgs {
  @Field(() => Int, { nullable: true, description: 'Items after `after`, at most 100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after (`pageInfo.endCursor`).' })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Items before `before`, at most 100.' })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Cursor to continue before (`pageInfo.startCursor`).' })
  before?: string;
}

@ArgsType()
class ProductsArgs extends ConnectionArgs {
  @Field(() => ProductFilter, { nullable: true, description: 'Conditions every result must meet.' })
  filter?: ProductFilter;

  @Field(() => String, {
    nullable: true,
    description:
      'Words to find, typed with or without Vietnamese diacritics ("nuoc mam"), with a typo ("khoo muc"), as raw Telex or VNI keystrokes ("xoaif saays", "xoa2i sa61y"), run together ("banhtrang") or as a certificate number (which finds the product it certifies). Every word must be found in the names, producer, place, description or story; the last word also matches longer words unless the text ends in a space. With RELEVANCE: a name that is exactly the words first, then names holding them in order, in any order, then with producer and place, then description; ties by stars; readings that changed what was typed rank below exact ones (`searchSuggestions` says what was read). At most 200 characters.',
  })
  search?: string;

  @Field(() => ProductOrder, {
    nullable: true,
    description: 'Sort order; by default RELEVANCE when searching, else NAME.',
  })
  orderBy?: ProductOrder;
}

@ArgsType()
class FacetsArgs {
  @Field(() => ProductFilter, { nullable: true, description: 'The filter the buyer has chosen so far.' })
  filter?: ProductFilter;

  @Field(() => String, { nullable: true, description: 'The search text, read as `products(search:)` reads it.' })
  search?: string;
}

function defaultDirection(field: ProductOrderField): OrderDirection {
  return field === 'NAME' ? 'ASC' : 'DESC';
}

function facetCount(value: string, labelVi: string, labelEn: string, count: number): FacetCount {
  return Object.assign(new FacetCount(), { value, labelVi, labelEn, count });
}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, {
    description:
      'Published products: those with a certificate of 3★ or more valid today. Filter, search without diacritics, sort, and page through them.',
  })
  async products(
    @Ctx() ctx: Context,
    @Args(() => ProductsArgs) args: ProductsArgs,
  ): Promise<ConnectionShape<ProductView>> {
    const service = new ProductService(ctx.em, ctx.today);
    const search = await service.prepare(args.filter, args.search);
    const field = args.orderBy?.field ?? (search.text ? 'RELEVANCE' : 'NAME');
    const direction = args.orderBy?.direction ?? defaultDirection(field);
    const ordering = `${field}:${direction}`;
    const total = await service.count(search);
    return toConnection(pageWindow(args, ordering, total), ordering, total, (window) =>
      service.list({ ...search, order: { field, direction }, ...window }),
    );
  }

  @Query(() => Product, {
    nullable: true,
    description: 'A published product by slug; null when none is published under it.',
  })
  product(@Ctx() ctx: Context, @Arg('slug', () => String, { description: 'The product’s slug.' }) slug: string) {
    return new ProductService(ctx.em, ctx.today).publishedBySlug(slug.trim().toLowerCase());
  }

  @Query(() => ProductFacets, { description: 'Result counts per category, stars, region and producer type.' })
  async facets(@Ctx() ctx: Context, @Args(() => FacetsArgs) args: FacetsArgs): Promise<ProductFacets> {
    const service = new ProductService(ctx.em, ctx.today);
    const search = await service.prepare(args.filter, args.search);
    const [f, regions] = await Promise.all([
      service.facets(search),
      new RegionService(ctx.em, ctx.today).facet(search),
    ]);
    const count = (rows: { value: string; count: number }[], value: string) =>
      rows.find((r) => r.value === value)?.count ?? 0;
    return Object.assign(new ProductFacets(), {
      totalCount: f.totalCount,
      categories: CATEGORIES.map((c) => facetCount(c.code, c.nameVi, c.nameEn, count(f.categories, c.code))),
      stars: ['5', '4', '3'].map((s) => facetCount(s, `${s} sao`, `${s} stars`, count(f.stars, s))),
      regions: regions.map(({ region, count: n }) =>
        facetCount(region.code, region.nameVi, region.nameEn ?? region.nameVi, n),
      ),
      producerTypes: PRODUCER_TYPES.map((t) =>
        facetCount(t, PRODUCER_TYPE_INFO[t].nameVi, PRODUCER_TYPE_INFO[t].nameEn, count(f.producerTypes, t)),
      ),
      certifications: CERTIFICATION_SCHEMES.map((s) =>
        facetCount(
          s,
          CERTIFICATION_SCHEME_INFO[s].nameVi,
          CERTIFICATION_SCHEME_INFO[s].nameEn,
          count(f.certifications, s),
        ),
      ),
      exportReady: f.exportReady,
    });
  }

  @FieldResolver(() => ID, { description: 'Opaque global ID (Relay).' })
  id(@Root() product: Product): string {
    return encodeId('Product', product.id);
  }

  @FieldResolver(() => String, { description: 'Product name; falls back to Vietnamese where no translation exists.' })
  name(@Root() p: ProductView, @Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    return localized(langOf(ctx, lang), p.nameVi, p.nameEn);
  }

  @FieldResolver(() => String, { description: 'What the product is; falls back to Vietnamese.' })
  description(
    @Root() p: ProductView,
    @Ctx() ctx: Context,
    @Arg('lang', () => LanguageEnum, langArg) lang?: Lang,
  ): string {
    return localized(langOf(ctx, lang), p.descriptionVi, p.descriptionEn);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The story behind the product, when told; falls back to Vietnamese.',
  })
  story(
    @Root() p: ProductView,
    @Ctx() ctx: Context,
    @Arg('lang', () => LanguageEnum, langArg) lang?: Lang,
  ): string | null {
    return p.storyVi ? localized(langOf(ctx, lang), p.storyVi, p.storyEn) : null;
  }

  @FieldResolver(() => Boolean, { description: 'True when `name`, `description` and `story` exist in English.' })
  hasEnglish(@Root() p: ProductView): boolean {
    return Boolean(p.nameEn && p.descriptionEn && (!p.storyVi || p.storyEn));
  }

  @FieldResolver(() => Category, { description: 'The product group with its names and counts.' })
  async categoryInfo(@Root() p: ProductView, @Ctx() ctx: Context): Promise<Category> {
    const counts = await ctx.memo('categoryCounts', () =>
      new ProductService(ctx.em, ctx.today).publishedCountByCategory(),
    );
    const info = categoryByCode(p.category) as CategoryInfo;
    return Object.assign(new Category(), { ...info, certifiedProductCount: counts.get(p.category) ?? 0 });
  }

  @Extensions({ listSize: MAX_IMAGES })
  @FieldResolver(() => [ProductImage], { description: 'Photos, best first; empty when none were supplied.' })
  images(@Root() p: ProductView): ProductImage[] {
    return p.images.map((image) => Object.assign(new ProductImage(), image));
  }

  @FieldResolver(() => ProductTrade, {
    nullable: true,
    description: 'What a trade buyer needs before asking for a quote; null when the producer gave none.',
  })
  trade(
    @Root() p: ProductView,
    @Ctx() ctx: Context,
    @Arg('lang', () => LanguageEnum, {
      nullable: true,
      description: 'Language of every text inside (a text’s own `lang` overrides it); else Accept-Language.',
    })
    lang?: Lang,
  ): ProductTrade | null {
    if (isTradeEmpty(p.trade)) return null;
    return Object.assign(new ProductTrade(), { value: normalizeTrade(p.trade), today: ctx.today, lang });
  }

  @FieldResolver(() => Producer, { description: 'Who makes the product.' })
  async producer(@Root() p: ProductView, @Ctx() ctx: Context): Promise<ProducerView> {
    return loadRef(ctx.loaders.producer, 'Producer', p.producer, `product ${p.id}`);
  }

  @FieldResolver(() => Region, { description: 'The district-level or commune-level unit the product comes from.' })
  async region(@Root() p: ProductView, @Ctx() ctx: Context): Promise<RegionView> {
    return loadRef(ctx.loaders.region, 'Region', p.region, `product ${p.id}`);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description:
      'The district-level unit (or, after 2025, the commune directly under the province) the product belongs to.',
  })
  async district(@Root() p: ProductView, @Ctx() ctx: Context): Promise<RegionView | undefined> {
    return new RegionService(ctx.em, ctx.today).districtOf(p.region.id);
  }

  @FieldResolver(() => Certificate, { nullable: true, description: 'The certificate valid today.' })
  certificate(@Root() p: ProductView, @Ctx() ctx: Context): Promise<CertificateView | undefined> {
    return ctx.loaders.activeCertificate.load(p.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Stars of the certificate valid today (3–5).' })
  async stars(@Root() p: ProductView, @Ctx() ctx: Context): Promise<number | null> {
    if (p.stars !== undefined) return p.stars;
    return (await ctx.loaders.activeCertificate.load(p.id))?.stars ?? null;
  }

  @Extensions({ listSize: DEFAULT_RELATED })
  @FieldResolver(() => [Product], {
    description: 'Other published products of the same group, from the same district first, then by stars.',
  })
  async related(
    @Root() p: ProductView,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1–20 (default 4).' }) first?: number,
  ): Promise<ProductView[]> {
    const limit = first ?? DEFAULT_RELATED;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RELATED) {
      throw DomainError.argument(
        ERROR_CODES.PAGE_SIZE_TOO_LARGE,
        `\`related(first: ${first})\` is out of range: ask for 1 to ${MAX_RELATED} related products.`,
        'first',
      );
    }
    const district = await this.district(p, ctx);
    return new ProductService(ctx.em, ctx.today).related(p, district, limit);
  }
}
