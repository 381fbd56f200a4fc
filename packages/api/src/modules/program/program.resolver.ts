import { categoryByCode } from '@ocop/domain';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { langOf, localized } from '../../graphql/language.js';
import type { ProgressReport } from './program.progress.js';
import { ProgramService } from './program.service.js';
import { BudgetFigure, ProgramProgress, ProgressCategory, ProgressDistrict, ProgressTarget } from './program.types.js';

/** The report in the GraphQL shape, with names and descriptions in one language. */
function present(report: ProgressReport, lang: Lang): ProgramProgress {
  return Object.assign(new ProgramProgress(), {
    ...report,
    districts: report.districts.map((d) =>
      Object.assign(new ProgressDistrict(), { ...d, name: localized(lang, d.nameVi, d.nameEn) }),
    ),
    categories: report.categories.map((c) => {
      const info = categoryByCode(c.category);
      return Object.assign(new ProgressCategory(), { ...c, name: localized(lang, info.nameVi, info.nameEn) });
    }),
    targets: report.targets.map((t) =>
      Object.assign(new ProgressTarget(), { ...t, description: localized(lang, t.descriptionVi, t.descriptionEn) }),
    ),
    budget: report.budget.map((b) =>
      Object.assign(new BudgetFigure(), { ...b, description: localized(lang, b.descriptionVi, b.descriptionEn) }),
    ),
  });
}

@Resolver()
export class ProgramResolver {
  @Query(() => ProgramProgress, {
    description:
      'Progress of the OCOP programme against its plan’s targets, for official reports: certified products by year, district-level unit, product group and stars, with the share of each target reached, and the plan’s budget. Public: counts only.',
  })
  programProgress(
    @Ctx() ctx: Context,
    @Arg('from', () => Int, {
      nullable: true,
      description: 'First year to cover (2018 or later); by default the first year of the plan’s targets (2020).',
    })
    from?: number | null,
    @Arg('to', () => Int, {
      nullable: true,
      description:
        'Last year to cover, at most 30 years after `from`; by default the last year of the plan’s targets (2025).',
    })
    to?: number | null,
    @Arg('lang', () => LanguageEnum, {
      nullable: true,
      description: 'Language of names and descriptions; overrides Accept-Language.',
    })
    lang?: Lang | null,
  ): Promise<ProgramProgress> {
    return new ProgramService(ctx.em, ctx.today).progress(from, to).then((r) => present(r, langOf(ctx, lang)));
  }
}
