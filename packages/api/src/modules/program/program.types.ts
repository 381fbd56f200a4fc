import type { CategoryCode, RegionKind } from '@ocop/domain';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CategoryCodeEnum, describedEnum, RegionKindEnum } from '../../graphql/enums.js';
import type { BudgetPart, ProgressMetric } from './program.progress.js';

/**
 * The GraphQL shape of the programme progress report. Counts only: no product, producer or
 * score is named, so the report is public. What each count means is stated once here and in
 * program.progress.ts, which computes it.
 */

const CERTIFIED =
  'products certified in the period: holding a certificate of 3★ or more issued in it (not later than `asOf`) and not revoked since; each product counts once however many certificates it got';

export const ProgramMetricEnum = describedEnum<ProgressMetric>('ProgramMetric', 'What a target of the plan measures.', {
  CERTIFIED_PRODUCTS:
    'Products certified at `minStars` or more during the target’s period (for 5★ also products the provincial council rated 5★, i.e. 90 points or more: Plan 118’s "5★ at provincial level").',
  TRAINED_PERCENT:
    'Share of OCOP officials and participating producers trained, in percent; the catalog holds no training records, so it is not measured.',
});

export const BudgetPartEnum = describedEnum<BudgetPart>('BudgetPart', 'Which part of the plan’s budget a figure is.', {
  TOTAL: 'The whole budget of the period.',
  STATE: 'State budget (vốn ngân sách nhà nước).',
  PARTICIPANTS: 'Participants’ own funds and other sources (vốn của các chủ thể và huy động khác).',
});

@ObjectType({ simpleResolvers: true, description: 'How many products reached a star rating.' })
export class ProgressStars {
  @Field(() => Int, { description: 'Stars: 3, 4 or 5.' })
  stars!: number;

  @Field(() => Int, { description: 'Products whose highest certificate in the period has this many stars.' })
  products!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One calendar year of the programme.' })
export class ProgressYear {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, {
    description: `Products certified that year: ${CERTIFIED}. A product renewed that year counts again.`,
  })
  certifiedProducts!: number;

  @Field(() => Int, { description: 'Products whose first certificate (of those not revoked) was issued that year.' })
  newProducts!: number;

  @Field(() => Int, {
    description:
      'Products that reached 5★ that year: a 5★ certificate issued that year, or a FINAL provincial evaluation of 5★ (90 points or more) that year.',
  })
  fiveStarProducts!: number;

  @Field(() => [ProgressStars], { description: 'That year’s certified products by their highest stars that year.' })
  stars!: ProgressStars[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Lower end of a target the plan sets for this calendar year alone (3★ or more), e.g. 4 for 2020; null if none.',
  })
  targetMin!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of that target, e.g. 5 for 2020; null if none.' })
  targetMax!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'One year of one district-level unit.' })
export class ProgressDistrictYear {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'Products of the unit certified that year (a renewal counts again).' })
  certifiedProducts!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'The plan’s target per district-level unit for that year (Plan 118: about 8 in 2021–2025); null when the plan sets none, the unit did not exist that year, or the year is after `asOf`.',
  })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'certifiedProducts / target (1 = 100%); null without a target.' })
  share!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Progress of one district-level unit (district, provincial city or town). A product counts for the unit its region is in; one in a commune-level unit created in 2025 counts for the unit it succeeded (e.g. Phú Quốc special zone → Phú Quốc city).',
})
export class ProgressDistrict {
  @Field(() => String, {
    nullable: true,
    description: 'Region code, e.g. "KG-PQ"; null for products under no district-level unit.',
  })
  code!: string | null;

  @Field(() => String, { description: 'Name of the unit, in the language asked for.' })
  name!: string;

  @Field(() => RegionKindEnum, {
    nullable: true,
    description: 'Kind of unit (city, district, town); null for the "no unit" row.',
  })
  kind!: RegionKind | null;

  @Field(() => Int, { description: `The unit's ${CERTIFIED}.` })
  certifiedProducts!: number;

  @Field(() => Float, { nullable: true, description: 'Sum of the yearly targets over the period; null without any.' })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'certifiedProducts / target (1 = 100%); null without a target.' })
  share!: number | null;

  @Field(() => [ProgressDistrictYear], { description: 'Year by year, from `from` to `to`.' })
  years!: ProgressDistrictYear[];
}

@ObjectType({ simpleResolvers: true, description: 'One year of one product group.' })
export class ProgressCategoryYear {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'Products of the group certified that year (a renewal counts again).' })
  certifiedProducts!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Progress of one of the six product groups.' })
export class ProgressCategory {
  @Field(() => CategoryCodeEnum, { description: 'The product group.' })
  category!: CategoryCode;

  @Field(() => String, { description: 'Name of the group, in the language asked for.' })
  name!: string;

  @Field(() => Int, { description: `The group's ${CERTIFIED}.` })
  certifiedProducts!: number;

  @Field(() => [ProgressCategoryYear], { description: 'Year by year, from `from` to `to`.' })
  years!: ProgressCategoryYear[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A target of the plan (stored as data in program_target) and how far the catalog shows it reached. It is counted over the target’s own period, up to `asOf`, whatever years the report covers.',
})
export class ProgressTarget {
  @Field(() => String, { description: 'Stable code, e.g. "PLAN118_2021_2025_CERTIFIED".' })
  code!: string;

  @Field(() => String, { description: 'The plan that sets it, e.g. "118/KH-UBND".' })
  planRef!: string;

  @Field(() => String, { description: 'The target as the plan words it, in the language asked for.' })
  description!: string;

  @Field(() => String, { description: 'First day of the target’s period (ISO date).' })
  periodFrom!: string;

  @Field(() => String, { description: 'Last day of the target’s period (ISO date).' })
  periodTo!: string;

  @Field(() => String, {
    description: 'Last day counted (ISO date): the end of the period, or `asOf` if that is earlier.',
  })
  countedTo!: string;

  @Field(() => ProgramMetricEnum, { description: 'What the target measures.' })
  metric!: ProgressMetric;

  @Field(() => Int, { nullable: true, description: 'For product targets: the fewest stars that count (3 or 5).' })
  minStars!: number | null;

  @Field(() => Float, { description: 'The target; for a range such as "4–5 products", its lower end.' })
  targetMin!: number;

  @Field(() => Float, { description: 'Upper end of a range target; equal to targetMin otherwise.' })
  targetMax!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The same target per district-level unit per year, when the plan states it so (Plan 118: about 8).',
  })
  perDistrictPerYear!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Distinct products certified at minStars or more in the period (for 5★: or rated 5★ by the provincial council); null when the catalog cannot measure the target (training).',
  })
  achieved!: number | null;

  @Field(() => Float, { nullable: true, description: 'achieved / targetMin (1 = 100%); null when not measured.' })
  share!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether achieved has reached targetMin; null when not measured.',
  })
  reached!: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A budget figure of the plan, in million VND, as the plan reports it (not spending).',
})
export class BudgetFigure {
  @Field(() => String, { description: 'Stable code, e.g. "PLAN118_2020_BUDGET_STATE".' })
  code!: string;

  @Field(() => String, { description: 'The plan that sets it, e.g. "118/KH-UBND".' })
  planRef!: string;

  @Field(() => String, { description: 'What the figure is, in the language asked for.' })
  description!: string;

  @Field(() => String, { description: 'First day of the budget’s period (ISO date).' })
  periodFrom!: string;

  @Field(() => String, { description: 'Last day of the budget’s period (ISO date).' })
  periodTo!: string;

  @Field(() => BudgetPartEnum, { description: 'The whole budget or one of its two sources.' })
  part!: BudgetPart;

  @Field(() => Float, { description: 'Amount in million VND (triệu đồng).' })
  amountMillionVnd!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Progress of the provincial OCOP programme against its plan (Plan 118/KH-UBND of Kiên Giang): certified products by year, district-level unit, product group and stars, each target with the share reached, and the budget figures. Counts only.',
})
export class ProgramProgress {
  @Field(() => Int, { description: 'First year covered.' })
  from!: number;

  @Field(() => Int, { description: 'Last year covered.' })
  to!: number;

  @Field(() => String, {
    description: 'The day the report describes (ISO date, today in Vietnam): nothing later is counted.',
  })
  asOf!: string;

  @Field(() => Int, { description: `All ${CERTIFIED}.` })
  certifiedProducts!: number;

  @Field(() => Int, {
    description: 'Products whose first certificate (of those not revoked) was issued in the period.',
  })
  newProducts!: number;

  @Field(() => Int, {
    description:
      'Products that reached 5★ in the period: a 5★ certificate, or a FINAL provincial evaluation of 5★ (Plan 118’s "5★ at provincial level").',
  })
  fiveStarProducts!: number;

  @Field(() => [ProgressStars], { description: 'The period’s certified products by their highest stars in it.' })
  stars!: ProgressStars[];

  @Field(() => [ProgressYear], { description: 'Year by year, from `from` to `to`.' })
  years!: ProgressYear[];

  @Field(() => [ProgressDistrict], {
    description:
      'Every district-level unit that existed in the period, in Vietnamese name order, then products under none.',
  })
  districts!: ProgressDistrict[];

  @Field(() => [ProgressCategory], { description: 'The six product groups, in the plan’s order.' })
  categories!: ProgressCategory[];

  @Field(() => [ProgressTarget], { description: 'The plan’s targets whose period overlaps the report’s years.' })
  targets!: ProgressTarget[];

  @Field(() => [BudgetFigure], { description: 'The plan’s budget figures whose period overlaps the report’s years.' })
  budget!: BudgetFigure[];
}
