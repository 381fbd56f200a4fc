import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type GraphQLRequest, type GraphQLResponse, HeaderMap } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { pino } from 'pino';
import type { CatalogVersion } from '../cache/catalog-version.js';
import type { Config } from '../config.js';
import { safeError } from '../db/faults.js';
import type { Logger } from '../logger.js';
import { HEAP_CEILING_MB } from '../server-args.js';
import type { Context } from './context.js';

/** What the worker thread needs of a request's context (the rest it makes itself). */
export type WorkerCaller = Pick<Context, 'today' | 'lang' | 'auth' | 'authProblem'> & { requestId: string };

export type ToWorker =
  | { type: 'bump' }
  | { type: 'run'; id: number; request: GraphQLRequest; headers: [string, string][]; caller: WorkerCaller };

/** The worker's answer: Apollo's status, headers and serialised body (UTF-8), and the errors in it. */
export interface Answer {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  errors?: GraphQLFormattedError[];
}

type FromWorker =
  | { type: 'ready' }
  | { type: 'log'; line: string }
  | { type: 'answer'; id: number; answer: Answer }
  | { type: 'failed'; id: number; message: string };

/** The headers the worker's Apollo sees: those its plugins read. */
const FORWARDED = ['authorization', 'accept-language', 'content-type'];

/** After a worker failed to start, expensive queries run in the main thread for this long before it is tried again. */
const RETRY_START_MS = 30_000;

/**
 * Expensive queries (an estimated cost from EXPENSIVE_QUERY_COST) run in a worker thread, so the
 * main thread, which answers every connection, is never held by one: on a 2-core machine a query
 * of 100 products with their related products takes about 200 ms of CPU, and the SQLite driver
 * reads synchronously, so run in the main thread such queries held /healthz and a buyer's
 * product page for hundreds of milliseconds. The cost, the allowance and the line of expensive
 * queries (one at a time by default) are still checked in the main thread, which then hands the
 * request to the worker with its caller (token, language, day) and sends the worker's bytes as
 * they are. Mutations never leave the main thread.
 *
 * The worker is started with the server in production, otherwise at the first expensive query. Its caches follow the main thread's: every
 * move of the catalog version (a write here, or another process's through the change feed) is
 * sent to it before any later request. If it cannot start, expensive queries run in the main
 * thread as before (logged); if it dies, the requests it held answer 503 SERVER_BUSY and the next
 * one starts a new worker. An in-memory SQLite database cannot be shared with a thread: there,
 * nothing is offloaded.
 */
export class Offloader {
  private worker?: Worker;
  private starting?: Promise<Worker | undefined>;
  private retryAfter = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (answer: Answer | Error) => void>();
  private readonly stopFollowing: () => void;
  private stopped = false;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    version: CatalogVersion,
  ) {
    this.stopFollowing = version.onChange(() => this.worker?.postMessage({ type: 'bump' } satisfies ToWorker));
  }

  static possible(config: Config): boolean {
    return config.limits.offload && !(config.database.dialect === 'sqlite' && config.database.file === ':memory:');
  }

  /** Starts the worker now rather than at the first expensive query (which would wait for it). */
  warm(): void {
    void this.started();
  }

  /** Runs `request` in the worker; null when it must run here (no worker could be started). */
  async run(request: GraphQLRequest, context: Context): Promise<GraphQLResponse | null> {
    const worker = await this.started();
    if (!worker) return null;
    const id = this.nextId++;
    const headers: [string, string][] = [];
    for (const name of FORWARDED) {
      const value = request.http?.headers.get(name);
      if (value !== undefined) headers.push([name, value]);
    }
    const caller: WorkerCaller = {
      today: context.today,
      lang: context.lang,
      auth: context.auth,
      authProblem: context.authProblem,
      requestId: context.request?.id ?? '',
    };
    // What a POST body would hold (Apollo refuses keys present with an undefined value).
    const query = Object.fromEntries(
      Object.entries({
        query: request.query,
        variables: request.variables,
        operationName: request.operationName,
        extensions: request.extensions,
      }).filter(([, value]) => value !== undefined),
    );
    const answer = await new Promise<Answer | Error>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ type: 'run', id, request: query, headers, caller } satisfies ToWorker);
    });
    if (answer instanceof Error) return stopped(answer.message);
    const head = new HeaderMap();
    for (const [name, value] of answer.headers)
      if (name !== 'content-type' && name !== 'content-length') head.set(name, value);
    const response = { status: answer.status, headers: head };
    if (context.passThrough) {
      // The worker's bytes are sent as they are (http/json-post.ts); Apollo here sees the errors only,
      // so its status and cache headers come out as the worker's did.
      context.passThrough.body = Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
      return {
        http: response,
        body: { kind: 'single', singleResult: answer.errors ? { errors: answer.errors } : { data: {} } },
      };
    }
    return {
      http: response,
      body: { kind: 'single', singleResult: JSON.parse(new TextDecoder().decode(answer.body)) },
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopFollowing();
    const worker = this.worker ?? (await this.starting);
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Promise<Worker | undefined> {
    if (this.worker) return Promise.resolve(this.worker);
    if (this.stopped || Date.now() < this.retryAfter) return Promise.resolve(undefined);
    this.starting ??= this.start().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private start(): Promise<Worker | undefined> {
    // From the sources (tests, `pnpm ocop`), the worker is TypeScript too: tsx is registered in
    // the thread first, then the worker imported.
    const source = import.meta.url.endsWith('.ts');
    const file = new URL(`./offload.worker.${source ? 'ts' : 'js'}`, import.meta.url);
    // tsx's ESM entry (`tsx/esm/api` under the import condition; require() would resolve its CommonJS one).
    const tsx = source
      ? pathToFileURL(
          join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
        ).href
      : undefined;
    const tsconfig = fileURLToPath(new URL('../../../../tsconfig.base.json', import.meta.url));
    const worker = new Worker(
      tsx
        ? `import(${JSON.stringify(tsx)}).then(({ register }) => { register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(file.href)}); })`
        : file,
      {
        eval: Boolean(tsx),
        execArgv: tsx ? ['--conditions=source'] : [],
        workerData: { config: this.config },
        // The same ceiling as the server's own heap (server-args.ts); a worker past it dies alone.
        resourceLimits: { maxOldGenerationSizeMb: HEAP_CEILING_MB },
      },
    );
    return new Promise((resolve) => {
      let ready = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'log') this.writeLog(message.line);
        else if (message.type === 'ready') {
          ready = true;
          if (this.stopped) {
            void worker.terminate();
            resolve(undefined);
            return;
          }
          this.worker = worker;
          this.logger.info({ threadId: worker.threadId }, 'expensive queries run in their own thread from now on');
          resolve(worker);
        } else {
          const settle = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.type === 'answer') settle?.(message.answer);
          else {
            // Its message may hold values of the query: logged scrubbed, never sent to the client.
            this.logger.error(
              { err: safeError(new Error(message.message)) },
              'the thread for expensive queries failed a query',
            );
            settle?.(new Error('the thread for expensive queries failed'));
          }
        }
      });
      worker.on('error', (error) => {
        this.logger.error({ err: safeError(error) }, 'the thread for expensive queries failed');
      });
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        if (ready && !this.stopped)
          this.logger.error(
            { exitCode: code },
            'the thread for expensive queries stopped; the next one starts it again',
          );
        for (const [id, settle] of this.pending) {
          this.pending.delete(id);
          settle(new Error(`the thread for expensive queries stopped (exit code ${code})`));
        }
        if (!ready) {
          if (!this.stopped) {
            this.logger.error(
              { exitCode: code },
              'the thread for expensive queries could not start; they run in the main thread for now',
            );
          }
          this.retryAfter = Date.now() + RETRY_START_MS;
          resolve(undefined);
        }
      });
    });
  }

  /** A line the worker's logger wrote, written as it is to this thread's log. */
  private writeLog(line: string): void {
    const stream = (this.logger as unknown as Record<symbol, { write(line: string): void }>)[pino.symbols.streamSym];
    stream?.write(line);
  }
}

/** The answer to a request the worker held when it died: try again (a new worker starts). */
function stopped(reason: string): GraphQLResponse {
  return {
    http: { status: 503, headers: new HeaderMap([['retry-after', '2']]) },
    body: {
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: `The server could not finish this expensive query (${reason}). Try again in a few seconds, or ask for smaller pages.`,
            extensions: { code: 'SERVER_BUSY' },
          },
        ],
      },
    },
  };
}
