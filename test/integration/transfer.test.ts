import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatProblem, importFiles, openOrm, parseCsv, parseDatabaseUrl } from '@ocop/api';
import { todayInVietnam } from '@ocop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { gql, useTestApi, testDatabases } from '../support/server.js';

type Row = Record<string, unknown>;
const today = todayInVietnam(new Date());
const TEMPLATES = resolve(import.meta.dirname, '../../packages/api/templates');
const CSV_FILES = ['certificates.csv', 'producers.csv', 'products.csv', 'regions.csv'];

/** The rows of an exported CSV file as objects keyed by its header. */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1)).map((r) => r.fields);
  return rows.map((fields) => Object.fromEntries((header ?? []).map((h, i) => [h, fields[i] ?? ''])));
}

function stripGeneratedAt(json: string): unknown {
  const { generatedAt, ...rest } = JSON.parse(json) as Record<string, unknown>;
  expect(generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  return rest;
}

describe.each(testDatabases())('data in and out on $name', (db) => {
  let dir: string;
  const url = () => api.config.database.url ?? `sqlite:${api.config.database.file}`;
  const sql = <T = Row>(text: string, params: unknown[] = []) => api.orm.em.getConnection().execute<T[]>(text, params);

  /** Row counts and last-update stamps of every catalog table: unchanged means nothing was written. */
  async function fingerprint(): Promise<string> {
    const tables = ['region', 'producer', 'product', 'evaluation', 'certificate', 'program_target'];
    const rows = await Promise.all(
      tables.map((t) => sql(`select count(*) as n, max(updated_at) as u, max(id) as m from ${t}`)),
    );
    return JSON.stringify(rows.map((r) => r[0]));
  }

  const api = useTestApi(db);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `ocop-transfer-${db.name}-`));
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports the published catalog only, as CSV files and a JSON document, by the API’s rule', async () => {
    const out = join(dir, 'export');
    const csv = await runCli(['export', '--format', 'csv', '--out', out, '--as-of', today], { DATABASE_URL: url() });
    expect(csv.code, csv.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(CSV_FILES);

    const products = readCsv(join(out, 'products.csv'));
    const published = (await sql(
      `select p.slug from product p join certificate c on c.product_id = p.id
       where c.status = 'ISSUED' and c.issued_on <= ? and c.expires_on >= ? order by p.slug`,
      [today, today],
    )) as { slug: string }[];
    expect(products.map((p) => p.slug).sort()).toEqual(published.map((p) => p.slug));
    const api_ = await gql<{ products: { totalCount: number } }>(api, '{ products { totalCount } }');
    expect(products).toHaveLength(api_.data?.products.totalCount ?? -1);
    expect(products.length).toBeLessThan(Number((await sql<{ n: number }>('select count(*) as n from product'))[0]?.n));

    const certificates = readCsv(join(out, 'certificates.csv'));
    expect(certificates).toHaveLength(products.length);
    expect(new Set(certificates.map((c) => c.status))).toEqual(new Set(['ISSUED']));
    // Nothing that is not public: no scores, no tax codes.
    const headers = CSV_FILES.flatMap((f) => Object.keys(readCsv(join(out, f))[0] ?? {}));
    expect(headers.filter((h) => /score|tax/u.test(h))).toEqual([]);

    const json = await runCli(['export', '--format', 'json', '--as-of', today], { DATABASE_URL: url() });
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { asOf: string; products: { slug: string }[]; certificates: unknown[] };
    expect(doc.asOf).toBe(today);
    expect(doc.products.map((p) => p.slug).sort()).toEqual(published.map((p) => p.slug));
    expect(doc.certificates).toHaveLength(products.length);
    writeFileSync(join(dir, 'catalog.json'), json.stdout);
  });

  it('round-trips: export → import into an empty database → export again gives identical files', async () => {
    const fresh = await db.create();
    try {
      const imported = await runCli(['import', join(dir, 'export')], { DATABASE_URL: fresh.url });
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/Imported in one transaction: [\d,]+ created, 0 updated, 0 unchanged/);
      const again = join(dir, 'export-again');
      const exported = await runCli(['export', '--format', 'csv', '--out', again, '--as-of', today], {
        DATABASE_URL: fresh.url,
      });
      expect(exported.code, exported.stderr).toBe(0);
      for (const file of CSV_FILES) {
        expect(readFileSync(join(again, file), 'utf8'), file).toBe(readFileSync(join(dir, 'export', file), 'utf8'));
      }
    } finally {
      await fresh.drop();
    }
    const freshJson = await db.create();
    try {
      const imported = await runCli(['import', join(dir, 'catalog.json')], { DATABASE_URL: freshJson.url });
      expect(imported.code, imported.stderr).toBe(0);
      const exported = await runCli(['export', '--format', 'json', '--as-of', today], { DATABASE_URL: freshJson.url });
      expect(stripGeneratedAt(exported.stdout)).toEqual(
        stripGeneratedAt(readFileSync(join(dir, 'catalog.json'), 'utf8')),
      );
    } finally {
      await freshJson.drop();
    }
  });

  it('re-importing the export into its own database changes nothing, and says so', async () => {
    const before = await fingerprint();
    const res = await runCli(['import', join(dir, 'export')], { DATABASE_URL: url() });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/products\.csv: 0 created, 0 updated, \d+ unchanged/);
    expect(res.stdout).toMatch(/Nothing to change: 0 created, 0 updated, [\d,]+ unchanged/);
    expect(await fingerprint()).toBe(before);
  });

  // PostgreSQL has no cheap signal for another process's commits: there caches expire in 60 s.
  if (db.name === 'sqlite')
    it('shows an import made by another process while the server runs within seconds (SQLite)', async () => {
      const products = readCsv(join(dir, 'export', 'products.csv'));
      const [first] = products;
      if (!first) throw new Error('the export has no products');
      const { id } = (
        (await gql(api, 'query($s: String!) { product(slug: $s) { id } }', { s: first.slug })).data as {
          product: { id: string };
        }
      ).product;
      // Through node(id), which reads the product row the server keeps between requests.
      const ask = async () =>
        (
          (await gql(api, 'query($id: ID!) { node(id: $id) { ... on Product { name(lang: VI) } } }', { id })).data as {
            node: { name: string };
          }
        ).node.name;
      expect(await ask()).toBe(first.name_vi);
      const renamed = `${first.name_vi} (đổi tên)`;
      const file = join(dir, 'renamed-products.csv');
      const header = Object.keys(first);
      const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
      writeFileSync(
        file,
        `\uFEFF${header.join(',')}\n${header.map((h) => quote(h === 'name_vi' ? renamed : (first[h] ?? ''))).join(',')}\n`,
      );
      const res = await runCli(['import', file, '--kind', 'products'], { DATABASE_URL: url() });
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/1 updated/);
      const started = Date.now();
      let name = await ask();
      while (name !== renamed && Date.now() - started < 5_000) {
        await new Promise((r) => setTimeout(r, 100));
        name = await ask();
      }
      expect(name).toBe(renamed);
      // Put it back for the tests that follow.
      writeFileSync(file, readFileSync(join(dir, 'export', 'products.csv')));
      const back = await runCli(['import', file, '--kind', 'products'], { DATABASE_URL: url() });
      expect(back.code, back.stderr).toBe(0);
    });

  it('refuses bad input with one line per problem, exit code 1, and the database untouched', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    const write = (name: string, content: string | Uint8Array) => {
      writeFileSync(join(bad, name), content);
      return join(bad, name);
    };
    const before = await fingerprint();

    // Problems with whole files: wrong encoding (Windows-1258 "Tên"), a missing column, an empty file.
    const files = await runCli(
      [
        'import',
        write('windows-1258-products.csv', Uint8Array.from([0x54, 0xea, 0x6e, 0x2c, 0x63, 0x61, 0x74, 0x0a])),
        write('products.csv', 'name_vi,producer,description_vi\nMuối tôm,khai-hoan,Muối tôm.\n'),
        write('certificates.csv', ''),
      ],
      { DATABASE_URL: url() },
    );
    expect(files.code).toBe(1);
    expect(files.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/windows-1258-products\.csv:1: byte 0xEA is not UTF-8.*CSV UTF-8/),
      expect.stringMatching(/products\.csv:1: missing column "category" \(Nhóm sản phẩm\)/),
      expect.stringMatching(/certificates\.csv: the file is empty/),
      expect.stringMatching(/^ocop: 3 problems in .*nothing was imported \(the database is unchanged\)\.$/),
    ]);

    // Problems with rows: unknown category and district, a score out of range, duplicate
    // certificate numbers within the file and against the database. The good rows are not written either.
    const [taken] = await sql<{ number: string }>('select number from certificate order by number limit 1');
    const rows = await runCli(
      [
        'import',
        write(
          'san-pham.csv',
          [
            'Tên sản phẩm,Nhóm sản phẩm,Chủ thể,Địa bàn,Mô tả',
            'Muối ớt xanh,Thực phẩm,ngo-hoang-vu,KG-HT,Muối ớt xanh Hà Tiên.',
            'Gia vị lẩu,Gia vị,ngo-hoang-vu,KG-HT,Gói gia vị.',
            'Khô cá sặc,Thực phẩm,ngo-hoang-vu,Huyện Không Có,Khô cá.',
          ].join('\n'),
        ),
        write(
          'danh-gia.csv',
          [
            'product,council_level,evaluated_on,score_a,score_b,score_c',
            'muoi-ot-xanh,PROVINCE,15/06/2024,45,20,30',
          ].join('\n'),
        ),
        write(
          'giay-chung-nhan.csv',
          [
            'number,product,stars,issuing_level,decision_number,decision_date',
            'KG-OCOP-2099-0001,muoi-ot-xanh,4,PROVINCE,1/QĐ-UBND,01/07/2024',
            'kg ocop 2099 0001,muoi-ot-xanh,4,PROVINCE,1/QĐ-UBND,01/07/2024',
            `${taken?.number},muoi-ot-xanh,4,PROVINCE,1/QĐ-UBND,01/07/2024`,
          ].join('\n'),
        ),
      ],
      { DATABASE_URL: url() },
    );
    expect(rows.code).toBe(1);
    const lines = rows.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /san-pham\.csv:3: column "Nhóm sản phẩm": "Gia vị" is not a category; use one of FOOD, BEVERAGE, HERB, TEXTILE, SOUVENIR, TOURISM or its Vietnamese name/,
      ),
      expect.stringMatching(
        /san-pham\.csv:4: column "Địa bàn": "Huyện Không Có" is not a district, commune or other unit/,
      ),
      expect.stringMatching(
        /danh-gia\.csv:2: column "score_a": Part A scored 45 but the 148\/2023 score sheet allows at most 40/,
      ),
      expect.stringMatching(
        /giay-chung-nhan\.csv:3: column "number": duplicate certificate number KG-OCOP-2099-0001: it is already on .*giay-chung-nhan\.csv:2/,
      ),
      expect.stringMatching(
        new RegExp(
          `giay-chung-nhan\\.csv:4: column "number": duplicate certificate number ${taken?.number}: the catalog already has it`,
        ),
      ),
      expect.stringMatching(/^ocop: 5 problems in .*nothing was imported/),
    ]);
    expect(await fingerprint()).toBe(before);
  });

  it('imports the templates (after a dry run that writes nothing); importing them again changes nothing', async () => {
    const before = await fingerprint();
    const dry = await runCli(['import', TEMPLATES, '--dry-run'], { DATABASE_URL: url() });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Dry run, nothing written: 7 rows checked; 7 would be created, 0 updated, 0 unchanged/);
    expect(await fingerprint()).toBe(before);

    const first = await importFiles(api.orm.em.fork(), [TEMPLATES], { today });
    expect(first.problems.map(formatProblem)).toEqual([]);
    expect(first.totals).toEqual({ created: 7, updated: 0, unchanged: 0 });
    const res = await gql<{ product: { name: string; certificate: { number: string; stars: number } } | null }>(
      api,
      '{ product(slug: "rau-thuy-canh-binh-an") { name certificate { number stars } } }',
    );
    expect(res.data?.product).toEqual({
      name: 'Rau thủy canh Bình An',
      certificate: { number: 'AG-OCOP-2025-9001', stars: 4 },
    });
    const imported = await fingerprint();
    const second = await importFiles(api.orm.em.fork(), [TEMPLATES], { today });
    expect(second.totals).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(await fingerprint()).toBe(imported);
  });

  it('backs up SQLite consistently while the server runs, never over an existing file; PostgreSQL gets pg_dump', async () => {
    const target = join(dir, 'backup.sqlite');
    const res = await runCli(['db', 'backup', target], { DATABASE_URL: url() });
    if (db.name === 'postgresql') {
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(
        /pg_dump --format=custom --no-owner --file=".*backup\.sqlite" "postgres(ql)?:\/\/postgres@/,
      );
      expect(existsSync(target)).toBe(false);
      return;
    }
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Backed up .* to .*backup\.sqlite/);
    const copy = await openOrm(parseDatabaseUrl(`sqlite:${target}`));
    try {
      const count = (orm: typeof copy) =>
        orm.em
          .getConnection()
          .execute<{ n: number }[]>('select count(*) as n from product')
          .then((r) => Number(r[0]?.n));
      expect(await count(copy)).toBe(await count(api.orm));
    } finally {
      await copy.close();
    }
    const again = await runCli(['db', 'backup', target], { DATABASE_URL: url() });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; db backup never overwrites a file/);
  });
});
