import {
  CATEGORIES,
  CERTIFICATION_SCHEME_INFO,
  CERTIFICATION_SCHEMES,
  EXPORT_READINESS,
  EXPORT_READINESS_INFO,
  CATEGORY_CODES,
  COUNCIL_LEVELS,
  CYCLE_STEPS,
  CYCLE_STAGES,
  PRODUCER_TYPE_INFO,
  PRODUCER_TYPES,
  REGION_KIND_NAMES,
  REGION_KINDS,
  REGION_LEVELS,
} from '@ocop/domain';
import { registerEnumType } from 'type-graphql';

/** type-graphql registers enums from objects; ours are const arrays shared with the database. */
function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const CategoryCodeEnum = enumObject(CATEGORY_CODES);
registerEnumType(CategoryCodeEnum, {
  name: 'CategoryCode',
  description: 'The six OCOP product groups of Decision 1048/QĐ-TTg (2019).',
  valuesConfig: Object.fromEntries(CATEGORIES.map((c) => [c.code, { description: `${c.nameEn} (${c.nameVi}).` }])),
});

export const ProducerTypeEnum = enumObject(PRODUCER_TYPES);
registerEnumType(ProducerTypeEnum, {
  name: 'ProducerType',
  description: 'Legal form of an OCOP producer ("chủ thể OCOP").',
  valuesConfig: Object.fromEntries(
    PRODUCER_TYPES.map((t) => [
      t,
      { description: `${PRODUCER_TYPE_INFO[t].nameEn} (${PRODUCER_TYPE_INFO[t].nameVi}).` },
    ]),
  ),
});

export const CycleStageEnum = enumObject(CYCLE_STAGES);
registerEnumType(CycleStageEnum, {
  name: 'CycleStage',
  description: 'The six steps of the OCOP cycle, in order.',
  valuesConfig: Object.fromEntries(
    CYCLE_STEPS.map((s) => [s.stage, { description: `Step ${s.step}: ${s.nameEn} (${s.nameVi}).` }]),
  ),
});

export const CouncilLevelEnum = enumObject(COUNCIL_LEVELS);
registerEnumType(CouncilLevelEnum, {
  name: 'CouncilLevel',
  description: 'Level of the evaluation council that rated a product or issued a certificate.',
  valuesConfig: {
    DISTRICT: { description: 'District-level council (until 30 June 2025, when the district level was abolished).' },
    PROVINCE: { description: 'Provincial council.' },
    CENTRAL: { description: 'Central (national) council, which awards 5★.' },
  },
});

export const RegionLevelEnum = enumObject(REGION_LEVELS);
registerEnumType(RegionLevelEnum, {
  name: 'RegionLevel',
  description: 'Level in the administrative tree. Since July 2025 communes may sit directly under a province.',
  valuesConfig: {
    PROVINCE: { description: 'Province or centrally governed city.' },
    DISTRICT: { description: 'District-level unit: district, provincial city or town (abolished 1 July 2025).' },
    COMMUNE: { description: 'Commune-level unit: commune, ward, township or special zone.' },
  },
});

export const RegionKindEnum = enumObject(REGION_KINDS);
registerEnumType(RegionKindEnum, {
  name: 'RegionKind',
  description: 'The kind of administrative unit, which decides how its full name is written.',
  valuesConfig: Object.fromEntries(
    REGION_KINDS.map((k) => [k, { description: `${REGION_KIND_NAMES[k].en} (${REGION_KIND_NAMES[k].vi}).` }]),
  ),
});

export const LanguageEnum = { VI: 'vi', EN: 'en' } as const;
registerEnumType(LanguageEnum, {
  name: 'Language',
  description:
    'Language of text fields. Without an argument the Accept-Language header decides; Vietnamese is the default and the fallback where no translation exists.',
  valuesConfig: { VI: { description: 'Vietnamese (tiếng Việt).' }, EN: { description: 'English.' } },
});

export const CertificationSchemeEnum = enumObject(CERTIFICATION_SCHEMES);
registerEnumType(CertificationSchemeEnum, {
  name: 'CertificationScheme',
  description: 'Certifications other than OCOP that trade buyers ask about.',
  valuesConfig: Object.fromEntries(
    CERTIFICATION_SCHEMES.map((s) => [
      s,
      { description: `${CERTIFICATION_SCHEME_INFO[s].nameEn} (${CERTIFICATION_SCHEME_INFO[s].nameVi}).` },
    ]),
  ),
});

export const ExportReadinessEnum = enumObject(EXPORT_READINESS);
registerEnumType(ExportReadinessEnum, {
  name: 'ExportReadiness',
  description: 'How far a product is from being sold abroad, as its producer states it.',
  valuesConfig: Object.fromEntries(
    EXPORT_READINESS.map((r) => [
      r,
      { description: `${EXPORT_READINESS_INFO[r].nameEn} (${EXPORT_READINESS_INFO[r].nameVi}).` },
    ]),
  ),
});
