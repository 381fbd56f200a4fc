#!/usr/bin/env node
/**
 * Publishes the site once, for a static host or CDN: builds it against the API into a new folder
 * under OCOP_SITE_BUILDS (default sites/catalog/builds), updates the 410 list (gone.txt,
 * gone.json in the build) from the pages the previous build had, and prints the folder whose
 * client/ subfolder is to be copied to the host. Run it from a webhook or a timer. Settings:
 * OCOP_API_URL, SITE_URL, OCOP_SITE_BUILDS.
 */
import { startLiveSite } from './live-site.mjs';

try {
  const site = await startLiveSite({
    apiUrl: process.env.OCOP_API_URL ?? 'http://localhost:4000/graphql',
    siteUrl: process.env.SITE_URL ?? 'http://localhost:4321',
    buildsDir: process.env.OCOP_SITE_BUILDS || undefined,
    port: 0,
    host: '127.0.0.1',
    forceBuild: true,
    failFast: true,
    log: (line) => console.error(line),
  });
  const dir = site.buildDir;
  await site.close();
  console.log(`${dir}/client`);
} catch (error) {
  console.error(`ocop publish: ${error.message}`);
  process.exit(1);
}
