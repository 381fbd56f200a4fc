import { regionFullName } from '@ocop/domain';
import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { encodeId } from '../../graphql/ids.js';
import { langArg, langOf, localized } from '../../graphql/language.js';
import { Region } from './region.entity.js';
import type { RegionView } from './region.reader.js';
import { RegionService } from './region.service.js';

/** Counts for every region, computed once per request however many regions ask. */
export function regionCounts(ctx: Context): Promise<Map<number, number>> {
  return ctx.memo('regionCounts', async () => (await new RegionService(ctx.em, ctx.today).certifiedCounts()).byId);
}

@Resolver(() => Region)
export class RegionResolver {
  @Extensions({ listSize: 10 })
  @Query(() => [Region], {
    description:
      'Provinces (with their districts and communes under `children`), including historical ones such as Kiên Giang before its 2025 merger into An Giang.',
  })
  async regions(@Ctx() ctx: Context): Promise<RegionView[]> {
    return new RegionService(ctx.em, ctx.today).roots();
  }

  @Query(() => Region, {
    nullable: true,
    description: 'A region by its code, e.g. "KG-PQ"; null when no region has it.',
  })
  async region(
    @Ctx() ctx: Context,
    @Arg('code', () => String, { description: 'Region code.' }) code: string,
  ): Promise<RegionView | null> {
    return (await new RegionService(ctx.em, ctx.today).byCode(code.trim().toUpperCase())) ?? null;
  }

  @FieldResolver(() => ID, { description: 'Opaque global ID (Relay).' })
  id(@Root() region: RegionView): string {
    return encodeId('Region', region.id);
  }

  @FieldResolver(() => String, { description: 'Short name, e.g. "Phú Quốc".' })
  name(@Root() r: RegionView, @Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    return localized(langOf(ctx, lang), r.nameVi, r.nameEn);
  }

  @FieldResolver(() => String, { description: 'Name with its kind, e.g. "Thành phố Phú Quốc" or "Phú Quốc City".' })
  fullName(@Root() r: RegionView, @Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    const l = langOf(ctx, lang);
    return regionFullName(r.kind, localized(l, r.nameVi, r.nameEn), l);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The unit this one belongs to; null for a province.' })
  async parent(@Root() r: RegionView, @Ctx() ctx: Context): Promise<RegionView | undefined> {
    return r.parent ? ctx.loaders.region.load(r.parent.id) : undefined;
  }

  // The typical number of units under a unit (15 district-level units in Kiên Giang, about ten
  // communes under each); the region tree is served from memory.
  @Extensions({ listSize: 8 })
  @FieldResolver(() => [Region], { description: 'Units directly under this one, in name order.' })
  children(@Root() r: RegionView, @Ctx() ctx: Context): Promise<RegionView[]> {
    return ctx.loaders.regionChildren.load(r.id);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'For a unit that was merged away, the unit that took it over (Kiên Giang → An Giang).',
  })
  async successor(@Root() r: RegionView, @Ctx() ctx: Context): Promise<RegionView | undefined> {
    return r.successor ? ctx.loaders.region.load(r.successor.id) : undefined;
  }

  @FieldResolver(() => Int, { description: 'Published products from this unit and everything under it.' })
  async certifiedProductCount(@Root() r: RegionView, @Ctx() ctx: Context): Promise<number> {
    return (await regionCounts(ctx)).get(r.id) ?? 0;
  }
}
