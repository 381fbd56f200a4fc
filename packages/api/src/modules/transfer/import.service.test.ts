import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Orm } from '../../db/orm.js';
import { kienGiangCatalog } from '../../seed/kien-giang.js';
import { loadCatalog } from '../../seed/catalog.js';
import { openTestDatabase } from '../../test-support/fixtures.js';
import { formatProblem } from './import.sources.js';
import { type ImportOptions, importFiles } from './import.service.js';

const TODAY = '2026-11-29';
const TEMPLATES = resolve(import.meta.dirname, '../../../templates');
const dir = mkdtempSync(join(tmpdir(), 'ocop-import-unit-'));
let fileCounter = 0;

/** Writes a CSV file (LF line ends; the parser takes any) and returns its path. */
function csv(name: string, lines: string[]): string {
  const path = join(dir, `${fileCounter++}-${name}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

let orm: Orm;
const em = () => orm.em.fork() as SqlEntityManager;
const run = (paths: string[], options: Partial<ImportOptions> = {}) =>
  importFiles(em(), paths, { today: TODAY, ...options });
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  orm.em.getConnection().execute<T[]>(text, params);

/** Row counts and last-update stamps: equal before and after means nothing was written. */
async function fingerprint(): Promise<string> {
  const tables = ['region', 'producer', 'product', 'evaluation', 'certificate'];
  const parts = await Promise.all(
    tables.map((t) => sql<{ n: number; u: unknown }>(`select count(*) as n, max(updated_at) as u from ${t}`)),
  );
  return JSON.stringify(parts.map((p) => p[0]));
}

beforeEach(async () => {
  ({ orm } = await openTestDatabase());
  await loadCatalog(orm.em.fork(), kienGiangCatalog);
});
afterEach(async () => {
  await orm.close(true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports one CSV file and expects exactly one problem, matching `pattern`. */
async function expectOneProblem(name: string, lines: string[], pattern: RegExp): Promise<void> {
  const report = await run([csv(name, lines)]);
  expect(report.problems.map(formatProblem)).toEqual([expect.stringMatching(pattern)]);
}

describe('importFiles', () => {
  it('imports the templates in one go, then finds every row unchanged', async () => {
    const first = await run([TEMPLATES]);
    expect(first.problems.map(formatProblem)).toEqual([]);
    expect(first.files.map((f) => [f.kind, f.created, f.updated, f.unchanged])).toEqual([
      ['producers', 2, 0, 0],
      ['products', 2, 0, 0],
      ['evaluations', 2, 0, 0],
      ['certificates', 1, 0, 0],
    ]);
    const [cert] = await sql<{ stars: number; expires_on: string; evaluation_id: number | null; cycle_stage: string }>(
      `select c.stars, c.expires_on, c.evaluation_id, p.cycle_stage from certificate c join product p on p.id = c.product_id where c.number = 'AG-OCOP-2025-9001'`,
    );
    expect(cert).toMatchObject({ stars: 4, expires_on: '2028-10-02', cycle_stage: 'PROMOTION' });
    expect(cert?.evaluation_id).not.toBeNull();
    const [paste] = await sql<{ slug: string; region: string; producer: string }>(
      `select p.slug, r.code as region, pr.slug as producer from product p join region r on r.id = p.region_id join producer pr on pr.id = p.producer_id where p.name_vi = 'Mắm ruốc Sóc Sơn'`,
    );
    expect(paste).toEqual({ slug: 'mam-ruoc-soc-son', region: 'KG-HD', producer: 'co-so-mam-ruoc-soc-son' });

    const before = await fingerprint();
    const again = await run([TEMPLATES]);
    expect(again.totals).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(await fingerprint()).toBe(before);
  });

  it('reads Vietnamese headers, semicolons, dd/mm/yyyy dates and decimal commas', async () => {
    const report = await run([
      csv('danh-gia.csv', [
        'STT;Sản phẩm;Cấp đánh giá;Ngày đánh giá;Điểm phần A (tối đa 40);Điểm phần B;Điểm phần C',
        '1;Tiêu xay Phú Quốc Thanh Quốc;Cấp tỉnh;15/10/2026;"30,5";19;25',
      ]),
    ]);
    expect(report.problems.map(formatProblem)).toEqual([]);
    const [row] = await sql<{ total: number; stars: number; criteria_version: string; status: string }>(
      `select total, stars, criteria_version, status from evaluation where evaluated_on = '2026-10-15'`,
    );
    expect(row).toEqual({ total: 74.5, stars: 4, criteria_version: 'QD148_2023', status: 'FINAL' });
  });

  it('checks every row before writing, reports each problem with its line and column, and writes nothing', async () => {
    const before = await fingerprint();
    const report = await run([
      csv('products.csv', [
        'name_vi,category,producer,region,description_vi',
        'Muối ớt xanh,FOOD,ngo-hoang-vu,KG-HT,Muối ớt xanh Hà Tiên.',
        'Gia vị lẩu,Gia vị,ngo-hoang-vu,KG-HT,Gói gia vị.',
        'Khô cá sặc,FOOD,ngo-hoang-vu,Huyện Không Có,Khô cá.',
      ]),
      csv('evaluations.csv', [
        'product,council_level,evaluated_on,score_a,score_b,score_c',
        'muoi-ot-xanh,PROVINCE,2024-06-15,45,20,30',
      ]),
      csv('certificates.csv', [
        'number,product,stars,issuing_level,decision_number,decision_date',
        'KG-OCOP-2099-0001,muoi-ot-xanh,4,PROVINCE,1/QĐ-UBND,01/07/2024',
        'kg ocop 2099 0001,muoi-ot-xanh,4,PROVINCE,1/QĐ-UBND,01/07/2024',
        'KG-OCOP-2022-0001,muoi-ot-xanh,4,PROVINCE,1/QĐ-UBND,01/07/2024',
      ]),
    ]);
    expect(report.ok).toBe(false);
    const lines = report.problems.map(formatProblem).map((l) => l.replace(/^\d+-/u, '').replace(dir, ''));
    expect(lines).toEqual([
      expect.stringMatching(
        /products\.csv:3: column "category": "Gia vị" is not a category; use one of FOOD, BEVERAGE/,
      ),
      expect.stringMatching(/products\.csv:4: column "region": "Huyện Không Có" is not a district/),
      expect.stringMatching(
        /evaluations\.csv:2: column "score_a": Part A scored 45 but the 148\/2023 score sheet allows at most 40/,
      ),
      expect.stringMatching(
        /certificates\.csv:3: column "number": duplicate certificate number KG-OCOP-2099-0001: it is already on .*certificates\.csv:2/,
      ),
      expect.stringMatching(
        /certificates\.csv:4: column "number": duplicate certificate number KG-OCOP-2022-0001: the catalog already has it for "/,
      ),
    ]);
    expect(await fingerprint()).toBe(before);
  });

  it('reports a dry run without writing', async () => {
    const before = await fingerprint();
    const report = await run([TEMPLATES], { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, totals: { created: 7, updated: 0, unchanged: 0 } });
    expect(await fingerprint()).toBe(before);
  });

  it('finds a producer by tax code, else by name and address, and updates only what changed', async () => {
    const header = 'name,type,address,region,tax_code,phone';
    const address = 'Số 000 (địa chỉ minh họa), phường Dương Đông, thành phố Phú Quốc, tỉnh Kiên Giang';
    const created = await run([
      csv('producers.csv', [header, `Cơ sở Nước mắm Mẫu,HOUSEHOLD,"${address}",KG-PQ-DD,1700000001,0000 000 999`]),
    ]);
    expect(created.totals.created).toBe(1);
    // Same tax code, new name: the same producer, renamed.
    const renamed = await run([
      csv('producers.csv', [header, `Cơ sở Nước mắm Mẫu Mới,HOUSEHOLD,"${address}",KG-PQ-DD,1700000001,0000 000 999`]),
    ]);
    expect(renamed.totals).toEqual({ created: 0, updated: 1, unchanged: 0 });
    // No tax code: known by name and address; a changed phone is an update.
    const phone = await run([
      csv('producers.csv', [
        'name,type,address,region,phone',
        `Cơ sở Nước mắm Mẫu Mới,Hộ kinh doanh,"${address}",Dương Đông,0000 000 998`,
      ]),
    ]);
    expect(phone.totals).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const rows = await sql<{ slug: string; name: string; phone: string; tax_code: string }>(
      `select slug, name, phone, tax_code from producer where tax_code = '1700000001'`,
    );
    expect(rows).toEqual([
      { slug: 'co-so-nuoc-mam-mau', name: 'Cơ sở Nước mắm Mẫu Mới', phone: '0000 000 998', tax_code: '1700000001' },
    ]);
  });

  it('refuses what the admin mutations refuse: a phone longer than its column, a description over 5000 characters', async () => {
    const before = await fingerprint();
    const result = await run([
      csv('producers.csv', [
        'name,type,address,region,phone',
        `Cơ sở Mắm Dài,HOUSEHOLD,Ấp 1,KG-PQ-DD,+0${'1'.repeat(39)}`,
      ]),
      csv('products.csv', [
        'name_vi,category,producer,description_vi,story_vi',
        `Mắm ruốc dài,FOOD,Cơ sở Mắm Dài,${'m'.repeat(5001)},${'s'.repeat(10_001)}`,
      ]),
    ]);
    expect(result.problems.map(formatProblem).join('\n')).toMatch(
      /phone.*41 characters long; shorten it to at most 40/su,
    );
    expect(result.problems.map(formatProblem).join('\n')).toMatch(
      /description_vi.*5001 characters long.*at most 5000/su,
    );
    expect(result.problems.map(formatProblem).join('\n')).toMatch(/story_vi.*10001 characters long.*at most 10000/su);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses photos in a JSON import that the admin mutations refuse', async () => {
    const path = join(dir, `${fileCounter++}-catalog.json`);
    const photo = (url: string, altVi: string) => ({ url, altVi });
    writeFileSync(
      path,
      JSON.stringify({
        products: [
          { name_vi: 'Mắm ruốc ảnh', images: [photo('ftp://example.vn/a.jpg', 'Hũ mắm')] },
          { name_vi: 'Mắm ruốc chữ', images: [photo('/images/a.jpg', 'm'.repeat(301))] },
          {
            name_vi: 'Mắm ruốc nhiều ảnh',
            images: Array.from({ length: 13 }, (_, i) => photo(`/images/${i}.jpg`, 'Hũ')),
          },
        ],
      }),
    );
    const problems = (await run([path])).problems.filter((p) => p.column === 'images').map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/Photo 1's url "ftp:\/\/example.vn\/a.jpg" is neither https:\/\/… nor a path/u),
      expect.stringMatching(/Photo 1's Vietnamese text alternative is 301 characters long; shorten it to at most 300/u),
      expect.stringMatching(/13 photos; a product shows at most 12/u),
    ]);
  });

  it('lets a newer certificate supersede the current one, and records certificates without a score sheet', async () => {
    const [current] = await sql<{ number: string; product: string }>(
      `select c.number, p.slug as product from certificate c join product p on p.id = c.product_id where p.slug = 'tieu-xay-phu-quoc-thanh-quoc' and c.status = 'ISSUED'`,
    );
    const file = csv('certificates.csv', [
      'number,product,stars,issuing_level,decision_number,decision_date',
      `AG-OCOP-2026-9999,${current?.product},4,PROVINCE,2530/QĐ-UBND,24/09/2026`,
    ]);
    const report = await run([file]);
    expect(report.problems).toEqual([]);
    expect(report.superseded).toBe(1);
    const statuses = await sql<{ number: string; status: string; evaluation_id: number | null }>(
      `select number, status, evaluation_id from certificate where number in (?, ?) order by number`,
      [current?.number, 'AG-OCOP-2026-9999'],
    );
    expect(statuses).toEqual([
      { number: current?.number, status: 'SUPERSEDED', evaluation_id: expect.any(Number) },
      { number: 'AG-OCOP-2026-9999', status: 'ISSUED', evaluation_id: null },
    ]);
    expect((await run([file])).totals).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('takes an expiry counted the old way (issue day included), stores the Civil Code date and says so', async () => {
    // Files exported before the catalog followed the Civil Code end one day early: 2029-09-23.
    const file = csv('certificates.csv', [
      'number,product,stars,issuing_level,decision_number,decision_date,issued_on,expires_on',
      'AG-OCOP-2026-9101,tieu-xay-phu-quoc-thanh-quoc,4,PROVINCE,2530/QĐ-UBND,24/09/2026,24/09/2026,23/09/2029',
    ]);
    const report = await run([file]);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.notes).toEqual([
      expect.stringMatching(
        /certificates\.csv: 1 expiry date was one day early.*issue day.*Civil Code 2015.*taken as the Civil Code date instead, e\.g\. line 2: 2029-09-23 → 2029-09-24\./,
      ),
    ]);
    const [row] = await sql<{ expires_on: string }>(
      `select expires_on from certificate where number = 'AG-OCOP-2026-9101'`,
    );
    expect(row?.expires_on).toBe('2029-09-24');
    expect((await run([file])).totals).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('refuses any other expiry date, naming the right one', async () => {
    await expectOneProblem(
      'certificates.csv',
      [
        'number,product,stars,issuing_level,decision_number,decision_date,expires_on',
        'AG-OCOP-2026-9102,tieu-xay-phu-quoc-thanh-quoc,4,PROVINCE,2530/QĐ-UBND,24/09/2026,2029-09-22',
      ],
      /certificates\.csv:2: column "expires_on": 2029-09-22 is not the expiry of a certificate issued on 2026-09-24: .*through 2029-09-24/,
    );
  });

  it('refuses a district council’s certificate by a decision dated after the district level was abolished', async () => {
    await expectOneProblem(
      'certificates.csv',
      [
        'number,product,stars,issuing_level,decision_number,decision_date',
        'KG-OCOP-2025-9103,tieu-xay-phu-quoc-thanh-quoc,3,DISTRICT,1875/QĐ-UBND,10/07/2025',
        'KG-OCOP-2025-9104,tieu-xay-phu-quoc-thanh-quoc,3,DISTRICT,1875/QĐ-UBND,27/06/2025',
      ],
      /certificates\.csv:2: column "decision_date": There is no district council from 1 Jul 2025 .*decision dated 10 Jul 2025 .*signed by 30 Jun 2025, enter its real date; otherwise .*provincial council \(3–4★\)/,
    );
  });

  it('refuses a score sheet dated when its criteria version was not in force', async () => {
    await expectOneProblem(
      'evaluations.csv',
      [
        'product,council_level,criteria_version,evaluated_on,score_a,score_b,score_c',
        'tieu-xay-phu-quoc-thanh-quoc,PROVINCE,QD148_2023,15/10/2022,30,18,25',
        'tieu-xay-phu-quoc-thanh-quoc,PROVINCE,,16/10/2022,30,18,25',
      ],
      /evaluations\.csv:2: column "criteria_version": The 148\/2023 score sheet .*applies from 24 Feb 2023.*15 Oct 2022.*1048\/2019 sheet \(QD1048_2019\)/,
    );
  });

  it('never edits a FINAL evaluation', async () => {
    await expectOneProblem(
      'evaluations.csv',
      [
        'product,council_level,evaluated_on,score_a,score_b,score_c',
        'tieu-xay-phu-quoc-thanh-quoc,PROVINCE,2022-09-27,20,18,29',
      ],
      /is FINAL in the catalog .* never edited/,
    );
  });

  it('refuses an empty file and a file without a required column', async () => {
    const empty = await run([csv('products.csv', [])]);
    expect(empty.problems.map(formatProblem)).toEqual([expect.stringMatching(/products\.csv: the file is empty/)]);
    const missing = await run([csv('products.csv', ['name_vi,producer,description_vi', 'A,b,c'])]);
    expect(missing.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/products\.csv:1: missing column "category" \(Nhóm sản phẩm\)/),
    ]);
  });
});
