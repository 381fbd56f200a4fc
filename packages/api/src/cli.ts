#!/usr/bin/env node
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { printSchema } from 'graphql';
import { ConfigError, loadConfig } from './config.js';
import { isEmpty, migrate } from './db/database.js';
import { DatabaseUnavailableError, openOrm } from './db/orm.js';
import { getSchema } from './graphql/schema.js';
import { createLogger } from './logger.js';
import { kienGiangCatalog } from './seed/kien-giang.js';
import { loadCatalog } from './seed/load.js';
import { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from './seed/synthetic.js';
import { PortInUseError, startServer } from './server.js';

const USAGE = `Usage: ocop <command> [options]

Commands:
  start                         Migrate the database, load the sample catalog if it is empty, serve the API.
  db migrate                    Apply pending migrations.
  db seed [--synthetic N] [--seed S]
                                Load the sample Kiên Giang catalog (or N synthetic products) into an EMPTY database.
  generate --products N [--seed S] [--out FILE]
                                Print (or write) a deterministic synthetic national catalog as JSON.
  schema [--out FILE]           Print (or write) the GraphQL schema (SDL), as committed in schema.graphql.

Settings come from the environment: DATABASE_URL, PORT, HOST, NODE_ENV, OCOP_SEED, LOG_LEVEL, BODY_LIMIT.`;

/** A mistake the user can fix: printed as one line, exit code 2. */
class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required.`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
    throw new UsageError(`--${name} must be a whole number from 1 to 10000000, not "${value}".`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      synthetic: { type: 'string' },
      seed: { type: 'string' },
      products: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }

  if (command === 'generate') {
    const catalog = generateSyntheticCatalog({
      products: positiveInt('products', values.products),
      seed: positiveInt('seed', values.seed, DEFAULT_SYNTHETIC_SEED),
    });
    const json = JSON.stringify(catalog);
    if (values.out) writeFileSync(values.out, json);
    else process.stdout.write(`${json}\n`);
    return;
  }

  if (command === 'schema') {
    const sdl = printSchema(await getSchema());
    if (values.out) writeFileSync(values.out, `${sdl}\n`);
    else process.stdout.write(`${sdl}\n`);
    return;
  }

  const config = loadConfig();
  const logger = createLogger(config);

  if (command === 'db' && sub === 'migrate') {
    const orm = await openOrm(config.database);
    try {
      const { applied } = await migrate(orm);
      console.log(
        applied.length
          ? `Applied ${applied.join(', ')} to ${config.database.display}.`
          : `${config.database.display} is up to date.`,
      );
    } finally {
      await orm.close();
    }
    return;
  }

  if (command === 'db' && sub === 'seed') {
    const orm = await openOrm(config.database);
    try {
      await migrate(orm);
      if (!(await isEmpty(orm))) {
        throw new UsageError(
          `${config.database.display} already holds data; seeding only fills an empty database, so nothing was changed.`,
        );
      }
      const catalog = values.synthetic
        ? generateSyntheticCatalog({
            products: positiveInt('synthetic', values.synthetic),
            seed: positiveInt('seed', values.seed, DEFAULT_SYNTHETIC_SEED),
          })
        : kienGiangCatalog;
      const started = performance.now();
      const summary = await loadCatalog(orm.em.fork(), catalog);
      console.log(
        `Loaded ${summary.products} products, ${summary.producers} producers, ${summary.regions} regions, ${summary.evaluations} evaluations and ${summary.certificates} certificates in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
    } finally {
      await orm.close();
    }
    return;
  }

  if (command === 'start') {
    const orm = await openOrm(config.database);
    const { applied } = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'applied migrations');
    if (config.seedWhenEmpty && (await isEmpty(orm))) {
      const summary = await loadCatalog(orm.em.fork(), kienGiangCatalog);
      logger.info(summary, 'loaded the sample Kiên Giang catalog into the empty database');
    }
    const server = await startServer({ config, orm, logger }).catch(async (error: unknown) => {
      await orm.close();
      throw error;
    });
    logger.info({ url: server.url, database: config.database.display }, 'OCOP API ready');
    console.log(`OCOP API ready at ${server.url} (database: ${config.database.display})`);
    // `on`, not `once`: the listener stays registered while draining, so loaders such as tsx
    // (which relay signals) do not take the signal as unhandled and exit early.
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      await server.close();
      logger.debug('http server closed');
      await orm.close();
      logger.debug('database closed');
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    return;
  }

  throw new UsageError(`Unknown command "${positionals.join(' ')}". Run "pnpm ocop --help" for the list of commands.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof PortInUseError ||
    error instanceof UsageError
  ) {
    console.error(`ocop: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`ocop: ${error.message}. Run "pnpm ocop --help" for the options.`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
