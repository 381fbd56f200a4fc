import { DomainError, ERROR_CODES } from '@ocop/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { pageSize } from '../../graphql/pagination.js';
import { Connection, decodeCursor, encodeCursor, ForwardPageArgs } from '../../graphql/relay.js';
import { requireRole } from '../auth/auth.guard.js';
import { AUDITED_ENTITIES, type AuditedEntity, AuditEntry, type Changes } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { decodeId, encodeId } from '../../graphql/ids.js';

@ObjectType({ simpleResolvers: true, description: 'A page of the audit log, newest first (Relay connection).' })
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry', 'audit entry') {}

@ArgsType()
class AuditLogArgs extends ForwardPageArgs('Entries') {
  @Field(() => ID, { nullable: true, description: 'Only changes to this record (an `id` or `entityId`).' })
  entityId?: string;
}

const CURSOR_TAG = 'AUDIT';

function cursorId(after: string): number {
  const [tag, id] = decodeCursor(after, 'after', 2);
  if (tag !== CURSOR_TAG || typeof id !== 'number' || !Number.isInteger(id) || id < 1) {
    throw DomainError.argument(
      ERROR_CODES.INVALID_CURSOR,
      'The cursor given as `after` belongs to a different list. Pass `pageInfo.endCursor` of a previous `auditLog` page unchanged, or leave `after` out to start from the newest entry.',
      'after',
    );
  }
  return id;
}

function entityFilter(entityId: string): { type: AuditedEntity; id: number } {
  const decoded = decodeId(entityId);
  const type = AUDITED_ENTITIES.find((t) => t === decoded?.type);
  if (!decoded || !type) {
    throw DomainError.argument(
      ERROR_CODES.INVALID_ID,
      `"${entityId.slice(0, 80)}" is not the ID of a producer, product, evaluation, certificate or token. Pass an \`id\` (or an audit entry's \`entityId\`) unchanged.`,
      'entityId',
    );
  }
  return { type, id: decoded.id };
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'Every change made through the API or the CLI, newest first: who, when, what and which fields changed. ADMIN only.',
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Args(() => AuditLogArgs) { first, after, entityId }: AuditLogArgs,
  ): Promise<AuditEntryConnection> {
    requireRole(ctx, 'ADMIN');
    const limit = pageSize(first, 'first');
    const page = await new AuditService(ctx.em).page(
      limit,
      after ? cursorId(after) : undefined,
      entityId ? entityFilter(entityId) : undefined,
    );
    const edges = page.items.map((node) => ({ node, cursor: encodeCursor([CURSOR_TAG, node.id]) }));
    return {
      edges,
      nodes: page.items,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @FieldResolver(() => ID, { description: 'Opaque ID of the entry.' })
  id(@Root() entry: AuditEntry): string {
    return encodeId('AuditEntry', entry.id);
  }

  @FieldResolver(() => String, { description: 'When the change was committed (ISO 8601, UTC).' })
  at(@Root() entry: AuditEntry): string {
    return entry.at.toISOString();
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Id of the token used (as in `ocop token list`); null for the CLI.',
  })
  tokenId(@Root() entry: AuditEntry): number | null {
    return entry.token?.id ?? null;
  }

  @FieldResolver(() => ID, { description: 'ID of the record changed, as the API returns it in `id` fields.' })
  entityId(@Root() entry: AuditEntry): string {
    return encodeId(entry.entityType, entry.entityId);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description: 'The fields that changed, as { field: { from, to } }; a created record has `from: null` throughout.',
  })
  changes(@Root() entry: AuditEntry): Changes {
    return entry.changes;
  }
}
