import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { type IsoDate, openDataCsvChunks, openDataJsonChunks } from '@ocop/domain';
import { CatalogCache, perDatabase } from '../../cache/catalog-cache.js';
import { collectPublicCatalog, EXPORT_KINDS, type ExportKind } from './export.service.js';

/**
 * The published catalog as open data, for anyone (GET /open-data/<file>): the files of
 * `pnpm ocop export` for today, so the public site, a journalist's script and the export agree
 * byte for byte. One read of the catalog per day and catalog version makes all the files at
 * once (the caches follow the change feed, see cache/catalog-cache.ts); concurrent requests
 * share it.
 *
 * The files are written to disk in pieces and sent from there: a national catalog's JSON is tens
 * of MB, and made as one string it took the API past its heap ceiling (server-args.ts) and down
 * with it, at 20,000 products. In memory there is only the day's records while the files are
 * written, and each file's path, size and ETag after.
 */

/** A file offered: its media type, and the kind of records it holds (null: all of them, as JSON). */
export interface OpenDataFile {
  type: string;
  kind: ExportKind | null;
}

/** The files offered, by name. */
export const OPEN_DATA_FILES: ReadonlyMap<string, OpenDataFile> = new Map<string, OpenDataFile>([
  ...EXPORT_KINDS.map((kind): [string, OpenDataFile] => [`${kind}.csv`, { type: 'text/csv; charset=utf-8', kind }]),
  ['ocop-catalog.json', { type: 'application/json; charset=utf-8', kind: null }],
]);

/** A file written for the day's catalog. */
export interface WrittenOpenDataFile {
  path: string;
  type: string;
  size: number;
  etag: string;
}

/** This process's folder for the files, removed when it exits. */
let folder: string | undefined;
function openDataFolder(): string {
  if (!folder) {
    const made = mkdtempSync(join(tmpdir(), 'ocop-open-data-'));
    folder = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return folder;
}

/** Per database: the day's files (one entry: a new day or a write makes the old ones useless). */
const caches = perDatabase(() => ({
  files: new CatalogCache<string, Map<string, WrittenOpenDataFile>>('open-data files', { max: 1 }),
  /** The folder of the files made last, removed once newer ones are written. */
  previous: undefined as string | undefined,
}));

/** Writes `pieces` to `path`, waiting when the disk is behind; returns the size and a hash. */
async function writePieces(path: string, pieces: Iterable<string>): Promise<{ size: number; etag: string }> {
  const out = createWriteStream(path);
  const hash = createHash('sha1');
  let size = 0;
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      size += bytes.length;
      hash.update(bytes);
      if (!out.write(bytes)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { size, etag: `"${hash.digest('base64url')}"` };
}

/** The open-data files of the catalog published on `today`, written once per day and catalog version. */
export function openDataFiles(
  em: EntityManager,
  today: IsoDate,
  now: () => Date,
): Promise<Map<string, WrittenOpenDataFile>> {
  const state = caches(em);
  return state.files.remember(today, async () => {
    const catalog = await collectPublicCatalog(em, today);
    const dir = await mkdtemp(join(openDataFolder(), `${today}-`));
    const written = new Map<string, WrittenOpenDataFile>();
    try {
      for (const [name, file] of OPEN_DATA_FILES) {
        const path = join(dir, name);
        const pieces = file.kind ? openDataCsvChunks(catalog, file.kind) : openDataJsonChunks(catalog, now());
        written.set(name, { path, type: file.type, ...(await writePieces(path, pieces)) });
      }
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    // A download of the older files still running keeps reading them: an open file outlives its name.
    if (state.previous) rmSync(state.previous, { recursive: true, force: true });
    state.previous = dir;
    return written;
  });
}
