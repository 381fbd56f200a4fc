import type { APIRoute } from 'astro';
import { buildPublicationManifest } from '../lib/publication';

/** Which pages exist only for which products, for the publisher's 410 answers (lib/publication.ts). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildPublicationManifest()), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
