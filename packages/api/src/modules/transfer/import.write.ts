import type { EntityName } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { chunks } from '../../db/rows.js';
import { Certificate } from '../certificate/certificate.entity.js';
import { certificateRow } from '../certificate/certificate.row.js';
import { Evaluation } from '../evaluation/evaluation.entity.js';
import { evaluationRow } from '../evaluation/evaluation.row.js';
import { Producer } from '../producer/producer.entity.js';
import { producerRow } from '../producer/producer.row.js';
import { Product, productSearchColumns } from '../product/product.entity.js';
import { productRow } from '../product/product.row.js';
import { Region } from '../region/region.entity.js';
import type { CertificateNode, RegionNode } from './import.model.js';
import type { ImportPlan, Update } from './import.plan.js';

/**
 * Writes a checked plan in one transaction: all of it or nothing. New rows go in with multi-row
 * INSERTs (a few hundred rows per statement, not one flush per row), and their ids are read back
 * by natural key (slug, code, certificate number) so later rows can point at them. Each new row
 * is made by its entity's row function (`producerRow`, `productRow`…), as admin mutations make
 * theirs; entity hooks do not run for native inserts, so those functions derive what hooks would.
 */

type Row = Record<string, unknown>;

function idOf(node: { id?: number }, what: string): number {
  if (node.id === undefined) throw new Error(`The import wrote a row before the ${what} it points at.`);
  return node.id;
}

function idOrNull(node: { id?: number } | null, what: string): number | null {
  return node ? idOf(node, what) : null;
}

export class PlanWriter {
  private written = 0;
  private readonly now = new Date();

  constructor(
    private readonly tx: EntityManager,
    private readonly onWritten?: (rows: number) => void,
  ) {}

  private tick(n: number): void {
    this.written += n;
    this.onWritten?.(this.written);
  }

  /** Inserts rows in batches, then reads their ids back by `keyColumn`. */
  private async insert<N extends { id?: number }>(
    entity: EntityName<object>,
    table: string,
    keyColumn: string,
    nodes: N[],
    key: (n: N) => string,
    row: (n: N) => Row,
  ): Promise<void> {
    for (const batch of chunks(nodes)) {
      await this.tx.insertMany(
        entity,
        batch.map((n) => ({ ...row(n), createdAt: this.now, updatedAt: this.now })),
      );
      const keys = batch.map(key);
      const found = await this.tx.execute<{ id: number | string; k: string }[]>(
        `select id, ${keyColumn} as k from ${table} where ${keyColumn} in (${keys.map(() => '?').join(', ')})`,
        keys,
      );
      const ids = new Map(found.map((r) => [String(r.k), Number(r.id)]));
      for (const n of batch) n.id = ids.get(key(n));
      this.tick(batch.length);
    }
  }

  /**
   * Writes each update's changed fields: a node's own value, or for a field in `references` the
   * id of the row it points to; `extra` adds columns derived from the node.
   */
  private async update<N extends { id?: number }>(
    entity: EntityName<object>,
    updates: Update<N>[],
    references: Record<string, (n: N) => number | null> = {},
    extra: (n: N, fields: Set<string>) => Row = () => ({}),
  ): Promise<void> {
    for (const { node, fields } of updates) {
      const data: Row = {};
      for (const f of fields) {
        const reference = references[f];
        data[f] = reference ? reference(node) : node[f as keyof N];
      }
      await this.tx.nativeUpdate(
        entity,
        { id: idOf(node, 'row') },
        { ...data, ...extra(node, fields), updatedAt: this.now },
      );
      this.tick(1);
    }
  }

  async write(plan: ImportPlan): Promise<void> {
    await this.regions(plan);
    await this.producers(plan);
    await this.products(plan);
    await this.evaluations(plan);
    await this.certificates(plan);
  }

  private async regions(plan: ImportPlan): Promise<void> {
    const depth = (r: RegionNode) => r.path.split('/').length;
    const creates = [...plan.regions.creates].sort((a, b) => depth(a) - depth(b));
    const levels = [...new Set(creates.map(depth))];
    for (const level of levels) {
      await this.insert(
        Region,
        'region',
        'code',
        creates.filter((r) => depth(r) === level),
        (r) => r.code,
        (r) => ({
          code: r.code,
          nameVi: r.nameVi,
          nameEn: r.nameEn,
          level: r.level,
          kind: r.kind,
          parent: idOrNull(r.parent, 'parent unit'),
          path: r.path,
          validFrom: r.validFrom,
          validTo: r.validTo,
          successor: null,
        }),
      );
    }
    const successors = creates.filter((r) => r.successor).map((node) => ({ node, fields: new Set(['successor']) }));
    await this.update(Region, [...successors, ...plan.regions.updates], {
      successor: (r) => idOrNull(r.successor, 'successor unit'),
    });
  }

  private async producers(plan: ImportPlan): Promise<void> {
    await this.insert(
      Producer,
      'producer',
      'slug',
      plan.producers.creates,
      (p) => p.slug,
      (p) => producerRow(p, idOf(p.region, 'region')),
    );
    await this.update(Producer, plan.producers.updates, { region: (p) => idOf(p.region, 'region') });
  }

  private async products(plan: ImportPlan): Promise<void> {
    await this.insert(
      Product,
      'product',
      'slug',
      plan.products.creates,
      (p) => p.slug,
      (p) => productRow(p, idOf(p.region, 'region'), idOf(p.producer, 'producer')),
    );
    const TEXT = new Set(['nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'storyVi', 'storyEn']);
    await this.update(
      Product,
      plan.products.updates,
      { region: (p) => idOf(p.region, 'region'), producer: (p) => idOf(p.producer, 'producer') },
      (p, fields) => ([...fields].some((f) => TEXT.has(f)) ? productSearchColumns(p) : {}),
    );
  }

  private async evaluations(plan: ImportPlan): Promise<void> {
    const key = (productId: unknown, level: unknown, date: unknown) => `${productId}\u0000${level}\u0000${date}`;
    for (const batch of chunks(plan.evaluations.creates)) {
      await this.tx.insertMany(
        Evaluation as EntityName<object>,
        batch.map((e) => ({
          ...evaluationRow(e, idOf(e.product, 'product')),
          createdAt: this.now,
          updatedAt: this.now,
        })),
      );
      const productIds = [...new Set(batch.map((e) => idOf(e.product, 'product')))];
      const found = await this.tx.execute<Row[]>(
        `select id, product_id, council_level, evaluated_on from evaluation where product_id in (${productIds.map(() => '?').join(', ')})`,
        productIds,
      );
      const ids = new Map<string, number>();
      for (const r of found) {
        const k = key(Number(r.product_id), r.council_level, String(r.evaluated_on).slice(0, 10));
        ids.set(k, Math.max(ids.get(k) ?? 0, Number(r.id)));
      }
      for (const e of batch) e.id = ids.get(key(e.product.id, e.councilLevel, e.evaluatedOn));
      this.tick(batch.length);
    }
    await this.update(Evaluation, plan.evaluations.updates);
  }

  private async certificates(plan: ImportPlan): Promise<void> {
    const references = { evaluation: (c: CertificateNode) => idOrNull(c.evaluation, 'evaluation') };
    // A product has at most one ISSUED certificate at any moment (a partial unique index), so
    // certificates leave ISSUED before new ones arrive and before others become ISSUED.
    const demoted = plan.certificates.updates.filter((u) => u.fields.has('status') && u.node.status !== 'ISSUED');
    await this.update(Certificate, demoted, references);
    await this.insert(
      Certificate,
      'certificate',
      'number',
      plan.certificates.creates,
      (c) => c.number,
      (c) => certificateRow(c, idOf(c.product, 'product'), idOrNull(c.evaluation, 'evaluation')),
    );
    await this.update(
      Certificate,
      plan.certificates.updates.filter((u) => !demoted.includes(u)),
      references,
    );
  }
}
