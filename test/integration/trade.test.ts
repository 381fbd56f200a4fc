import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogToCsv, collectPublicCatalog, formatProblem, importFiles, parseCsv } from '@ocop/api';
import { todayInVietnam } from '@ocop/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, refused } from '../support/admin.js';
import { bearer, createToken, gql, useTestApi, testDatabases } from '../support/server.js';

/**
 * Issue 16, "nothing to trade on": a buyer finds stars and a certificate but no pack sizes,
 * prices, minimum order, capacity, shelf life, other certifications or export markets. Trade
 * information per product, in both languages, field by field, set by an office and read by
 * anyone, with "export-ready" and "has HACCP" filters in `products` and `facets`.
 */

const TRADE_FIELDS = `trade {
  packaging(lang: VI) packagingEn: packaging(lang: EN) priceUnit(lang: EN)
  retailPriceMin retailPriceMax wholesalePrice
  minimumOrder(lang: EN) monthlyCapacity(lang: VI) shelfLifeDays storage(lang: EN)
  certifications { scheme name number expiresOn valid }
  exportReadiness exportMarkets { code name(lang: VI) }
  leadTimeDays samplePolicy(lang: EN) note(lang: EN)
  tour { duration(lang: VI) pricePerPerson season(lang: EN) bookingContact }
}`;

interface Trade {
  packaging: string | null;
  packagingEn: string | null;
  priceUnit: string | null;
  retailPriceMin: number | null;
  retailPriceMax: number | null;
  wholesalePrice: number | null;
  minimumOrder: string | null;
  monthlyCapacity: string | null;
  shelfLifeDays: number | null;
  storage: string | null;
  certifications: { scheme: string; name: string; number: string | null; expiresOn: string | null; valid: boolean }[];
  exportReadiness: string | null;
  exportMarkets: { code: string; name: string }[];
  leadTimeDays: number | null;
  samplePolicy: string | null;
  note: string | null;
  tour: {
    duration: string | null;
    pricePerPerson: number | null;
    season: string | null;
    bookingContact: string | null;
  } | null;
}

/** Export-ready and HACCP products, and the facets, as one request of the trade filter tests answers them. */
interface TradeFilterAnswer {
  ready: { totalCount: number; nodes: { slug: string }[] };
  haccp: { totalCount: number; nodes: { slug: string }[] };
  facets: { totalCount: number; certifications: { value: string; count: number }[]; exportReady: number };
}

/** Whether a product counts as export-ready for the `exportReady` filter. */
const isExportReady = (p: { trade: Trade | null }) =>
  ['EXPORT_READY', 'EXPORTING'].includes(p.trade?.exportReadiness ?? '');

/** Whether a product holds a valid certification of `scheme`. */
const holds = (p: { trade: Trade | null }, scheme: string) =>
  Boolean(p.trade?.certifications.some((c) => c.scheme === scheme && c.valid));

const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id slug ${TRADE_FIELDS} } }`;

describe.each(testDatabases())('trade information on $name', (db) => {
  let admin: Record<string, string>;
  const api = useTestApi(db);

  beforeAll(async () => {
    admin = bearer(await createToken(api, 'ADMIN'));
  });

  it('gives the sample catalog’s products trade information, marked as illustrative', async () => {
    const res = ok<{ products: { totalCount: number; nodes: { slug: string; trade: Trade | null }[] } }>(
      await gql(api, `{ products(first: 100) { totalCount nodes { slug ${TRADE_FIELDS} } } }`),
    );
    const withTrade = res.products.nodes.filter((p) => p.trade !== null);
    expect(withTrade.length).toBeGreaterThan(res.products.totalCount * 0.8);
    for (const p of withTrade) {
      expect(p.trade!.note, p.slug).toMatch(/illustrative/i);
      expect(p.trade!.retailPriceMin ?? p.trade!.tour?.pricePerPerson, p.slug).toBeGreaterThan(0);
    }
    const khaiHoan = res.products.nodes.find((p) => p.slug === 'nuoc-mam-phu-quoc-khai-hoan-38-do-dam')!;
    expect(khaiHoan.trade!.packaging).toMatch(/ml/);
    expect(khaiHoan.trade!.exportReadiness).toMatch(/EXPORT/);
  });

  it('lets an office set, change and clear trade information field by field, in both languages', async () => {
    const { nodes } = ok<{ products: { nodes: { id: string; slug: string }[] } }>(
      await gql(api, '{ products(first: 1, filter: { categories: [BEVERAGE] }) { nodes { id slug } } }'),
    ).products;
    const id = nodes[0]!.id;
    const set = ok<{ updateProduct: { trade: Trade } }>(
      await gql(
        api,
        UPDATE,
        {
          id,
          input: {
            trade: {
              packagingVi: 'Chai thủy tinh 500 ml; thùng 12 chai',
              packagingEn: '500 ml glass bottle; carton of 12',
              priceUnitVi: 'chai 500 ml',
              priceUnitEn: '500 ml bottle',
              retailPriceMin: 85000,
              retailPriceMax: 95000,
              wholesalePrice: 70000,
              minimumOrderEn: '10 cartons',
              monthlyCapacityVi: '3.000 chai',
              shelfLifeDays: 720,
              storageEn: 'Cool, dry place',
              certifications: [
                { scheme: 'HACCP', number: 'HACCP-0123/2025', expiresOn: '2099-12-31' },
                { scheme: 'VIETGAP', number: 'VG-01', expiresOn: '2020-01-31' },
              ],
              exportReadiness: 'EXPORT_READY',
              exportMarkets: ['jp', 'KR'],
              leadTimeDays: 14,
              samplePolicyEn: 'Free samples of one bottle',
            },
          },
        },
        admin,
      ),
    ).updateProduct.trade;
    expect(set.packaging).toBe('Chai thủy tinh 500 ml; thùng 12 chai');
    expect(set.packagingEn).toBe('500 ml glass bottle; carton of 12');
    expect(set.retailPriceMax).toBe(95000);
    expect(set.exportMarkets).toEqual([
      { code: 'JP', name: 'Nhật Bản' },
      { code: 'KR', name: 'Hàn Quốc' },
    ]);
    expect(set.certifications.map((c) => [c.scheme, c.name, c.valid])).toEqual([
      ['HACCP', 'HACCP', true],
      ['VIETGAP', 'VietGAP', false],
    ]);
    expect(set.monthlyCapacity).toBe('3.000 chai');
    expect(set.priceUnit).toBe('500 ml bottle');

    const changed = ok<{ updateProduct: { trade: Trade } }>(
      await gql(api, UPDATE, { id, input: { trade: { packagingVi: null, wholesalePrice: 68000 } } }, admin),
    ).updateProduct.trade;
    // Texts are exact per language: no fallback, so a client knows what was given.
    expect(changed.packaging).toBeNull();
    expect(changed.packagingEn).toBe('500 ml glass bottle; carton of 12');
    expect(changed.wholesalePrice).toBe(68000);
    expect(changed.retailPriceMin).toBe(85000);

    // The public sees it, and the audit log records it.
    const slug = nodes[0]!.slug;
    const seen = ok<{ product: { trade: Trade } }>(
      await gql(api, `query($slug: String!) { product(slug: $slug) { ${TRADE_FIELDS} } }`, { slug }),
    ).product.trade;
    expect(seen.wholesalePrice).toBe(68000);
  });

  it('refuses wrong values with the field and what to do, and writes nothing', async () => {
    const { nodes } = ok<{ products: { nodes: { id: string }[] } }>(
      await gql(api, '{ products(first: 1, filter: { categories: [HERB] }) { nodes { id } } }'),
    ).products;
    const error = refused(
      await gql(
        api,
        UPDATE,
        {
          id: nodes[0]!.id,
          input: {
            nameEn: 'Changed',
            trade: { retailPriceMin: 90000, retailPriceMax: 80000, exportMarkets: ['Japan'], shelfLifeDays: -1 },
          },
        },
        admin,
      ),
    );
    expect(error.extensions.code).toBe('VALIDATION_FAILED');
    expect(error.extensions.issues!.map((i) => i.field).sort()).toEqual([
      'trade.exportMarkets',
      'trade.retailPriceMax',
      'trade.shelfLifeDays',
    ]);
    expect(error.extensions.issues!.find((i) => i.field === 'trade.exportMarkets')!.message).toContain('JP (Japan)');
  });

  it('filters by export readiness and by a valid HACCP certificate, in products and facets', async () => {
    const all = ok<{
      products: { nodes: { slug: string; trade: Trade | null }[] };
    }>(await gql(api, `{ products(first: 100) { nodes { slug ${TRADE_FIELDS} } } }`)).products.nodes;
    const exportReady = all.filter(isExportReady).map((p) => p.slug);
    const haccp = all.filter((p) => holds(p, 'HACCP')).map((p) => p.slug);
    expect(exportReady.length).toBeGreaterThan(0);
    expect(haccp.length).toBeGreaterThan(0);

    const filtered = ok<TradeFilterAnswer>(
      await gql(
        api,
        `{
          ready: products(first: 100, filter: { exportReady: true }) { totalCount nodes { slug } }
          haccp: products(first: 100, filter: { certifications: [HACCP] }) { totalCount nodes { slug } }
          facets(filter: { certifications: [HACCP] }) { totalCount exportReady certifications { value label count } }
        }`,
      ),
    );
    expect(filtered.ready.nodes.map((n) => n.slug).sort()).toEqual([...exportReady].sort());
    expect(filtered.haccp.nodes.map((n) => n.slug).sort()).toEqual([...haccp].sort());
    expect(filtered.facets.totalCount).toBe(haccp.length);
    // The certification facet leaves out its own filter: what each choice would give.
    expect(filtered.facets.certifications.find((c) => c.value === 'HACCP')!.count).toBe(haccp.length);
    const vietgap = all.filter((p) => holds(p, 'VIETGAP')).length;
    expect(filtered.facets.certifications.find((c) => c.value === 'VIETGAP')!.count).toBe(vietgap);
    expect(filtered.facets.exportReady).toBe(all.filter((p) => haccp.includes(p.slug) && isExportReady(p)).length);
  });

  it('answers the same trade filters and facets with a search, from the search index', async () => {
    // A search is answered in memory, not by SQL: the trade filters must hold there too.
    for (const search of ['phu quoc', 'mat ong', 'kho']) {
      const found = ok<{ products: { nodes: { slug: string; trade: Trade | null }[] } }>(
        await gql(api, `query($s: String) { products(first: 100, search: $s) { nodes { slug ${TRADE_FIELDS} } } }`, {
          s: search,
        }),
      ).products.nodes;
      const answer = ok<TradeFilterAnswer>(
        await gql(
          api,
          `query($s: String) {
            ready: products(first: 100, search: $s, filter: { exportReady: true }) { totalCount nodes { slug } }
            haccp: products(first: 100, search: $s, filter: { certifications: [HACCP] }) { totalCount nodes { slug } }
            facets(search: $s, filter: { exportReady: true }) { totalCount exportReady certifications { value count } }
          }`,
          { s: search },
        ),
      );
      expect(found.length, search).toBeGreaterThan(0);
      const slugs = (list: typeof found) => list.map((p) => p.slug).sort();
      expect(answer.ready.nodes.map((n) => n.slug).sort(), search).toEqual(slugs(found.filter(isExportReady)));
      expect(answer.ready.totalCount).toBe(found.filter(isExportReady).length);
      expect(answer.haccp.nodes.map((n) => n.slug).sort(), search).toEqual(
        slugs(found.filter((p) => holds(p, 'HACCP'))),
      );
      expect(answer.facets.totalCount).toBe(found.filter(isExportReady).length);
      expect(answer.facets.exportReady, search).toBe(found.filter(isExportReady).length);
      const perScheme = new Map<string, number>();
      for (const p of found.filter(isExportReady)) {
        for (const c of p.trade?.certifications ?? []) {
          if (c.valid) perScheme.set(c.scheme, (perScheme.get(c.scheme) ?? 0) + 1);
        }
      }
      // Every scheme is listed, with 0 where no result holds it.
      const counted = answer.facets.certifications.filter((c) => c.count > 0).map((c) => [c.value, c.count]);
      expect(new Map(counted as [string, number][]), search).toEqual(perScheme);
    }
  });

  it('records a trade change in the change feed, so the site rebuilds the page', async () => {
    const head = ok<{ catalogChanges: { currentCursor: string } }>(
      await gql(api, '{ catalogChanges(first: 1) { currentCursor } }'),
    ).catalogChanges.currentCursor;
    const { nodes } = ok<{ products: { nodes: { id: string; slug: string }[] } }>(
      await gql(api, '{ products(first: 1, filter: { categories: [SOUVENIR] }) { nodes { id slug } } }'),
    ).products;
    ok(await gql(api, UPDATE, { id: nodes[0]!.id, input: { trade: { leadTimeDays: 45 } } }, admin));
    const changes = ok<{ catalogChanges: { nodes: { kind: string; slug: string }[] } }>(
      await gql(api, 'query($after: String) { catalogChanges(after: $after) { nodes { kind slug } } }', {
        after: head,
      }),
    ).catalogChanges.nodes;
    expect(changes, JSON.stringify(nodes)).toEqual([{ kind: 'UPDATED', slug: nodes[0]!.slug }]);
  });

  it('imports trade columns with Vietnamese headers, refuses bad cells by line and column, and exports them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocop-trade-'));
    const today = todayInVietnam(new Date());
    try {
      const slug = 'nuoc-mam-phu-quoc-khai-hoan-38-do-dam';
      const description = ok<{ product: { description: string } }>(
        await gql(api, 'query($slug: String!) { product(slug: $slug) { description(lang: VI) } }', { slug }),
      ).product.description;
      const quoted = `"${description.replaceAll('"', '""')}"`;
      const good = join(dir, 'san-pham.csv');
      writeFileSync(
        good,
        [
          'Mã sản phẩm,Tên sản phẩm,Nhóm sản phẩm,Chủ thể,Mô tả,Giá bán lẻ thấp nhất,Giá bán sỉ,Hạn sử dụng,Chứng nhận khác,Thị trường xuất khẩu,Khả năng xuất khẩu,Quy cách đóng gói tiếng Anh',
          `${slug},Nước mắm Phú Quốc Khải Hoàn 38 độ đạm,FOOD,khai-hoan,${quoted},99.000,"80,000 đ",24 tháng,"HACCP H-77 (31/12/2099); Hữu cơ",JP US,Đang xuất khẩu,1 litre PET can`,
        ].join('\n'),
      );
      const report = await importFiles(api.orm.em.fork(), [good], { today });
      expect(report.problems.map(formatProblem)).toEqual([]);
      expect(report.totals.updated).toBe(1);
      const trade = ok<{ product: { trade: Trade } }>(
        await gql(api, `query($slug: String!) { product(slug: $slug) { ${TRADE_FIELDS} } }`, { slug }),
      ).product.trade;
      expect(trade.retailPriceMin).toBe(99_000);
      expect(trade.wholesalePrice).toBe(80_000);
      expect(trade.shelfLifeDays).toBe(720);
      expect(trade.packagingEn).toBe('1 litre PET can');
      // Columns the file lacks keep their values.
      expect(trade.packaging).toMatch(/ml/);
      expect(trade.certifications.map((c) => [c.scheme, c.number, c.expiresOn])).toEqual([
        ['HACCP', 'H-77', '2099-12-31'],
        ['ORGANIC', null, null],
      ]);
      expect(trade.exportMarkets.map((m) => m.code)).toEqual(['JP', 'US']);
      // The same file again changes nothing.
      expect((await importFiles(api.orm.em.fork(), [good], { today })).totals.unchanged).toBe(1);

      const bad = join(dir, 'products.csv');
      writeFileSync(
        bad,
        [
          'slug,name_vi,category,producer,description_vi,retail_price_min,retail_price_max,certifications,export_markets',
          `${slug},Nước mắm Phú Quốc Khải Hoàn 38 độ đạm,FOOD,khai-hoan,${quoted},95k,50000,ISO 9001 X,Japan`,
        ].join('\n'),
      );
      const refusedReport = await importFiles(api.orm.em.fork(), [bad], { today });
      expect(refusedReport.ok).toBe(false);
      const lines = refusedReport.problems.map(formatProblem);
      expect(lines.some((l) => l.includes('products.csv:2: column "retail_price_min": "95k" is not an amount'))).toBe(
        true,
      );
      expect(lines.some((l) => l.includes('column "certifications"'))).toBe(true);
      expect(lines.some((l) => l.includes('column "export_markets"') && l.includes('JP (Japan)'))).toBe(true);

      const files = catalogToCsv(await collectPublicCatalog(api.orm.em.fork() as never, today));
      const [header, ...rows] = parseCsv(files.get('products.csv')!.replace(/^\uFEFF/u, '')).map((r) => r.fields);
      const row = Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === slug)![i]]));
      expect(row.retail_price_min).toBe('99000');
      expect(row.certifications).toBe('HACCP H-77 (2099-12-31); Organic');
      expect(row.export_markets).toBe('JP, US');
      expect(row.export_readiness).toBe('EXPORTING');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
