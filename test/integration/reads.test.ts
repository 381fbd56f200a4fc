import { migrate, type Orm, openOrm, parseDatabaseUrl, rows, rowsByIds, Statement } from '@ocop/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/server.js';

type SqlEntityManager = Parameters<typeof rows>[0];

/** How the readers run SQL (db/rows.ts): bound values, and the fixed statements prepared once. */
describe.each(testDatabases())('reads on $name', (db) => {
  let orm: Orm;
  let drop: () => Promise<void>;
  let em: SqlEntityManager;
  let url: string;

  beforeAll(async () => {
    const created = await db.create();
    drop = created.drop;
    url = created.url;
    orm = await openOrm(parseDatabaseUrl(url));
    await migrate(orm);
    em = orm.em.fork() as SqlEntityManager;
  });
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it('binds values in order, the same for a plain text and a Statement, run again and again', async () => {
    const sql = `select ? as a, ? as b, ? as c`;
    const statement = new Statement(sql);
    for (const values of [
      ['x', "it's ? here", 'z'],
      ['$1', '?', ''],
    ]) {
      const plain = await rows(em, sql, values);
      const prepared = await rows(em, statement, values);
      expect(plain).toEqual([{ a: values[0], b: values[1], c: values[2] }]);
      expect(prepared).toEqual(plain);
    }
  });

  it('reads by a list of ids of any length, with values after the ids', async () => {
    const read = (ids: number[]) =>
      rowsByIds(
        em,
        'id',
        ids,
        (condition) =>
          `select id from (select 1 as id union all select 2 union all select 3) t where ${condition} and id <> ? order by id`,
        [2],
      );
    expect(await read([1, 3])).toEqual([{ id: 1 }, { id: 3 }]);
    expect(await read([2, 3])).toEqual([{ id: 3 }]);
    expect(await read([3, 1, 2, 4])).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('reports each statement to the ORM logger, as the tests count them', async () => {
    const seen: string[] = [];
    const counted = await openOrm(parseDatabaseUrl(url), { onQuery: (message) => seen.push(message) });
    try {
      await rows(counted.em.fork() as SqlEntityManager, new Statement('select 1 as one where 1 = ?'), [1]);
      expect(seen.filter((line) => line.includes('select 1 as one'))).toHaveLength(1);
    } finally {
      await counted.close(true);
    }
  });

  it(`runs a Statement ${db.name === 'postgresql' ? 'prepared on its connection, a plain text not' : "from the connection's statement cache"}`, async () => {
    if (db.name === 'sqlite') {
      // SQLite keeps every text prepared (db/orm.ts); a Statement is nothing more there.
      const statement = new Statement('select count(*) as n from sqlite_schema where name = ?');
      expect(await rows(em, statement, ['product'])).toEqual(await rows(em, statement.sql, ['product']));
      return;
    }
    const statement = new Statement('select name from pg_prepared_statements where name = ?');
    expect(await rows(em, statement, [statement.name])).toEqual([{ name: statement.name }]);
    const plain = 'select count(*)::int as n from pg_prepared_statements where statement like ?';
    expect(await rows(em, plain, ['%pg_prepared_statements where statement like%'])).toEqual([{ n: 0 }]);
  });
});
