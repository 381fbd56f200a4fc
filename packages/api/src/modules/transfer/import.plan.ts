import type { IsoDate } from '@ocop/domain';
import type { TransferKind } from './formats.js';
import type {
  CertificateNode,
  EvaluationNode,
  ProducerNode,
  ProductNode,
  RegionNode,
  Snapshot,
} from './import.model.js';
import { CertificatePlanner } from './import.plan.certificates.js';
import { EvaluationPlanner } from './import.plan.evaluations.js';
import { PlanLedger } from './import.plan.ledger.js';
import { ProducerPlanner } from './import.plan.producers.js';
import { ProductPlanner } from './import.plan.products.js';
import { RegionPlanner } from './import.plan.regions.js';
import { RowCheck } from './import.plan.rows.js';
import { type ImportDocument, type Problem, readDocument, type SourceRow, type SourceTable } from './import.sources.js';

/**
 * Checks every row of every file against the database and the rest of the input, and works out
 * what an import would change: which rows create a record, which update one (and which fields),
 * which change nothing. Nothing is written here; the plan is written only when it has no problem.
 * Every rule comes from the domain package: scores and stars, award rules, expiry dates,
 * certificate numbers, slugs.
 *
 * This file runs the tables in order; each kind is planned in its own file
 * (`import.plan.<kind>.ts`), and `import.plan.ledger.ts` counts what changes.
 */

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface Update<N> {
  node: N;
  fields: Set<string>;
}

export interface KindPlan<N> {
  creates: N[];
  updates: Update<N>[];
}

export interface ImportPlan {
  problems: Problem[];
  /** Remarks that are not problems, e.g. expiry dates the import corrected. */
  notes: string[];
  regions: KindPlan<RegionNode>;
  producers: KindPlan<ProducerNode>;
  products: KindPlan<ProductNode>;
  evaluations: KindPlan<EvaluationNode>;
  certificates: KindPlan<CertificateNode>;
  /** Per input table, in input order. */
  counts: { table: SourceTable; counts: Counts }[];
  /** Certificates already in the database that a newer imported one superseded. */
  superseded: number;
}

export interface PlanOptions {
  /** The calendar day in Vietnam: no date may be later, and it decides which certificate is valid. */
  today: IsoDate;
  /** Called every few hundred rows. */
  onRow?: (done: number) => void;
}

export class ImportPlanner {
  readonly problems: Problem[] = [];
  private readonly plan: ImportPlan;
  private rowsDone = 0;
  private readonly regions: RegionPlanner;
  private readonly producers: ProducerPlanner;
  private readonly products: ProductPlanner;
  private readonly evaluations: EvaluationPlanner;
  private readonly certificates: CertificatePlanner;

  constructor(
    snapshot: Snapshot,
    private readonly options: PlanOptions,
  ) {
    this.plan = {
      problems: this.problems,
      notes: [],
      regions: { creates: [], updates: [] },
      producers: { creates: [], updates: [] },
      products: { creates: [], updates: [] },
      evaluations: { creates: [], updates: [] },
      certificates: { creates: [], updates: [] },
      counts: [],
      superseded: 0,
    };
    const ledger = new PlanLedger();
    this.regions = new RegionPlanner(this.plan, ledger);
    this.producers = new ProducerPlanner(this.plan, ledger, this.regions);
    this.products = new ProductPlanner(this.plan, ledger, this.regions, this.producers);
    this.evaluations = new EvaluationPlanner(this.plan, ledger, this.products, options.today);
    this.certificates = new CertificatePlanner(this.plan, ledger, this.products, this.evaluations, options.today);
    for (const r of snapshot.regions) this.regions.indexRegion(r);
    for (const p of snapshot.producers) this.producers.indexProducer(p);
    for (const p of snapshot.products) this.products.indexProduct(p);
    for (const e of snapshot.evaluations) this.evaluations.indexEvaluation(e);
    for (const c of snapshot.certificates) this.certificates.indexCertificate(c);
  }

  /** Plans every table (they must come in kind order) and returns the plan. */
  planAll(tables: SourceTable[]): ImportPlan {
    const planners: Record<TransferKind, (check: RowCheck, row: SourceRow, counts: Counts) => void> = {
      regions: (c, _r, n) => this.regions.planRegion(c, n),
      producers: (c, _r, n) => this.producers.planProducer(c, n),
      products: (c, r, n) => this.products.planProduct(c, r, n),
      evaluations: (c, _r, n) => this.evaluations.planEvaluation(c, n),
      certificates: (c, _r, n) => this.certificates.planCertificate(c, n),
    };
    for (const table of tables) {
      const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
      this.plan.counts.push({ table, counts });
      const rows = table.kind === 'regions' ? this.regions.parentsFirst(table.rows) : table.rows;
      for (const row of rows) {
        planners[table.kind](new RowCheck(row, table, this.problems), row, counts);
        if (++this.rowsDone % 250 === 0) this.options.onRow?.(this.rowsDone);
      }
      if (table.kind === 'regions') this.regions.resolveSuccessors();
    }
    this.certificates.settleIssuedCertificates();
    this.certificates.settleDefaultStages();
    this.certificates.noteCorrections();
    this.options.onRow?.(this.rowsDone);
    return this.plan;
  }
}

/** The plan a document makes for an empty catalog, without a database: every node it would write, or its problems. */
export function planDocument(document: ImportDocument, name: string, today: IsoDate): ImportPlan {
  const read = readDocument(document, name);
  const empty: Snapshot = { regions: [], producers: [], products: [], evaluations: [], certificates: [] };
  const plan = new ImportPlanner(empty, { today }).planAll(read.tables);
  plan.problems.unshift(...read.problems);
  return plan;
}
