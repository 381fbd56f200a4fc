/**
 * The open-data files, copied at build time from the API (GET /open-data/<file>, the format of
 * `pnpm ocop export`): one CSV per kind (regions, producers, products, certificates) and one JSON
 * document with all of them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { OPEN_DATA_FILES, openDataFile } from '../../lib/open-data';

export const getStaticPaths = (() => [
  ...OPEN_DATA_FILES.csv.map((f) => ({ params: { file: f.name } })),
  { params: { file: OPEN_DATA_FILES.json } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = params.file ?? '';
  const csv = OPEN_DATA_FILES.csv.some((f) => f.name === name);
  if (!csv && name !== OPEN_DATA_FILES.json) return new Response(null, { status: 404 });
  return new Response(await openDataFile(name), {
    headers: { 'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' },
  });
};
