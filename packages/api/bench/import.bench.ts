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
import { todayInVietnam } from '@ocop/domain';
import { parseDatabaseUrl } from '../src/config.js';
import { migrate } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { toCsv } from '../src/modules/transfer/csv.js';
import { KINDS, TRANSFER_KINDS } from '../src/modules/transfer/formats.js';
import { type ImportProgress, type ImportReport, importFiles } from '../src/modules/transfer/import.service.js';
import { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from '../src/seed/synthetic.js';

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
    // The catalog is an import document already: each kind's records become one CSV file.
    const files = catalog.document;
    const csvDir = join(dir, 'csv');
    mkdirSync(csvDir);
    let bytes = 0;
    for (const kind of TRANSFER_KINDS) {
      const columns = KINDS[kind].columns.map((c) => c.key);
      const text = toCsv(
        columns,
        (files[kind] ?? []).map((row) => columns.map((c) => (row[c] == null ? '' : String(row[c])))),
      );
      writeFileSync(join(csvDir, `${kind}.csv`), text);
      bytes += statSync(join(csvDir, `${kind}.csv`)).size;
    }
    const counts = TRANSFER_KINDS.map((k) => `${(files[k] ?? []).length.toLocaleString('en')} ${k}`).join(', ');
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
