/**
 * Node options for the API server in production: `pnpm start`, the API package's `start` script
 * and the benchmark all launch it with these (keep packages/api/package.json's `start` in step).
 *
 * V8 lets the old generation grow to several times the live data before collecting it: a ceiling
 * keeps resident memory in hand. It must hold every bounded cache (rows, query results, search
 * matches, orders and counts, responses) at national scale with room to spare. 128 MB did at
 * 20,000 products (about 57 MB live), not at 100,000: there, after a few hundred different
 * searches with facets, about 105 MB stayed live, the server spent about a third of its time
 * collecting (170 full collections in two minutes) and then died of "heap out of memory"
 * (`test/integration/national-scale.test.ts` replays it). With 256 MB the same 3,000 searches
 * ran with 38 full collections, p99 37 ms instead of 159 ms, and a peak resident memory of
 * 510 MB (the worker thread's heap included).
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
/** The V8 old-generation ceiling of the server's heap and of its worker thread's (graphql/offload.ts), in MB. */
export const HEAP_CEILING_MB = 256;

export const SERVER_NODE_ARGS = [
  '--enable-source-maps',
  `--max-old-space-size=${HEAP_CEILING_MB}`,
  '--single-threaded-gc',
] as const;
