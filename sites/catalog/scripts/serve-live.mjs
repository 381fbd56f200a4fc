#!/usr/bin/env node
/**
 * Serves the catalog site and keeps it live (scripts/live-site.mjs): builds it when there is no
 * build yet, then follows the API's change feed, answering 410 for withdrawn products at once and
 * republishing changed listings. Settings: OCOP_API_URL (default http://localhost:4000/graphql),
 * SITE_URL (default http://localhost:PORT), PORT (4321), HOST (0.0.0.0), OCOP_SITE_BUILDS (the
 * folder for builds, default sites/catalog/builds).
 */
import { startLiveSite } from './live-site.mjs';

const port = Number(process.env.PORT ?? 4321);
const site = await startLiveSite({
  apiUrl: process.env.OCOP_API_URL ?? 'http://localhost:4000/graphql',
  siteUrl: process.env.SITE_URL ?? `http://localhost:${port}`,
  port,
  host: process.env.HOST ?? '0.0.0.0',
  buildsDir: process.env.OCOP_SITE_BUILDS || undefined,
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
console.log(`OCOP catalog site listening on ${site.url}`);
const stop = async () => {
  await site.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
