/**
 * Each product's QR code at print size: /products/<slug>/qr-<slug>.svg and .png (300 dpi). The
 * code holds the product page's public address (SITE_URL): the build warns while that is still a
 * localhost address, since such a code works on no one's phone.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/catalog';
import { loadSettings } from '../../../lib/config';
import { changedPages } from '../../../lib/incremental';
import { qrPrintPng, qrPrintSvg } from '../../../lib/qr-print';
import { paths } from '../../../lib/routes';

export const getStaticPaths = (async () => {
  const data = await siteData();
  // A code holds only its page's address (SITE_URL is in the build's signature): made once.
  return changedPages(
    '/products/[slug]/[file]',
    data.sorted.vi.flatMap((p) =>
      (['svg', 'png'] as const).map((format) => ({
        params: { slug: p.slug, file: `qr-${p.slug}.${format}` },
        props: { format },
      })),
    ),
    () => 'qr',
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const url = `${loadSettings().siteUrl}${paths.product(String(params.slug))}`;
  if (props.format === 'svg') {
    return new Response(await qrPrintSvg(url), { headers: { 'Content-Type': 'image/svg+xml' } });
  }
  return new Response(new Uint8Array(await qrPrintPng(url)), { headers: { 'Content-Type': 'image/png' } });
};
