/**
 * The public catalog as open data, in the format of `pnpm ocop export` (the API's import format,
 * packages/api/docs/import-format.md): four CSV files (regions, producers, products, certificates)
 * and one JSON document with all of them. The API makes them (GET /open-data/<file>, the export of
 * the catalog published today); the site copies each into its build as it is, byte for byte.
 */
import { OPEN_DATA_COLUMNS, OPEN_DATA_KINDS, type OpenDataKind } from '@ocop/domain';
import { loadSettings } from './config.js';
import { BUILD_REQUEST, fetchFromApi, stopBuildWithout } from './graphql.js';

export type ExportKind = OpenDataKind;
export const EXPORT_KINDS = OPEN_DATA_KINDS;
/** The columns of each file, in order: the open-data format shared with `pnpm ocop export`. */
export const EXPORT_COLUMNS = OPEN_DATA_COLUMNS;

/** The file names the open-data page links, under /open-data/ (the API's names too). */
export const OPEN_DATA_FILES = {
  csv: EXPORT_KINDS.map((kind) => ({ kind, name: `${kind}.csv` })),
  json: 'ocop-catalog.json',
} as const;

/** What the open-data page shows of the JSON document. */
export type OpenCatalog = { asOf: string } & Record<OpenDataKind, unknown[]>;

const files = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * The open-data file `name` as the API serves it, fetched once per build. If the API cannot give
 * it, the build stops with one line naming the setting, as for the catalog (see api.ts).
 */
export function openDataFile(name: string): Promise<Uint8Array<ArrayBuffer>> {
  let file = files.get(name);
  if (!file) {
    const url = new URL(`open-data/${name}`, loadSettings().apiUrl).toString();
    file = fetchFromApi(url, BUILD_REQUEST).catch(stopBuildWithout('The site copies its open data from the API'));
    files.set(name, file);
  }
  return file;
}

/** The JSON document's records, for the open-data page's counts. */
export async function loadOpenCatalog(): Promise<OpenCatalog> {
  return JSON.parse(new TextDecoder().decode(await openDataFile(OPEN_DATA_FILES.json))) as OpenCatalog;
}
