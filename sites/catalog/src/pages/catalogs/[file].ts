/**
 * Take-away catalogs, made with the site from the same data as every page (so they follow the
 * catalog's changes like the pages do): /catalogs/ocop-<scope>-<vi|en>.pdf (A4, to print) and
 * .csv (the buyers' spreadsheet), for the whole catalog, each category and each district.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BUILT_ON } from '../../lib/build-info';
import { buyersSheet } from '../../lib/buyers-sheet';
import { catalogPdf } from '../../lib/catalog-pdf';
import { loadSettings } from '../../lib/config';
import { changedPages, fingerprint } from '../../lib/incremental';
import { productsPrint, siteData } from '../../lib/catalog';
import { type TakeAway, takeAways } from '../../lib/take-away';

export const getStaticPaths = (async () => {
  const data = await siteData();
  const entries = takeAways(data).flatMap((scope) =>
    (['vi', 'en'] as const).flatMap((lang) =>
      (scope.pdf ? (['pdf', 'csv'] as const) : (['csv'] as const)).map((format) => ({
        params: { file: `ocop-${scope.scope}-${lang}.${format}` },
        props: { scope, lang, format },
      })),
    ),
  );
  // A file changes with its products; the day printed in a PDF is the day its content was made.
  return changedPages('/catalogs/[file]', entries, ({ props }) =>
    fingerprint(props.scope.title[props.lang], productsPrint(props.scope.products[props.lang])),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { scope, lang, format } = props as { scope: TakeAway; lang: 'vi' | 'en'; format: 'pdf' | 'csv' };
  const { siteUrl, apiUrl, operator } = loadSettings();
  if (format === 'csv') {
    return new Response(buyersSheet(scope.products[lang], lang, siteUrl), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    });
  }
  const pdf = await catalogPdf(
    { title: scope.title[lang], products: scope.products[lang] },
    { lang, siteUrl, apiUrl, operator, builtOn: BUILT_ON },
  );
  return new Response(new Uint8Array(pdf), { headers: { 'Content-Type': 'application/pdf' } });
};
