import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { isIsoDate, type IsoDate, todayInVietnam } from '@ocop/domain';
import type { Config } from '../../config.js';
import { migrate } from '../../db/database.js';
import { openOrm } from '../../db/orm.js';
import { type ExportKind, catalogToCsv, catalogToJson, collectPublicCatalog, kindToCsv } from './export.service.js';
import { parseKind, TRANSFER_KINDS } from './formats.js';
import { type ImportReport, ImportWriteError, importFiles } from './import.service.js';
import { formatProblem } from './import.sources.js';
import { progressReporter } from './progress.js';

/**
 * The `ocop import` and `ocop export` commands. Each returns its exit code: 0 done, 1 the data
 * has problems (each reported on its own line, nothing written), 2 the command was misused.
 */

/** Paths are relative to where the user typed the command (pnpm runs scripts in the package folder). */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function shown(path: string): string {
  const rel = relative(process.env.INIT_CWD ?? process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function usage(message: string): number {
  console.error(`ocop: ${message}`);
  return 2;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function counts(c: { created: number; updated: number; unchanged: number }): string {
  return `${c.created.toLocaleString('en')} created, ${c.updated.toLocaleString('en')} updated, ${c.unchanged.toLocaleString('en')} unchanged`;
}

export function printImportReport(report: ImportReport, seconds: number): void {
  for (const note of report.notes) console.error(`note: ${note}`);
  if (!report.ok) {
    for (const p of report.problems) console.error(formatProblem(p));
    const files = [...new Set(report.problems.map((p) => p.where.split(/[:]/u)[0]))];
    console.error(
      `ocop: ${plural(report.problems.length, 'problem')} in ${files.join(', ')}; nothing was imported (the database is unchanged).`,
    );
    return;
  }
  for (const f of report.files)
    console.log(`${f.file}: ${counts(f)} (${plural(f.rows, f.kind.replace(/s$/u, ''), f.kind)})`);
  const rows = report.files.reduce((n, f) => n + f.rows, 0);
  const older = plural(report.superseded, 'older certificate');
  if (report.dryRun) {
    const { created, updated, unchanged } = report.totals;
    console.log(
      `Dry run, nothing written: ${plural(rows, 'row')} checked; ${created.toLocaleString('en')} would be created, ${updated.toLocaleString('en')} updated, ${unchanged.toLocaleString('en')} unchanged.${report.superseded ? ` ${older} in the catalog would be superseded.` : ''}${report.photos ? ` ${plural(report.photos, 'photo')} would be added.` : ''}`,
    );
    return;
  }
  const superseded = report.superseded ? ` ${older} in the catalog superseded by newer ones.` : '';
  const photos = report.photos ? ` ${plural(report.photos, 'photo')} added.` : '';
  const nothing = report.totals.created + report.totals.updated === 0 && report.superseded === 0 && !report.photos;
  console.log(
    `${nothing ? 'Nothing to change' : 'Imported in one transaction'}: ${counts(report.totals)} (${plural(rows, 'row')} in ${seconds.toFixed(1)} s).${superseded}${photos}`,
  );
}

export async function importCommand(
  config: Config,
  args: string[],
  options: { kind?: string; dryRun?: boolean },
): Promise<number> {
  if (args.length === 0) {
    return usage(
      'import needs a file: pnpm ocop import products.csv [more files or a folder] [--dry-run] [--kind KIND].',
    );
  }
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  if (options.kind !== undefined && !kind) {
    return usage(`--kind "${options.kind}" is not a kind of file; use one of ${TRANSFER_KINDS.join(', ')}.`);
  }
  const orm = await openOrm(config.database);
  const started = performance.now();
  try {
    await migrate(orm);
    const report = await importFiles(orm.em.fork() as SqlEntityManager, args.map(userPath), {
      kind,
      dryRun: options.dryRun,
      today: todayInVietnam(new Date()),
      display: shown,
      onProgress: progressReporter(process.stderr),
      images: config.images,
    });
    printImportReport(report, (performance.now() - started) / 1000);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof ImportWriteError) {
      console.error(`ocop: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await orm.close();
  }
}

export async function exportCommand(
  config: Config,
  options: { format?: string; out?: string; kind?: string; asOf?: string },
): Promise<number> {
  const format = (options.format ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json') return usage(`--format "${options.format}" is not csv or json.`);
  const kind = options.kind === undefined ? undefined : parseKind(options.kind);
  if (options.kind !== undefined && (!kind || kind === 'evaluations')) {
    return usage(
      `--kind "${options.kind}" cannot be exported; use regions, producers, products or certificates (evaluations are not public).`,
    );
  }
  if (kind && format === 'json') return usage('--kind goes with --format csv; the JSON document holds every kind.');
  if (format === 'csv' && !kind && !options.out) {
    return usage(
      'a CSV export is four files (regions, producers, products, certificates): give a folder with --out DIR, or print one of them with --kind products.',
    );
  }
  const asOf: IsoDate = options.asOf ?? todayInVietnam(new Date());
  if (!isIsoDate(asOf)) return usage(`--as-of "${options.asOf}" is not a date; write it as YYYY-MM-DD.`);
  const out = options.out ? userPath(options.out) : undefined;
  if (out && format === 'csv' && !kind && existsSync(out) && !statSync(out).isDirectory()) {
    return usage(`--out ${options.out} is a file; a CSV export writes a folder of files.`);
  }

  const orm = await openOrm(config.database);
  try {
    await migrate(orm);
    const catalog = await collectPublicCatalog(orm.em.fork() as SqlEntityManager, asOf);
    const summary = `${plural(catalog.products.length, 'published product')}, ${plural(catalog.producers.length, 'producer')}, ${plural(catalog.certificates.length, 'certificate')} and ${plural(catalog.regions.length, 'region')} as of ${asOf}`;
    if (format === 'json' || kind) {
      const text = kind ? kindToCsv(catalog, kind as ExportKind) : catalogToJson(catalog, new Date());
      if (out) {
        writeFileSync(out, text);
        console.log(`Exported ${summary} to ${shown(out)}.`);
      } else {
        process.stdout.write(text);
        console.error(`Exported ${summary}.`);
      }
      return 0;
    }
    const dir = out as string;
    mkdirSync(dir, { recursive: true });
    const files = catalogToCsv(catalog);
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    console.log(`Exported ${summary} to ${shown(dir)}/ (${[...files.keys()].join(', ')}).`);
    return 0;
  } finally {
    await orm.close();
  }
}
