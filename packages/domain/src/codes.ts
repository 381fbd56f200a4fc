/**
 * The closed vocabularies of the OCOP programme. Every other module, the database and the
 * GraphQL schema use these codes; names in Vietnamese and English live beside them.
 */

/** The six product groups of Decision 1048/QĐ-TTg (2019), in the plan's order. */
export const CATEGORY_CODES = ['FOOD', 'BEVERAGE', 'HERB', 'TEXTILE', 'SOUVENIR', 'TOURISM'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** Legal forms of an OCOP producer ("chủ thể OCOP"). */
export const PRODUCER_TYPES = ['ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD'] as const;
export type ProducerType = (typeof PRODUCER_TYPES)[number];

/** The six steps of the OCOP cycle, in order. */
export const CYCLE_STAGES = ['PROPAGANDA', 'IDEA', 'BUSINESS_PLAN', 'PRODUCTION', 'EVALUATION', 'PROMOTION'] as const;
export type CycleStage = (typeof CYCLE_STAGES)[number];

/** Council levels that evaluate products. DISTRICT existed until 30 June 2025. */
export const COUNCIL_LEVELS = ['DISTRICT', 'PROVINCE', 'CENTRAL'] as const;
export type CouncilLevel = (typeof COUNCIL_LEVELS)[number];

/** Score-sheet versions: Decision 1048/QĐ-TTg (2019) and Decision 148/QĐ-TTg (2023). */
export const CRITERIA_VERSIONS = ['QD1048_2019', 'QD148_2023'] as const;
export type CriteriaVersion = (typeof CRITERIA_VERSIONS)[number];

export const EVALUATION_STATUSES = ['DRAFT', 'FINAL'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Stored certificate status; EXPIRED is never stored, it is computed from dates at read time. */
export const STORED_CERTIFICATE_STATUSES = ['ISSUED', 'SUPERSEDED', 'REVOKED'] as const;
export type StoredCertificateStatus = (typeof STORED_CERTIFICATE_STATUSES)[number];

/** Levels of the administrative tree. Communes may sit directly under a province (since July 2025). */
export const REGION_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The kind of unit, which decides how its name is written ("Thành phố Rạch Giá", "Huyện Gò Quao"). */
export const REGION_KINDS = [
  'PROVINCE',
  'CITY',
  'TOWN',
  'DISTRICT',
  'WARD',
  'COMMUNE',
  'TOWNSHIP',
  'SPECIAL_ZONE',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export type Stars = 1 | 2 | 3 | 4 | 5;
export const STARS: readonly Stars[] = [1, 2, 3, 4, 5];
/** Only products with at least this many stars are certified OCOP products and published. */
export const MIN_CERTIFIED_STARS = 3;
