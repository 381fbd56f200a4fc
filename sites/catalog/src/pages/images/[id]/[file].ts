/**
 * The product photos the API stores, copied into the site at build time under the same paths
 * (/images/<id>/<width>.<avif|webp|jpg>), so pages and their photos come from one origin and the
 * site keeps showing them while the API is away. Their names change with their content: they
 * may be cached for ever.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/catalog';
import { loadSettings } from '../../../lib/config';
import { changedPages } from '../../../lib/incremental';

const TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };

export const getStaticPaths = (async () => {
  const data = await siteData();
  const files = new Set<string>();
  for (const p of data.catalog.products) {
    for (const image of p.images) {
      const id = /^\/images\/([0-9a-f]{24})\//u.exec(image.source)?.[1];
      if (!id || !image.widths) continue;
      for (const w of image.widths) for (const ext of Object.keys(TYPES)) files.add(`${id}/${w}.${ext}`);
    }
  }
  // A photo's id changes with its content: each file is fetched once.
  return changedPages(
    '/images/[id]/[file]',
    [...files].map((f) => {
      const [id, file] = f.split('/') as [string, string];
      return { params: { id, file } };
    }),
    () => 'photo',
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { apiUrl } = loadSettings();
  const url = new URL(`/images/${params.id}/${params.file}`, apiUrl);
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`OCOP_API_URL: the photo ${url} answered HTTP ${res.status}; is IMAGES_DIR the API's?`);
  const ext = String(params.file).split('.').pop() ?? '';
  return new Response(await res.arrayBuffer(), {
    headers: { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' },
  });
};
