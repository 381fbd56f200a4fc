import {
  CATEGORIES,
  type CategoryCode,
  compareIsoDates,
  compareVietnamese,
  type IsoDate,
  type RegionKind,
  type RegionLevel,
} from '@ocop/domain';

/**
 * The programme's progress against its plan, computed from plain rows so the rules can be
 * tested without a database. What is counted, precisely:
 *
 * - A product is **certified in a year** when it holds a certificate (3★, 4★ or 5★) issued that
 *   calendar year, not later than the day of the report, and not revoked since. A renewal counts
 *   the product again in the year of the renewal; over several years each product counts once.
 * - A product is **new** in the year of its first such certificate.
 * - Its **stars** over a period are the most it was certified with in that period.
 * - A product **reaches 5★** in a period with a 5★ certificate issued then, or with a FINAL
 *   provincial evaluation of 5★ (90 points or more) then: Plan 118 counts "5★ at provincial
 *   level", the province's shortlist for the central council.
 * - Its **district** is the district-level unit its region is in; a commune-level unit created
 *   in 2025 counts for the district-level unit it succeeded (Phú Quốc special zone → Phú Quốc
 *   city); a product under neither has no district.
 */

export interface CertificateFact {
  productId: number;
  stars: number;
  issuedOn: IsoDate;
  category: CategoryCode;
  regionId: number;
}

export interface RegionFact {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  level: RegionLevel;
  kind: RegionKind;
  parentId: number | null;
  successorId: number | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

/** What names a line of the plan: its code, the plan it comes from, what it says, its period. */
export interface PlanLine {
  code: string;
  planRef: string;
  descriptionVi: string;
  descriptionEn: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
}

export interface TargetFact extends PlanLine {
  metric: string;
  minStars: number | null;
  breakdown: string | null;
  valueMin: number;
  valueMax: number;
  perDistrictPerYear: number | null;
}

export interface ProgressInput {
  /** Certificates that were not revoked, with their product's category and region. */
  certificates: CertificateFact[];
  /** FINAL provincial evaluations of 5★: the province's 5★ shortlist. */
  provincialFiveStar: { productId: number; evaluatedOn: IsoDate }[];
  regions: RegionFact[];
  targets: TargetFact[];
}

export interface StarsCount {
  stars: number;
  products: number;
}

export interface YearProgress {
  year: number;
  certifiedProducts: number;
  newProducts: number;
  fiveStarProducts: number;
  stars: StarsCount[];
  /** A target set for this calendar year alone (Plan 118's 2020 target), if any. */
  targetMin: number | null;
  targetMax: number | null;
}

export interface DistrictYear {
  year: number;
  certifiedProducts: number;
  target: number | null;
  share: number | null;
}

export interface DistrictProgress {
  code: string | null;
  nameVi: string;
  nameEn: string | null;
  kind: RegionKind | null;
  certifiedProducts: number;
  target: number | null;
  share: number | null;
  years: DistrictYear[];
}

export interface CategoryProgress {
  category: CategoryCode;
  certifiedProducts: number;
  years: { year: number; certifiedProducts: number }[];
}

export const PROGRESS_METRICS = ['CERTIFIED_PRODUCTS', 'TRAINED_PERCENT'] as const;
export type ProgressMetric = (typeof PROGRESS_METRICS)[number];

export interface TargetProgress extends PlanLine {
  metric: ProgressMetric;
  minStars: number | null;
  targetMin: number;
  targetMax: number;
  perDistrictPerYear: number | null;
  /** Last day counted: the end of the period, or the report's day if earlier. */
  countedTo: IsoDate;
  achieved: number | null;
  share: number | null;
  reached: boolean | null;
}

export const BUDGET_PARTS = ['TOTAL', 'STATE', 'PARTICIPANTS'] as const;
export type BudgetPart = (typeof BUDGET_PARTS)[number];

export interface BudgetFigure extends PlanLine {
  part: BudgetPart;
  amountMillionVnd: number;
}

export interface ProgressReport {
  from: number;
  to: number;
  asOf: IsoDate;
  certifiedProducts: number;
  newProducts: number;
  fiveStarProducts: number;
  stars: StarsCount[];
  years: YearProgress[];
  districts: DistrictProgress[];
  categories: CategoryProgress[];
  targets: TargetProgress[];
  budget: BudgetFigure[];
}

const CERTIFIED_STARS = [3, 4, 5];

const yearOf = (d: IsoDate) => Number(d.slice(0, 4));
const inPeriod = (d: IsoDate, from: IsoDate, to: IsoDate) =>
  compareIsoDates(d, from) >= 0 && compareIsoDates(d, to) <= 0;
const minDate = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) <= 0 ? a : b);
const ratio = (achieved: number, target: number | null) =>
  target === null || target <= 0 ? null : Math.round((achieved / target) * 10_000) / 10_000;

/** The plan line a target row names (its other fields are the target's, not reported as such). */
function planLine(t: TargetFact): PlanLine {
  return {
    code: t.code,
    planRef: t.planRef,
    descriptionVi: t.descriptionVi,
    descriptionEn: t.descriptionEn,
    periodFrom: t.periodFrom,
    periodTo: t.periodTo,
  };
}

/** Did the unit exist at some time during `year`? Unknown dates mean "yes". */
function existedIn(region: RegionFact, year: number): boolean {
  return (
    (region.validFrom === null || yearOf(region.validFrom) <= year) &&
    (region.validTo === null || yearOf(region.validTo) >= year)
  );
}

/** region id → its district-level unit, following parents and, failing that, predecessors. */
function districtResolver(regions: RegionFact[]): (regionId: number) => RegionFact | undefined {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const predecessorOf = new Map<number, RegionFact>();
  for (const r of regions) {
    if (r.level === 'DISTRICT' && r.successorId !== null) predecessorOf.set(r.successorId, r);
  }
  const cache = new Map<number, RegionFact | undefined>();
  return (regionId) => {
    if (cache.has(regionId)) return cache.get(regionId);
    let found: RegionFact | undefined;
    const seen = new Set<number>();
    for (let r = byId.get(regionId); r && !seen.has(r.id); r = r.parentId === null ? undefined : byId.get(r.parentId)) {
      seen.add(r.id);
      if (r.level === 'DISTRICT') {
        found = r;
        break;
      }
      const predecessor = predecessorOf.get(r.id);
      if (predecessor) {
        found = predecessor;
        break;
      }
    }
    cache.set(regionId, found);
    return found;
  };
}

/** Distinct products per key, with the most stars each reached. */
class ProductSet {
  private readonly stars = new Map<number, number>();

  add(productId: number, stars: number): void {
    this.stars.set(productId, Math.max(this.stars.get(productId) ?? 0, stars));
  }

  get size(): number {
    return this.stars.size;
  }

  byStars(): StarsCount[] {
    return CERTIFIED_STARS.map((s) => ({ stars: s, products: [...this.stars.values()].filter((v) => v === s).length }));
  }
}

export function computeProgress(
  input: ProgressInput,
  range: { from: number; to: number; asOf: IsoDate },
): ProgressReport {
  const { from, to, asOf } = range;
  const start = `${String(from).padStart(4, '0')}-01-01`;
  const end = minDate(`${String(to).padStart(4, '0')}-12-31`, asOf);
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const certificates = input.certificates.filter((c) => compareIsoDates(c.issuedOn, asOf) <= 0);
  const fiveStarEvaluations = input.provincialFiveStar.filter((e) => compareIsoDates(e.evaluatedOn, asOf) <= 0);

  const firstYear = new Map<number, number>();
  for (const c of certificates) {
    const y = yearOf(c.issuedOn);
    if (!firstYear.has(c.productId) || y < (firstYear.get(c.productId) ?? y)) firstYear.set(c.productId, y);
  }
  const districtOf = districtResolver(input.regions);
  const inRange = certificates.filter((c) => inPeriod(c.issuedOn, start, end));

  const all = new ProductSet();
  const perYear = new Map<number, ProductSet>(years.map((y) => [y, new ProductSet()]));
  const fiveStarPerYear = new Map<number, Set<number>>(years.map((y) => [y, new Set()]));
  const fiveStarAll = new Set<number>();
  const perCategory = new Map<CategoryCode, ProductSet>();
  const perCategoryYear = new Map<string, Set<number>>();
  const perDistrict = new Map<number | null, ProductSet>();
  const perDistrictYear = new Map<string, Set<number>>();
  const addTo = <K>(map: Map<K, Set<number>>, key: K, id: number) => {
    const set = map.get(key);
    if (set) set.add(id);
    else map.set(key, new Set([id]));
  };

  for (const c of inRange) {
    const y = yearOf(c.issuedOn);
    const district = districtOf(c.regionId)?.id ?? null;
    all.add(c.productId, c.stars);
    perYear.get(y)?.add(c.productId, c.stars);
    if (c.stars === 5) {
      fiveStarPerYear.get(y)?.add(c.productId);
      fiveStarAll.add(c.productId);
    }
    if (!perCategory.has(c.category)) perCategory.set(c.category, new ProductSet());
    perCategory.get(c.category)?.add(c.productId, c.stars);
    addTo(perCategoryYear, `${c.category}:${y}`, c.productId);
    if (!perDistrict.has(district)) perDistrict.set(district, new ProductSet());
    perDistrict.get(district)?.add(c.productId, c.stars);
    addTo(perDistrictYear, `${district}:${y}`, c.productId);
  }
  for (const e of fiveStarEvaluations) {
    if (!inPeriod(e.evaluatedOn, start, end)) continue;
    fiveStarPerYear.get(yearOf(e.evaluatedOn))?.add(e.productId);
    fiveStarAll.add(e.productId);
  }

  const certifiedTargets = input.targets.filter((t) => t.metric === 'CERTIFIED_PRODUCTS');
  const yearTarget = (year: number) =>
    certifiedTargets.find(
      (t) => (t.minStars ?? 3) <= 3 && t.periodFrom === `${year}-01-01` && t.periodTo === `${year}-12-31`,
    );
  const perDistrictTarget = (year: number) =>
    certifiedTargets.find(
      (t) => t.perDistrictPerYear !== null && yearOf(t.periodFrom) <= year && yearOf(t.periodTo) >= year,
    )?.perDistrictPerYear ?? null;

  const yearRows: YearProgress[] = years.map((year) => {
    const set = perYear.get(year) ?? new ProductSet();
    const target = yearTarget(year);
    return {
      year,
      certifiedProducts: set.size,
      newProducts: [...firstYear.values()].filter((y) => y === year).length,
      fiveStarProducts: fiveStarPerYear.get(year)?.size ?? 0,
      stars: set.byStars(),
      targetMin: target?.valueMin ?? null,
      targetMax: target?.valueMax ?? null,
    };
  });

  const rangeStartYear = from;
  const rangeEndYear = yearOf(end);
  const districtUnits = input.regions.filter(
    (r) => r.level === 'DISTRICT' && (years.some((y) => existedIn(r, y)) || perDistrict.has(r.id)),
  );
  const districtRow = (unit: RegionFact | null): DistrictProgress => {
    const key = unit?.id ?? null;
    const rows: DistrictYear[] = years.map((year) => {
      const count = perDistrictYear.get(`${key}:${year}`)?.size ?? 0;
      const perYearTarget = unit && existedIn(unit, year) && year <= rangeEndYear ? perDistrictTarget(year) : null;
      return { year, certifiedProducts: count, target: perYearTarget, share: ratio(count, perYearTarget) };
    });
    const targets = rows.map((r) => r.target).filter((t): t is number => t !== null);
    const target = targets.length > 0 ? targets.reduce((a, b) => a + b, 0) : null;
    const certified = perDistrict.get(key)?.size ?? 0;
    return {
      code: unit?.code ?? null,
      nameVi: unit?.nameVi ?? 'Không thuộc đơn vị cấp huyện nào',
      nameEn: unit ? unit.nameEn : 'No district-level unit',
      kind: unit?.kind ?? null,
      certifiedProducts: certified,
      target,
      share: ratio(certified, target),
      years: rows,
    };
  };
  const districts = districtUnits
    .sort((a, b) => compareVietnamese(a.nameVi, b.nameVi) || (a.code < b.code ? -1 : 1))
    .map(districtRow);
  if (perDistrict.has(null)) districts.push(districtRow(null));

  const categories: CategoryProgress[] = CATEGORIES.map((c) => ({
    category: c.code,
    certifiedProducts: perCategory.get(c.code)?.size ?? 0,
    years: years.map((year) => ({ year, certifiedProducts: perCategoryYear.get(`${c.code}:${year}`)?.size ?? 0 })),
  }));

  const overlaps = (t: TargetFact) => yearOf(t.periodFrom) <= to && yearOf(t.periodTo) >= rangeStartYear;
  const targets: TargetProgress[] = input.targets
    .filter((t) => overlaps(t) && (PROGRESS_METRICS as readonly string[]).includes(t.metric))
    .map((t) => {
      const countedTo = minDate(t.periodTo, asOf);
      let achieved: number | null = null;
      if (t.metric === 'CERTIFIED_PRODUCTS') {
        const minStars = t.minStars ?? 3;
        const products = new Set(
          certificates
            .filter((c) => c.stars >= minStars && inPeriod(c.issuedOn, t.periodFrom, countedTo))
            .map((c) => c.productId),
        );
        if (minStars >= 5) {
          for (const e of fiveStarEvaluations) {
            if (inPeriod(e.evaluatedOn, t.periodFrom, countedTo)) products.add(e.productId);
          }
        }
        achieved = products.size;
      }
      const share = achieved === null ? null : ratio(achieved, t.valueMin);
      return {
        ...planLine(t),
        metric: t.metric as ProgressMetric,
        minStars: t.minStars,
        targetMin: t.valueMin,
        targetMax: t.valueMax,
        perDistrictPerYear: t.perDistrictPerYear,
        countedTo,
        achieved,
        share,
        reached: achieved === null ? null : achieved >= t.valueMin,
      };
    });

  const budget: BudgetFigure[] = input.targets
    .filter((t) => t.metric === 'BUDGET_MILLION_VND' && overlaps(t))
    .map((t) => ({
      ...planLine(t),
      part: (t.breakdown === 'STATE' || t.breakdown === 'PARTICIPANTS' ? t.breakdown : 'TOTAL') as BudgetPart,
      amountMillionVnd: t.valueMin,
    }));

  return {
    from,
    to,
    asOf,
    certifiedProducts: all.size,
    newProducts: [...firstYear.values()].filter((y) => y >= rangeStartYear && y <= rangeEndYear).length,
    fiveStarProducts: fiveStarAll.size,
    stars: all.byStars(),
    years: yearRows,
    districts,
    categories,
    targets,
    budget,
  };
}
