import type { SqlEntityManager } from '@mikro-orm/knex';
import type { RowCache } from '../cache/row-cache.js';

/**
 * What every feature's reader (modules/<feature>/<feature>.reader.ts) shares: running a read with
 * bound values, and turning the driver's columns into plain views. Public reads return plain
 * objects, not ORM entities: building a MikroORM entity (identity map, references, change-set
 * snapshot) cost more CPU than the SQL itself on a catalog page, and public reads never write.
 * Entities satisfy the same view shapes, so resolvers take either: an admin mutation returns its
 * entity, a public read returns views.
 */

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** A reference to another view, by id. */
export interface Ref {
  readonly id: number;
}

/** Which GraphQL type a plain view is, for the Node interface (entities are told by their class). */
export interface Typed<Name extends string> {
  readonly __typename?: Name;
}

/**
 * The row `ref` points to, through `loader` (one of a request's DataLoaders). A missing one is a
 * reference the database should not hold: an error of the server, never of the caller.
 */
export async function loadRef<T>(
  loader: { load(id: number): Promise<T | undefined> },
  type: string,
  ref: Ref,
  owner: string,
): Promise<T> {
  const row = await loader.load(ref.id);
  if (!row) throw new Error(`${type} ${ref.id} of ${owner} is missing`);
  return row;
}

export const str = (v: unknown): string => String(v);
export const optStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const ref = (v: unknown): Ref | null => (v === null || v === undefined ? null : { id: Number(v) });
/** SQLite hands JSON columns back as text, PostgreSQL (jsonb) as parsed values. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
/** A JSON list column, read as {@link json} does; null or empty text is an empty list. */
export function jsonList<T>(v: unknown): T[] {
  if (Array.isArray(v)) return v as T[];
  if (typeof v === 'string' && v !== '') return JSON.parse(v) as T[];
  return [];
}
/** A date column as 'YYYY-MM-DD', whatever the driver returns (a Date, or text). */
export const dateOnly = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/** Values bound per statement when a list is read in parts: well under both databases' parameter limits. */
export const CHUNK = 500;

export function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function byKey<T>(list: T[], key: (row: T) => string): Map<string, T> {
  return new Map(list.map((row) => [key(row), row]));
}

/**
 * A read whose SQL text never changes. On PostgreSQL it runs as a named prepared statement, so
 * each connection parses and plans it once instead of on every run: for the product page's
 * statement (three joined tables with many indexes) planning took PostgreSQL about twice as long
 * as running it. SQLite keeps every statement prepared by its text anyway (db/orm.ts). Declare
 * one per statement, once (a module constant, or one per day where the SQL holds the day): a
 * text that varies, like an `in (?, ?, …)` list, stays a plain string, or each length would be
 * prepared and kept on every connection. (Behind PgBouncer in transaction mode this needs its
 * `max_prepared_statements`: see the README.)
 */
export class Statement {
  private static count = 0;
  /** The name PostgreSQL knows it by on each connection that ran it. */
  readonly name = `ocop_read_${++Statement.count}`;
  /** The text with PostgreSQL's numbered placeholders. */
  readonly numbered: string;

  constructor(readonly sql: string) {
    this.numbered = numberedPlaceholders(sql);
  }
}

/** `?` placeholders as `$1, $2…`, as knex numbers them for PostgreSQL (a `\\?` stays a question mark). */
function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/(\\*)(\?)/g, (_match, escapes: string) => (escapes.length % 2 ? '?' : `$${++n}`));
}

/** The parts of knex's client and of a pg connection used to run a read without knex's query layer. */
interface PgPool {
  dialect: string;
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
}

interface PgConnection {
  query(query: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

/** The pool of PostgreSQL connections knex keeps for `em`; none on SQLite. */
function postgresPool(em: SqlEntityManager): PgPool | undefined {
  const pool = em.getKnex().client as unknown as PgPool;
  return pool.dialect === 'postgresql' ? pool : undefined;
}

const unnamed = new Map<string, string>();

/** A plain SQL text's numbered form, kept for the few hundred texts the readers send. */
function numbered(sql: string): string {
  let text = unnamed.get(sql);
  if (text === undefined) {
    text = numberedPlaceholders(sql);
    if (unnamed.size >= 500) unnamed.delete(unnamed.keys().next().value as string);
    unnamed.set(sql, text);
  }
  return text;
}

/**
 * Runs a read with its values as bindings, not written into the SQL: MikroORM's `execute` inlines
 * them, so every product id made a new statement for SQLite to compile (the prepared-statement
 * cache in orm.ts keys on the SQL text) and for PostgreSQL to parse and plan. On PostgreSQL it
 * goes straight to a pooled pg connection (the pool, its timeouts and its health checks are
 * knex's), which costs less CPU than knex's query layer, and a {@link Statement} runs prepared.
 * The statement is still reported to the ORM's logger (tests count statements with it). It runs
 * outside any transaction the EntityManager holds: readers inside a write use `em.execute`.
 */
export async function rows(em: SqlEntityManager, read: string | Statement, params: unknown[]): Promise<Row[]> {
  const connection = em.getConnection() as unknown as { logQuery(query: string, context?: object): void };
  const sql = typeof read === 'string' ? read : read.sql;
  const started = Date.now();
  const pool = postgresPool(em);
  let list: Row[];
  if (pool) {
    const pg = await pool.acquireConnection();
    try {
      const query =
        typeof read === 'string'
          ? { text: numbered(read), values: params }
          : { name: read.name, text: read.numbered, values: params };
      list = (await pg.query(query)).rows;
    } finally {
      await pool.releaseConnection(pg);
    }
  } else {
    const result = (await em.getKnex().raw(sql, params as never[])) as Row[] | { rows: Row[] };
    list = Array.isArray(result) ? result : result.rows;
  }
  connection.logQuery(sql, { took: Date.now() - started });
  return list;
}

const idListStatements = new Map<string, Statement>();

/**
 * Runs the read `sql(condition)`, where `condition` says that `column` is one of `ids` and the
 * values `after` follow the ids. On PostgreSQL the condition is `column = any(?)` with the ids as
 * one array, so the text is the same for any number of ids and runs prepared; on SQLite it is
 * `column in (?, ?, …)`.
 */
export function rowsByIds(
  em: SqlEntityManager,
  column: string,
  ids: readonly number[],
  sql: (condition: string) => string,
  after: unknown[] = [],
): Promise<Row[]> {
  if (!postgresPool(em)) {
    return rows(em, sql(`${column} in (${placeholders(ids.length)})`), [...ids, ...after]);
  }
  const text = sql(`${column} = any(?)`);
  let statement = idListStatements.get(text);
  if (!statement) {
    statement = new Statement(text);
    idListStatements.set(text, statement);
  }
  return rows(em, statement, [ids, ...after]);
}

/**
 * Views by id, in the order asked, through `cache`: those not kept are read in one statement,
 * `<select> where <idColumn> in (…)`.
 */
export function viewsByIds<T extends { id: number }>(
  em: SqlEntityManager,
  cache: RowCache<T>,
  ids: readonly number[],
  read: { select: string; idColumn: string; toView: (r: Row) => T },
): Promise<(T | undefined)[]> {
  return cache.many(em, ids.map(String), async (missing) => {
    const list = await rowsByIds(
      em,
      read.idColumn,
      missing.map(Number),
      (condition) => `${read.select} where ${condition}`,
    );
    return byKey(list.map(read.toView), (view) => String(view.id));
  });
}
