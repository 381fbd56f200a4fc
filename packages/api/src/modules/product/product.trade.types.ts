import {
  CERTIFICATION_SCHEME_INFO,
  type CertificationScheme,
  countryName,
  type ExportReadiness,
  type IsoDate,
  type OtherCertification as OtherCertificationValue,
  type ProductTrade as ProductTradeValue,
  TRADE_LIMITS,
} from '@ocop/domain';
import { Arg, Ctx, Extensions, Field, Int, ObjectType } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { CertificationSchemeEnum, ExportReadinessEnum, LanguageEnum } from '../../graphql/enums.js';
import { langArg } from '../../graphql/language.js';

/**
 * The text in the language asked for, or null when it was not given in that language: trade
 * terms are never passed off as a translation, and clients (the site) choose their own fallback.
 */
function text(lang: Lang, vi: string | null, en: string | null): string | null {
  return lang === 'en' ? en : vi;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A certification other than OCOP (VietGAP, HACCP, ISO 22000, organic…).',
})
export class OtherCertification {
  @Field(() => CertificationSchemeEnum, { description: 'The scheme.' })
  scheme!: CertificationScheme;

  @Field(() => String, { nullable: true, description: 'The certificate’s number, when recorded.' })
  number!: string | null;

  @Field(() => String, { nullable: true, description: 'Last valid day (YYYY-MM-DD), when recorded.' })
  expiresOn!: string | null;

  today!: IsoDate;
  lang?: Lang;

  @Field(() => String, { description: 'The scheme’s name as printed: "VietGAP", "ISO 22000".' })
  name(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    const info = CERTIFICATION_SCHEME_INFO[this.scheme];
    return (lang ?? this.lang ?? ctx.lang) === 'en' ? info.nameEn : info.nameVi;
  }

  @Field(() => Boolean, { description: 'False once the recorded expiry date has passed (Vietnam time).' })
  valid(): boolean {
    return this.expiresOn === null || this.expiresOn >= this.today;
  }
}

@ObjectType({ simpleResolvers: true, description: 'A country a product is sold to.' })
export class Country {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code, e.g. JP.' })
  code!: string;
  lang?: Lang;

  @Field(() => String, { description: 'The country’s name.' })
  name(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string {
    return countryName(this.code, lang ?? this.lang ?? ctx.lang) ?? this.code;
  }
}

@ObjectType({
  simpleResolvers: true,
  description: 'A community-tourism offer: duration, price, season and how to book.',
})
export class TourOffer {
  value!: ProductTradeValue;
  lang?: Lang;

  @Field(() => String, { nullable: true, description: 'How long it lasts, e.g. "Nửa ngày (4 giờ)".' })
  duration(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.tourDurationVi, this.value.tourDurationEn);
  }

  @Field(() => Int, { nullable: true, description: 'Price per person in VND.' })
  pricePerPerson(): number | null {
    return this.value.tourPricePerPerson;
  }

  @Field(() => String, { nullable: true, description: 'When it runs, e.g. "November to April".' })
  season(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.tourSeasonVi, this.value.tourSeasonEn);
  }

  @Field(() => String, { nullable: true, description: 'Phone, e-mail or web address to book.' })
  bookingContact(): string | null {
    return this.value.bookingContact;
  }
}

/** What a trade buyer needs before asking for a quote. Every field is optional. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Trade information: pack sizes, prices in VND, minimum order, capacity, shelf life, other certifications, export markets and readiness, lead time, samples; the tour for community-tourism products. Every field is optional, as the producer gave it; a text is null in a language it was not given in (no fallback, so a term is never shown as a translation it is not).',
})
export class ProductTrade {
  value!: ProductTradeValue;
  today!: IsoDate;
  /** The language chosen on `Product.trade(lang:)`, for every text below without its own. */
  lang?: Lang;

  @Field(() => String, { nullable: true, description: 'Pack sizes and specifications.' })
  packaging(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.packagingVi, this.value.packagingEn);
  }

  @Field(() => String, { nullable: true, description: 'The unit the prices are for, e.g. "500 ml bottle".' })
  priceUnit(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.priceUnitVi, this.value.priceUnitEn);
  }

  @Field(() => Int, { nullable: true, description: 'Lowest retail price in VND (per `priceUnit`).' })
  retailPriceMin(): number | null {
    return this.value.retailPriceMin;
  }

  @Field(() => Int, { nullable: true, description: 'Highest retail price in VND (per `priceUnit`).' })
  retailPriceMax(): number | null {
    return this.value.retailPriceMax;
  }

  @Field(() => Int, { nullable: true, description: 'Wholesale price in VND (per `priceUnit`).' })
  wholesalePrice(): number | null {
    return this.value.wholesalePrice;
  }

  @Field(() => String, { nullable: true, description: 'The smallest order the producer accepts.' })
  minimumOrder(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.minimumOrderVi, this.value.minimumOrderEn);
  }

  @Field(() => String, { nullable: true, description: 'How much the producer can supply a month.' })
  monthlyCapacity(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.monthlyCapacityVi, this.value.monthlyCapacityEn);
  }

  @Field(() => Int, { nullable: true, description: 'Shelf life in days (a month counts 30).' })
  shelfLifeDays(): number | null {
    return this.value.shelfLifeDays;
  }

  @Field(() => String, { nullable: true, description: 'How to store it.' })
  storage(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.storageVi, this.value.storageEn);
  }

  @Extensions({ listSize: TRADE_LIMITS.certifications })
  @Field(() => [OtherCertification], { description: 'Other certifications, expired ones included (see `valid`).' })
  certifications(): OtherCertification[] {
    return this.value.certifications.map((c: OtherCertificationValue) =>
      Object.assign(new OtherCertification(), c, { today: this.today, lang: this.lang }),
    );
  }

  @Field(() => ExportReadinessEnum, { nullable: true, description: 'Whether the product is sold abroad, or could be.' })
  exportReadiness(): ExportReadiness | null {
    return this.value.exportReadiness;
  }

  @Extensions({ listSize: 5 })
  @Field(() => [Country], { description: 'Countries the product is sold to now.' })
  exportMarkets(): Country[] {
    return this.value.exportMarkets.map((code) => Object.assign(new Country(), { code, lang: this.lang }));
  }

  @Field(() => Int, { nullable: true, description: 'Days from order to dispatch.' })
  leadTimeDays(): number | null {
    return this.value.leadTimeDays;
  }

  @Field(() => String, { nullable: true, description: 'Whether and how samples are sent.' })
  samplePolicy(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.samplePolicyVi, this.value.samplePolicyEn);
  }

  @Field(() => String, { nullable: true, description: 'A remark on these figures (e.g. prices exclude VAT).' })
  note(@Ctx() ctx: Context, @Arg('lang', () => LanguageEnum, langArg) lang?: Lang): string | null {
    return text(lang ?? this.lang ?? ctx.lang, this.value.noteVi, this.value.noteEn);
  }

  @Field(() => TourOffer, { nullable: true, description: 'The tour, for community-tourism products; null otherwise.' })
  tour(): TourOffer | null {
    const v = this.value;
    const any = [
      v.tourDurationVi,
      v.tourDurationEn,
      v.tourPricePerPerson,
      v.tourSeasonVi,
      v.tourSeasonEn,
      v.bookingContact,
    ];
    return any.some((x) => x !== null) ? Object.assign(new TourOffer(), { value: v, lang: this.lang }) : null;
  }
}
