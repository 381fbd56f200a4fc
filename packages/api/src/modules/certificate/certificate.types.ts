import { Arg, Ctx, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { langOf, localized } from '../../graphql/language.js';
import { Certificate } from './certificate.entity.js';
import type { CertificateView } from './certificate.reader.js';

export const CertificateStatusEnum = {
  VALID: 'VALID',
  NOT_YET_VALID: 'NOT_YET_VALID',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
  SUPERSEDED: 'SUPERSEDED',
} as const;
registerEnumType(CertificateStatusEnum, {
  name: 'CertificateStatus',
  description: 'A certificate’s standing on the day of the query, computed from its dates.',
  valuesConfig: {
    VALID: { description: 'Issued and within its 36 months: the product is a certified OCOP product today.' },
    NOT_YET_VALID: { description: 'Its issue date is still ahead.' },
    EXPIRED: { description: 'Its 36 months have passed without a renewal on this number.' },
    REVOKED: { description: 'Withdrawn by the issuing authority.' },
    SUPERSEDED: { description: 'Replaced by a newer certificate for the same product (e.g. after re-evaluation).' },
  },
});

export const CertificateCheckResultEnum = {
  ...CertificateStatusEnum,
  NOT_FOUND: 'NOT_FOUND',
  INVALID_NUMBER: 'INVALID_NUMBER',
} as const;
export type CertificateCheckResult = keyof typeof CertificateCheckResultEnum;
registerEnumType(CertificateCheckResultEnum, {
  name: 'CertificateCheckResult',
  description: 'Outcome of checking a certificate number.',
  valuesConfig: {
    VALID: { description: 'The certificate exists and is valid today.' },
    NOT_YET_VALID: { description: 'The certificate exists but its issue date is still ahead.' },
    EXPIRED: { description: 'The certificate exists but has expired.' },
    REVOKED: { description: 'The certificate was revoked.' },
    SUPERSEDED: {
      description:
        'The certificate was replaced by a newer one for the same product; `latestCertificate` and the message say whether the product is still certified.',
    },
    NOT_FOUND: { description: 'No certificate has this number in the catalog.' },
    INVALID_NUMBER: { description: 'The text is not shaped like a certificate number.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'The answer to "is this certificate number genuine and valid today?".',
})
export class CertificateCheck {
  @Field(() => String, { description: 'The text that was checked, as sent.' })
  query!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The number after normalisation (spaces removed, uppercase), or null when it cannot be a number.',
  })
  number!: string | null;

  @Field(() => CertificateCheckResultEnum, { description: 'What the check found.' })
  result!: CertificateCheckResult;

  messageVi!: string;
  messageEn!: string;

  @Field(() => String, { description: 'One sentence for a buyer explaining the result.' })
  message(
    @Ctx() ctx: Context,
    @Arg('lang', () => LanguageEnum, { nullable: true, description: 'Language.' }) lang?: Lang,
  ): string {
    return localized(langOf(ctx, lang), this.messageVi, this.messageEn);
  }

  @Field(() => Certificate, { nullable: true, description: 'The certificate, when one has this number.' })
  certificate!: CertificateView | null;

  @Field(() => Certificate, {
    nullable: true,
    description:
      'For a SUPERSEDED certificate, the product’s newest certificate: the one that decides whether the product is certified today (see its `status`: VALID, EXPIRED, REVOKED…). Null for any other result, and when the catalog holds no newer certificate.',
  })
  latestCertificate!: CertificateView | null;
}
