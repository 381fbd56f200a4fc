import type { APIRoute } from 'astro';
import { loadSettings } from '../lib/config';

export const GET: APIRoute = () => {
  const { siteUrl } = loadSettings();
  const body = [
    'User-agent: *',
    'Allow: /',
    // Live lookups and search results are not pages to index.
    'Disallow: /verify',
    'Disallow: /en/verify',
    'Disallow: /search/',
    'Disallow: /en/search/',
    '',
    `Sitemap: ${siteUrl}/sitemap-index.xml`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
