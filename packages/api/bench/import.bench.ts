/**
 * How long `ocop import` takes for a national-scale catalog: the synthetic 20,000-product
 * catalog is written as the five CSV files of the import format, imported into a fresh SQLite
 * database, then imported again (every row unchanged). Run from packages/api:
 *
 *   pnpm --filter @ocop/api exec tsx --tsconfig ../../tsconfig.base.json --conditions=source bench/import.bench.ts [PRODUCTS]
 *
 * KEEP=1 keeps the temporary folder (CSV files and database) and prints its path.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { scoreEvaluation, todayInVietnam } from '@ocop/domain';
import { parseDatabaseUrl } from '../src/config.js';
import { migrate } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { toCsv } from '../src/modules/transfer/csv.js';
import { KINDS, type TransferKind } from '../src/modules/transfer/formats.js';
import { type ImportProgress, type ImportReport, importFiles } from '../src/modules/transfer/import.service.js';
import type { SeedCatalog } from '../src/seed/seed.types.js';
import { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from '../src/seed/synthetic.js';

type Cells = Record<string, string | number | undefined>;

/** The catalog as import files: every column of the format, in its order. */
function catalogFiles(catalog: SeedCatalog): Record<TransferKind, Cells[]> {
  const evaluations: Cells[] = [];
  const certificates: Cells[] = [];
  for (const p of catalog.products) {
    for (const e of p.evaluations) {
      evaluations.push({
        product: p.slug,
        council_level: e.councilLevel,
        criteria_version: e.criteriaVersion,
        evaluated_on: e.evaluatedOn,
        score_a: e.scoreA,
        score_b: e.scoreB,
        score_c: e.scoreC,
        status: e.status,
      });
      const c = e.certificate;
      if (!c) continue;
      certificates.push({
        number: c.number,
        product: p.slug,
        stars: scoreEvaluation(e.criteriaVersion, e).stars,
        issuing_level: e.councilLevel,
        decision_number: c.decisionNumber,
        decision_date: c.decisionDate,
        issued_on: c.issuedOn,
        status: c.revokedOn ? 'REVOKED' : 'ISSUED',
        revoked_on: c.revokedOn,
        revocation_reason: c.revocationReason,
        evaluated_on: e.evaluatedOn,
      });
    }
  }
  return {
    regions: catalog.regions.map((r) => ({
      code: r.code,
      name_vi: r.nameVi,
      name_en: r.nameEn,
      level: r.level,
      kind: r.kind,
      parent: r.parentCode,
      valid_from: r.validFrom,
      valid_to: r.validTo,
      successor: r.successorCode,
    })),
    producers: catalog.producers.map((p) => ({
      slug: p.slug,
      name: p.name,
      type: p.type,
      representative: p.representative,
      address: p.address,
      region: p.regionCode,
      phone: p.phone,
      email: p.email,
      website: p.website,
      tax_code: p.taxCode,
    })),
    products: catalog.products.map((p) => ({
      slug: p.slug,
      name_vi: p.nameVi,
      name_en: p.nameEn,
      category: p.category,
      region: p.regionCode,
      producer: p.producerSlug,
      cycle_stage: p.cycleStage,
      description_vi: p.descriptionVi,
      description_en: p.descriptionEn,
      story_vi: p.storyVi,
      story_en: p.storyEn,
    })),
    evaluations,
    certificates,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timedImport(em: SqlEntityManager, dir: string) {
  const marks: Partial<Record<ImportProgress['phase'], number>> = {};
  const started = performance.now();
  const report: ImportReport = await importFiles(em, [dir], {
    today: todayInVietnam(new Date()),
    onProgress: ({ phase }) => {
      marks[phase] ??= performance.now();
    },
  });
  const ended = performance.now();
  if (!report.ok) {
    for (const p of report.problems.slice(0, 20)) console.error(`${p.where}: ${p.column ?? ''} ${p.message}`);
    throw new Error(`The import found ${report.problems.length} problems.`);
  }
  const check = marks.check ?? started;
  return {
    report,
    read: (marks.check ?? ended) - started,
    check: (marks.write ?? ended) - check,
    write: marks.write ? ended - marks.write : 0,
    total: ended - started,
  };
}

async function main() {
  const products = Number(process.argv[2] ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocop-import-bench-'));
  try {
    let t = performance.now();
    const catalog = generateSyntheticCatalog({ products, seed: DEFAULT_SYNTHETIC_SEED });
    console.log(
      `generate ${products.toLocaleString('en')}-product synthetic catalog: ${seconds(performance.now() - t)}`,
    );

    t = performance.now();
    const files = catalogFiles(catalog);
    const csvDir = join(dir, 'csv');
    mkdirSync(csvDir);
    let bytes = 0;
    for (const kind of Object.keys(files) as TransferKind[]) {
      const columns = KINDS[kind].columns.map((c) => c.key);
      const text = toCsv(
        columns,
        files[kind].map((row) => columns.map((c) => (row[c] === undefined ? '' : String(row[c])))),
      );
      writeFileSync(join(csvDir, `${kind}.csv`), text);
      bytes += statSync(join(csvDir, `${kind}.csv`)).size;
    }
    const counts = Object.entries(files)
      .map(([k, rows]) => `${rows.length.toLocaleString('en')} ${k}`)
      .join(', ');
    console.log(
      `write CSV files (${counts}; ${(bytes / 1024 / 1024).toFixed(1)} MB): ${seconds(performance.now() - t)}`,
    );

    const orm = await openOrm(parseDatabaseUrl(`sqlite:${join(dir, 'bench.sqlite')}`));
    try {
      await migrate(orm);
      const first = await timedImport(orm.em.fork() as SqlEntityManager, csvDir);
      const { created, updated, unchanged } = first.report.totals;
      console.log(
        `import into a fresh SQLite: ${seconds(first.total)} (read + snapshot ${seconds(first.read)}, check ${seconds(first.check)}, write ${seconds(first.write)}); ${created.toLocaleString('en')} created, ${updated} updated, ${unchanged} unchanged`,
      );
      const again = await timedImport(orm.em.fork() as SqlEntityManager, csvDir);
      console.log(
        `import the same files again: ${seconds(again.total)}; ${again.report.totals.created} created, ${again.report.totals.updated} updated, ${again.report.totals.unchanged.toLocaleString('en')} unchanged`,
      );
    } finally {
      await orm.close();
    }
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
}

await main();
