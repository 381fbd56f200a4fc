import { DomainError, ERROR_CODES } from '@ocop/domain';
import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { type ConnectionShape, pageWindow, toConnection } from '../../graphql/pagination.js';
import { Connection } from '../../graphql/relay.js';
import { runMutationAs } from '../audit/mutation.js';
import { requireRole } from '../auth/auth.guard.js';
import { IssueCertificateInput, RevokeCertificateInput } from './certificate.admin.inputs.js';
import { CertificateAdminService, ExpiringCertificates, MAX_EXPIRY_WINDOW_DAYS } from './certificate.admin.service.js';
import { Certificate } from './certificate.entity.js';

@ObjectType({
  simpleResolvers: true,
  description: 'Certificates valid today that expire soon, soonest first (Relay connection).',
})
export class ExpiringCertificateConnection extends Connection(Certificate, 'ExpiringCertificate', 'certificate') {}

@ArgsType()
class ExpiringCertificatesArgs {
  @Field(() => Int, { defaultValue: 30, description: `Days ahead to look, 0–${MAX_EXPIRY_WINDOW_DAYS}.` })
  withinDays!: number;

  @Field(() => Int, { nullable: true, description: 'Certificates per page, at most 100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after (`pageInfo.endCursor`).' })
  after?: string;
}

@Resolver()
export class CertificateAdminResolver {
  @Mutation(() => Certificate, {
    description:
      'Issues a certificate from a FINAL evaluation of 3★ or more (ADMIN). The council level that evaluated must still exist on the decision date (no district council from 1 Jul 2025: COUNCIL_LEVEL_ABOLISHED). It is valid for 36 months; the product’s previous certificate is superseded and the product is published from the issue date.',
  })
  issueCertificate(
    @Ctx() ctx: Context,
    @Arg('input', () => IssueCertificateInput, { description: 'The certificate to issue.' })
    input: IssueCertificateInput,
  ): Promise<Certificate> {
    return runMutationAs(ctx, ['ADMIN'], 'issueCertificate', (tx, audit) =>
      new CertificateAdminService(tx, audit, ctx.today).issue(input),
    );
  }

  @Mutation(() => Certificate, {
    description:
      'Revokes an ISSUED certificate with a reason (ADMIN). The product leaves the public catalog at once; the reason is kept in the audit log, never shown publicly.',
  })
  revokeCertificate(
    @Ctx() ctx: Context,
    @Arg('input', () => RevokeCertificateInput, { description: 'The certificate and the reason.' })
    input: RevokeCertificateInput,
  ): Promise<Certificate> {
    return runMutationAs(ctx, ['ADMIN'], 'revokeCertificate', (tx, audit) =>
      new CertificateAdminService(tx, audit, ctx.today).revoke(input),
    );
  }

  @Query(() => ExpiringCertificateConnection, {
    description:
      'Certificates valid today that expire within `withinDays` days, soonest first, so the office can tell producers to ask for re-evaluation (the rules require notice at least 30 days ahead). Computed from the dates at the time of the query. ADMIN only.',
  })
  async expiringCertificates(
    @Ctx() ctx: Context,
    @Args(() => ExpiringCertificatesArgs) { withinDays, first, after }: ExpiringCertificatesArgs,
  ): Promise<ConnectionShape<Certificate>> {
    requireRole(ctx, 'ADMIN');
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_EXPIRY_WINDOW_DAYS) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        `withinDays: ${withinDays} is out of range; look ahead from 0 to ${MAX_EXPIRY_WINDOW_DAYS} days (30 is the notice the rules require).`,
        [
          {
            field: 'withinDays',
            code: ERROR_CODES.VALIDATION_FAILED,
            message: `Look ahead from 0 to ${MAX_EXPIRY_WINDOW_DAYS} days.`,
          },
        ],
      );
    }
    const expiring = new ExpiringCertificates(ctx.em, ctx.today);
    const ordering = `EXPIRING:${withinDays}`;
    const total = await expiring.count(withinDays);
    return toConnection(pageWindow({ first, after }, ordering, total), ordering, total, (window) =>
      expiring.list(withinDays, window.offset, window.limit),
    );
  }
}
