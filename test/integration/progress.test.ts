import { todayInVietnam } from '@ocop/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressDistrict } from '../support/progress.js';
import { type GraphQLResponse, gql, useTestApi, testDatabases } from '../support/server.js';

/**
 * programProgress on the sample Kiên Giang catalog, checked against counts computed here with
 * plain SQL, the way an official would check a report by hand.
 */

type Row = Record<string, unknown>;
const today = todayInVietnam(new Date());

const QUERY = `query($from: Int, $to: Int, $lang: Language) {
  programProgress(from: $from, to: $to, lang: $lang) {
    from to asOf certifiedProducts newProducts fiveStarProducts
    stars { stars products }
    years { year certifiedProducts newProducts fiveStarProducts stars { stars products } targetMin targetMax }
    districts { code name kind certifiedProducts target share years { year certifiedProducts target share } }
    categories { category name certifiedProducts years { year certifiedProducts } }
    targets { code planRef description periodFrom periodTo countedTo metric minStars targetMin targetMax perDistrictPerYear achieved share reached }
    budget { code description periodFrom periodTo part amountMillionVnd }
  }
}`;

interface Progress {
  from: number;
  to: number;
  asOf: string;
  certifiedProducts: number;
  newProducts: number;
  fiveStarProducts: number;
  stars: { stars: number; products: number }[];
  years: {
    year: number;
    certifiedProducts: number;
    newProducts: number;
    fiveStarProducts: number;
    targetMin: number | null;
  }[];
  districts: (ProgressDistrict & { years: { year: number; certifiedProducts: number; target: number | null }[] })[];
  categories: {
    category: string;
    name: string;
    certifiedProducts: number;
    years: { year: number; certifiedProducts: number }[];
  }[];
  targets: {
    code: string;
    description: string;
    metric: string;
    minStars: number | null;
    targetMin: number;
    achieved: number | null;
    share: number | null;
    reached: boolean | null;
    periodFrom: string;
    countedTo: string;
  }[];
  budget: { code: string; part: string; amountMillionVnd: number }[];
}

function data<T>(res: GraphQLResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** The report of the first database, to compare the next one with. */
let firstReport: Progress | undefined;

describe.each(testDatabases())('programme progress on $name', (db) => {
  let report: Progress;
  const sql = (text: string, params: unknown[] = []) =>
    api.orm.em.getConnection().execute(text, params) as Promise<Row[]>;
  const count = async (text: string, params: unknown[] = []) => Number((await sql(text, params))[0]?.n ?? 0);

  /** Not revoked, issued in [from, to] and not after today: the report's definition of certified. */
  const CERTIFIED = `c.status <> 'REVOKED' and c.issued_on >= ? and c.issued_on <= ? and c.issued_on <= '${today}'`;

  const api = useTestApi(db);

  beforeAll(async () => {
    report = data(await gql<{ programProgress: Progress }>(api, QUERY, { from: 2020, to: 2025 })).programProgress;
  });

  it('covers the years asked for, as of today', () => {
    expect(report).toMatchObject({ from: 2020, to: 2025, asOf: today });
    expect(report.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('counts certified, new and 5★ products per year as SQL does', async () => {
    for (const y of report.years) {
      const range = [`${y.year}-01-01`, `${y.year}-12-31`];
      const certified = await count(
        `select count(distinct c.product_id) as n from certificate c where ${CERTIFIED}`,
        range,
      );
      const first = await count(
        `select count(*) as n from (select c.product_id, min(c.issued_on) as first from certificate c
         where c.status <> 'REVOKED' group by c.product_id) f where f.first >= ? and f.first <= ?`,
        range,
      );
      const fiveStar = await count(
        `select count(*) as n from (
           select c.product_id from certificate c where c.stars = 5 and ${CERTIFIED}
           union
           select e.product_id from evaluation e where e.status = 'FINAL' and e.council_level = 'PROVINCE' and e.stars = 5
             and e.evaluated_on >= ? and e.evaluated_on <= ?) u`,
        [...range, ...range],
      );
      expect([y.year, y.certifiedProducts, y.newProducts, y.fiveStarProducts]).toEqual([
        y.year,
        certified,
        first,
        fiveStar,
      ]);
    }
    const all = await count(`select count(distinct c.product_id) as n from certificate c where ${CERTIFIED}`, [
      '2020-01-01',
      '2025-12-31',
    ]);
    expect(report.certifiedProducts).toBe(all);
    expect(all).toBeGreaterThan(30);
    expect(report.years.find((y) => y.year === 2020)?.targetMin).toBe(4);
  });

  it('breaks the period down by stars (each product at its highest) and by category', async () => {
    const stars = await sql(
      `select s.stars, count(*) as n from (select c.product_id, max(c.stars) as stars from certificate c
       where ${CERTIFIED} group by c.product_id) s group by s.stars order by s.stars`,
      ['2020-01-01', '2025-12-31'],
    );
    expect(report.stars.filter((s) => s.products > 0)).toEqual(
      stars.map((r) => ({ stars: Number(r.stars), products: Number(r.n) })),
    );
    const categories = await sql(
      `select p.category, count(distinct c.product_id) as n from certificate c join product p on p.id = c.product_id
       where ${CERTIFIED} group by p.category`,
      ['2020-01-01', '2025-12-31'],
    );
    const expected = new Map(categories.map((r) => [String(r.category), Number(r.n)]));
    expect(report.categories.map((c) => c.category)).toEqual([
      'FOOD',
      'BEVERAGE',
      'HERB',
      'TEXTILE',
      'SOUVENIR',
      'TOURISM',
    ]);
    for (const c of report.categories)
      expect([c.category, c.certifiedProducts]).toEqual([c.category, expected.get(c.category) ?? 0]);
    expect(report.categories[0]?.name).toBe('Thực phẩm');
  });

  it('counts per district-level unit (following 2025 successors) against 8 per unit per year', async () => {
    const rows = await sql(
      `select d.code, count(distinct c.product_id) as n from certificate c
       join product p on p.id = c.product_id
       join region r on r.id = p.region_id
       join region d on d.level = 'DISTRICT' and (r.path like d.path || '%' or r.id = d.successor_id)
       where ${CERTIFIED} group by d.code`,
      ['2020-01-01', '2025-12-31'],
    );
    const expected = new Map(rows.map((r) => [String(r.code), Number(r.n)]));
    const kienGiang = report.districts.filter((d) => d.code?.startsWith('KG-'));
    expect(kienGiang).toHaveLength(15);
    for (const d of report.districts) {
      if (d.code === null) continue;
      expect([d.code, d.certifiedProducts]).toEqual([d.code, expected.get(d.code) ?? 0]);
    }
    const phuQuoc = report.districts.find((d) => d.code === 'KG-PQ');
    // A city from 2021: no unit (and no target) in 2020; 8 a year in 2021–2025.
    expect(phuQuoc?.years.map((y) => y.target)).toEqual([null, 8, 8, 8, 8, 8]);
    expect(phuQuoc?.target).toBe(40);
    expect(phuQuoc?.share).toBeCloseTo((phuQuoc?.certifiedProducts ?? 0) / 40, 4);
  });

  it('measures every target of Plan 118 over its own period, with the share reached', async () => {
    const targets = await sql(`select * from program_target where metric = 'CERTIFIED_PRODUCTS' order by code`);
    expect(
      report.targets
        .filter((t) => t.metric === 'CERTIFIED_PRODUCTS')
        .map((t) => t.code)
        .sort(),
    ).toEqual(targets.map((t) => String(t.code)));
    for (const t of targets) {
      const from = String(t.period_from).slice(0, 10);
      const to = [String(t.period_to).slice(0, 10), today].sort()[0] as string; // the earlier day
      const minStars = Number(t.min_stars);
      const achieved =
        minStars >= 5
          ? await count(
              `select count(*) as n from (
                 select c.product_id from certificate c where c.stars >= 5 and ${CERTIFIED}
                 union
                 select e.product_id from evaluation e where e.status = 'FINAL' and e.council_level = 'PROVINCE'
                   and e.stars = 5 and e.evaluated_on >= ? and e.evaluated_on <= ?) u`,
              [from, to, from, to],
            )
          : await count(
              `select count(distinct c.product_id) as n from certificate c where c.stars >= ? and ${CERTIFIED}`,
              [minStars, from, to],
            );
      const got = report.targets.find((r) => r.code === t.code);
      expect(got).toMatchObject({
        achieved,
        targetMin: Number(t.value_min),
        share: Math.round((achieved / Number(t.value_min)) * 10_000) / 10_000,
        reached: achieved >= Number(t.value_min),
      });
    }
    expect(report.targets.find((t) => t.code === 'PLAN118_2021_2025_TRAINED')).toMatchObject({
      metric: 'TRAINED_PERCENT',
      achieved: null,
      share: null,
    });
  });

  it('reports the budget as stored, and in English on request', async () => {
    const budget = await sql(
      `select code, value_min from program_target where metric = 'BUDGET_MILLION_VND' order by code`,
    );
    expect(report.budget.map((b) => [b.code, b.amountMillionVnd]).sort()).toEqual(
      budget.map((b) => [String(b.code), Number(b.value_min)]),
    );
    expect(report.budget.find((b) => b.code === 'PLAN118_BUDGET_TOTAL')).toMatchObject({
      part: 'TOTAL',
      amountMillionVnd: 326_779,
    });
    const en = data(await gql<{ programProgress: Progress }>(api, QUERY, { lang: 'EN' })).programProgress;
    expect(en).toMatchObject({ from: 2020, to: 2025 });
    expect(en.categories[0]?.name).toBe('Food');
    expect(en.targets.find((t) => t.code === 'PLAN118_2021_2025_CERTIFIED')?.description).toMatch(
      /^2021–2025: at least 120/,
    );
  });

  it('refuses years it cannot report on, naming the argument', async () => {
    const swapped = await gql(api, QUERY, { from: 2025, to: 2021 });
    expect(swapped.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
    const early = await gql(api, QUERY, { from: 1999 });
    expect(early.errors?.[0]?.message).toMatch(/from 2018/);
  });

  it('gives the same report on every database', () => {
    if (firstReport) expect(report).toEqual(firstReport);
    else firstReport = report;
  });
});
