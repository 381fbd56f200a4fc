import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { todayInVietnam } from '@ocop/domain';
import cors from 'cors';
import express from 'express';
import type { Config } from './config.js';
import type { Orm } from './db/orm.js';
import { type Context, languageFromHeader } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { createLoaders } from './graphql/loaders.js';
import { createMemo } from './graphql/memo.js';
import { getSchema } from './graphql/schema.js';
import type { Logger } from './logger.js';

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
 * Stops accepting connections, lets requests in flight finish (up to `graceMs`), closes idle
 * keep-alive connections at once, then stops Apollo.
 */
async function closeGracefully(httpServer: Server, apollo: ApolloServer<Context>, graceMs = 5000): Promise<void> {
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
  httpServer.closeIdleConnections();
  const force = setTimeout(() => httpServer.closeAllConnections(), graceMs);
  force.unref();
  await closed;
  clearTimeout(force);
  await apollo.stop();
}

export async function startServer({ config, orm, logger, now = () => new Date() }: ServerDeps): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = await new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.host, config.port) : error),
    );
  });

  const production = config.env === 'production';
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    // Tokens travel in the Authorization header and no cookies are used, so a plain GET link
    // (a CDN, curl) must work: CSRF prevention would only reject such harmless requests.
    csrfPrevention: false,
    // The CLI owns SIGINT/SIGTERM and closes HTTP, Apollo and the database in order; Apollo's own
    // handlers would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error, logger, production),
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', database: 'reachable' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const em = orm.em.fork() as SqlEntityManager;
        const today = todayInVietnam(now());
        return {
          em,
          today,
          lang: languageFromHeader(req.headers['accept-language']),
          loaders: createLoaders(em, today),
          memo: createMemo(),
        };
      },
    }),
  );

  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    close: () => closeGracefully(httpServer, apollo),
  };
}
