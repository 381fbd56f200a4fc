/**
 * An import is audited as mutations are: one entry per producer, product, evaluation and
 * certificate it creates or changes, by the CLI, with the fields from and to, written in the
 * import's transaction. The seed writes none, an import that changes nothing writes none, and a
 * refused import writes none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatProblem, importFiles } from '@ocop/api';
import { todayInVietnam } from '@ocop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/admin.js';
import { bearer, createToken, gql, useTestApi, testDatabases } from '../support/server.js';

const today = todayInVietnam(new Date());
const TEMPLATES = resolve(import.meta.dirname, '../../packages/api/templates');

interface Entry {
  operation: string;
  actorName: string;
  actorRole: string | null;
  tokenId: number | null;
  entityType: string;
  entityId: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

const LOG = `query($e: ID) { auditLog(first: 100, entityId: $e) {
  totalCount nodes { operation actorName actorRole tokenId entityType entityId changes } } }`;

describe.each(testDatabases())('audit entries of an import on $name', (db) => {
  let admin: Record<string, string>;
  let dir: string;

  const log = async (entityId?: string) =>
    ok<{ auditLog: { totalCount: number; nodes: Entry[] } }>(await gql(api, LOG, { e: entityId }, admin)).auditLog;
  const run = (paths: string[]) => importFiles(api.orm.em.fork(), paths, { today });

  const api = useTestApi(db);

  beforeAll(async () => {
    admin = bearer(await createToken(api, 'ADMIN'));
    dir = mkdtempSync(join(tmpdir(), `ocop-import-audit-${db.name}-`));
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts empty after the seed, which is no one’s change', async () => {
    expect((await log()).totalCount).toBe(0);
  });

  it('records every row an import creates, by the CLI, with its fields', async () => {
    const report = await run([TEMPLATES]);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.totals.created).toBe(7);

    const entries = (await log()).nodes;
    expect(entries).toHaveLength(7);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        operation: 'import',
        actorName: 'ocop CLI on the server',
        actorRole: null,
        tokenId: null,
      });
      // A created record: every field from null, as a create mutation records it.
      for (const change of Object.values(entry.changes)) expect(change.from).toBeNull();
    }
    expect(entries.map((e) => e.entityType).sort()).toEqual([
      'Certificate',
      'Evaluation',
      'Evaluation',
      'Producer',
      'Producer',
      'Product',
      'Product',
    ]);

    // The product's own history holds its import, under the names its mutations use.
    const product = ok<{ product: { id: string } }>(
      await gql(api, '{ product(slug: "rau-thuy-canh-binh-an") { id } }'),
    ).product;
    const history = await log(product.id);
    expect(history.nodes).toHaveLength(1);
    expect(history.nodes[0]).toMatchObject({ operation: 'import', entityType: 'Product', entityId: product.id });
    expect(history.nodes[0]?.changes).toMatchObject({
      slug: { from: null, to: 'rau-thuy-canh-binh-an' },
      nameVi: { from: null, to: 'Rau thủy canh Bình An' },
      regionCode: { from: null, to: 'KG-CT-BA' },
      category: { from: null, to: 'FOOD' },
    });
    const certificate = entries.find((e) => e.entityType === 'Certificate');
    expect(certificate?.changes).toMatchObject({
      number: { from: null, to: 'AG-OCOP-2025-9001' },
      stars: { from: null, to: 4 },
      status: { from: null, to: 'ISSUED' },
    });
  });

  it('records only the fields an update changes, and nothing when an import changes nothing', async () => {
    const before = (await log()).totalCount;
    expect((await run([TEMPLATES])).totals).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect((await log()).totalCount).toBe(before);

    const producers = join(dir, 'producers.csv');
    writeFileSync(
      producers,
      'slug,name,type,address,region,phone\nhtx-rau-sach-binh-an,Hợp tác xã Rau sạch Bình An,COOPERATIVE,"Số 000 (địa chỉ minh họa), xã Bình An, huyện Châu Thành, tỉnh Kiên Giang",KG-CT-BA,0000 000 999\n',
    );
    const report = await run([producers]);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.totals).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [latest] = (await log()).nodes;
    expect((await log()).totalCount).toBe(before + 1);
    expect(latest).toMatchObject({ operation: 'import', entityType: 'Producer' });
    expect(latest?.changes).toEqual({ phone: { from: '0000 000 901', to: '0000 000 999' } });
  });

  it('writes no entry for an import it refuses', async () => {
    const before = (await log()).totalCount;
    const products = join(dir, 'products.csv');
    writeFileSync(
      products,
      'slug,name_vi,category,producer,description_vi\nrau-moi,Rau mới,FOOD,no-such-producer,Rau.\n',
    );
    const report = await run([products]);
    expect(report.ok).toBe(false);
    expect((await log()).totalCount).toBe(before);
  });
});
