import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { chunks } from '../../db/rows.js';
import { type AuditedEntity, AuditEntry } from '../audit/audit-entry.entity.js';
import { type Actor, type AuditedChange, auditEntryRow, diff } from '../audit/mutation.js';
import { certificateAudit } from '../certificate/certificate.row.js';
import { evaluationAudit } from '../evaluation/evaluation.row.js';
import { producerAudit } from '../producer/producer.row.js';
import { productAudit } from '../product/product.row.js';
import type { CertificateNode, EvaluationNode, ProducerNode, ProductNode, Snapshot } from './import.model.js';
import type { ImportPlan, KindPlan } from './import.plan.js';

/**
 * What an import did, as the audit log records mutations: one entry per producer, product,
 * evaluation and certificate it created or changed, with the fields that changed from and to,
 * under the same field names as the admin mutations' entries. An official tracing a record
 * (`auditLog(entityId:)`) so finds every change to it, whether a form or a file made it; one
 * entry per import could only say that many records changed. Units are reference data and are
 * not audited, as no mutation changes them.
 */

const OPERATION = 'import';

/** The audited fields of each kind of node, under the admin mutations' names. */
const FIELDS = {
  Producer: (p: ProducerNode) => producerAudit(p, p.region.code),
  Product: (p: ProductNode) => productAudit(p, p.region.code, p.producer.id ?? 0),
  Evaluation: (e: EvaluationNode) => evaluationAudit(e, e.product.id ?? 0),
  Certificate: (c: CertificateNode) => certificateAudit(c, c.product.id ?? 0, c.evaluation?.id ?? null),
} satisfies Partial<Record<AuditedEntity, (node: never) => Record<string, unknown>>>;

export class ImportAudit {
  /** The audited fields of every record in the catalog before the import, as the planner changes them in place. */
  private readonly before = new Map<object, Record<string, unknown>>();

  constructor(
    snapshot: Snapshot,
    private readonly actor: Actor,
  ) {
    for (const p of snapshot.producers) this.before.set(p, FIELDS.Producer(p));
    for (const p of snapshot.products) this.before.set(p, FIELDS.Product(p));
    for (const e of snapshot.evaluations) this.before.set(e, FIELDS.Evaluation(e));
    for (const c of snapshot.certificates) this.before.set(c, FIELDS.Certificate(c));
  }

  /** The entries of a written plan (every node has its id); `photographed` are products given photos. */
  changes(plan: ImportPlan, photographed: ProductNode[]): AuditedChange[] {
    const changes: AuditedChange[] = [];
    const add = <N extends { id?: number }>(
      entityType: keyof typeof FIELDS,
      fields: (node: N) => Record<string, unknown>,
      kindPlan: KindPlan<N>,
      also: N[] = [],
    ) => {
      const seen = new Set<N>();
      for (const node of [...kindPlan.creates, ...kindPlan.updates.map((u) => u.node), ...also]) {
        if (seen.has(node) || node.id === undefined) continue;
        seen.add(node);
        const change = diff(this.before.get(node) ?? {}, fields(node));
        if (Object.keys(change).length > 0) changes.push({ entityType, entityId: node.id, changes: change });
      }
    };
    add('Producer', FIELDS.Producer, plan.producers);
    add('Product', FIELDS.Product, plan.products, photographed);
    add('Evaluation', FIELDS.Evaluation, plan.evaluations);
    add('Certificate', FIELDS.Certificate, plan.certificates);
    return changes;
  }

  /** Writes the entries in the import's transaction, a few hundred rows per statement. */
  async write(tx: EntityManager, changes: AuditedChange[]): Promise<void> {
    const at = new Date();
    for (const batch of chunks(changes)) {
      await tx.insertMany(
        AuditEntry,
        batch.map((change) => ({ ...auditEntryRow(this.actor, OPERATION, change), at })),
      );
    }
  }
}
