import { DomainError, ERROR_CODES } from '@ocop/domain';
import { Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { CategoryCodeEnum, describedEnum } from '../../graphql/enums.js';
import { encodeId } from '../../graphql/ids.js';
import { pageSize } from '../../graphql/pagination.js';
import { decodeCursor, encodeCursor, PageInfo } from '../../graphql/relay.js';
import type { ChangeKind } from './feed.service.js';
import { FEED_RETENTION_DAYS, FeedReader } from './feed.reader.js';

const ChangeKindEnum = describedEnum<ChangeKind>(
  'CatalogChangeKind',
  'What happened to a product in the public catalog.',
  {
    PUBLISHED: 'It became public: a certificate of 3★ or more is valid from today.',
    UPDATED: 'It stays public, and something a page shows of it changed (stars, certificate, names, producer…).',
    WITHDRAWN:
      'It is no longer public (its certificate was revoked, expired or superseded without a valid one). Remove it from your copy.',
  },
);

@ObjectType({
  simpleResolvers: true,
  description: 'One change to the public catalog, in the order the changes were committed.',
})
export class CatalogChange {
  @Field(() => String, { description: 'Pass it as `after` to continue after this change.' })
  cursor!: string;

  @Field(() => Int, { description: 'Position in the change feed; grows with every change.' })
  sequence!: number;

  @Field(() => ChangeKindEnum, { description: 'What happened.' })
  kind!: ChangeKind;

  @Field(() => String, { description: 'When the change was committed (ISO 8601, UTC).' })
  at!: string;

  @Field(() => ID, { description: 'The product’s global ID, as `Product.id`.' })
  productId!: string;

  @Field(() => String, { description: 'The product’s slug (its page is /products/<slug>/).' })
  slug!: string;

  @Field(() => CategoryCodeEnum, { nullable: true, description: 'Its product group; null when WITHDRAWN.' })
  category!: string | null;

  @Field(() => Int, { nullable: true, description: 'Stars of its valid certificate; null when WITHDRAWN.' })
  stars!: number | null;

  @Field(() => String, { nullable: true, description: 'Number of its valid certificate; null when WITHDRAWN.' })
  certificateNumber!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of the change feed (oldest first).' })
export class CatalogChangeConnection {
  @Field(() => [CatalogChange], { description: 'The changes of this page, oldest first.' })
  nodes!: CatalogChange[];

  @Field(() => PageInfo, { description: 'Whether more changes follow; `endCursor` is where to continue.' })
  pageInfo!: PageInfo;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the newest change right now. A partner starting a copy reads this first, then the whole catalog (`products`), then follows `catalogChanges(after: currentCursor)`.',
  })
  currentCursor!: string | null;
}

@ArgsType()
class CatalogChangesArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Continue after this cursor (`pageInfo.endCursor`, or `currentCursor`); from the oldest change kept when left out.',
  })
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Changes per page, 1–100 (default 100).' })
  first?: number;
}

const TAG = 'CHANGE';

export function changeCursor(sequence: number): string {
  return encodeCursor([TAG, sequence]);
}

function cursorSequence(after: string): number {
  const [tag, sequence] = decodeCursor(after, 'after', 2);
  if (tag !== TAG || typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 0) {
    throw DomainError.argument(
      ERROR_CODES.INVALID_CURSOR,
      'The cursor given as `after` does not belong to the change feed. Pass `pageInfo.endCursor` or `currentCursor` of `catalogChanges` unchanged.',
      'after',
    );
  }
  return sequence;
}

@Resolver(() => CatalogChange)
export class FeedResolver {
  @Query(() => CatalogChangeConnection, {
    description: `What changed in the public catalog, oldest first: products published, updated or withdrawn (a certificate revoked or expired). Partners keep a copy fresh by following it from a cursor instead of re-reading the catalog; cursors stay valid for ${FEED_RETENTION_DAYS} days. Public: it tells nothing about a product beyond what the public could see.`,
  })
  async catalogChanges(
    @Ctx() ctx: Context,
    @Args(() => CatalogChangesArgs) { after, first }: CatalogChangesArgs,
  ): Promise<CatalogChangeConnection> {
    const limit = first === undefined || first === null ? 100 : pageSize(first, 'first');
    const reader = new FeedReader(ctx.em);
    const from = after ? cursorSequence(after) : undefined;
    const [page, bounds] = await Promise.all([reader.after(from ?? 0, limit + 1), reader.bounds()]);
    if (from !== undefined && bounds.oldest !== null && from < bounds.oldest - 1) {
      throw DomainError.argument(
        ERROR_CODES.CURSOR_EXPIRED,
        `This cursor points to change ${from}, but changes older than ${FEED_RETENTION_DAYS} days are no longer kept (the oldest kept is ${bounds.oldest}). Re-read the catalog with \`products\`, then follow \`catalogChanges(after: currentCursor)\` from the \`currentCursor\` you read before it.`,
        'after',
      );
    }
    const rows = page.slice(0, limit);
    const nodes = rows.map((r) =>
      Object.assign(new CatalogChange(), {
        cursor: changeCursor(r.seq),
        sequence: r.seq,
        kind: r.kind,
        at: r.at,
        productId: encodeId('Product', r.productId),
        slug: r.slug,
        category: r.kind === 'WITHDRAWN' ? null : r.category,
        stars: r.kind === 'WITHDRAWN' ? null : r.stars,
        certificateNumber: r.kind === 'WITHDRAWN' ? null : r.certificateNumber,
      }),
    );
    const endCursor = nodes.at(-1)?.cursor ?? after ?? null;
    return {
      nodes,
      pageInfo: {
        hasNextPage: page.length > limit,
        hasPreviousPage: from !== undefined && from > 0,
        startCursor: nodes[0]?.cursor ?? null,
        endCursor,
      },
      currentCursor: changeCursor(bounds.newest ?? 0),
    };
  }
}
