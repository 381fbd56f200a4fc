import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { todayInVietnam } from '@ocop/domain';
import cors from 'cors';
import express, { type ErrorRequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { createHttpTerminator } from 'http-terminator';
import type { Config } from './config.js';
import { catalogVersion } from './cache/catalog-version.js';
import { followWrites } from './cache/feed-listener.js';
import { keepSearchIndexWarm } from './modules/search/search.warm.js';
import { databaseFault, safeError } from './db/faults.js';
import type { Orm } from './db/orm.js';
import { type Context, createContext, languageFromHeader } from './graphql/context.js';
import { faultError } from './graphql/errors.js';
import { createApollo } from './graphql/apollo.js';
import { Offloader } from './graphql/offload.js';
import { responseCache } from './graphql/response-cache.js';
import { type Allowance, clientAddress, RateLimiter, rateLimited, Slots } from './http/limits.js';
import { answerJsonPost, isPlainJsonPost } from './http/json-post.js';
import { mountOpenDataRoutes } from './http/open-data.js';
import { mountPortalRoutes } from './http/portal.js';
import { logRequests, requestInfo } from './http/request-log.js';
import type { Logger } from './logger.js';
import { TokenService } from './modules/auth/token.service.js';
import { TokenUsage } from './modules/auth/token-usage.js';
import { keepFeed } from './modules/feed/feed.keeper.js';
import { startWebhookDispatcher } from './modules/webhook/webhook.dispatcher.js';
import { configureWebhooks } from './modules/webhook/webhook.resolver.js';

export interface ServerDeps {
  config: Config;
  orm: Orm;
  logger: Logger;
  /** The clock, so tests can pin "today". */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Writes what is kept in memory for a while (when tokens were last used); also done on close. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `Port ${port} on ${host} is already in use. Stop the other program or set PORT to a free port (PORT=0 picks one).`,
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Errors raised before GraphQL runs (a body over the limit, malformed JSON) answered in the
 * GraphQL response shape, never as an HTML page with a stack trace.
 */
function httpErrors(config: Config, logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
    let code = 'INTERNAL_SERVER_ERROR';
    let message = 'The server failed to answer this request. It has been logged; try again later.';
    if (error?.type === 'entity.too.large') {
      code = 'PAYLOAD_TOO_LARGE';
      message = `The request body is larger than the ${Math.round(config.bodyLimitBytes / 1024)} kB this server accepts. Send a shorter query; use variables instead of inlining large values.`;
    } else if (error?.type === 'entity.parse.failed') {
      code = 'BAD_REQUEST';
      message =
        'The request body is not valid JSON. Send {"query": "...", "variables": {...}} with Content-Type: application/json.';
    } else if (status < 500) {
      code = 'BAD_REQUEST';
      message = error instanceof Error ? error.message : 'The request could not be read.';
    } else {
      logger.error(
        { reqId: res.getHeader('x-request-id'), err: safeError(error) },
        'unexpected error before GraphQL execution',
      );
    }
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}

/** Sends a GraphQL-shaped error straight on Node's response (before Express and Apollo). */
function sendError(res: import('node:http').ServerResponse, status: number, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions as { http?: { headers?: Map<string, string> } };
  const body = JSON.stringify({ errors: [{ message: error.message, extensions }] });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
    ...Object.fromEntries(http?.headers ?? []),
  });
  res.end(body);
}

export async function startServer({ config, orm, logger, now = () => new Date() }: ServerDeps): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const cache = responseCache(catalogVersion);
  const limits = config.limits;
  const anonymous: Allowance = { perMinute: limits.ratePerMinute, burst: limits.rateBurst };
  // Officials' tokens are trusted and audited, and partner keys are issued to named apps: both get
  // ten times the public allowance, or, for a partner key, the quota it was issued with.
  const official: Allowance = { perMinute: limits.ratePerMinute * 10, burst: limits.rateBurst * 10 };
  const partner = (quota: number | null | undefined): Allowance =>
    limits.ratePerMinute === 0 || !quota ? official : { perMinute: quota, burst: Math.max(1, Math.ceil(quota / 5)) };
  const limiter = new RateLimiter(anonymous);
  const slots = new Slots(limits.expensiveConcurrency);
  const usage = new TokenUsage(orm, logger);
  // Set once Apollo has started; until then every request goes to Express (404 for /graphql).
  let answerJson: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const httpServer: Server = await new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      const info = logRequests(logger, req, res);
      const url = req.url ?? '';
      // Health answers before anything else, so a flood cannot make the process look dead.
      if (url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      info.client = clientAddress(req, config.trustProxy);
      // A request with a token is counted once the token is checked (context below), against
      // its holder's allowance; a made-up token is counted against the address.
      if (!req.headers.authorization && url.startsWith('/graphql') && req.method !== 'OPTIONS') {
        const wait = limiter.take(info.client, 1);
        if (wait > 0) {
          sendError(res, 429, rateLimited(wait, anonymous, `the address ${info.client}`));
          return;
        }
      }
      // Cached public GETs are answered before Express sees them, and plain JSON POSTs go straight
      // to Apollo (http/json-post.ts), answered from the same cache once their body is read;
      // everything else goes to the app.
      if (cache.serveHit(req, res)) return;
      if (answerJson && isPlainJsonPost(req, '/graphql')) answerJson(req, res);
      else app(req, res);
    }).listen(config.port, config.host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.host, config.port) : error),
    );
  });

  // Stopping ends every connection: idle ones at once, busy ones once their answer is sent (it
  // says `Connection: close`), any left after 5 s by force. Node's own close() leaves a keep-alive
  // connection with a request under way open and answering for as long as its client asks.
  const terminator = createHttpTerminator({ server: httpServer, gracefulTerminationTimeout: 5000 });

  const offloader = Offloader.possible(config) ? new Offloader(config, logger, catalogVersion) : undefined;
  const apollo = await createApollo(config, logger, {
    limits,
    limiter,
    slots,
    offload: offloader && ((request, context) => offloader.run(request, context)),
    charged: (context, units) => {
      if (context.auth) usage.charged(context.auth.tokenId, now(), units);
    },
  });
  await apollo.start();
  if (config.env === 'production') offloader?.warm();
  const stopFollowing = followWrites(config.database, catalogVersion, logger);
  const feed = keepFeed({ orm, now, logger });
  await feed.ready;
  configureWebhooks(config.webhooks);
  const dispatcher = startWebhookDispatcher({ orm, settings: config.webhooks, logger, now });
  // A change anywhere (this process or, through the feed, another) may be due to some endpoint.
  const stopKicking = catalogVersion.onChange(() => dispatcher.kick());
  // In production the search index in use is built again after writes (tests count every statement).
  const stopWarming =
    config.env === 'production' && config.database.file !== ':memory:'
      ? keepSearchIndexWarm({ orm, version: catalogVersion, logger, now })
      : () => undefined;

  /** Each request's context: its own EntityManager fork and loaders, its caller, its allowance. */
  const contextFor = async (req: IncomingMessage): Promise<Context> => {
    const info = requestInfo(req);
    const em = orm.em.fork() as SqlEntityManager;
    const instant = now();
    const today = todayInVietnam(instant);
    let authentication: Awaited<ReturnType<TokenService['authenticate']>>;
    try {
      authentication = await new TokenService(em).authenticate(req.headers.authorization);
    } catch (error) {
      const fault = databaseFault(error);
      if (!fault) throw error;
      logger.warn({ reqId: info.id, fault, err: safeError(error) }, 'database fault while checking a token');
      throw faultError(fault);
    }
    const { auth, authProblem } = authentication;
    let rateKey = info.client ?? 'unknown';
    let allowance = anonymous;
    if (auth) {
      usage.used(auth.tokenId, instant);
      rateKey = `token:${auth.tokenId}`;
      allowance = auth.role === 'PARTNER' ? partner(auth.quotaPerMinute) : official;
    }
    if (req.headers.authorization) {
      const wait = limiter.take(rateKey, 1, allowance);
      if (wait > 0) {
        throw rateLimited(
          wait,
          allowance,
          auth ? `the ${auth.role === 'PARTNER' ? 'partner key' : 'token'} "${auth.name}"` : `the address ${rateKey}`,
        );
      }
    }
    return createContext(
      em,
      {
        today,
        lang: languageFromHeader(req.headers['accept-language']),
        auth,
        authProblem,
        request: info,
        rate: { key: rateKey, allowance },
        portal,
      },
      limits.responseItems,
    );
  };
  answerJson = (req, res) => {
    answerJsonPost(req, res, {
      apollo,
      bodyLimitBytes: config.bodyLimitBytes,
      context: contextFor,
      cache: (request, body) => cache.post(request, body),
      onError: (error) =>
        logger.warn({ reqId: res.getHeader('x-request-id'), err: safeError(error) }, 'request body could not be read'),
    }).catch((error) => {
      logger.error(
        { reqId: res.getHeader('x-request-id'), err: safeError(error) },
        'unexpected error answering a GraphQL request',
      );
      if (!res.headersSent)
        sendError(
          res,
          500,
          new GraphQLError('The server failed to answer this request. It has been logged; try again later.', {
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          }),
        );
      else res.destroy();
    });
  };

  app.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        orm.em.getConnection().execute('select 1'),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${config.timeouts.readyMs} ms`)),
            config.timeouts.readyMs,
          );
        }),
      ]);
      res.json({ status: 'ok', database: 'reachable' });
    } catch (error) {
      logger.warn({ reqId: res.getHeader('x-request-id'), err: safeError(error) }, 'readiness check failed');
      res.status(503).set('retry-after', '5').json({ status: 'unavailable', database: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  });
  mountOpenDataRoutes(app, { orm, now });
  const portal = { config, logger };
  mountPortalRoutes(app, portal); // Issue 16: product photos (/images, multipart uploads) and the trade portal's settings.
  app.use(
    '/graphql',
    cors({ methods: ['GET', 'POST', 'OPTIONS'], maxAge: 86_400, exposedHeaders: ['x-request-id', 'retry-after'] }),
    cache.store,
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo, { context: ({ req }) => contextFor(req) }),
  );
  app.use(httpErrors(config, logger));

  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    flush: () => usage.flush(),
    close: async () => {
      stopFollowing();
      feed.stop();
      stopKicking();
      stopWarming();
      await dispatcher.stop();
      await terminator.terminate();
      await apollo.stop();
      await offloader?.stop();
      await usage.flush();
      usage.stop();
    },
  };
}
