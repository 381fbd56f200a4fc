import {
  CATEGORIES,
  CATEGORY_CODES,
  type CategoryCode,
  CERTIFICATE_FIELDS,
  checkEmail,
  checkPhone,
  cleanText,
  checkSlug,
  checkTaxCode,
  checkWebsite,
  COUNCIL_LEVELS,
  type CouncilLevel,
  CRITERIA_VERSIONS,
  type CriteriaVersion,
  CYCLE_STAGES,
  CYCLE_STEPS,
  type CycleStage,
  EVALUATION_STATUSES,
  type EvaluationStatus,
  type FieldCheck,
  foldVietnamese,
  isIsoDate,
  type IsoDate,
  MAX_SLUG_LENGTH,
  PRODUCER_FIELDS,
  PRODUCER_TYPE_INFO,
  PRODUCER_TYPES,
  PRODUCT_FIELDS,
  REGION_FIELDS,
  type ProducerType,
  REGION_KIND_NAMES,
  REGION_KINDS,
  REGION_LEVELS,
  type RegionKind,
  type RegionLevel,
  SCORE_SHEETS,
  STORED_CERTIFICATE_STATUSES,
  type StoredCertificateStatus,
} from '@ocop/domain';

/**
 * Cell values as people type them in spreadsheets, turned into the catalog's values: dates as
 * dd/mm/yyyy or ISO, decimal commas, "4 sao", and Vietnamese names for every code. Each parser
 * returns the value or a message saying what was wrong and what to write instead.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Words and codes compared without case, diacritics or punctuation. */
export function foldKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

/** Cell text as stored: the domain's cleanText (trimmed, Unicode NFC), as the admin mutations store it. */
export { cleanText };

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z)?)?$/u;

/** A calendar date written dd/mm/yyyy (also d/m/yyyy, with '.' or '-') or yyyy-mm-dd. */
export function parseDate(text: string): Parsed<IsoDate> {
  const hint = 'write it as dd/mm/yyyy (15/06/2024) or yyyy-mm-dd (2024-06-15)';
  const iso = ISO.exec(text);
  const dmy = iso ? undefined : DMY.exec(text);
  const date = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : dmy
      ? `${dmy[3]}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}`
      : undefined;
  if (date === undefined) {
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/u.test(text)) return fail(`"${text}" has a two-digit year; ${hint}`);
    return fail(`"${text}" is not a date; ${hint}`);
  }
  if (!isIsoDate(date)) return fail(`"${text}" is not a calendar date (no such day); ${hint}`);
  return ok(date);
}

/** A score such as 33, 33.5 or 33,5 (the Vietnamese decimal comma). Ranges are the domain's to check. */
export function parseScore(text: string): Parsed<number> {
  const normalized = /^\d+,\d+$/u.test(text) ? text.replace(',', '.') : text;
  if (!/^-?\d+(\.\d+)?$/u.test(normalized)) return fail(`"${text}" is not a number; write a score such as 33 or 33,5`);
  return ok(Number(normalized));
}

/** Stars written 4, "4 sao", "4★", "4*" or "4 stars". */
export function parseStars(text: string): Parsed<number> {
  const match = /^([1-5])\s*(?:★|\*|sao|stars?)?$/iu.exec(text);
  if (!match) return fail(`"${text}" is not a star rating; write 3, 4 or 5`);
  return ok(Number(match[1]));
}

/** A parser for one closed vocabulary: its codes, plus names (compared folded) for each code. */
function vocabulary<T extends string>(
  what: string,
  codes: readonly T[],
  names: Record<string, T>,
  help: string,
): (text: string) => Parsed<T> {
  const byName = new Map<string, T>();
  for (const code of codes) byName.set(foldKey(code), code);
  for (const [name, code] of Object.entries(names)) byName.set(foldKey(name), code);
  return (text: string) => {
    const code = byName.get(foldKey(text));
    return code ? ok(code) : fail(`"${text}" is not ${what}; ${help}`);
  };
}

const categoryNames: Record<string, CategoryCode> = {};
for (const c of CATEGORIES) {
  categoryNames[c.slug] = c.code;
  categoryNames[c.nameVi] = c.code;
  categoryNames[c.nameEn] = c.code;
}
categoryNames['Dược liệu'] = 'HERB';
categoryNames['Dược liệu và sản phẩm từ dược liệu'] = 'HERB';
categoryNames['Du lịch cộng đồng'] = 'TOURISM';

export const parseCategory = vocabulary<CategoryCode>(
  'a category',
  CATEGORY_CODES,
  categoryNames,
  `use one of ${CATEGORY_CODES.join(', ')} or its Vietnamese name (${CATEGORIES.map((c) => c.nameVi).join('; ')})`,
);

const producerTypeNames: Record<string, ProducerType> = {
  'Công ty': 'ENTERPRISE',
  HTX: 'COOPERATIVE',
  THT: 'COOPERATIVE_GROUP',
  'Hộ kinh doanh': 'HOUSEHOLD',
  'Cơ sở sản xuất': 'HOUSEHOLD',
  'Hộ gia đình': 'HOUSEHOLD',
};
for (const t of PRODUCER_TYPES) {
  producerTypeNames[PRODUCER_TYPE_INFO[t].nameVi] = t;
  producerTypeNames[PRODUCER_TYPE_INFO[t].nameEn] = t;
}
export const parseProducerType = vocabulary<ProducerType>(
  'a producer type',
  PRODUCER_TYPES,
  producerTypeNames,
  `use one of ${PRODUCER_TYPES.join(', ')} or Doanh nghiệp, Hợp tác xã, Tổ hợp tác, Hộ kinh doanh`,
);

export const parseCouncilLevel = vocabulary<CouncilLevel>(
  'a council level',
  COUNCIL_LEVELS,
  {
    Huyện: 'DISTRICT',
    'Cấp huyện': 'DISTRICT',
    Tỉnh: 'PROVINCE',
    'Cấp tỉnh': 'PROVINCE',
    Provincial: 'PROVINCE',
    'Trung ương': 'CENTRAL',
    'Cấp trung ương': 'CENTRAL',
    TW: 'CENTRAL',
    'Quốc gia': 'CENTRAL',
    'Cấp quốc gia': 'CENTRAL',
    National: 'CENTRAL',
  },
  `use DISTRICT, PROVINCE or CENTRAL (cấp huyện, cấp tỉnh, trung ương)`,
);

export const parseCriteriaVersion = vocabulary<CriteriaVersion>(
  'a score sheet',
  CRITERIA_VERSIONS,
  Object.fromEntries(
    CRITERIA_VERSIONS.flatMap((v) => [
      [SCORE_SHEETS[v].decision, v],
      [SCORE_SHEETS[v].decision.split('/')[0] ?? v, v],
      [`${SCORE_SHEETS[v].decision.split('/')[0]}/${SCORE_SHEETS[v].year}`, v],
    ]),
  ),
  `use ${CRITERIA_VERSIONS.join(' or ')} (or 1048, 148); leave it empty to use the score sheet in force on the evaluation date`,
);

const stageNames: Record<string, CycleStage> = {};
for (const s of CYCLE_STEPS) {
  stageNames[String(s.step)] = s.stage;
  stageNames[s.nameVi] = s.stage;
  stageNames[s.nameEn] = s.stage;
}
export const parseCycleStage = vocabulary<CycleStage>(
  'a step of the OCOP cycle',
  CYCLE_STAGES,
  stageNames,
  `use one of ${CYCLE_STAGES.join(', ')} or the step number 1–6`,
);

export const parseEvaluationStatus = vocabulary<EvaluationStatus>(
  'an evaluation status',
  EVALUATION_STATUSES,
  { Nháp: 'DRAFT', 'Bản nháp': 'DRAFT', 'Chính thức': 'FINAL', 'Đã chốt': 'FINAL' },
  'use FINAL (chính thức) or DRAFT (nháp); empty means FINAL',
);

export const parseCertificateStatus = vocabulary<StoredCertificateStatus>(
  'a certificate status',
  STORED_CERTIFICATE_STATUSES,
  {
    'Còn hiệu lực': 'ISSUED',
    'Hiệu lực': 'ISSUED',
    'Đã cấp': 'ISSUED',
    'Thu hồi': 'REVOKED',
    'Đã thu hồi': 'REVOKED',
    'Bị thu hồi': 'REVOKED',
    'Thay thế': 'SUPERSEDED',
    'Đã thay thế': 'SUPERSEDED',
    'Bị thay thế': 'SUPERSEDED',
  },
  'use ISSUED, SUPERSEDED or REVOKED (còn hiệu lực, đã thay thế, đã thu hồi); empty means ISSUED',
);

export const parseRegionLevel = vocabulary<RegionLevel>(
  'a level of the administrative tree',
  REGION_LEVELS,
  {
    Tỉnh: 'PROVINCE',
    'Cấp tỉnh': 'PROVINCE',
    Huyện: 'DISTRICT',
    'Cấp huyện': 'DISTRICT',
    Xã: 'COMMUNE',
    'Cấp xã': 'COMMUNE',
  },
  `use ${REGION_LEVELS.join(', ')} (cấp tỉnh, cấp huyện, cấp xã)`,
);

export const parseRegionKind = vocabulary<RegionKind>(
  'a kind of administrative unit',
  REGION_KINDS,
  Object.fromEntries(
    REGION_KINDS.flatMap((k) => [
      [REGION_KIND_NAMES[k].vi, k],
      [REGION_KIND_NAMES[k].en, k],
    ]),
  ),
  `use one of ${REGION_KINDS.join(', ')} or its Vietnamese name (Thành phố, Huyện, Phường, Xã…)`,
);

/**
 * The longest text each cell may hold, by the importer's names: the domain's field rules, which
 * the admin mutations apply too. Slugs the importer makes from names may be longer than the 80
 * characters the mutations make (see checkSlug in modules/audit/mutation.ts), on purpose: rows
 * find the products already in the catalog by the slug their name makes.
 */
export const LENGTH = {
  regionCode: REGION_FIELDS.code.max,
  regionName: REGION_FIELDS.nameVi.max,
  slug: MAX_SLUG_LENGTH,
  name: PRODUCER_FIELDS.name.max,
  representative: PRODUCER_FIELDS.representative.max,
  address: PRODUCER_FIELDS.address.max,
  productName: PRODUCT_FIELDS.nameVi.max,
  descriptionVi: PRODUCT_FIELDS.descriptionVi.max,
  descriptionEn: PRODUCT_FIELDS.descriptionEn.max,
  storyVi: PRODUCT_FIELDS.storyVi.max,
  storyEn: PRODUCT_FIELDS.storyEn.max,
  decisionNumber: CERTIFICATE_FIELDS.decisionNumber.max,
} as const;

/**
 * A domain field check as a cell parser: the same rule, length and message as the admin
 * mutations give (without the final full stop, which the row's problem adds).
 */
function fieldParser(check: (text: string) => FieldCheck): (text: string) => Parsed<string> {
  return (text) => {
    const checked = check(text);
    return checked.ok ? ok(checked.value) : fail(checked.message.replace(/\.$/u, ''));
  };
}

/** A URL slug as the catalog writes them; the message suggests the slug the text would make. */
export const parseSlug = fieldParser(checkSlug);
export const parseEmail = fieldParser(checkEmail);
export const parsePhone = fieldParser(checkPhone);
export const parseWebsite = fieldParser(checkWebsite);
/** A Vietnamese tax code (mã số thuế), stored without the spaces it is often copied with. */
export const parseTaxCode = fieldParser(checkTaxCode);
