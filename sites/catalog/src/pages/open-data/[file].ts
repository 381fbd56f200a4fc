/**
 * The open-data files, written at build time in the format of `pnpm ocop export`: one CSV per
 * kind (regions, producers, products, certificates) and one JSON document with all of them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogToJson, kindToCsv, loadOpenCatalog, OPEN_DATA_FILES } from '../../lib/open-data';

export const getStaticPaths = (() => [
  ...OPEN_DATA_FILES.csv.map((f) => ({ params: { file: f.name } })),
  { params: { file: OPEN_DATA_FILES.json } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const catalog = await loadOpenCatalog();
  if (params.file === OPEN_DATA_FILES.json) {
    return new Response(catalogToJson(catalog, new Date()), {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  const file = OPEN_DATA_FILES.csv.find((f) => f.name === params.file);
  if (!file) return new Response(null, { status: 404 });
  return new Response(kindToCsv(catalog, file.kind), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
