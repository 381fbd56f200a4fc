import { describe, expect, it } from 'vitest';
import { useSqliteFile } from '../../test-support/fixtures.js';
import { BOOKKEEPING_TABLES, CATALOG_TABLES } from './Migration20261202000000CatalogGeneration.js';

describe('the SQLite catalog generation', () => {
  const db = useSqliteFile({ prefix: 'ocop-generation-', migrated: true });

  const rows = async <T>(sql: string): Promise<T[]> => (await db.orm.em.getConnection().execute(sql)) as T[];

  it('knows every table: a new one must say whether caches read it', async () => {
    const tables = (await rows<{ name: string }>("select name from sqlite_master where type = 'table'"))
      .map((t) => t.name)
      .filter((name) => !name.startsWith('sqlite_'));
    const known = new Set<string>([...CATALOG_TABLES, ...BOOKKEEPING_TABLES]);
    expect(tables.filter((name) => !known.has(name))).toEqual([]);
    expect(tables.filter((name) => (CATALOG_TABLES as readonly string[]).includes(name)).sort()).toEqual(
      [...CATALOG_TABLES].sort(),
    );
  });

  it('moves with every insert, update and delete on a catalog table, and with nothing else', async () => {
    const generation = async () => Number((await rows<{ n: number }>('select n from catalog_generation'))[0]?.n);
    const start = await generation();
    await rows(
      "insert into region (created_at, updated_at, code, name_vi, level, kind, path) values ('2026-12-02', '2026-12-02', 'XX', 'Thử', 'PROVINCE', 'PROVINCE', '/XX/')",
    );
    await rows("update region set name_vi = 'Thử lại' where code = 'XX'");
    await rows("delete from region where code = 'XX'");
    expect(await generation()).toBe(start + 3);
    await rows(
      "insert into api_token (name, role, token_hash, created_at) values ('t', 'ADMIN', 'h', '2026-12-02T00:00:00Z')",
    );
    expect(await generation()).toBe(start + 3);
    const triggers = await rows<{ name: string }>("select name from sqlite_master where type = 'trigger'");
    for (const table of CATALOG_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        expect(triggers.map((t) => t.name)).toContain(`${table}_${event}_generation`);
      }
    }
  });
});
