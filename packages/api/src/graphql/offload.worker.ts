import 'reflect-metadata';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { HeaderMap } from '@apollo/server';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { catalogVersion } from '../cache/catalog-version.js';
import type { Config } from '../config.js';
import { openOrm } from '../db/orm.js';
import { createLogger } from '../logger.js';
import { createApollo } from './apollo.js';
import { createContext } from './context.js';
import type { Answer, ToWorker } from './offload.js';

/**
 * The thread that runs expensive queries (see offload.ts): its own database connection, schema
 * and caches, the same Apollo server as the main thread, and no HTTP. Its caches move whenever
 * the main thread's do (a "bump" message: the main thread hears every write, its own and, by the
 * change feed, other processes'). Log lines go to the main thread, which writes them.
 */
const port = parentPort;
if (!port) throw new Error('offload.worker.ts runs as a worker thread of the API server.');
const { config } = workerData as { config: Config };
lowerPriority();
const logger = createLogger(config, { write: (line: string) => port.postMessage({ type: 'log', line }) });
const orm = await openOrm(config.database, { timeouts: config.timeouts, logger });
// Limits are checked here too, but the caller was charged, and waited its turn, in the main thread.
const apollo = await createApollo(config, logger, { limits: config.limits });
await apollo.start();
const portal = { config, logger };

/**
 * On a machine with few cores this thread, busy for hundreds of milliseconds at a time, competes
 * with the main thread for CPU: the operating system then lets a request that woke the main
 * thread wait for a core. Where it can (Linux: a thread's id is a pid to setpriority), this
 * thread runs at a lower priority (nice 10), so the main thread is given a core first.
 */
function lowerPriority(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, 10);
  } catch {
    // Not Linux, or not allowed: the thread keeps the process's priority.
  }
}

async function answer(job: Extract<ToWorker, { type: 'run' }>): Promise<Answer> {
  const context = createContext(
    orm.em.fork() as SqlEntityManager,
    { ...job.caller, request: { id: job.caller.requestId, started: performance.now() }, portal },
    config.limits.responseItems,
  );
  const answered = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: new HeaderMap(job.headers), search: '', body: job.request },
    context: async () => context,
  });
  if (answered.body.kind !== 'complete') throw new Error('an incremental answer cannot leave the worker thread');
  const body = answered.body.string;
  // Apollo writes `errors` first: only an answer with errors is parsed, for the main thread's
  // status and cache headers.
  const errors = body.startsWith('{"errors"') ? (JSON.parse(body) as { errors: Answer['errors'] }).errors : undefined;
  // Encoded here, so the main thread only writes bytes (the buffer is moved, not copied).
  return {
    status: answered.status ?? 200,
    headers: [...answered.headers],
    body: new TextEncoder().encode(body),
    errors,
  };
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'bump') {
    catalogVersion.bump();
    return;
  }
  answer(message).then(
    (result) =>
      port.postMessage({ type: 'answer', id: message.id, answer: result }, [result.body.buffer as ArrayBuffer]),
    (error: unknown) =>
      port.postMessage({
        type: 'failed',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
port.postMessage({ type: 'ready' });
