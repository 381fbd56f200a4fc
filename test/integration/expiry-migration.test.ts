import { kienGiangCatalog, loadCatalog, migrate, type Orm, openOrm, parseDatabaseUrl } from '@ocop/api';
import { certificateExpiry, certificateExpiryCountingIssueDay } from '@ocop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/server.js';

/** The last migration before expiry dates followed the Civil Code. */
const BEFORE = 'Migration20261130000000ChangeFeed';
const LATER_ADDITIONS = ['Migration20261201100000TradeInfo', 'Migration20261201110000QuoteRequests'];

interface Row {
  id: number;
  issued_on: string;
  expires_on: string;
}

describe.each(testDatabases())('the certificate expiry data migration on $name', (db) => {
  let orm: Orm;
  let drop: () => Promise<void>;
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> =>
    orm.em.getConnection().execute(text, params) as Promise<T[]>;
  const rows = () =>
    sql<Row>(
      'select id, cast(issued_on as varchar(10)) as issued_on, cast(expires_on as varchar(10)) as expires_on from certificate order by id',
    );

  beforeAll(async () => {
    const created = await db.create();
    drop = created.drop;
    orm = await openOrm(parseDatabaseUrl(created.url));
    // A database as it stood before the migration, holding the sample catalog.
    await orm.getMigrator().up({ to: BEFORE });
    // Later migrations that only add what today's loader writes (trade information, quote requests).
    await orm.getMigrator().up({ migrations: LATER_ADDITIONS });
    await loadCatalog(orm.em.fork(), kienGiangCatalog);
  });
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it('moves exactly the rows that hold the old rule’s date to the Civil Code date', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThan(20);
    const set = (id: number, issuedOn: string, expiresOn: string) =>
      sql('update certificate set issued_on = ?, expires_on = ? where id = ?', [issuedOn, expiresOn, id]);
    // The boundaries, each written as the old rule computed it.
    const edges: [issuedOn: string, expected: string][] = [
      ['2022-06-15', '2025-06-15'],
      ['2024-02-29', '2027-02-28'],
      ['2020-02-29', '2023-02-28'],
      ['2021-02-28', '2024-02-28'],
      ['2022-08-31', '2025-08-31'],
      ['2022-04-30', '2025-04-30'],
      ['2022-12-31', '2025-12-31'],
      ['2023-01-01', '2026-01-01'],
    ];
    const ids = all.map((r) => r.id);
    for (const [i, [issuedOn]] of edges.entries()) {
      await set(ids[i] as number, issuedOn, certificateExpiryCountingIssueDay(issuedOn));
    }
    // Already on the new rule, and set by hand to neither rule: both stay as they are.
    const next = edges.length;
    await set(ids[next] as number, '2024-02-29', '2027-02-28');
    await set(ids[next + 1] as number, '2022-06-15', '2025-06-13');
    await set(ids[next + 2] as number, '2022-06-15', '2025-06-16');
    // Of the rest, every other one as the old rule wrote it.
    for (const [i, r] of all.entries()) {
      if (i > next + 2 && i % 2 === 0) {
        await set(r.id, r.issued_on, certificateExpiryCountingIssueDay(r.issued_on));
      }
    }
    const before = await rows();
    const oldRule = before.filter((r) => r.expires_on === certificateExpiryCountingIssueDay(r.issued_on));
    expect(oldRule.length).toBeGreaterThan(edges.length + 5);

    const report = await migrate(orm);
    // Later migrations (which leave certificates alone) come after it.
    expect(report.applied[0]).toBe('Migration20261201000000CertificateExpiryCivilCode');

    const after = new Map((await rows()).map((r) => [r.id, r.expires_on]));
    for (const r of before) {
      const expected =
        r.expires_on === certificateExpiryCountingIssueDay(r.issued_on) ? certificateExpiry(r.issued_on) : r.expires_on;
      expect(after.get(r.id), `certificate ${r.id} issued on ${r.issued_on}, was ${r.expires_on}`).toBe(expected);
    }
    for (const [i, [, expected]] of edges.entries()) expect(after.get(ids[i] as number)).toBe(expected);
    expect(after.get(ids[next] as number)).toBe('2027-02-28');
    expect(after.get(ids[next + 1] as number)).toBe('2025-06-13');
    expect(after.get(ids[next + 2] as number)).toBe('2025-06-16');
  });
});
