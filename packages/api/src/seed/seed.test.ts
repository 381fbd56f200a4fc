import {
  CATEGORY_CODES,
  CYCLE_STAGES,
  certificateExpiry,
  checkAward,
  criteriaVersionOn,
  foldVietnamese,
  normalizeCertificateNumber,
  PRODUCER_TYPES,
  SCORE_SHEETS,
  scoreEvaluation,
  isIsoDate,
} from '@ocop/domain';
import { describe, expect, it } from 'vitest';
import { KIEN_GIANG_AS_OF, kienGiangCatalog } from './kien-giang.js';
import type { SeedCatalog, SeedCertificate, SeedEvaluation, SeedProduct } from './seed.types.js';
import { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from './synthetic.js';

const AS_OF = KIEN_GIANG_AS_OF;
const LAST_EVALUATION = '2026-11-20';
const DISTRICTS_ABOLISHED = '2025-07-01';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function starsOf(e: SeedEvaluation): number {
  return scoreEvaluation(e.criteriaVersion, e).stars;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The product's latest certificate and the evaluation that issued it. */
function latestCertificate(p: SeedProduct): { e: SeedEvaluation; cert: SeedCertificate } | undefined {
  for (let i = p.evaluations.length - 1; i >= 0; i--) {
    const e = p.evaluations[i];
    if (e?.certificate) return { e, cert: e.certificate };
  }
  return undefined;
}

type Visibility = 'VALID' | 'EXPIRED' | 'REVOKED' | 'LOW_ONLY' | 'DRAFT_ONLY' | 'NOT_EVALUATED';

function visibility(p: SeedProduct, on = AS_OF): Visibility {
  const latest = latestCertificate(p);
  if (latest) {
    if (latest.cert.revokedOn) return 'REVOKED';
    return certificateExpiry(latest.cert.issuedOn) < on ? 'EXPIRED' : 'VALID';
  }
  if (p.evaluations.length === 0) return 'NOT_EVALUATED';
  return p.evaluations.some((e) => e.status === 'FINAL') ? 'LOW_ONLY' : 'DRAFT_ONLY';
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Every rule a seed catalog must keep; an empty list means it is consistent. */
function catalogProblems(catalog: SeedCatalog): string[] {
  const problems: string[] = [];
  const fail = (msg: string): void => {
    if (problems.length < 50) problems.push(msg);
  };

  const regions = new Map<string, SeedCatalog['regions'][number]>();
  for (const r of catalog.regions) {
    if (regions.has(r.code)) fail(`duplicate region code ${r.code}`);
    regions.set(r.code, r);
  }
  for (const r of catalog.regions) {
    if (r.level === 'PROVINCE' && r.parentCode) fail(`province ${r.code} has a parent`);
    if (r.level !== 'PROVINCE') {
      const parent = r.parentCode ? regions.get(r.parentCode) : undefined;
      if (!parent) fail(`region ${r.code} has unknown parent ${String(r.parentCode)}`);
      else if (r.level === 'DISTRICT' && parent.level !== 'PROVINCE')
        fail(`district ${r.code} is not under a province`);
      else if (r.level === 'COMMUNE' && parent.level === 'COMMUNE') fail(`commune ${r.code} is under a commune`);
    }
    if (r.successorCode && !regions.has(r.successorCode))
      fail(`region ${r.code} has unknown successor ${r.successorCode}`);
    for (const d of [r.validFrom, r.validTo])
      if (d !== undefined && !isIsoDate(d)) fail(`region ${r.code} has bad date ${d}`);
    if (r.validFrom && r.validTo && r.validFrom > r.validTo) fail(`region ${r.code} ends before it starts`);
  }

  const producers = new Set<string>();
  for (const p of catalog.producers) {
    if (producers.has(p.slug)) fail(`duplicate producer slug ${p.slug}`);
    producers.add(p.slug);
    if (!SLUG.test(p.slug)) fail(`producer slug ${p.slug} is not a slug`);
    if (!regions.has(p.regionCode)) fail(`producer ${p.slug} has unknown region ${p.regionCode}`);
    if (!(PRODUCER_TYPES as readonly string[]).includes(p.type)) fail(`producer ${p.slug} has type ${p.type}`);
    if (!p.phone.startsWith('0000')) fail(`producer ${p.slug} has a phone outside the 0000 range`);
    if (!p.email.endsWith('@example.vn')) fail(`producer ${p.slug} has a real-looking email ${p.email}`);
    if (p.website && !/^https:\/\/[a-z0-9.-]+\.example\.vn\/?$/.test(p.website))
      fail(`producer ${p.slug} website ${p.website}`);
    if (!p.representative.trim() || !p.address.trim()) fail(`producer ${p.slug} lacks representative or address`);
  }

  const productSlugs = new Set<string>();
  const certificateNumbers = new Set<string>();
  for (const p of catalog.products) {
    const where = `product ${p.slug}`;
    if (productSlugs.has(p.slug)) fail(`duplicate product slug ${p.slug}`);
    productSlugs.add(p.slug);
    if (!SLUG.test(p.slug)) fail(`${where}: slug is not a slug`);
    if (!producers.has(p.producerSlug)) fail(`${where}: unknown producer ${p.producerSlug}`);
    const region = regions.get(p.regionCode);
    if (!region) fail(`${where}: unknown region ${p.regionCode}`);
    if (!(CATEGORY_CODES as readonly string[]).includes(p.category)) fail(`${where}: category ${p.category}`);
    if (!(CYCLE_STAGES as readonly string[]).includes(p.cycleStage)) fail(`${where}: cycle stage ${p.cycleStage}`);
    if (!p.nameVi.trim() || !p.descriptionVi.trim()) fail(`${where}: missing Vietnamese name or description`);
    if (!Array.isArray(p.images)) fail(`${where}: images is not a list`);

    let previousDate = '';
    let previousIssue = '';
    for (const e of p.evaluations) {
      const at = `${where} evaluation ${e.evaluatedOn}`;
      if (!isIsoDate(e.evaluatedOn)) {
        fail(`${at}: bad date`);
        continue;
      }
      if (e.evaluatedOn < previousDate) fail(`${at}: evaluations are not oldest first`);
      previousDate = e.evaluatedOn;
      if (e.evaluatedOn > LAST_EVALUATION) fail(`${at}: after ${LAST_EVALUATION}`);
      if (region?.validFrom && e.evaluatedOn < region.validFrom) fail(`${at}: before its region existed`);
      if (e.criteriaVersion !== criteriaVersionOn(e.evaluatedOn)) fail(`${at}: scored on ${e.criteriaVersion}`);
      const sheet = SCORE_SHEETS[e.criteriaVersion];
      const parts = [
        ['A', e.scoreA],
        ['B', e.scoreB],
        ['C', e.scoreC],
      ] as const;
      for (const [part, score] of parts) {
        if (score < 0 || score > sheet.parts[part].max)
          fail(`${at}: part ${part} = ${score} outside 0–${sheet.parts[part].max}`);
      }
      let stars = 0;
      try {
        stars = starsOf(e);
      } catch (err) {
        fail(`${at}: ${String(err)}`);
        continue;
      }
      if (e.councilLevel === 'DISTRICT' && e.evaluatedOn >= DISTRICTS_ABOLISHED)
        fail(`${at}: district council after July 2025`);
      if (e.status === 'FINAL' && stars < 3) {
        const award = checkAward(e.councilLevel, starsOf(e) as 1 | 2, e.evaluatedOn);
        if (!award.ok) fail(`${at}: ${award.issue.message}`);
      }
      const cert = e.certificate;
      if (!cert) continue;
      if (e.status !== 'FINAL') fail(`${at}: certificate on a draft`);
      if (stars < 3) fail(`${at}: certificate for ${stars}★`);
      else {
        const award = checkAward(e.councilLevel, stars as 3 | 4 | 5, e.evaluatedOn);
        if (!award.ok) fail(`${at}: ${award.issue.message}`);
      }
      if (certificateNumbers.has(cert.number)) fail(`${at}: duplicate certificate number ${cert.number}`);
      certificateNumbers.add(cert.number);
      if (cert.number !== cert.number.toUpperCase() || normalizeCertificateNumber(cert.number) !== cert.number) {
        fail(`${at}: certificate number ${cert.number} is not in normal form`);
      }
      if (!cert.decisionNumber.trim()) fail(`${at}: no decision number`);
      if (
        !isIsoDate(cert.decisionDate) ||
        cert.decisionDate < e.evaluatedOn ||
        daysBetween(e.evaluatedOn, cert.decisionDate) > 30
      ) {
        fail(`${at}: decision date ${cert.decisionDate}`);
      }
      if (cert.issuedOn !== cert.decisionDate) fail(`${at}: issued ${cert.issuedOn}, decided ${cert.decisionDate}`);
      if (cert.issuedOn <= previousIssue) fail(`${at}: certificate not after the previous one`);
      previousIssue = cert.issuedOn;
      if (cert.revokedOn !== undefined) {
        if (
          !isIsoDate(cert.revokedOn) ||
          cert.revokedOn < cert.issuedOn ||
          cert.revokedOn > certificateExpiry(cert.issuedOn)
        ) {
          fail(`${at}: revoked on ${cert.revokedOn}`);
        }
        if (cert.revokedOn > AS_OF) fail(`${at}: revoked in the future`);
        if (!cert.revocationReason?.trim()) fail(`${at}: revoked without a reason`);
      }
    }
  }

  const targetCodes = new Set<string>();
  for (const t of catalog.targets) {
    if (targetCodes.has(t.code)) fail(`duplicate target ${t.code}`);
    targetCodes.add(t.code);
    if (t.valueMin > t.valueMax) fail(`target ${t.code} has min > max`);
  }
  return problems;
}

describe('Kiên Giang sample catalog', () => {
  const c = kienGiangCatalog;
  const bySlug = new Map(c.products.map((p) => [p.slug, p]));
  const regionByCode = new Map(c.regions.map((r) => [r.code, r]));

  /** The district-level unit a product belongs to, if any. */
  function districtOf(regionCode: string): string | undefined {
    for (let r = regionByCode.get(regionCode); r; r = r.parentCode ? regionByCode.get(r.parentCode) : undefined) {
      if (r.level === 'DISTRICT') return r.code;
    }
    return undefined;
  }

  it('is internally consistent and keeps every award rule', () => {
    expect(catalogProblems(c)).toEqual([]);
  });

  it('has the 15 district-level units of Kiên Giang and the 2025 reorganisation', () => {
    const districts = c.regions.filter((r) => r.level === 'DISTRICT' && r.parentCode === 'KG');
    expect(districts).toHaveLength(15);
    expect(districts.every((d) => d.validTo === '2025-06-30')).toBe(true);
    expect(
      districts
        .filter((d) => d.kind === 'CITY')
        .map((d) => d.nameVi)
        .sort(),
    ).toEqual(['Hà Tiên', 'Phú Quốc', 'Rạch Giá']);
    expect(regionByCode.get('KG-PQ')?.validFrom).toBe('2021-01-01');
    expect(regionByCode.get('KG')).toMatchObject({ validTo: '2025-06-30', successorCode: 'AG' });
    const zones = c.regions.filter((r) => r.kind === 'SPECIAL_ZONE');
    expect(zones.map((z) => z.nameVi).sort()).toEqual(['Kiên Hải', 'Phú Quốc', 'Thổ Châu']);
    for (const z of zones) expect(z).toMatchObject({ level: 'COMMUNE', parentCode: 'AG', validFrom: '2025-07-01' });
  });

  it('has enough products, in all six categories and at least 12 district-level units', () => {
    expect(c.products.length).toBeGreaterThanOrEqual(70);
    const byCategory = countBy(c.products, (p) => p.category);
    for (const code of CATEGORY_CODES) expect(byCategory[code] ?? 0).toBeGreaterThanOrEqual(4);
    const districts = new Set(c.products.map((p) => districtOf(p.regionCode)).filter((d) => d !== undefined));
    expect(districts.size).toBeGreaterThanOrEqual(12);
    expect(c.products.filter((p) => !p.nameEn).length).toBeGreaterThan(0);
    expect(c.products.every((p) => p.images.length === 0)).toBe(true);
  });

  it('has producers of every legal form, roughly in the national proportions', () => {
    const byType = countBy(c.producers, (p) => p.type);
    const n = c.producers.length;
    expect(n).toBeGreaterThanOrEqual(40);
    expect((byType.ENTERPRISE ?? 0) / n).toBeGreaterThan(0.15);
    expect((byType.COOPERATIVE ?? 0) / n).toBeGreaterThan(0.25);
    expect((byType.HOUSEHOLD ?? 0) / n).toBeGreaterThan(0.33);
    expect(byType.COOPERATIVE_GROUP ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('includes the published real examples with their stars', () => {
    const real = c.products.filter((p) => p.real);
    const expectStars = (slug: string, stars: number): SeedProduct => {
      const p = bySlug.get(slug);
      expect(p, slug).toBeDefined();
      if (!p) throw new Error(slug);
      expect(p.real).toBe(true);
      const latest = latestCertificate(p);
      expect(latest && starsOf(latest.e), slug).toBe(stars);
      expect(visibility(p), slug).toBe('VALID');
      return p;
    };
    const khaiHoan = expectStars('nuoc-mam-phu-quoc-khai-hoan-38-do-dam', 5);
    const certified = khaiHoan.evaluations.filter((e) => e.certificate);
    expect(certified.map((e) => [e.councilLevel, e.criteriaVersion, e.evaluatedOn.slice(0, 4), starsOf(e)])).toEqual([
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
    expect(honey.evaluations.filter((e) => e.certificate).map((e) => e.evaluatedOn.slice(0, 4))).toEqual([
      '2021',
      '2024',
    ]);
    const bags = expectStars('tui-xach-co-bang-phu-my', 4);
    expect(districtOf(bags.regionCode)).toBe('KG-GT');
    expect(real).toHaveLength(11);
  });

  it('has the hidden and edge cases the visibility rules need', () => {
    const byVisibility = countBy(c.products, (p) => visibility(p));
    expect(byVisibility.LOW_ONLY ?? 0).toBeGreaterThanOrEqual(5);
    expect(byVisibility.DRAFT_ONLY).toBe(3);
    expect(byVisibility.EXPIRED).toBe(4);
    expect(byVisibility.REVOKED).toBe(2);
    expect(byVisibility.VALID ?? 0).toBeGreaterThan(c.products.length * 0.7);
    for (const p of c.products.filter((x) => visibility(x) === 'LOW_ONLY')) {
      expect(
        p.evaluations.every((e) => starsOf(e) <= 2),
        p.slug,
      ).toBe(true);
    }
    const expiringSoon = c.products.filter((p) => {
      const latest = latestCertificate(p);
      if (!latest || visibility(p) !== 'VALID') return false;
      return daysBetween(AS_OF, certificateExpiry(latest.cert.issuedOn)) <= 30;
    });
    expect(expiringSoon).toHaveLength(2);
    const renewed = c.products.filter((p) => p.evaluations.filter((e) => e.certificate).length >= 2);
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
    const t = new Map(c.targets.map((x) => [x.code, x]));
    expect(c.targets.every((x) => x.planRef === '118/KH-UBND')).toBe(true);
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
    const c = generateSyntheticCatalog({ products: 20_000, seed: DEFAULT_SYNTHETIC_SEED });
    expect(c.products).toHaveLength(20_000);
    expect(catalogProblems(c)).toEqual([]);

    const provinces = c.regions.filter((r) => r.level === 'PROVINCE');
    expect(provinces).toHaveLength(63);
    const districts = c.regions.filter((r) => r.level === 'DISTRICT');
    expect(districts.length).toBeGreaterThan(63 * 8);
    expect(c.regions.some((r) => r.level === 'COMMUNE' && r.parentCode?.length === 3)).toBe(true);
    expect(c.producers.length).toBe(Math.round(20_000 / 2.5));

    const byCategory = countBy(c.products, (p) => p.category);
    for (const code of CATEGORY_CODES) expect(byCategory[code] ?? 0).toBeGreaterThan(100);
    const byVisibility = countBy(c.products, (p) => visibility(p));
    const validShare = (byVisibility.VALID ?? 0) / c.products.length;
    expect(validShare).toBeGreaterThan(0.7);
    expect(validShare).toBeLessThan(0.8);
    for (const v of ['EXPIRED', 'REVOKED', 'LOW_ONLY', 'DRAFT_ONLY'])
      expect(byVisibility[v] ?? 0, v).toBeGreaterThan(100);
    expect(c.products.every((p) => p.evaluations.length >= 1 && p.evaluations.length <= 3)).toBe(true);

    const folded = c.products.map((p) => foldVietnamese(p.nameVi));
    for (const q of ['nuoc mam', 'tieu den', 'mat ong', 'tra', 'gao', 'ca phe', 'banh', 'kho']) {
      expect(
        folded.some((n) => n.includes(q)),
        q,
      ).toBe(true);
    }
  });

  it('handles small and empty catalogs', () => {
    expect(generateSyntheticCatalog({ products: 0, seed: 1 }).products).toEqual([]);
    const one = generateSyntheticCatalog({ products: 1, seed: 1 });
    expect(one.products).toHaveLength(1);
    expect(one.producers).toHaveLength(1);
    expect(catalogProblems(one)).toEqual([]);
    expect(() => generateSyntheticCatalog({ products: -1, seed: 1 })).toThrow(RangeError);
  });
});
