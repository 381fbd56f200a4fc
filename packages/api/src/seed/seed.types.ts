import type {
  CategoryCode,
  CouncilLevel,
  CriteriaVersion,
  CycleStage,
  EvaluationStatus,
  ProducerType,
  RegionKind,
  RegionLevel,
  TradeChanges,
} from '@ocop/domain';

/**
 * The shape of a catalog to load: the sample Kiên Giang catalog and the synthetic national one
 * both produce it, and the loader turns it into rows. Derived values (totals, stars, expiry
 * dates) are deliberately absent: the loader computes them with the domain package so seed data
 * can never disagree with the rules. Dates are ISO calendar dates, 'YYYY-MM-DD'.
 */
export interface SeedCatalog {
  regions: SeedRegion[];
  producers: SeedProducer[];
  products: SeedProduct[];
  targets: SeedTarget[];
}

export interface SeedRegion {
  /** Stable code, e.g. 'KG' (Kiên Giang), 'KG-RG' (Rạch Giá), 'KG-RG-VT' (a ward). Unique. */
  code: string;
  nameVi: string;
  nameEn?: string;
  level: RegionLevel;
  kind: RegionKind;
  /** Absent only for provinces. A commune may point straight at a province. */
  parentCode?: string;
  /** When the unit existed; absent means "before records / still exists". */
  validFrom?: string;
  validTo?: string;
  /** For a unit merged into another, the code of its successor (e.g. KG → AG on 2025-07-01). */
  successorCode?: string;
}

export interface SeedProducer {
  slug: string;
  name: string;
  type: ProducerType;
  representative: string;
  address: string;
  regionCode: string;
  /** Fictitious contact details for everyone: phone numbers in the 0000 range, example.vn emails. */
  phone: string;
  email: string;
  website?: string;
  taxCode?: string;
}

export interface SeedImage {
  url: string;
  altVi: string;
  altEn?: string;
}

export interface SeedPhoto {
  /** File name in packages/api/seed-photos/. */
  file: string;
  altVi: string;
  altEn: string;
}

export interface SeedProduct {
  slug: string;
  nameVi: string;
  nameEn?: string;
  category: CategoryCode;
  regionCode: string;
  producerSlug: string;
  cycleStage: CycleStage;
  descriptionVi: string;
  descriptionEn?: string;
  storyVi?: string;
  storyEn?: string;
  images: SeedImage[];
  /** Photo files (in packages/api/seed-photos/) stored like uploads when the catalog is loaded. */
  photos?: SeedPhoto[];
  /** Trade information (checked by @ocop/domain's checkTrade when loaded); the sample's is illustrative. */
  trade?: TradeChanges;
  /** True for products named in public sources (DOMAIN.md); false for illustrative ones. */
  real: boolean;
  /** Oldest first. */
  evaluations: SeedEvaluation[];
}

export interface SeedEvaluation {
  councilLevel: CouncilLevel;
  criteriaVersion: CriteriaVersion;
  evaluatedOn: string;
  /** Part scores; maxima depend on the criteria version (A/B/C = 35/25/40 or 40/25/35). */
  scoreA: number;
  scoreB: number;
  scoreC: number;
  status: EvaluationStatus;
  /** Issued from this evaluation (only FINAL evaluations of 3★ or more). */
  certificate?: SeedCertificate;
}

export interface SeedCertificate {
  /** Unique, uppercase, e.g. 'KG-OCOP-2024-0123'. */
  number: string;
  decisionNumber: string;
  decisionDate: string;
  issuedOn: string;
  revokedOn?: string;
  revocationReason?: string;
}

export interface SeedTarget {
  /** e.g. 'PLAN118_2020_CERTIFIED', stable across loads. */
  code: string;
  planRef: string;
  descriptionVi: string;
  descriptionEn: string;
  periodFrom: string;
  periodTo: string;
  /** What is counted: products at >= minStars, or a budget in million VND, or trained share. */
  metric: 'CERTIFIED_PRODUCTS' | 'BUDGET_MILLION_VND' | 'TRAINED_PERCENT';
  minStars?: number;
  /** e.g. 'STATE' or 'PARTICIPANTS' for budget splits; absent for totals. */
  breakdown?: string;
  /** A range when the plan gives one (4–5 products): low and high; else equal. */
  valueMin: number;
  valueMax: number;
  /** Per district-level unit per year, when the target is stated that way. */
  perDistrictPerYear?: number;
}
