import { describe, expect, it } from 'vitest';
import { computeProgress, type ProgressInput, type RegionFact, type TargetFact } from './program.progress.js';

const region = (id: number, code: string, level: RegionFact['level'], extra: Partial<RegionFact> = {}): RegionFact => ({
  id,
  code,
  nameVi: code,
  nameEn: null,
  level,
  kind: level === 'DISTRICT' ? 'DISTRICT' : level === 'PROVINCE' ? 'PROVINCE' : 'COMMUNE',
  parentId: null,
  successorId: null,
  validFrom: null,
  validTo: null,
  ...extra,
});

const target = (code: string, extra: Partial<TargetFact>): TargetFact => ({
  code,
  planRef: '118/KH-UBND',
  descriptionVi: code,
  descriptionEn: code,
  periodFrom: '2021-01-01',
  periodTo: '2025-12-31',
  metric: 'CERTIFIED_PRODUCTS',
  minStars: 3,
  breakdown: null,
  valueMin: 4,
  valueMax: 4,
  perDistrictPerYear: null,
  ...extra,
});

// Province 1 with districts A (2) and B (3, until mid-2025, succeeded by special zone 5); commune 4 in A.
const regions = [
  region(1, 'P', 'PROVINCE'),
  region(2, 'P-A', 'DISTRICT', { parentId: 1, nameVi: 'An Biên' }),
  region(3, 'P-B', 'DISTRICT', { parentId: 1, nameVi: 'Bình Sơn', validTo: '2025-06-30', successorId: 5 }),
  region(4, 'P-A-X', 'COMMUNE', { parentId: 2 }),
  region(5, 'Q-Z', 'COMMUNE', { parentId: null, validFrom: '2025-07-01' }),
  region(6, 'Q', 'PROVINCE'),
  region(7, 'Q-Y', 'COMMUNE', { parentId: 6, validFrom: '2025-07-01' }),
];

const input: ProgressInput = {
  certificates: [
    // Product 10 in commune 4 (district A): certified 2021, renewed 2024.
    { productId: 10, stars: 3, issuedOn: '2021-03-01', category: 'FOOD', regionId: 4 },
    { productId: 10, stars: 4, issuedOn: '2024-03-01', category: 'FOOD', regionId: 4 },
    // Product 11 in district B: 5★ in 2022.
    { productId: 11, stars: 5, issuedOn: '2022-06-01', category: 'BEVERAGE', regionId: 3 },
    // Product 12 in the special zone that succeeded B: counts for B.
    { productId: 12, stars: 3, issuedOn: '2025-10-01', category: 'FOOD', regionId: 5 },
    // Product 13 in a commune with no district: its own row.
    { productId: 13, stars: 4, issuedOn: '2025-11-01', category: 'HERB', regionId: 7 },
    // Issued after the report's day: not counted.
    { productId: 14, stars: 3, issuedOn: '2026-12-01', category: 'FOOD', regionId: 4 },
  ],
  provincialFiveStar: [{ productId: 10, evaluatedOn: '2023-05-01' }],
  regions,
  targets: [
    target('T2020', { periodFrom: '2020-01-01', periodTo: '2020-12-31', valueMin: 4, valueMax: 5 }),
    target('T3', { valueMin: 4, valueMax: 4, perDistrictPerYear: 1 }),
    target('T5', { minStars: 5, valueMin: 1, valueMax: 1 }),
    target('TRAINED', { metric: 'TRAINED_PERCENT', minStars: null, valueMin: 100, valueMax: 100 }),
    target('B_TOTAL', { metric: 'BUDGET_MILLION_VND', minStars: null, valueMin: 300, valueMax: 300 }),
    target('B_STATE', {
      metric: 'BUDGET_MILLION_VND',
      minStars: null,
      breakdown: 'STATE',
      valueMin: 100,
      valueMax: 100,
    }),
  ],
};

const report = computeProgress(input, { from: 2020, to: 2025, asOf: '2026-11-29' });

describe('computeProgress', () => {
  it('counts a product once per year it was certified and once over the period', () => {
    expect(report.years.map((y) => [y.year, y.certifiedProducts, y.newProducts])).toEqual([
      [2020, 0, 0],
      [2021, 1, 1],
      [2022, 1, 1],
      [2023, 0, 0],
      [2024, 1, 0],
      [2025, 2, 2],
    ]);
    expect(report.certifiedProducts).toBe(4);
    expect(report.newProducts).toBe(4);
    expect(report.stars).toEqual([
      { stars: 3, products: 1 },
      { stars: 4, products: 2 },
      { stars: 5, products: 1 },
    ]);
  });

  it('counts 5★ from certificates and from the provincial 5★ shortlist', () => {
    expect(report.years.map((y) => y.fiveStarProducts)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(report.fiveStarProducts).toBe(2);
  });

  it('attributes products to district-level units, through successors, with per-year targets while a unit exists', () => {
    const rows = report.districts.map((d) => [d.code, d.certifiedProducts, d.target, d.share]);
    expect(rows).toEqual([
      ['P-A', 1, 5, 0.2],
      ['P-B', 2, 5, 0.4],
      [null, 1, null, null],
    ]);
    const b = report.districts.find((d) => d.code === 'P-B');
    expect(b?.years.map((y) => [y.year, y.certifiedProducts, y.target])).toEqual([
      [2020, 0, null],
      [2021, 0, 1],
      [2022, 1, 1],
      [2023, 0, 1],
      [2024, 0, 1],
      [2025, 1, 1],
    ]);
  });

  it('measures each target over its own period and gives the share reached', () => {
    expect(report.targets.map((t) => [t.code, t.achieved, t.share, t.reached])).toEqual([
      ['T2020', 0, 0, false],
      ['T3', 4, 1, true],
      ['T5', 2, 2, true],
      ['TRAINED', null, null, null],
    ]);
    expect(report.years[0]).toMatchObject({ year: 2020, targetMin: 4, targetMax: 5 });
    expect(report.years[1]).toMatchObject({ targetMin: null });
  });

  it('reports the budget as data, by part', () => {
    expect(report.budget.map((b) => [b.code, b.part, b.amountMillionVnd])).toEqual([
      ['B_TOTAL', 'TOTAL', 300],
      ['B_STATE', 'STATE', 100],
    ]);
  });

  it('leaves out targets outside the years asked for, and groups by category', () => {
    const later = computeProgress(input, { from: 2021, to: 2022, asOf: '2026-11-29' });
    expect(later.targets.map((t) => t.code)).toEqual(['T3', 'T5', 'TRAINED']);
    expect(
      later.categories.filter((c) => c.certifiedProducts > 0).map((c) => [c.category, c.certifiedProducts]),
    ).toEqual([
      ['FOOD', 1],
      ['BEVERAGE', 1],
    ]);
  });
});
