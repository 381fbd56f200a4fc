import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import { probeApi } from './src/lib/graphql.js';
import { loadSettings, SettingError } from './src/lib/config.js';

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

// The workspace's packages are used from their TypeScript sources (the "source" export condition).
const clientConditions = ['source', 'module', 'browser', 'development|production'];
const serverConditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  site: settings.siteUrl,
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321, host: true },
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // No client-side prefetching: category and product pages ship no JavaScript.
  prefetch: false,
  integrations: [
    ocopApiCheck(),
    sitemap({
      // On-demand pages and filtered listings (near-duplicates of their category) stay out.
      filter: (page) => !/\/verify\/?$|\/(stars|district)\//u.test(new URL(page).pathname),
      i18n: { defaultLocale: 'vi', locales: { vi: 'vi-VN', en: 'en-US' } },
    }),
  ],
  vite: {
    // The day the catalog data was read (in Vietnam, UTC+7 all year), shown in every page's footer.
    // Computed here because the config is loaded before the workspace's "source" condition applies.
    define: { __OCOP_BUILT_ON__: JSON.stringify(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)) },
    resolve: { conditions: clientConditions },
    ssr: { noExternal: ['@ocop/domain'], resolve: { conditions: serverConditions, externalConditions: ['source'] } },
  },
});
