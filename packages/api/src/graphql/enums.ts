import {
  CATEGORY_CODES,
  CERTIFICATION_SCHEME_INFO,
  CERTIFICATION_SCHEMES,
  CYCLE_STAGES,
  type CouncilLevel,
  categoryByCode,
  cycleStep,
  EXPORT_READINESS,
  EXPORT_READINESS_INFO,
  PRODUCER_TYPE_INFO,
  PRODUCER_TYPES,
  REGION_KIND_NAMES,
  REGION_KINDS,
  type RegionLevel,
} from '@ocop/domain';
import { registerEnumType } from 'type-graphql';

/**
 * Declares a GraphQL enum whose values are their own names. One object lists the values, in
 * schema order, each with its description; the returned object is what `@Field(() => …)` takes.
 */
export function describedEnum<T extends string>(
  name: string,
  description: string,
  values: { readonly [K in T]: string },
): { [K in T]: K } {
  const enumObj = Object.fromEntries(Object.keys(values).map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObj, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries<string>(values).map(([v, d]) => [v, { description: d }])) as Record<
      T,
      { description: string }
    >,
  });
  return enumObj;
}

/** Descriptions of a domain list's values by one rule, in the list's order. */
function describeEach<T extends string>(values: readonly T[], describe: (value: T) => string): { [K in T]: string } {
  return Object.fromEntries(values.map((v) => [v, describe(v)])) as { [K in T]: string };
}

/** "English name (Vietnamese name).", for values the domain names in both languages. */
function bilingual(names: { nameEn: string; nameVi: string }): string {
  return `${names.nameEn} (${names.nameVi}).`;
}

export const CategoryCodeEnum = describedEnum(
  'CategoryCode',
  'The six OCOP product groups of Decision 1048/QĐ-TTg (2019).',
  describeEach(CATEGORY_CODES, (code) => bilingual(categoryByCode(code))),
);

export const ProducerTypeEnum = describedEnum(
  'ProducerType',
  'Legal form of an OCOP producer ("chủ thể OCOP").',
  describeEach(PRODUCER_TYPES, (t) => bilingual(PRODUCER_TYPE_INFO[t])),
);

export const CycleStageEnum = describedEnum(
  'CycleStage',
  'The six steps of the OCOP cycle, in order.',
  describeEach(CYCLE_STAGES, (stage) => {
    const s = cycleStep(stage);
    return `Step ${s.step}: ${bilingual(s)}`;
  }),
);

export const CouncilLevelEnum = describedEnum<CouncilLevel>(
  'CouncilLevel',
  'Level of the evaluation council that rated a product or issued a certificate.',
  {
    DISTRICT: 'District-level council (until 30 June 2025, when the district level was abolished).',
    PROVINCE: 'Provincial council.',
    CENTRAL: 'Central (national) council, which awards 5★.',
  },
);

export const RegionLevelEnum = describedEnum<RegionLevel>(
  'RegionLevel',
  'Level in the administrative tree. Since July 2025 communes may sit directly under a province.',
  {
    PROVINCE: 'Province or centrally governed city.',
    DISTRICT: 'District-level unit: district, provincial city or town (abolished 1 July 2025).',
    COMMUNE: 'Commune-level unit: commune, ward, township or special zone.',
  },
);

export const RegionKindEnum = describedEnum(
  'RegionKind',
  'The kind of administrative unit, which decides how its full name is written.',
  describeEach(REGION_KINDS, (k) => `${REGION_KIND_NAMES[k].en} (${REGION_KIND_NAMES[k].vi}).`),
);

/** The one enum whose values are not its names: the lowercase codes of Accept-Language. */
export const LanguageEnum = { VI: 'vi', EN: 'en' } as const;
registerEnumType(LanguageEnum, {
  name: 'Language',
  description:
    'Language of text fields. Without an argument the Accept-Language header decides; Vietnamese is the default and the fallback where no translation exists.',
  valuesConfig: { VI: { description: 'Vietnamese (tiếng Việt).' }, EN: { description: 'English.' } },
});

export const CertificationSchemeEnum = describedEnum(
  'CertificationScheme',
  'Certifications other than OCOP that trade buyers ask about.',
  describeEach(CERTIFICATION_SCHEMES, (s) => bilingual(CERTIFICATION_SCHEME_INFO[s])),
);

export const ExportReadinessEnum = describedEnum(
  'ExportReadiness',
  'How far a product is from being sold abroad, as its producer states it.',
  describeEach(EXPORT_READINESS, (r) => bilingual(EXPORT_READINESS_INFO[r])),
);
