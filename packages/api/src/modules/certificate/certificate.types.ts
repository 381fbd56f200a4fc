import type { CertificateStatus } from '@ocop/domain';
import { Arg, Ctx, Field, ObjectType } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { describedEnum, LanguageEnum } from '../../graphql/enums.js';
import { langOf, localized } from '../../graphql/language.js';
import { Certificate } from './certificate.entity.js';
import type { CertificateView } from './certificate.reader.js';

export const CertificateStatusEnum = describedEnum<CertificateStatus>(
  'CertificateStatus',
  'A certificate’s standing on the day of the query, computed from its dates.',
  {
    VALID: 'Issued and within its 36 months: the product is a certified OCOP product today.',
    NOT_YET_VALID: 'Its issue date is still ahead.',
    EXPIRED: 'Its 36 months have passed without a renewal on this number.',
    REVOKED: 'Withdrawn by the issuing authority.',
    SUPERSEDED: 'Replaced by a newer certificate for the same product (e.g. after re-evaluation).',
  },
);

export const CertificateCheckResultEnum = describedEnum<CertificateStatus | 'NOT_FOUND' | 'INVALID_NUMBER'>(
  'CertificateCheckResult',
  'Outcome of checking a certificate number.',
  {
    VALID: 'The certificate exists and is valid today.',
    NOT_YET_VALID: 'The certificate exists but its issue date is still ahead.',
    EXPIRED: 'The certificate exists but has expired.',
    REVOKED: 'The certificate was revoked.',
    SUPERSEDED:
      'The certificate was replaced by a newer one for the same product; `latestCertificate` and the message say whether the product is still certified.',
    NOT_FOUND: 'No certificate has this number in the catalog.',
    INVALID_NUMBER: 'The text is not shaped like a certificate number.',
  },
);
export type CertificateCheckResult = keyof typeof CertificateCheckResultEnum;

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
