import { type IsoDate, addDays } from '@ocop/domain';
import {
  Arg,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { encodeId } from '../../graphql/ids.js';
import { requireId } from '../audit/mutation.js';
import { ApiToken } from './api-token.entity.js';
import { requireRole } from './auth.guard.js';
import { MAX_PARTNER_QUOTA, TokenService } from './token.service.js';

/** The allowance a partner key gets when issued without a quota (ten times the public one). */
export const PARTNER_DEFAULT_NOTE =
  'null: the default partner allowance, ten times the public one (RATE_LIMIT × 10 units a minute).';

@ObjectType({ simpleResolvers: true, description: 'Requests a partner key made on one day (Vietnam time).' })
export class PartnerKeyUsage {
  @Field(() => String, { description: 'The day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Int, { description: 'Requests sent with the key.' })
  requests!: number;

  @Field(() => Int, {
    description: 'Allowance units they cost (1 a request, plus 1 per 1,000 of estimated cost), rounded.',
  })
  units!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A partner app’s key: public reads with an allowance of its own (ADMIN only).',
})
export class PartnerKey {
  @Field(() => ID, { description: 'Opaque ID of the key (not the key itself, which is shown only once).' })
  id!: string;

  @Field(() => String, { description: 'Who holds it, e.g. "Cổng thông tin tỉnh An Giang".' })
  name!: string;

  @Field(() => Int, { nullable: true, description: `Units a minute the key may spend; ${PARTNER_DEFAULT_NOTE}` })
  quotaPerMinute!: number | null;

  @Field(() => String, { description: 'When it was issued (ISO 8601).' })
  createdAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'When it was last used (ISO 8601; written about once a minute).',
  })
  lastUsedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When it was revoked; revoked keys are refused from the next request.',
  })
  revokedAt!: string | null;

  tokenId!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A newly issued partner key: the key is shown here once and never again.',
})
export class IssuedPartnerKey {
  @Field(() => String, {
    description: 'The key (ocop_…): give it to the partner, who sends it as "Authorization: Bearer <key>".',
  })
  key!: string;

  @Field(() => PartnerKey, { description: 'The key’s record.' })
  partnerKey!: PartnerKey;
}

@InputType({ description: 'A partner key to issue.' })
export class CreatePartnerKeyInput {
  @Field(() => String, { description: 'Who holds it: the partner app and its operator, at most 100 characters.' })
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: `Units a minute the key may spend, 1–${MAX_PARTNER_QUOTA.toLocaleString('en')}; leave out for the default (${PARTNER_DEFAULT_NOTE.slice(6)})`,
  })
  quotaPerMinute?: number;
}

function view(record: ApiToken): PartnerKey {
  return Object.assign(new PartnerKey(), {
    id: encodeId('ApiToken', record.id),
    tokenId: record.id,
    name: record.name,
    quotaPerMinute: record.quotaPerMinute ?? null,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  });
}

@Resolver(() => PartnerKey)
export class PartnerKeyResolver {
  @Query(() => [PartnerKey], { description: 'Partner keys, newest first, with their usage (ADMIN).' })
  @Extensions({ listSize: 20 })
  async partnerKeys(@Ctx() ctx: Context): Promise<PartnerKey[]> {
    requireRole(ctx, 'ADMIN');
    const rows = await ctx.em.find(ApiToken, { role: 'PARTNER' }, { orderBy: { id: 'desc' } });
    return rows.map(view);
  }

  @Mutation(() => IssuedPartnerKey, {
    description:
      'Issues a key to a partner app (ADMIN). It reads only what the public reads, with its own allowance, counted per day; `revokePartnerKey` refuses it from the next request.',
  })
  async createPartnerKey(
    @Ctx() ctx: Context,
    @Arg('input', () => CreatePartnerKeyInput, { description: 'Who holds the key, and its allowance.' })
    input: CreatePartnerKeyInput,
  ): Promise<IssuedPartnerKey> {
    const caller = requireRole(ctx, 'ADMIN');
    const { token, record } = await new TokenService(ctx.em).create(
      { name: input.name, role: 'PARTNER', quotaPerMinute: input.quotaPerMinute ?? null },
      caller,
      ctx.today,
    );
    return Object.assign(new IssuedPartnerKey(), { key: token, partnerKey: view(record) });
  }

  @Mutation(() => PartnerKey, { description: 'Revokes a partner key (ADMIN): refused from the next request on.' })
  async revokePartnerKey(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The key’s `id`.' }) id: string,
  ): Promise<PartnerKey> {
    const caller = requireRole(ctx, 'ADMIN');
    const tokenId = requireId('id', id, 'ApiToken');
    return view(await new TokenService(ctx.em).revoke(tokenId, caller, new Date(), 'PARTNER'));
  }

  @FieldResolver(() => [PartnerKeyUsage], {
    description: 'Requests and units per day, newest first (written about once a minute).',
  })
  @Extensions({ listSize: 31 })
  async usage(
    @Root() key: PartnerKey,
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { defaultValue: 7, description: 'How many days back from today, 1–90.' }) days: number,
  ): Promise<PartnerKeyUsage[]> {
    const span = Math.max(1, Math.min(90, Math.trunc(days)));
    const from: IsoDate = addDays(ctx.today, -(span - 1));
    const rows = await ctx.em
      .getConnection()
      .execute<{ day: string | Date; requests: number | string; units: number | string }[]>(
        'select day, requests, units from api_token_usage where token_id = ? and day >= ? order by day desc',
        [key.tokenId, from],
      );
    return rows.map((r) =>
      Object.assign(new PartnerKeyUsage(), {
        day: (r.day instanceof Date ? r.day.toISOString() : String(r.day)).slice(0, 10),
        requests: Number(r.requests),
        units: Math.round(Number(r.units)),
      }),
    );
  }
}
