/**
 * Node options for the API server in production: `pnpm start`, the API package's `start` script
 * and the benchmark all launch it with these (keep packages/api/package.json's `start` in step).
 *
 * V8 lets the old generation grow to several times the live data before collecting it; under
 * load the server's heap reached 166 MB for about 50 MB of live objects. A 128 MB ceiling keeps
 * its resident memory near 200 MB with room above every bounded cache (rows, query results,
 * responses: together well under 64 MB); collection then runs a little more often, at no
 * measurable cost per request (`pnpm bench`).
 */
export const SERVER_NODE_ARGS = ['--enable-source-maps', '--max-old-space-size=128'] as const;
