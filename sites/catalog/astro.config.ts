import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import { probeApi } from './src/lib/graphql.js';
import { incrementalBuild } from './src/lib/incremental-build.js';
import { previousOutputRemoval } from './src/lib/previous-output.js';
import { isLocalUrl, loadSettings, SettingError } from './src/lib/config.js';

/** Print one line and stop: a build without its data must not produce a half-empty site. */
function stop(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

let settings: ReturnType<typeof loadSettings>;
try {
  settings = loadSettings();
} catch (error) {
  if (error instanceof SettingError) stop(error.message);
  throw error;
}

/** Before building, asks the API once, so an unreachable API fails the build with one clear line. */
function ocopApiCheck(): AstroIntegration {
  return {
    name: 'ocop-api-check',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command !== 'build') return;
        try {
          await probeApi(settings.apiUrl);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          stop(
            `OCOP_API_URL: ${reason}. Start the API (pnpm dev, or pnpm ocop start) or set OCOP_API_URL to a running one before building the site.`,
          );
        }
      },
    },
  };
}

/**
 * Says plainly, before building, what would make the built site wrong in public: QR codes (on
 * pages, in print files and PDF catalogs), canonical links and the sitemap all carry SITE_URL, so
 * a localhost address there gives packs whose codes open nothing; and the footer names the
 * sample's illustrative office until the OPERATOR_* settings are given.
 */
function publicSettingsWarning(): AstroIntegration {
  return {
    name: 'ocop-public-settings',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const lines: string[] = [];
        if (isLocalUrl(settings.siteUrl)) {
          lines.push(
            `SITE_URL is ${settings.siteUrl}, an address only this computer can open.`,
            'Every QR code (on the pages, the print files /products/<slug>/qr-<slug>.svg|png and the PDF',
            'catalogs), canonical link and sitemap entry points there: a code printed on a pack now opens',
            'nothing on a buyer’s phone. Before printing or publishing, build with the public address:',
            '  SITE_URL=https://ocop.example.vn pnpm start',
          );
        }
        if (settings.operator.illustrative) {
          if (lines.length) lines.push('');
          lines.push(
            'OPERATOR_NAME, OPERATOR_HOTLINE, OPERATOR_EMAIL, OPERATOR_ADDRESS and LEGAL_NOTICE are not set: the footer',
            'shows the sample catalog’s illustrative office. Set them to the agency that runs the portal.',
          );
        }
        if (lines.length === 0) return;
        const width = Math.max(...lines.map((l) => l.length));
        const rule = '!'.repeat(width + 4);
        console.warn(`\n${rule}\n${lines.map((l) => `! ${l.padEnd(width)} !`).join('\n')}\n${rule}\n`);
      },
    },
  };
}

/** Every URL the sitemap lists (recorded by its filter), to find each page's other-language twin. */
const sitemapUrls = new Set<string>();
/** Pages an incremental build kept from the previous one: the sitemap lists them too. */
const keptPages: string[] = [];
const sitemapOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The hreflang alternates of a sitemap URL: the page and its twin in the other language, when both
 * are listed, in sitemap order. This is what the sitemap integration's `i18n` option writes, but
 * that option compares every URL with every other one (minutes for a national catalog); here the
 * twin is found directly, since English paths are the Vietnamese ones under /en.
 */
function hreflangLinks(url: string): { url: string; lang: string }[] | undefined {
  const base = new URL('/', settings.siteUrl).href;
  if (!url.startsWith(base)) return undefined;
  const rest = url.slice(base.length);
  const path = rest === 'en' || rest.startsWith('en/') ? rest.slice(3) : rest;
  const vi = base + path;
  const en = `${base}en/${path}`;
  if (!sitemapUrls.has(vi) || !sitemapUrls.has(en)) return undefined;
  return [vi, en].sort(sitemapOrder).map((u) => ({ url: u, lang: u === vi ? 'vi-VN' : 'en-US' }));
}

// The workspace's packages are used from their TypeScript sources (the "source" export condition).
const clientConditions = ['source', 'module', 'browser', 'development|production'];
const serverConditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  site: settings.siteUrl,
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321, host: true },
  trailingSlash: 'ignore',
  // The on-demand routes see their own address only for hosts named here (else "localhost"), and
  // Astro refuses a form posted from another origin: the quote form posts from SITE_URL's pages.
  security: { checkOrigin: true, allowedDomains: [{ hostname: new URL(settings.siteUrl).hostname }] },
  // Pages render while earlier ones are written: on a 2-core server, 8 at a time cut the build of a
  // 20,000-product catalog by a fifth (the main thread otherwise waits on the file system).
  build: { format: 'directory', concurrency: 8 },
  // No client-side prefetching: category and product pages ship no JavaScript.
  prefetch: false,
  integrations: [
    ocopApiCheck(),
    publicSettingsWarning(),
    previousOutputRemoval(),
    // Before the sitemap: it adds the pages kept from the previous build to keptPages.
    incrementalBuild(settings, keptPages),
    sitemap({
      customPages: keptPages,
      // On-demand pages and filtered listings (near-duplicates of their category) stay out.
      filter: (page) => {
        const listed = !/\/(verify|quote)\/?$|\/(stars|district)\//u.test(new URL(page).pathname);
        if (listed) sitemapUrls.add(page);
        return listed;
      },
      serialize: (item) => ({ ...item, links: hreflangLinks(item.url) }),
    }),
  ],
  vite: {
    // When the catalog data was read (in Vietnam, UTC+7 all year): the day and the time, shown in
    // every page's footer. Computed here because the config is loaded before the workspace's
    // "source" condition applies.
    define: {
      __OCOP_BUILT_ON__: JSON.stringify(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)),
      __OCOP_BUILT_AT__: JSON.stringify(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(11, 16)),
    },
    resolve: { conditions: clientConditions },
    ssr: { noExternal: ['@ocop/domain'], resolve: { conditions: serverConditions, externalConditions: ['source'] } },
  },
});
