/**
 * The programme's progress against its plan (Plan 118/KH-UBND), read once per build from the
 * API's public `programProgress` query in both languages, for the "Tiến độ" / "Progress" page.
 */
import type { ResultOf } from 'gql.tada';
import { loadSettings } from './config.js';
import { BUILD_REQUEST, graphql, request } from './graphql.js';
import type { Lang } from './i18n.js';

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

/** The programme's figures in one language, as the API's schema types them. */
export type ProgramProgress = ResultOf<typeof PROGRESS_FIELDS>;
export type ProgressStars = ProgramProgress['stars'][number];
export type ProgressYear = ProgramProgress['years'][number];
export type ProgressDistrict = ProgramProgress['districts'][number];
export type ProgressTarget = ProgramProgress['targets'][number];
export type BudgetFigure = ProgramProgress['budget'][number];

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
