// PostGraphile 4 over the benchmark's PostgreSQL database, the peer `pnpm bench` compares the API
// with. Applies schema.sql (views of the published catalog in the schema `postgraphile`), then
// serves that schema at /graphql, with settings for production: no GraphiQL, no query log, no
// mutations, no schema watching. Prints "ready at URL" as the API does.
// Usage: DATABASE_URL=postgres://… PORT=0 node server.mjs
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import PgSimplifyInflectorPlugin from '@graphile-contrib/pg-simplify-inflector';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) {
  console.error('DATABASE_URL must name the PostgreSQL database to serve (postgres://user@host:port/db).');
  process.exit(2);
}

// The API's pool has at most 10 connections as well (packages/api/src/db/orm.ts).
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(readFileSync(new URL('schema.sql', import.meta.url), 'utf8'));

const middleware = postgraphile(pool, 'postgraphile', {
  appendPlugins: [PgSimplifyInflectorPlugin],
  disableDefaultMutations: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  graphiql: false,
  disableQueryLog: true,
  watchPg: false,
  retryOnInitFail: false,
  legacyRelations: 'omit',
});

const server = createServer(middleware);
server.listen(Number(process.env.PORT ?? 5000), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`PostGraphile ready at http://${address}:${port}/graphql`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
