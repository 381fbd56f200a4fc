import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import type { ImageSettings } from '../../config.js';
import { type Actor, CLI_ACTOR } from '../audit/mutation.js';
import { syncPublicState } from '../feed/feed.service.js';
import { attachImportPhotos, imageFolders, readImportPhotos } from './import.images.js';
import type { TransferKind } from './formats.js';
import { loadSnapshot } from './import.model.js';
import { type Counts, type ImportPlan, ImportPlanner } from './import.plan.js';
import { type ImportDocument, type Problem, type ReadResult, readDocument, readSources } from './import.sources.js';
import { PlanWriter } from './import.write.js';
import { ImportAudit } from './import.audit.js';

/**
 * `ocop import`: read the files, check every row, then write everything in one transaction, or
 * nothing when any row has a problem (or with `dryRun`). Re-importing the same files finds every
 * row unchanged and writes nothing.
 */

export type ImportPhase = 'check' | 'write';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Forces the kind of CSV files whose header does not tell. */
  kind?: TransferKind;
  dryRun?: boolean;
  /** The calendar day in Vietnam, for "not in the future" and "valid today". */
  today: IsoDate;
  /** How paths are shown in messages (e.g. relative to where the user ran the command). */
  display?: (path: string) => string;
  onProgress?: (progress: ImportProgress) => void;
  /** Where photos from an images/ folder beside the files are stored; without it such a folder is ignored. */
  images?: ImageSettings;
  /**
   * Who imports, as the audit log names them (default: the CLI on the server). Null writes no
   * audit entries: for a seed filling an empty database, which changes nobody's records.
   */
  actor?: Actor | null;
  /** More to write in the import's transaction, after its rows: the seed's plan targets. */
  alsoWrite?: (tx: SqlEntityManager) => Promise<void>;
}

export interface FileReport extends Counts {
  file: string;
  kind: TransferKind;
  rows: number;
}

export interface ImportReport {
  /** True when the import was written (or, in a dry run, would be). */
  ok: boolean;
  dryRun: boolean;
  problems: Problem[];
  /** Remarks that are not errors, e.g. an ignored column. */
  notes: string[];
  files: FileReport[];
  totals: Counts;
  /** Certificates already in the catalog that imported newer ones superseded. */
  superseded: number;
  /** Photos added from images/ folders (or, in a dry run, that would be). */
  photos: number;
}

/** The database refused the write although every row was valid: someone changed it meanwhile. */
export class ImportWriteError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? (cause.message.split('\n')[0] ?? cause.message) : String(cause);
    super(
      `the database refused the import (${reason}), so nothing was written. The catalog probably changed while the files were checked: run the import again.`,
    );
    this.name = 'ImportWriteError';
  }
}

function summarise(plan: ImportPlan | undefined): Pick<ImportReport, 'files' | 'totals' | 'superseded' | 'photos'> {
  const totals: Counts = { created: 0, updated: 0, unchanged: 0 };
  const files: FileReport[] = (plan?.counts ?? []).map(({ table, counts }) => {
    totals.created += counts.created;
    totals.updated += counts.updated;
    totals.unchanged += counts.unchanged;
    return { file: table.file, kind: table.kind, rows: table.rows.length, ...counts };
  });
  return { files, totals, superseded: plan?.superseded ?? 0, photos: 0 };
}

/** Imports `paths` (CSV files, folders of them, or JSON documents) with `em`, a fork of the ORM's manager. */
export async function importFiles(
  entityManager: EntityManager,
  paths: string[],
  options: ImportOptions,
): Promise<ImportReport> {
  const read = readSources(paths, { kind: options.kind, display: options.display });
  return runImport(entityManager as SqlEntityManager, read, imageFolders(paths), options);
}

/**
 * Imports a JSON document held in memory, named `name` in messages: the same checks and the same
 * writes as a .json file given to {@link importFiles}. The seed catalogs load this way.
 */
export async function importDocument(
  entityManager: EntityManager,
  document: ImportDocument,
  name: string,
  options: ImportOptions,
): Promise<ImportReport> {
  return runImport(entityManager as SqlEntityManager, readDocument(document, name), [], options);
}

async function runImport(
  em: SqlEntityManager,
  read: ReadResult,
  folders: string[],
  options: ImportOptions,
): Promise<ImportReport> {
  const base = { dryRun: options.dryRun ?? false, notes: read.notes };
  if (read.problems.length > 0) {
    return { ...base, ok: false, problems: read.problems, ...summarise(undefined) };
  }
  const total = read.tables.reduce((n, t) => n + t.rows.length, 0);
  options.onProgress?.({ phase: 'check', done: 0, total });
  const snapshot = await loadSnapshot(em);
  // Before planning: the planner changes the snapshot's nodes in place.
  const actor = options.actor === undefined ? CLI_ACTOR : options.actor;
  const audit = actor && !options.dryRun ? new ImportAudit(snapshot, actor) : undefined;
  const plan = new ImportPlanner(snapshot, {
    today: options.today,
    onRow: (done) => options.onProgress?.({ phase: 'check', done, total }),
  }).planAll(read.tables);
  const summary = summarise(plan);
  base.notes = [...read.notes, ...plan.notes];
  if (folders.length > 0 && !options.images)
    base.notes.push(`${folders.join(', ')}: photos are not imported here (no IMAGES_DIR given).`);
  let photos: Awaited<ReturnType<typeof readImportPhotos>> = { photos: [], problems: [] };
  const products = new Map([...snapshot.products, ...plan.products.creates].map((p) => [p.slug, p] as const));
  if (folders.length > 0 && options.images && plan.problems.length === 0) {
    photos = await readImportPhotos(
      folders,
      products,
      options.images,
      options.display ?? ((p) => p),
      options.dryRun ?? false,
    );
  }
  summary.photos = photos.photos.length;
  const problems = [...plan.problems, ...photos.problems];
  if (problems.length > 0 || options.dryRun) {
    return { ...base, ok: problems.length === 0, problems, ...summary };
  }
  const writes =
    plan.regions.creates.length +
    plan.regions.updates.length +
    plan.producers.creates.length +
    plan.producers.updates.length +
    plan.products.creates.length +
    plan.products.updates.length +
    plan.evaluations.creates.length +
    plan.evaluations.updates.length +
    plan.certificates.creates.length +
    plan.certificates.updates.length;
  if (writes > 0 || photos.photos.length > 0 || options.alsoWrite) {
    options.onProgress?.({ phase: 'write', done: 0, total: writes });
    try {
      await em.transactional(async (tx) => {
        await new PlanWriter(tx, (done) => options.onProgress?.({ phase: 'write', done, total: writes })).write(plan);
        const attached = await attachImportPhotos(tx as SqlEntityManager, photos.photos);
        summary.photos = attached.added;
        if (audit) {
          const photographed = [...attached.images].flatMap(([slug, images]) => {
            const product = products.get(slug);
            if (product) product.images = images;
            return product ? [product] : [];
          });
          // Audited like a mutation: in the same transaction, so all of it is written or none.
          await audit.write(tx as SqlEntityManager, audit.changes(plan, photographed));
        }
        await options.alsoWrite?.(tx as SqlEntityManager);
        // What the import did to the public catalog goes into the change feed, in the same transaction.
        await syncPublicState(tx as SqlEntityManager, options.today, { all: true });
      });
    } catch (error) {
      throw new ImportWriteError(error);
    }
  }
  return { ...base, ok: true, problems: [], ...summary };
}
