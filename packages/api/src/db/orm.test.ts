import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { describe, expect, it } from 'vitest';
import { useSqliteFile } from '../test-support/fixtures.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './orm.js';

describe('SQLite connections', () => {
  const db = useSqliteFile({ prefix: 'ocop-orm-', migrated: false });

  const connection = () => db.orm.em.getConnection() as AbstractSqlConnection;
  const pragma = async (name: string) => Object.values((await connection().execute(`pragma ${name}`))[0] ?? {})[0];

  it('applies its settings to every connection the pool opens, not only the first', async () => {
    const knex = connection().getKnex();
    // A new pool means new connections: the settings must come with each one.
    await knex.client.destroy();
    knex.client.initializePool(knex.client.config);
    expect(await pragma('busy_timeout')).toBe(SQLITE_BUSY_TIMEOUT_MS);
    expect(await pragma('cache_size')).toBe(-16384);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('journal_mode')).toBe('wal');
  });

  it('keeps a connection past 10 seconds (a limit of the libsql dialect meant for remote servers)', () => {
    const client = connection().getKnex().client as { validateConnection(conn: unknown): boolean };
    expect(client.validateConnection({ __created: Date.now() - 3_600_000 })).toBe(true);
  });

  it('reuses prepared statements with fresh bindings each time', async () => {
    const sql = 'select ? + 1 as n';
    expect(await connection().execute(sql, [1])).toEqual([{ n: 2 }]);
    expect(await connection().execute(sql, [41])).toEqual([{ n: 42 }]);
    await connection().execute('create table t (id integer primary key, v text)');
    await connection().execute("insert into t (v) values ('a'), ('b')");
    const read = 'select v from t where id > ? order by id';
    expect(await connection().execute(read, [0])).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(await connection().execute(read, [1])).toEqual([{ v: 'b' }]);
    await connection().execute('alter table t add column w integer');
    expect(await connection().execute('select * from t where id = ?', [2])).toEqual([{ id: 2, v: 'b', w: null }]);
  });
});
