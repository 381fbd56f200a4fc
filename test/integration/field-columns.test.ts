import { migrate, type Orm, openOrm, parseDatabaseUrl } from '@ocop/api';
import { CERTIFICATE_FIELDS, PRODUCER_FIELDS, PRODUCT_FIELDS, REGION_FIELDS, type TextField } from '@ocop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/server.js';

/** Each table and the domain's rules for its text columns, which the mutations and the importer apply. */
const TABLES: [table: string, rules: Record<string, TextField>][] = [
  ['producer', PRODUCER_FIELDS],
  ['product', PRODUCT_FIELDS],
  ['region', REGION_FIELDS],
  ['certificate', CERTIFICATE_FIELDS],
];

const column = (property: string) => property.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);

describe.each(testDatabases())('text columns after every migration on $name', (db) => {
  let orm: Orm;
  let drop: () => Promise<void>;
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> =>
    orm.em.getConnection().execute(text, params) as Promise<T[]>;

  beforeAll(async () => {
    const created = await db.create();
    drop = created.drop;
    orm = await openOrm(parseDatabaseUrl(created.url));
    await migrate(orm);
  });
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  /** "varchar(40)" or "text", as the database declares the column. */
  async function declared(table: string, name: string): Promise<string> {
    if (db.name === 'postgresql') {
      const [row] = await sql<{ data_type: string; width: number | null }>(
        `select data_type, character_maximum_length as width from information_schema.columns
         where table_schema = current_schema() and table_name = ? and column_name = ?`,
        [table, name],
      );
      if (!row) return 'missing';
      return row.width === null ? row.data_type : `varchar(${row.width})`;
    }
    const rows = await sql<{ name: string; type: string }>(`pragma table_info(${table})`);
    return rows.find((r) => r.name === name)?.type.toLowerCase() ?? 'missing';
  }

  it('hold the longest value each domain rule accepts (PostgreSQL), or are unbounded text', async () => {
    const found: string[] = [];
    const wanted: string[] = [];
    for (const [table, rules] of TABLES) {
      for (const [property, rule] of Object.entries(rules)) {
        const type = await declared(table, column(property));
        found.push(`${table}.${column(property)}: ${type}`);
        // SQLite keeps text of any length (the rule is its only limit); PostgreSQL declares a
        // width for bounded fields, and descriptions and stories are text in both.
        const bounded = type.startsWith('varchar');
        wanted.push(`${table}.${column(property)}: ${bounded ? `varchar(${rule.max})` : 'text'}`);
      }
    }
    expect(found).toEqual(wanted);
    if (db.name === 'postgresql') expect(found.filter((f) => f.includes('varchar')).length).toBeGreaterThan(10);
  });
});
