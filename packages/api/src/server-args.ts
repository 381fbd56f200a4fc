/**
 * Node options for the API server in production: `pnpm start`, the API package's `start` script
 * and the benchmark all launch it with these (keep packages/api/package.json's `start` in step).
 *
 * V8 lets the old generation grow to several times the live data before collecting it; under
 * load the server's heap reached 166 MB for about 50 MB of live objects. A 128 MB ceiling keeps
 * its resident memory near 200 MB with room above every bounded cache (rows, query results,
 * responses: together well under 64 MB); collection then runs a little more often, at no
 * measurable cost per request (`pnpm bench`).
 *
 * `--single-threaded-gc`: V8 otherwise collects with helper threads that run at normal priority
 * for every heap of the process, the expensive-query worker's included (graphql/offload.ts), and
 * the main thread waits for its helpers to finish each pause. On a 2-core machine busy with that
 * worker they compete with the main thread for a core. Measured with 20 connections of the most
 * expensive allowed query on 20,000 products (SQLite, four 20 s runs each, alternated): /healthz
 * p99 13.4, 5.9, 9.7 and 13.2 ms with it, 15.0, 14.2, 14.1 and 18.9 ms without; a product
 * query's p99 10.5–12.1 ms with it, 13.0–19.5 ms without. The cost: where the main thread itself
 * is saturated (20 connections of cold product queries, PostgreSQL, two 10 s runs each) its own
 * pauses are longer, p99 120–125 ms with it and 77–78 ms without, at the same CPU per request.
 */
export const SERVER_NODE_ARGS = ['--enable-source-maps', '--max-old-space-size=128', '--single-threaded-gc'] as const;
