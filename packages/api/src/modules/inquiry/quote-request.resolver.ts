import type { QuoteRequestInputValues } from '@ocop/domain';
import { DomainError, ERROR_CODES } from '@ocop/domain';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context, Lang } from '../../graphql/context.js';
import { LanguageEnum } from '../../graphql/enums.js';
import { pageSize } from '../../graphql/pagination.js';
import { Connection, decodeCursor, encodeCursor, ForwardPageArgs } from '../../graphql/relay.js';
import { encodeId } from '../../graphql/ids.js';
import { requireId } from '../audit/mutation.js';
import { requireRole } from '../auth/auth.guard.js';
import { Producer } from '../producer/producer.entity.js';
import { Product } from '../product/product.entity.js';
import { type DeliveryStatus, DeliveryStatusEnum, QuoteRequest } from './quote-request.entity.js';
import { QuoteRequestService } from './quote-request.service.js';

@InputType({
  description:
    'A buyer’s request for a quote, to the producer of a product (productSlug) or to a producer (producerSlug). The details are passed to the producer only with the buyer’s consent (Decree 13/2023/NĐ-CP).',
})
export class RequestQuoteInput implements QuoteRequestInputValues {
  @Field(() => String, { nullable: true, description: 'The product asked about (its slug).' })
  productSlug?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Or the producer asked (its slug), for a request about several products.',
  })
  producerSlug?: string | null;

  @Field(() => String, { description: 'The buyer’s name (at most 120 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The buyer’s company.' })
  company?: string | null;

  @Field(() => String, { nullable: true, description: 'The buyer’s country, ISO 3166-1 alpha-2 (VN, JP, US…).' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail to answer to; an e-mail or a phone is required.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone to answer to.' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Quantity wanted, in the buyer’s words ("200 bottles a month").',
  })
  quantity?: string | null;

  @Field(() => String, { description: 'The message, plain text (at most 2,000 characters).' })
  message!: string;

  @Field(() => Boolean, {
    description:
      'True when the buyer agrees that these details are passed to the producer to answer this request; false or missing is refused with CONSENT_REQUIRED.',
  })
  consent!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Leave empty. Forms hide this field from people; a value is refused with SPAM_SUSPECTED.',
  })
  website?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'What the buyer is told after sending a quote request.' })
export class QuoteRequestReceipt {
  @Field(() => String, { description: 'The reference to quote when following up, e.g. RQ-7K4M-2P9X.' })
  reference!: string;

  @Field(() => DeliveryStatusEnum, { description: 'Whether the mail reached the producer.' })
  status!: DeliveryStatus;

  producerName!: string;

  @Field(() => String, { description: 'A sentence for the buyer saying what happens next.' })
  message(
    @Ctx() ctx: Context,
    @Arg('lang', () => LanguageEnum, { nullable: true, description: 'Language.' }) lang?: Lang,
  ): string {
    const vi = (lang ?? ctx.lang) === 'vi';
    if (this.status === 'SENT') {
      return vi
        ? `Yêu cầu ${this.reference} đã được gửi tới ${this.producerName}. Chủ thể sẽ trả lời trực tiếp cho bạn.`
        : `Request ${this.reference} was sent to ${this.producerName}, who will answer you directly.`;
    }
    return vi
      ? `Yêu cầu ${this.reference} đã được lưu nhưng chưa gửi được tới ${this.producerName}; văn phòng OCOP sẽ chuyển cho chủ thể. Bạn cũng có thể gọi điện trực tiếp.`
      : `Request ${this.reference} is saved but could not be sent to ${this.producerName} yet; the OCOP office will pass it on. You can also call them directly.`;
  }
}

@ObjectType({ simpleResolvers: true, description: 'A page of quote requests, newest first (Relay connection).' })
export class QuoteRequestConnection extends Connection(QuoteRequest, 'QuoteRequest', 'quote request') {}

@ArgsType()
class QuoteRequestsArgs extends ForwardPageArgs('Requests') {
  @Field(() => DeliveryStatusEnum, { nullable: true, description: 'Only requests in this delivery state.' })
  status?: DeliveryStatus;
}

const CURSOR_TAG = 'QUOTE';

@Resolver(() => QuoteRequest)
export class QuoteRequestResolver {
  @Mutation(() => QuoteRequestReceipt, {
    description:
      'Public: a buyer asks a producer for a quote. Stored with a reference, then mailed to the producer (plain text) when the server has a mail server (SMTP_URL); otherwise kept for the office (NOT_CONFIGURED). Refusals: VALIDATION_FAILED, CONSENT_REQUIRED, SPAM_SUSPECTED, NOT_FOUND, INQUIRY_LIMIT_REACHED (INQUIRY_LIMIT_PER_HOUR and _PER_DAY per address).',
  })
  async requestQuote(
    @Ctx() ctx: Context,
    @Arg('input', () => RequestQuoteInput, { description: 'The request.' }) input: RequestQuoteInput,
  ): Promise<QuoteRequestReceipt> {
    const { config, logger } = ctx.portal;
    const request = await new QuoteRequestService(ctx.em, config, logger, ctx.today).submit(
      input,
      ctx.request?.client ?? 'unknown',
      ctx.lang,
    );
    const producer = await ctx.em.fork().findOneOrFail(Producer, request.producer.id);
    return Object.assign(new QuoteRequestReceipt(), {
      reference: request.reference,
      status: request.status,
      producerName: producer.name,
    });
  }

  @Mutation(() => QuoteRequest, {
    description: 'Tries again to mail a quote request that was not delivered (ADMIN).',
  })
  async resendQuoteRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The request’s `id`.' }) id: string,
  ): Promise<QuoteRequest> {
    requireRole(ctx, 'ADMIN');
    const { config, logger } = ctx.portal;
    const dbId = requireId('id', id, 'QuoteRequest');
    const request = await ctx.em.findOne(QuoteRequest, dbId);
    if (!request) {
      throw new DomainError(
        ERROR_CODES.NOT_FOUND,
        'No quote request has this ID; use an `id` from `quoteRequests`.',
        [],
        {},
      );
    }
    await new QuoteRequestService(ctx.em, config, logger, ctx.today).deliver(request);
    return request;
  }

  @Query(() => QuoteRequestConnection, {
    description: 'Buyers’ quote requests, newest first, with their delivery status (ADMIN only: personal data).',
  })
  async quoteRequests(
    @Ctx() ctx: Context,
    @Args(() => QuoteRequestsArgs) { first, after, status }: QuoteRequestsArgs,
  ): Promise<QuoteRequestConnection> {
    requireRole(ctx, 'ADMIN');
    const limit = pageSize(first, 'first');
    let before: number | undefined;
    if (after) {
      const [tag, id] = decodeCursor(after, 'after', 2);
      if (tag !== CURSOR_TAG || typeof id !== 'number') {
        throw DomainError.argument(
          ERROR_CODES.INVALID_CURSOR,
          'The cursor given as `after` belongs to a different list; pass `pageInfo.endCursor` unchanged.',
          'after',
        );
      }
      before = id;
    }
    const where = { ...(status ? { status } : {}) };
    const [items, totalCount] = await Promise.all([
      ctx.em.find(
        QuoteRequest,
        { ...where, ...(before ? { id: { $lt: before } } : {}) },
        { orderBy: { id: 'desc' }, limit: limit + 1 },
      ),
      ctx.em.count(QuoteRequest, where),
    ]);
    const page = items.slice(0, limit);
    const edges = page.map((node) => ({ node, cursor: encodeCursor([CURSOR_TAG, node.id]) }));
    return {
      edges,
      nodes: page,
      totalCount,
      pageInfo: {
        hasNextPage: items.length > limit,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @FieldResolver(() => ID, { description: 'Opaque ID of the request.' })
  id(@Root() r: QuoteRequest): string {
    return encodeId('QuoteRequest', r.id);
  }

  @FieldResolver(() => String, { description: 'When it was sent (ISO 8601, UTC).' })
  createdAt(@Root() r: QuoteRequest): string {
    return r.createdAt.toISOString();
  }

  @FieldResolver(() => String, { nullable: true, description: 'When the mail server accepted it (ISO 8601, UTC).' })
  deliveredAt(@Root() r: QuoteRequest): string | null {
    return r.deliveredAt?.toISOString() ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Slug of the product asked about.' })
  async productSlug(@Root() r: QuoteRequest, @Ctx() ctx: Context): Promise<string | null> {
    return r.product ? ((await ctx.em.findOne(Product, r.product.id))?.slug ?? null) : null;
  }

  @FieldResolver(() => String, { description: 'Name of the producer asked.' })
  async producerName(@Root() r: QuoteRequest, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.em.findOneOrFail(Producer, r.producer.id)).name;
  }
}
