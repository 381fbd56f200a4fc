import type { EntityManager } from '@mikro-orm/core';
import {
  type CouncilLevel,
  type CriteriaVersion,
  type EvaluationStatus,
  type IsoDate,
  REGION_KIND_NAMES,
  type RegionKind,
  scoreEvaluation,
  todayInVietnam,
} from '@ocop/domain';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ImageSettings, REPO_ROOT } from '../config.js';
import { storeImage } from '../modules/image/image.store.js';
import { photoRecord } from '../modules/image/photo.service.js';
import { ProgramTarget, type ProgramTargetValues } from '../modules/program/program-target.entity.js';
import { type ImportReport, importDocument } from '../modules/transfer/import.service.js';
import {
  formatProblem,
  type ImageValue,
  type ImportDocument,
  type ImportRecord,
} from '../modules/transfer/import.sources.js';

/**
 * A unit's name as it stands inside an illustrative address, after a comma: the kind word in
 * lower case ("phường Dương Đông, thành phố Phú Quốc"), where a unit's full name starts with a capital.
 */
export function addressPartVi(kind: RegionKind, nameVi: string): string {
  return `${REGION_KIND_NAMES[kind].vi.toLowerCase()} ${nameVi}`;
}

/**
 * A catalog to fill an empty database with (the Kiên Giang sample, the synthetic national one):
 * an import document, loaded by the importer like any JSON import, so the seed is checked by
 * the same rules and written by the same code as an `ocop import`. Totals, stars and expiry
 * dates are computed by the domain rules on the way, never taken from the seed.
 */
export interface SeedCatalog {
  /** Units, producers, products, evaluations and certificates, in the JSON import format. */
  document: ImportDocument;
  /** Photo files (in packages/api/seed-photos/) by product slug, stored like uploads when loaded. */
  photos: Readonly<Record<string, readonly SeedPhoto[]>>;
  /** The plan's targets, which the import format does not carry. */
  targets: readonly ProgramTargetValues[];
}

export interface SeedPhoto {
  /** File name in packages/api/seed-photos/. */
  file: string;
  altVi: string;
  altEn: string;
}

/** Where the sample photos are, and where their copies go (without it, photos are left out). */
export interface LoadOptions {
  images?: ImageSettings;
  photosDir?: string;
}

export const SAMPLE_PHOTOS_DIR = join(REPO_ROOT, 'packages/api/seed-photos');

export interface LoadSummary {
  regions: number;
  producers: number;
  products: number;
  evaluations: number;
  certificates: number;
  targets: number;
  photos: number;
}

/** A council's score sheet for a seed product, oldest first, and the certificate it earned if any. */
export interface SeedResult {
  councilLevel: CouncilLevel;
  criteriaVersion: CriteriaVersion;
  evaluatedOn: string;
  /** Part scores A, B, C; maxima depend on the criteria version (35/25/40 or 40/25/35). */
  scores: readonly [number, number, number];
  status: EvaluationStatus;
  certificate?: SeedAward;
}

export interface SeedAward {
  /** Unique, uppercase, e.g. 'KG-OCOP-2024-0123'. */
  number: string;
  decisionNumber: string;
  decisionDate: string;
  issuedOn: string;
  revokedOn?: string;
  revocationReason?: string;
}

/**
 * One product's results as evaluation and certificate records. A new certificate supersedes the
 * product's one in force, so every certificate but the last is SUPERSEDED unless it was revoked.
 */
export function resultRecords(product: string, results: readonly SeedResult[]) {
  const evaluations: ImportRecord[] = [];
  const certificates: ImportRecord[] = [];
  const awarded = results.filter((r) => r.certificate);
  for (const r of results) {
    const [scoreA, scoreB, scoreC] = r.scores;
    evaluations.push({
      product,
      council_level: r.councilLevel,
      criteria_version: r.criteriaVersion,
      evaluated_on: r.evaluatedOn,
      score_a: scoreA,
      score_b: scoreB,
      score_c: scoreC,
      status: r.status,
    });
    const c = r.certificate;
    if (!c) continue;
    const status = c.revokedOn ? 'REVOKED' : r === awarded.at(-1) ? 'ISSUED' : 'SUPERSEDED';
    certificates.push({
      number: c.number,
      product,
      stars: scoreEvaluation(r.criteriaVersion, { scoreA, scoreB, scoreC }).stars,
      issuing_level: r.councilLevel,
      decision_number: c.decisionNumber,
      decision_date: c.decisionDate,
      issued_on: c.issuedOn,
      status,
      revoked_on: c.revokedOn,
      revocation_reason: c.revocationReason,
      evaluated_on: r.evaluatedOn,
    });
  }
  return { evaluations, certificates };
}

/** The document with each product's sample photos stored like uploads and added to its images. */
async function withPhotos(
  catalog: SeedCatalog,
  images: ImageSettings,
  dir: string,
): Promise<{ document: ImportDocument; photos: number }> {
  let photos = 0;
  const products: ImportRecord[] = [];
  for (const p of catalog.document.products ?? []) {
    const added: ImageValue[] = [];
    for (const photo of catalog.photos[String(p.slug)] ?? []) {
      const image = await storeImage(await readFile(join(dir, photo.file)), images, photo.file);
      added.push(photoRecord({ image, altVi: photo.altVi, altEn: photo.altEn }));
    }
    photos += added.length;
    products.push(added.length ? { ...p, images: [...((p.images as ImageValue[] | undefined) ?? []), ...added] } : p);
  }
  return { document: { ...catalog.document, products }, photos };
}

/**
 * Loads a seed catalog through the importer, its targets in the import's transaction: all of it
 * or nothing. A seed the importer finds a problem in is a bug in the seed, and nothing is written.
 * The seed is an empty database's first state, nobody's change to a record, so unlike an import
 * it writes no audit entries: the audit log starts empty.
 */
export async function loadCatalog(
  em: EntityManager,
  catalog: SeedCatalog,
  today: IsoDate = todayInVietnam(new Date()),
  options: LoadOptions = {},
): Promise<LoadSummary> {
  // Photos are checked and resized like uploads, before the transaction (CPU, not the database).
  const { document, photos } = options.images
    ? await withPhotos(catalog, options.images, options.photosDir ?? SAMPLE_PHOTOS_DIR)
    : { document: catalog.document, photos: 0 };
  const report = await importDocument(em, document, 'the seed catalog', {
    today,
    actor: null,
    alsoWrite: async (tx) => {
      for (const target of catalog.targets) tx.create(ProgramTarget, target);
      await tx.flush();
    },
  });
  if (!report.ok) {
    const shown = report.problems.slice(0, 10).map(formatProblem).join('\n');
    throw new Error(`The seed catalog has ${report.problems.length} problems, so nothing was loaded:\n${shown}`);
  }
  // Fresh planner statistics after a bulk load: without them PostgreSQL picks nested loops over
  // thousands of rows and SQLite guesses index selectivity (a 20,000-product catalog went from
  // seconds to milliseconds per page).
  await em.getConnection().execute('analyze');
  const created = (kind: ImportReport['files'][number]['kind']) =>
    report.files.filter((f) => f.kind === kind).reduce((n, f) => n + f.created, 0);
  return {
    regions: created('regions'),
    producers: created('producers'),
    products: created('products'),
    evaluations: created('evaluations'),
    certificates: created('certificates'),
    targets: catalog.targets.length,
    photos,
  };
}
