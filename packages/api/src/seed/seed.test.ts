import {
  CATEGORY_CODES,
  checkAward,
  criteriaVersionOn,
  foldVietnamese,
  type IsoDate,
  PRODUCER_TYPES,
} from '@ocop/domain';
import { describe, expect, it } from 'vitest';
import { KINDS, TRANSFER_KINDS } from '../modules/transfer/formats.js';
import type { CertificateNode, EvaluationNode, ProductNode, RegionNode } from '../modules/transfer/import.model.js';
import { planDocument } from '../modules/transfer/import.plan.js';
import { formatProblem } from '../modules/transfer/import.sources.js';
import type { SeedCatalog } from './catalog.js';
import { KIEN_GIANG_AS_OF, kienGiangCatalog, REAL_PRODUCTS } from './kien-giang.js';
import { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from './synthetic.js';

const AS_OF = KIEN_GIANG_AS_OF;
const LAST_EVALUATION = '2026-11-20';
const DISTRICTS_ABOLISHED = '2025-07-01';

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function groupBy<K, V>(items: readonly V[], key: (item: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/**
 * A seed catalog as the importer reads it for an empty database on `today`: the problems it
 * finds (none, or the seed does not load) and the rows it would write, as typed nodes.
 */
function planned(catalog: SeedCatalog, today: IsoDate = AS_OF) {
  const plan = planDocument(catalog.document, 'seed', today);
  const evaluationsOf = groupBy(plan.evaluations.creates, (e) => e.product);
  const certificatesOf = groupBy(plan.certificates.creates, (c) => c.product);
  return {
    plan,
    problems: plan.problems.map(formatProblem),
    regions: plan.regions.creates,
    producers: plan.producers.creates,
    products: plan.products.creates,
    evaluationsOf: (p: ProductNode) => evaluationsOf.get(p) ?? [],
    certificatesOf: (p: ProductNode) => certificatesOf.get(p) ?? [],
  };
}
type Planned = ReturnType<typeof planned>;

/** The product's latest certificate and the evaluation that issued it. */
function latestCertificate(c: Planned, p: ProductNode): CertificateNode | undefined {
  return c.certificatesOf(p).at(-1);
}

type Visibility = 'VALID' | 'EXPIRED' | 'REVOKED' | 'LOW_ONLY' | 'DRAFT_ONLY' | 'NOT_EVALUATED';

function visibility(c: Planned, p: ProductNode, on = AS_OF): Visibility {
  const latest = latestCertificate(c, p);
  if (latest) {
    if (latest.status === 'REVOKED') return 'REVOKED';
    return latest.expiresOn < on ? 'EXPIRED' : 'VALID';
  }
  const evaluations = c.evaluationsOf(p);
  if (evaluations.length === 0) return 'NOT_EVALUATED';
  return evaluations.some((e) => e.status === 'FINAL') ? 'LOW_ONLY' : 'DRAFT_ONLY';
}

/**
 * The rules a seed keeps beyond the importer's (which checks scores, award rules, dates, codes
 * and references): only columns of the import format, fictitious contact details, results in
 * order and consistent with their decisions. An empty list means it is consistent.
 */
function seedProblems(catalog: SeedCatalog, c: Planned): string[] {
  const problems: string[] = [];
  const fail = (msg: string): void => {
    if (problems.length < 50) problems.push(msg);
  };
  for (const kind of TRANSFER_KINDS) {
    const columns = new Set<string>([...KINDS[kind].columns.map((col) => col.key), 'images']);
    for (const record of catalog.document[kind] ?? []) {
      for (const key of Object.keys(record)) if (!columns.has(key)) fail(`${kind}: "${key}" is not a column`);
    }
  }
  const stored = catalog.document.certificates?.map((r) => r.number) ?? [];
  if (JSON.stringify(stored) !== JSON.stringify(c.plan.certificates.creates.map((x) => x.number))) {
    fail('a certificate number is not in normal form');
  }
  for (const r of c.regions) {
    if (r.level === 'DISTRICT' && r.parent?.level !== 'PROVINCE') fail(`district ${r.code} is not under a province`);
    if (r.level === 'COMMUNE' && r.parent?.level === 'COMMUNE') fail(`commune ${r.code} is under a commune`);
  }
  for (const p of c.producers) {
    if (!p.phone.startsWith('0000')) fail(`producer ${p.slug} has a phone outside the 0000 range`);
    if (!p.email.endsWith('@example.vn')) fail(`producer ${p.slug} has a real-looking email ${p.email}`);
    if (p.website && !/^https:\/\/[a-z0-9.-]+\.example\.vn\/?$/.test(p.website))
      fail(`producer ${p.slug} website ${p.website}`);
    if (!p.representative.trim()) fail(`producer ${p.slug} lacks a representative`);
  }
  for (const p of c.products) {
    const where = `product ${p.slug}`;
    let previousDate = '';
    for (const e of c.evaluationsOf(p)) {
      const at = `${where} evaluation ${e.evaluatedOn}`;
      if (e.evaluatedOn < previousDate) fail(`${at}: evaluations are not oldest first`);
      previousDate = e.evaluatedOn;
      if (e.evaluatedOn > LAST_EVALUATION) fail(`${at}: after ${LAST_EVALUATION}`);
      if (p.region.validFrom && e.evaluatedOn < p.region.validFrom) fail(`${at}: before its region existed`);
      if (e.criteriaVersion !== criteriaVersionOn(e.evaluatedOn)) fail(`${at}: scored on ${e.criteriaVersion}`);
      if (e.councilLevel === 'DISTRICT' && e.evaluatedOn >= DISTRICTS_ABOLISHED)
        fail(`${at}: district council after July 2025`);
      if (e.status === 'FINAL' && e.stars < 3) {
        const award = checkAward(e.councilLevel, e.stars as 1 | 2, e.evaluatedOn);
        if (!award.ok) fail(`${at}: ${award.issue.message}`);
      }
    }
    let previousIssue = '';
    for (const cert of c.certificatesOf(p)) {
      const e = cert.evaluation;
      const at = `${where} certificate ${cert.number}`;
      if (!e) {
        fail(`${at}: not issued from an evaluation`);
        continue;
      }
      const days = daysBetween(e.evaluatedOn, cert.decisionDate);
      if (days < 0 || days > 30) fail(`${at}: decision date ${cert.decisionDate}`);
      if (cert.issuedOn !== cert.decisionDate) fail(`${at}: issued ${cert.issuedOn}, decided ${cert.decisionDate}`);
      if (cert.issuedOn <= previousIssue) fail(`${at}: certificate not after the previous one`);
      previousIssue = cert.issuedOn;
      if (cert.revokedOn && cert.revokedOn > cert.expiresOn) fail(`${at}: revoked after it expired`);
      if (cert.status === 'REVOKED' && !cert.revocationReason?.trim()) fail(`${at}: revoked without a reason`);
    }
    const inForce = c.certificatesOf(p).filter((x) => x.status === 'ISSUED');
    if (inForce.length > 1) fail(`${where}: ${inForce.length} certificates in force`);
  }
  return problems;
}

describe('Kiên Giang sample catalog', () => {
  const c = planned(kienGiangCatalog);
  const bySlug = new Map(c.products.map((p) => [p.slug, p]));

  /** The district-level unit a product belongs to, if any. */
  function districtOf(region: RegionNode): string | undefined {
    for (let r: RegionNode | null = region; r; r = r.parent) if (r.level === 'DISTRICT') return r.code;
    return undefined;
  }

  it('imports without a problem, and keeps every rule of a seed', () => {
    expect(c.problems).toEqual([]);
    expect(seedProblems(kienGiangCatalog, c)).toEqual([]);
  });

  it('has the 15 district-level units of Kiên Giang and the 2025 reorganisation', () => {
    const regionByCode = new Map(c.regions.map((r) => [r.code, r]));
    const districts = c.regions.filter((r) => r.level === 'DISTRICT' && r.parent?.code === 'KG');
    expect(districts).toHaveLength(15);
    expect(districts.every((d) => d.validTo === '2025-06-30')).toBe(true);
    expect(
      districts
        .filter((d) => d.kind === 'CITY')
        .map((d) => d.nameVi)
        .sort(),
    ).toEqual(['Hà Tiên', 'Phú Quốc', 'Rạch Giá']);
    expect(regionByCode.get('KG-PQ')?.validFrom).toBe('2021-01-01');
    expect(regionByCode.get('KG')).toMatchObject({ validTo: '2025-06-30', successor: { code: 'AG' } });
    const zones = c.regions.filter((r) => r.kind === 'SPECIAL_ZONE');
    expect(zones.map((z) => z.nameVi).sort()).toEqual(['Kiên Hải', 'Phú Quốc', 'Thổ Châu']);
    for (const z of zones)
      expect(z).toMatchObject({ level: 'COMMUNE', parent: { code: 'AG' }, validFrom: '2025-07-01' });
  });

  it('has enough products, in all six categories and at least 12 district-level units', () => {
    expect(c.products.length).toBeGreaterThanOrEqual(70);
    const byCategory = countBy(c.products, (p) => p.category);
    for (const code of CATEGORY_CODES) expect(byCategory[code] ?? 0).toBeGreaterThanOrEqual(4);
    const districts = new Set(c.products.map((p) => districtOf(p.region)).filter((d) => d !== undefined));
    expect(districts.size).toBeGreaterThanOrEqual(12);
    expect(c.products.filter((p) => !p.nameEn).length).toBeGreaterThan(0);
    expect(c.products.every((p) => p.images.length === 0)).toBe(true);
    for (const slug of Object.keys(kienGiangCatalog.photos)) expect(bySlug.has(slug), slug).toBe(true);
  });

  it('has producers of every legal form, roughly in the national proportions', () => {
    const byType = countBy(c.producers, (p) => p.type);
    const n = c.producers.length;
    expect(n).toBeGreaterThanOrEqual(40);
    expect((byType.ENTERPRISE ?? 0) / n).toBeGreaterThan(0.15);
    expect((byType.COOPERATIVE ?? 0) / n).toBeGreaterThan(0.25);
    expect((byType.HOUSEHOLD ?? 0) / n).toBeGreaterThan(0.33);
    expect(byType.COOPERATIVE_GROUP ?? 0).toBeGreaterThanOrEqual(2);
    expect(c.producers.every((p) => (PRODUCER_TYPES as readonly string[]).includes(p.type))).toBe(true);
  });

  it('includes the published real examples with their stars', () => {
    const expectStars = (slug: string, stars: number): ProductNode => {
      const p = bySlug.get(slug);
      expect(p, slug).toBeDefined();
      if (!p) throw new Error(slug);
      expect(REAL_PRODUCTS.has(slug), slug).toBe(true);
      expect(latestCertificate(c, p)?.stars, slug).toBe(stars);
      expect(visibility(c, p), slug).toBe('VALID');
      return p;
    };
    const khaiHoan = expectStars('nuoc-mam-phu-quoc-khai-hoan-38-do-dam', 5);
    const certified = c.certificatesOf(khaiHoan).map((x) => x.evaluation as EvaluationNode);
    expect(certified.map((e) => [e.councilLevel, e.criteriaVersion, e.evaluatedOn.slice(0, 4), e.stars])).toEqual([
      ['CENTRAL', 'QD1048_2019', '2022', 5],
      ['CENTRAL', 'QD148_2023', '2025', 5],
    ]);
    expectStars('nuoc-mam-cot-kim-hoa-40-do-dam', 4);
    expectStars('tieu-xay-phu-quoc-thanh-quoc', 4);
    expectStars('tieu-chin-phu-quoc-thanh-quoc', 4);
    expectStars('tieu-chin-ngao-duong-phu-quoc-thanh-quoc', 4);
    expectStars('muoi-tieu-phu-quoc-thanh-quoc', 3);
    expectStars('nuoc-mam-phu-quoc-anh-duyet-40-do-dam', 3);
    expectStars('nuoc-mam-phu-quoc-anh-duyet-43-do-dam', 3);
    expectStars('tieu-den-xay-ngo-hoang-vu', 3);
    const honey = expectStars('mat-ong-rung-u-minh-thuong-le-tien', 3);
    expect(c.certificatesOf(honey).map((x) => x.evaluation?.evaluatedOn.slice(0, 4))).toEqual(['2021', '2024']);
    const bags = expectStars('tui-xach-co-bang-phu-my', 4);
    expect(districtOf(bags.region)).toBe('KG-GT');
    expect(REAL_PRODUCTS.size).toBe(11);
  });

  it('has the hidden and edge cases the visibility rules need', () => {
    const byVisibility = countBy(c.products, (p) => visibility(c, p));
    expect(byVisibility.LOW_ONLY ?? 0).toBeGreaterThanOrEqual(5);
    expect(byVisibility.DRAFT_ONLY).toBe(3);
    expect(byVisibility.EXPIRED).toBe(4);
    expect(byVisibility.REVOKED).toBe(2);
    expect(byVisibility.VALID ?? 0).toBeGreaterThan(c.products.length * 0.7);
    for (const p of c.products.filter((x) => visibility(c, x) === 'LOW_ONLY')) {
      expect(
        c.evaluationsOf(p).every((e) => e.stars <= 2),
        p.slug,
      ).toBe(true);
    }
    const expiringSoon = c.products.filter((p) => {
      const latest = latestCertificate(c, p);
      if (!latest || visibility(c, p) !== 'VALID') return false;
      return daysBetween(AS_OF, latest.expiresOn) <= 30;
    });
    expect(expiringSoon).toHaveLength(2);
    const renewed = c.products.filter((p) => c.certificatesOf(p).length >= 2);
    expect(renewed.length).toBeGreaterThan(0);
  });

  it('lets buyers find products without diacritics', () => {
    const folded = c.products.map((p) => foldVietnamese(p.nameVi));
    for (const q of ['nuoc mam', 'tieu den', 'mat ong', 'dam', 'dong']) {
      expect(
        folded.some((n) => n.includes(q)),
        q,
      ).toBe(true);
    }
    expect(c.products.some((p) => p.nameVi.includes('đ'))).toBe(true);
  });

  it('carries the targets and budget of Plan 118/KH-UBND', () => {
    const targets = kienGiangCatalog.targets;
    const t = new Map(targets.map((x) => [x.code, x]));
    expect(t.size).toBe(targets.length);
    expect(targets.every((x) => x.planRef === '118/KH-UBND' && x.valueMin <= x.valueMax)).toBe(true);
    expect(t.get('PLAN118_2020_CERTIFIED')).toMatchObject({ minStars: 3, valueMin: 4, valueMax: 5 });
    expect(t.get('PLAN118_2020_FIVE_STAR')).toMatchObject({ minStars: 5, valueMin: 1, valueMax: 2 });
    expect(t.get('PLAN118_2021_2025_CERTIFIED')).toMatchObject({ minStars: 3, valueMin: 120, perDistrictPerYear: 8 });
    expect(t.get('PLAN118_2021_2025_FIVE_STAR_PROVINCIAL')).toMatchObject({ minStars: 5, valueMin: 25 });
    expect(t.get('PLAN118_2021_2025_TRAINED')).toMatchObject({ metric: 'TRAINED_PERCENT', valueMin: 100 });
    const money = (code: string): number | undefined => t.get(code)?.valueMin;
    expect(money('PLAN118_BUDGET_TOTAL')).toBe(326_779);
    expect(money('PLAN118_BUDGET_STATE')).toBe(118_955);
    expect(money('PLAN118_BUDGET_PARTICIPANTS')).toBe(207_824);
    expect(money('PLAN118_2020_BUDGET_TOTAL')).toBe(6_705);
    expect(money('PLAN118_2021_2025_BUDGET_TOTAL')).toBe(320_074);
    expect((money('PLAN118_2020_BUDGET_TOTAL') ?? 0) + (money('PLAN118_2021_2025_BUDGET_TOTAL') ?? 0)).toBe(326_779);
    expect((money('PLAN118_2021_2025_BUDGET_STATE') ?? 0) + (money('PLAN118_2021_2025_BUDGET_PARTICIPANTS') ?? 0)).toBe(
      320_074,
    );
  });
});

describe('synthetic national catalog', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateSyntheticCatalog({ products: 500, seed: 7 }));
    const b = JSON.stringify(generateSyntheticCatalog({ products: 500, seed: 7 }));
    const other = JSON.stringify(generateSyntheticCatalog({ products: 500, seed: 8 }));
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });

  // How long it takes is the benchmark's to say (packages/api/bench); a test must not depend on the machine's speed.
  it('generates 20,000 consistent products', () => {
    const catalog = generateSyntheticCatalog({ products: 20_000, seed: DEFAULT_SYNTHETIC_SEED });
    const c = planned(catalog);
    expect(c.products).toHaveLength(20_000);
    expect(c.problems).toEqual([]);
    expect(seedProblems(catalog, c)).toEqual([]);

    const provinces = c.regions.filter((r) => r.level === 'PROVINCE');
    expect(provinces).toHaveLength(63);
    const districts = c.regions.filter((r) => r.level === 'DISTRICT');
    expect(districts.length).toBeGreaterThan(63 * 8);
    expect(c.regions.some((r) => r.level === 'COMMUNE' && r.parent?.level === 'PROVINCE')).toBe(true);
    expect(c.producers.length).toBe(Math.round(20_000 / 2.5));

    const byCategory = countBy(c.products, (p) => p.category);
    for (const code of CATEGORY_CODES) expect(byCategory[code] ?? 0).toBeGreaterThan(100);
    const byVisibility = countBy(c.products, (p) => visibility(c, p));
    const validShare = (byVisibility.VALID ?? 0) / c.products.length;
    expect(validShare).toBeGreaterThan(0.7);
    expect(validShare).toBeLessThan(0.8);
    for (const v of ['EXPIRED', 'REVOKED', 'LOW_ONLY', 'DRAFT_ONLY'])
      expect(byVisibility[v] ?? 0, v).toBeGreaterThan(100);
    expect(c.products.every((p) => c.evaluationsOf(p).length >= 1 && c.evaluationsOf(p).length <= 3)).toBe(true);

    const folded = c.products.map((p) => foldVietnamese(p.nameVi));
    for (const q of ['nuoc mam', 'tieu den', 'mat ong', 'tra', 'gao', 'ca phe', 'banh', 'kho']) {
      expect(
        folded.some((n) => n.includes(q)),
        q,
      ).toBe(true);
    }
  });

  it('handles small and empty catalogs', () => {
    expect(generateSyntheticCatalog({ products: 0, seed: 1 }).document.products).toEqual([]);
    const one = generateSyntheticCatalog({ products: 1, seed: 1 });
    const c = planned(one);
    expect(c.products).toHaveLength(1);
    expect(c.producers).toHaveLength(1);
    expect(c.problems).toEqual([]);
    expect(seedProblems(one, c)).toEqual([]);
    expect(() => generateSyntheticCatalog({ products: -1, seed: 1 })).toThrow(RangeError);
  });
});
