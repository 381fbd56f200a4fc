/**
 * The programme's progress against its plan (Plan 118/KH-UBND), read once per build from the
 * API's public `programProgress` query in both languages, for the "Tiến độ" / "Progress" page.
 */
import type { CategoryCode, RegionKind } from '@ocop/domain';
import { loadSettings } from './config.js';
import { BUILD_REQUEST, graphql, request } from './graphql.js';
import type { Lang } from './i18n.js';

export interface ProgressStars {
  stars: number;
  products: number;
}

export interface ProgressYear {
  year: number;
  certifiedProducts: number;
  newProducts: number;
  fiveStarProducts: number;
  stars: ProgressStars[];
  targetMin: number | null;
  targetMax: number | null;
}

export interface ProgressDistrict {
  code: string | null;
  name: string;
  kind: RegionKind | null;
  certifiedProducts: number;
  target: number | null;
  share: number | null;
  years: { year: number; certifiedProducts: number; target: number | null; share: number | null }[];
}

export interface ProgressTarget {
  code: string;
  planRef: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  countedTo: string;
  metric: 'CERTIFIED_PRODUCTS' | 'TRAINED_PERCENT';
  minStars: number | null;
  targetMin: number;
  targetMax: number;
  perDistrictPerYear: number | null;
  achieved: number | null;
  share: number | null;
  reached: boolean | null;
}

export interface BudgetFigure {
  code: string;
  planRef: string;
  description: string;
  periodFrom: string;
  periodTo: string;
  part: 'TOTAL' | 'STATE' | 'PARTICIPANTS';
  amountMillionVnd: number;
}

export interface ProgramProgress {
  from: number;
  to: number;
  asOf: string;
  certifiedProducts: number;
  newProducts: number;
  fiveStarProducts: number;
  stars: ProgressStars[];
  years: ProgressYear[];
  districts: ProgressDistrict[];
  categories: { category: CategoryCode; name: string; certifiedProducts: number }[];
  targets: ProgressTarget[];
  budget: BudgetFigure[];
}

const PROGRESS_FIELDS = graphql(`
  fragment ProgressFields on ProgramProgress @_unmask {
    from to asOf certifiedProducts newProducts fiveStarProducts
    stars { stars products }
    years { year certifiedProducts newProducts fiveStarProducts stars { stars products } targetMin targetMax }
    districts { code name kind certifiedProducts target share years { year certifiedProducts target share } }
    categories { category name certifiedProducts }
    targets {
      code planRef description periodFrom periodTo countedTo metric minStars
      targetMin targetMax perDistrictPerYear achieved share reached
    }
    budget { code planRef description periodFrom periodTo part amountMillionVnd }
  }
`);

const PROGRESS_QUERY = graphql(
  `
  query ProgramProgressPage {
    vi: programProgress(lang: VI) { ...ProgressFields }
    en: programProgress(lang: EN) { ...ProgressFields }
  }
`,
  [PROGRESS_FIELDS],
);

let progress: Promise<Record<Lang, ProgramProgress>> | undefined;

/** The plan's progress in each language, fetched once per build. */
export function loadProgress(): Promise<Record<Lang, ProgramProgress>> {
  progress ??= request(loadSettings().apiUrl, PROGRESS_QUERY, {}, BUILD_REQUEST);
  return progress;
}

/** The year of an ISO date. */
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** "2021–2025", or "2020" for a one-year period. */
export function periodLabel(from: string, to: string): string {
  const a = yearOf(from);
  const b = yearOf(to);
  return a === b ? String(a) : `${a}–${b}`;
}

/** A budget period and its figures by part. */
export interface BudgetPeriod {
  label: string;
  state: number;
  participants: number;
  total: number;
}

/** The plan's budget by period (each year or span the plan states), shortest periods first. */
export function budgetPeriods(budget: BudgetFigure[]): BudgetPeriod[] {
  const periods = new Map<string, BudgetPeriod & { length: number; from: string }>();
  for (const f of budget) {
    const key = `${f.periodFrom}/${f.periodTo}`;
    let p = periods.get(key);
    if (!p) {
      p = {
        label: periodLabel(f.periodFrom, f.periodTo),
        state: 0,
        participants: 0,
        total: 0,
        length: yearOf(f.periodTo) - yearOf(f.periodFrom),
        from: f.periodFrom,
      };
      periods.set(key, p);
    }
    if (f.part === 'STATE') p.state = f.amountMillionVnd;
    else if (f.part === 'PARTICIPANTS') p.participants = f.amountMillionVnd;
    else p.total = f.amountMillionVnd;
  }
  return [...periods.values()]
    .sort((a, b) => a.length - b.length || (a.from < b.from ? -1 : 1))
    .map(({ label, state, participants, total }) => ({
      label,
      state,
      participants,
      total: total || state + participants,
    }));
}
