import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { encodeId } from '../../graphql/ids.js';
import { langArg, langOf, localized } from '../../graphql/language.js';
import { Product } from '../product/product.entity.js';
import type { ProductView } from '../product/product.reader.js';
import { Certificate } from './certificate.entity.js';
import type { CertificateView } from './certificate.reader.js';
import { CertificateService, statusOf } from './certificate.service.js';
import { CertificateCheck, type CertificateCheckResult, CertificateStatusEnum } from './certificate.types.js';

@Resolver(() => Certificate)
export class CertificateResolver {
  @Query(() => CertificateCheck, {
    description:
      'Checks a certificate number as printed on a package (spaces, dashes and case are forgiven): valid today, expired, revoked or unknown. Never an error for an unknown number.',
  })
  certificate(
    @Ctx() ctx: Context,
    @Arg('number', () => String, { description: 'The number to check, e.g. "KG-OCOP-2024-0123".' }) number: string,
  ): Promise<CertificateCheck> {
    return new CertificateService(ctx.em, ctx.today).check(number);
  }

  @FieldResolver(() => ID, { description: 'Opaque global ID (Relay).' })
  id(@Root() certificate: CertificateView): string {
    return encodeId('Certificate', certificate.id);
  }

  @FieldResolver(() => CertificateStatusEnum, { description: 'Standing on the day of the query.' })
  status(@Root() certificate: CertificateView, @Ctx() ctx: Context): CertificateCheckResult {
    return statusOf(certificate, ctx.today);
  }

  @FieldResolver(() => String, { description: 'Name of the certified product, as on the certificate.' })
  async productName(
    @Root() c: CertificateView,
    @Ctx() ctx: Context,
    @Arg('lang', () => LanguageEnum, langArg) lang?: Lang,
  ): Promise<string> {
    const product = (await ctx.loaders.product.load(c.product.id)) as ProductView;
    return localized(langOf(ctx, lang), product.nameVi, product.nameEn);
  }

  @FieldResolver(() => String, { description: 'Name of the producer holding the certificate.' })
  async producerName(@Root() c: CertificateView, @Ctx() ctx: Context): Promise<string> {
    const product = (await ctx.loaders.product.load(c.product.id)) as ProductView;
    return (await ctx.loaders.producer.load(product.producer.id))?.name ?? '';
  }

  @FieldResolver(() => Product, {
    nullable: true,
    description: 'The product’s catalog entry, only while it is published (null for expired or revoked certificates).',
  })
  async product(@Root() c: CertificateView, @Ctx() ctx: Context): Promise<ProductView | null> {
    if (!(await ctx.loaders.productPublished.load(c.product.id))) return null;
    return (await ctx.loaders.product.load(c.product.id)) ?? null;
  }
}
