#!/usr/bin/env node
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { DomainError } from '@ocop/domain';
import { printSchema } from 'graphql';
import { type Config, ConfigError, loadConfig } from './config.js';
import { isEmpty, migrate } from './db/database.js';
import { DatabaseUnavailableError, type Orm, openOrm } from './db/orm.js';
import { backupCommand } from './db/backup.js';
import { getSchema } from './graphql/schema.js';
import { createLogger } from './logger.js';
import { CLI_ACTOR } from './modules/audit/mutation.js';
import { isRole, ROLES } from './modules/auth/api-token.entity.js';
import { ROLE_HELP, TokenService } from './modules/auth/token.service.js';
import { imagesCommand } from './modules/image/image.cli.js';
import { exportCommand, importCommand, userPath } from './modules/transfer/transfer.cli.js';
import { kienGiangCatalog } from './seed/kien-giang.js';
import { loadCatalog } from './seed/catalog.js';
import { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from './seed/synthetic.js';
import { PortInUseError, startServer } from './server.js';

const USAGE = `Usage: ocop <command> [options]

Commands:
  start                         Migrate the database, load the sample catalog if it is empty, serve the API.
  db migrate                    Apply pending migrations.
  db seed [--synthetic N] [--seed S]
                                Load the sample Kiên Giang catalog (or N synthetic products) into an EMPTY database.
  db backup FILE                Copy the SQLite database consistently, even while the server runs (PostgreSQL: prints the pg_dump command).
  import FILE|DIR... [--kind KIND] [--dry-run]
                                Check CSV files (or an export's folder or JSON) row by row, then import all in one transaction or nothing.
  export --format csv|json [--out DIR|FILE] [--kind KIND] [--as-of YYYY-MM-DD]
                                Write the public catalog (published products only) as open data in the import format.
  generate --products N [--seed S] [--out FILE]
                                Print (or write) a deterministic synthetic national catalog as a JSON document of the import format.
  schema [--out FILE]           Print (or write) the GraphQL schema (SDL), as committed in schema.graphql.
  images add SLUG FILE… [--alt-vi TEXT] [--alt-en TEXT]
                                Attach photos to a product: checked, stripped of metadata, resized to AVIF/WebP/JPEG in IMAGES_DIR.
  token create --role ADMIN|EVALUATOR|PARTNER --name "WHO" [--quota UNITS_PER_MINUTE]
                                Create an API token (PARTNER: a partner app's key, public reads with its own
                                allowance) and print it once (only its SHA-256 hash is stored).
  token list                    List tokens: id, role, name, created, last used, revoked (never the token).
  token revoke ID               Revoke a token at once; the audit log keeps its name.

Settings come from the environment: DATABASE_URL, PORT, HOST, NODE_ENV, OCOP_SEED, LOG_LEVEL, BODY_LIMIT,
QUERY_MAX_COST, RESPONSE_MAX_ITEMS, RATE_LIMIT, RATE_LIMIT_BURST, TRUST_PROXY, EXPENSIVE_QUERY_COST,
EXPENSIVE_QUERY_CONCURRENCY, DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS, READY_TIMEOUT_MS, IMAGES_DIR,
IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS, SMTP_URL, MAIL_FROM, MAIL_BCC, SMTP_TIMEOUT_MS, INQUIRY_LIMIT_PER_HOUR,
INQUIRY_LIMIT_PER_DAY (see the README).`;

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
      'dry-run': { type: 'boolean' },
      kind: { type: 'string' },
      format: { type: 'string' },
      'as-of': { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      quota: { type: 'string' },
      'alt-vi': { type: 'string' },
      'alt-en': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }

  if (command === 'generate') {
    const catalog = generateSyntheticCatalog({
      products: positiveInt('products', values.products),
      seed: positiveInt('seed', values.seed, DEFAULT_SYNTHETIC_SEED),
    });
    // The catalog's import document: what `ocop import` reads.
    const json = JSON.stringify(catalog.document);
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

  if (command === 'import') {
    const { kind, 'dry-run': dryRun } = values;
    process.exitCode = await importCommand(config, positionals.slice(1), { kind, dryRun });
    return;
  }
  if (command === 'images') {
    process.exitCode = await imagesCommand(config, positionals.slice(1), {
      altVi: values['alt-vi'],
      altEn: values['alt-en'],
    });
    return;
  }
  if (command === 'export') {
    const { format, out, kind } = values;
    process.exitCode = await exportCommand(config, { format, out, kind, asOf: values['as-of'] });
    return;
  }
  if (command === 'db' && sub === 'backup') {
    process.exitCode = await backupCommand(config.database, positionals[2], (db) => openOrm(db), userPath);
    return;
  }

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
      const summary = await loadCatalog(orm.em.fork(), catalog, undefined, { images: config.images });
      console.log(
        `Loaded ${summary.products} products (${summary.photos} photos), ${summary.producers} producers, ${summary.regions} regions, ${summary.evaluations} evaluations and ${summary.certificates} certificates in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
    } finally {
      await orm.close();
    }
    return;
  }

  if (command === 'token') {
    if (sub === 'create') {
      // Checked before the database is opened, so a typo costs nothing.
      const role = values.role?.trim().toUpperCase();
      if (!role || !isRole(role)) {
        throw new UsageError(
          `${values.role ? `--role "${values.role}" is not a role` : '--role is required'}: use --role ${ROLES.join(' or --role ')}; ${ROLE_HELP}.`,
        );
      }
      const name = values.name?.trim() ?? '';
      if (name === '' || name.length > 100) {
        throw new UsageError(
          name === ''
            ? '--name is required: say who holds the token, e.g. --name "Nguyễn Văn A, Sở NN&PTNT".'
            : `--name is ${name.length} characters long; use at most 100.`,
        );
      }
      let quotaPerMinute: number | null = null;
      if (values.quota !== undefined) {
        if (role !== 'PARTNER')
          throw new UsageError('--quota is for --role PARTNER keys only; other tokens have no allowance of their own.');
        quotaPerMinute = positiveInt('quota', values.quota);
      }
      await withTokens(config, async (tokens) => {
        const { token, record } = await tokens.create({ name, role, quotaPerMinute }, CLI_ACTOR);
        process.stdout.write(`${token}\n`);
        console.error(
          `Created token ${record.id} (${record.role}, "${record.name}"). It is shown only this once: store it now. Send it as "Authorization: Bearer <token>".`,
        );
      });
      return;
    }
    if (sub === 'list') {
      await withTokens(config, async (tokens) => {
        const rows = await tokens.list();
        if (rows.length === 0) {
          console.log('No tokens yet. Create one with: pnpm ocop token create --role ADMIN --name "…"');
          return;
        }
        const stamp = (d?: Date) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
        console.log(['id', 'role', 'created (UTC)', 'last used (UTC)', 'revoked (UTC)', 'name'].join('\t'));
        for (const t of rows) {
          console.log([t.id, t.role, stamp(t.createdAt), stamp(t.lastUsedAt), stamp(t.revokedAt), t.name].join('\t'));
        }
      });
      return;
    }
    if (sub === 'revoke') {
      const id = Number(arg);
      if (!arg || !Number.isInteger(id) || id < 1) {
        throw new UsageError(
          `token revoke needs the id of a token (a whole number from "pnpm ocop token list"), not "${arg ?? ''}".`,
        );
      }
      await withTokens(config, async (tokens) => {
        const record = await tokens.revoke(id, CLI_ACTOR);
        console.log(
          `Revoked token ${record.id} (${record.role}, "${record.name}"); requests sending it are refused from now on.`,
        );
      });
      return;
    }
    throw new UsageError(
      `Unknown command "${positionals.join(' ')}". Use token create --role ADMIN|EVALUATOR|PARTNER --name "…", token list or token revoke ID.`,
    );
  }

  if (command === 'start') {
    const orm = await openOrm(config.database, { timeouts: config.timeouts, logger });
    const { applied } = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'applied migrations');
    if (config.seedWhenEmpty && (await isEmpty(orm))) {
      const summary = await loadCatalog(orm.em.fork(), kienGiangCatalog, undefined, { images: config.images });
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

/** Opens and migrates the database, runs `work` with the token service, and closes it. */
async function withTokens(config: Config, work: (tokens: TokenService) => Promise<void>): Promise<void> {
  const orm: Orm = await openOrm(config.database);
  try {
    await migrate(orm);
    await work(new TokenService(orm.em.fork() as SqlEntityManager));
  } catch (error) {
    // A refused change (unknown id, already revoked) is the user's to fix: one line, exit 2.
    throw error instanceof DomainError ? new UsageError(error.message) : error;
  } finally {
    await orm.close();
  }
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
