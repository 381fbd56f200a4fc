import type { APIRoute } from 'astro';
import { pngIcon } from '../lib/favicon';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await pngIcon(180, true)), { headers: { 'Content-Type': 'image/png' } });
