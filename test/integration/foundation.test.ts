import { CATEGORIES } from '@ocop/domain';
import { describe, expect, it } from 'vitest';
import { type GraphQLResponse, gql, useTestApi, testDatabases } from '../support/server.js';

describe.each(testDatabases())('foundation on $name', (db) => {
  const api = useTestApi(db);

  it('serves the six categories in the plan order with certified counts that add up to the product total', async () => {
    const res = await gql(
      api,
      '{ categories { code slug name position certifiedProductCount } products { totalCount } }',
    );
    expect(res.errors).toBeUndefined();
    const categories = res.data!.categories as { code: string; certifiedProductCount: number }[];
    expect(categories.map((c) => c.code)).toEqual(CATEGORIES.map((c) => c.code));
    for (const c of categories) expect(c.certifiedProductCount).toBeGreaterThan(0);
    const sum = categories.reduce((n, c) => n + c.certifiedProductCount, 0);
    expect(sum).toBe((res.data!.products as { totalCount: number }).totalCount);
  });

  it('answers in English on request and falls back to Vietnamese', async () => {
    const vi = await gql(api, '{ categories { name } }');
    const en = await gql(api, '{ categories { name } }', undefined, { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' });
    const arg = await gql(api, '{ categories { name(lang: EN) } }');
    expect((vi.data!.categories as { name: string }[])[0]?.name).toBe('Thực phẩm');
    expect((en.data!.categories as { name: string }[])[0]?.name).toBe('Food');
    expect((arg.data!.categories as { name: string }[])[0]?.name).toBe('Food');
  });

  it('lists only products with a certificate of 3★+ valid today, in Vietnamese order, page by page', async () => {
    const seen: { slug: string; stars: number; certificate: { expiresOn: string; issuedOn: string } }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: GraphQLResponse = await gql(
        api,
        'query($after: String) { products(first: 25, after: $after) { totalCount nodes { slug stars certificate { issuedOn expiresOn } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(res.errors).toBeUndefined();
      const page = res.data!.products as {
        nodes: typeof seen;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      };
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) {
        expect(seen.length).toBe(page.totalCount);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen.map((p) => p.slug)).size).toBe(seen.length);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    for (const p of seen) {
      expect(p.stars).toBeGreaterThanOrEqual(3);
      expect(p.certificate.issuedOn <= today && today <= p.certificate.expiresOn).toBe(true);
    }
  });

  it('keeps hidden products out: 1–2★, drafts, expired and revoked certificates', async () => {
    const res = await gql(api, '{ products(first: 100) { nodes { slug } } }');
    const published = new Set((res.data!.products as { nodes: { slug: string }[] }).nodes.map((p) => p.slug));
    const rows = await api.orm.em
      .getConnection()
      .execute<{ slug: string }[]>(
        "select slug from product p where not exists (select 1 from certificate c where c.product_id = p.id and c.status = 'ISSUED' and c.issued_on <= ? and c.expires_on >= ?)",
        [
          new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
          new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
        ],
      );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const { slug } of rows) expect(published.has(slug)).toBe(false);
  });

  it('rejects a page size over 100 with a message saying what to send', async () => {
    const res = await gql(api, '{ products(first: 1000) { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_TOO_LARGE');
    expect(res.errors?.[0]?.message).toMatch(/at most 100/);
  });

  it('enforces the rules in the database too', async () => {
    const conn = api.orm.em.getConnection();
    await expect(
      conn.execute('update evaluation set score_a = 41 where id = (select min(id) from evaluation)'),
    ).rejects.toThrow();
    await expect(
      conn.execute('update certificate set stars = 2 where id = (select min(id) from certificate)'),
    ).rejects.toThrow();
    await expect(
      conn.execute('update product set slug = (select slug from product where id = 2) where id = 1'),
    ).rejects.toThrow();
    await expect(
      conn.execute(
        'update certificate set number = (select number from certificate order by id limit 1) where id = (select max(id) from certificate)',
      ),
    ).rejects.toThrow();
  });
});
