import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import { CatalogCache, perDatabase } from '../../cache/catalog-cache.js';
import {
  catalogToJson,
  collectPublicCatalog,
  EXPORT_KINDS,
  type ExportKind,
  kindToCsv,
  type PublicCatalog,
} from './export.service.js';

/**
 * The published catalog as open data, for anyone (GET /open-data/<file>): the files of
 * `pnpm ocop export` for today, so the public site, a journalist's script and the export agree
 * byte for byte. One read of the catalog per day and catalog version, shared by every file and
 * every concurrent request (the caches follow the change feed, see cache/catalog-cache.ts).
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

/**
 * Per database: the records of the day's catalog (one entry: a new day or a write makes the old
 * one useless), and the files made from them, by day and name. A national catalog's JSON is a few
 * tens of MB; the budget keeps one day's files and no more, within the server's heap ceiling.
 */
const caches = perDatabase(() => ({
  records: new CatalogCache<string, PublicCatalog>('open-data records', { max: 1 }),
  files: new CatalogCache<string, string>('open-data files', {
    max: OPEN_DATA_FILES.size,
    maxSize: 64 * 1024 * 1024,
    sizeOf: (text) => text.length,
  }),
}));

/** The file `name` of the catalog published on `today`, or undefined when no such file is offered. */
export function openDataFile(
  em: EntityManager,
  today: IsoDate,
  name: string,
  now: () => Date,
): Promise<string> | undefined {
  const file = OPEN_DATA_FILES.get(name);
  if (!file) return undefined;
  const { records, files } = caches(em);
  return files.remember(`${today}|${name}`, async () => {
    const catalog = await records.remember(today, () => collectPublicCatalog(em, today));
    return file.kind ? kindToCsv(catalog, file.kind) : catalogToJson(catalog, now());
  });
}
