import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { type CategoryCode, DomainError, ERROR_CODES, type IsoDate } from '@ocop/domain';
import { dateOnly, type Row } from '../../db/rows.js';
import { regionDirectory, type RegionView } from '../region/region.reader.js';
import { computeProgress, type ProgressInput, type ProgressReport } from './program.progress.js';

/** The first year the OCOP programme ran, and the latest a report may reach. */
export const FIRST_PROGRAMME_YEAR = 2018;
export const LAST_REPORT_YEAR = 2100;
/** Longest report, in years: every year is a row for each district-level unit. */
export const MAX_YEARS = 30;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function badYear(message: string, field: string): DomainError {
  return DomainError.field(ERROR_CODES.VALIDATION_FAILED, message, field);
}

/** Reads what the progress report needs with three plain queries and the region tree, and computes it in memory. */
export class ProgramService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  async load(): Promise<ProgressInput> {
    const knex = this.em.getKnex();
    const [certificates, evaluations, regions, targets] = (await Promise.all([
      knex('certificate as c')
        .join('product as p', 'p.id', 'c.product_id')
        .whereNot('c.status', 'REVOKED')
        .select('c.product_id', 'c.stars', 'c.issued_on', 'p.category', 'p.region_id'),
      knex('evaluation')
        .where({ status: 'FINAL', council_level: 'PROVINCE', stars: 5 })
        .select('product_id', 'evaluated_on'),
      regionDirectory(this.em).then((directory) => directory.all),
      knex('program_target')
        .orderBy('code')
        .select(
          'code',
          'plan_ref',
          'description_vi',
          'description_en',
          'period_from',
          'period_to',
          'metric',
          'min_stars',
          'breakdown',
          'value_min',
          'value_max',
          'per_district_per_year',
        ),
    ])) as [Row[], Row[], RegionView[], Row[]];
    return {
      certificates: (certificates ?? []).map((c) => ({
        productId: Number(c.product_id),
        stars: Number(c.stars),
        issuedOn: dateOnly(c.issued_on) ?? '',
        category: String(c.category) as CategoryCode,
        regionId: Number(c.region_id),
      })),
      provincialFiveStar: (evaluations ?? []).map((e) => ({
        productId: Number(e.product_id),
        evaluatedOn: dateOnly(e.evaluated_on) ?? '',
      })),
      regions: regions.map((r) => ({
        id: r.id,
        code: r.code,
        nameVi: r.nameVi,
        nameEn: r.nameEn ?? null,
        level: r.level,
        kind: r.kind,
        parentId: r.parent?.id ?? null,
        successorId: r.successor?.id ?? null,
        validFrom: dateOnly(r.validFrom),
        validTo: dateOnly(r.validTo),
      })),
      targets: (targets ?? []).map((t) => ({
        code: String(t.code),
        planRef: String(t.plan_ref),
        descriptionVi: String(t.description_vi),
        descriptionEn: String(t.description_en),
        periodFrom: dateOnly(t.period_from) ?? '',
        periodTo: dateOnly(t.period_to) ?? '',
        metric: String(t.metric),
        minStars: num(t.min_stars),
        breakdown: t.breakdown == null ? null : String(t.breakdown),
        valueMin: Number(t.value_min),
        valueMax: Number(t.value_max),
        perDistrictPerYear: num(t.per_district_per_year),
      })),
    };
  }

  /**
   * Progress from `from` to `to` (years, both included). Without them the report covers the
   * plan: from the first to the last year any product target names.
   */
  async progress(from?: number | null, to?: number | null): Promise<ProgressReport> {
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value != null && (!Number.isInteger(value) || value < FIRST_PROGRAMME_YEAR || value > LAST_REPORT_YEAR)) {
        throw badYear(
          `\`${name}\` is a year from ${FIRST_PROGRAMME_YEAR} (the programme's first) to ${LAST_REPORT_YEAR}, such as 2021; got ${value}.`,
          name,
        );
      }
    }
    if (from != null && to != null && from > to) {
      throw badYear(`\`from\` (${from}) is after \`to\` (${to}): swap them.`, 'from');
    }
    const input = await this.load();
    const productTargets = input.targets.filter((t) => t.metric === 'CERTIFIED_PRODUCTS');
    const thisYear = Number(this.today.slice(0, 4));
    const planFrom = Math.min(...productTargets.map((t) => Number(t.periodFrom.slice(0, 4))), thisYear);
    const planTo =
      productTargets.length > 0 ? Math.max(...productTargets.map((t) => Number(t.periodTo.slice(0, 4)))) : thisYear;
    const start = from ?? (to != null ? Math.min(planFrom, to) : planFrom);
    const end = to ?? Math.max(planTo, start);
    if (end - start >= MAX_YEARS) {
      throw badYear(
        `A report covers at most ${MAX_YEARS} years; ask for ${start}–${start + MAX_YEARS - 1} first and then the rest.`,
        'to',
      );
    }
    return computeProgress(input, { from: start, to: end, asOf: this.today });
  }
}
