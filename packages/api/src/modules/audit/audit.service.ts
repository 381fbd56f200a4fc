import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { AuditEntry, type AuditedEntity } from './audit-entry.entity.js';

export interface AuditPage {
  items: AuditEntry[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Reads the audit log, newest first; entries are only ever written by {@link audited}. */
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /** Up to `limit` entries older than `beforeId` (keyset paging: new entries never shift a page). */
  async page(
    limit: number,
    beforeId: number | undefined,
    entity?: { type: AuditedEntity; id: number },
  ): Promise<AuditPage> {
    const scope = entity ? { entityType: entity.type, entityId: entity.id } : {};
    const [rows, totalCount] = await Promise.all([
      this.em.find(
        AuditEntry,
        { ...scope, ...(beforeId !== undefined ? { id: { $lt: beforeId } } : {}) },
        { orderBy: { id: 'desc' }, limit: limit + 1 },
      ),
      this.em.count(AuditEntry, scope),
    ]);
    return { items: rows.slice(0, limit), hasNextPage: rows.length > limit, totalCount };
  }
}
