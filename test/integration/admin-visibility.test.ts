import { beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS, Office, ok, refused } from '../support/admin.js';
import { createToken, type GraphQLResponse, gql, testDatabases, useTestApi } from '../support/server.js';

/**
 * A product is public only while it holds a certificate of 3★ or more valid today. These tests
 * create products the public must not see (an idea, a draft evaluation, a 2★ result, a final
 * 4★ evaluation without a certificate, a revoked certificate) next to one published product, and
 * check every public path: each hidden product stays out, and the published one comes through
 * (so a path that shows nothing at all would fail too).
 */

type Counts = Record<string, number>;
interface Snapshot {
  total: number;
  facets: { totalCount: number; categories: Counts; stars: Counts; regions: Counts; producerTypes: Counts };
  categories: Counts;
  regions: Counts;
}

const FACET_FIELDS =
  'totalCount categories { value count } stars { value count } regions { value count } producerTypes { value count }';
const REGION_FIELDS = 'code certifiedProductCount';
const SNAPSHOT = `{
  products(first: 1) { totalCount }
  facets { ${FACET_FIELDS} }
  categories { code certifiedProductCount }
  regions { ${REGION_FIELDS} children { ${REGION_FIELDS} children { ${REGION_FIELDS} } } }
}`;

type Region = { code: string; certifiedProductCount: number; children?: Region[] };
const byValue = (rows: { value: string; count: number }[]): Counts =>
  Object.fromEntries(rows.map((r) => [r.value, r.count]));
function flatten(regions: Region[], into: Counts = {}): Counts {
  for (const r of regions) {
    into[r.code] = r.certifiedProductCount;
    flatten(r.children ?? [], into);
  }
  return into;
}

/** Keys whose counts differ between two maps, with the difference. */
function changes(before: Counts, after: Counts): Counts {
  const out: Counts = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[key] ?? 0) - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

describe.each(testDatabases())('what the public never sees, on $name', (db) => {
  let office: Office;
  let before: Snapshot;
  let after: Snapshot;
  let producerP: { id: string; slug: string };
  let producerQ: { id: string; slug: string };
  let shown: { id: string; slug: string };
  const hidden = {} as Record<'idea' | 'draft' | 'low' | 'uncertified' | 'revoked', { id: string; slug: string }>;
  let revokedNumber = '';
  let revokedCertificateId = '';
  let draftEvaluationId = '';
  const REASON = 'Zalora secret reason: failed the 2026 hygiene inspection';

  const snapshot = async (): Promise<Snapshot> => {
    const d = ok<{
      products: { totalCount: number };
      facets: { totalCount: number } & Record<
        'categories' | 'stars' | 'regions' | 'producerTypes',
        { value: string; count: number }[]
      >;
      categories: { code: string; certifiedProductCount: number }[];
      regions: Region[];
    }>(await gql(api, SNAPSHOT));
    return {
      total: d.products.totalCount,
      facets: {
        totalCount: d.facets.totalCount,
        categories: byValue(d.facets.categories),
        stars: byValue(d.facets.stars),
        regions: byValue(d.facets.regions),
        producerTypes: byValue(d.facets.producerTypes),
      },
      categories: Object.fromEntries(d.categories.map((c) => [c.code, c.certifiedProductCount])),
      regions: flatten(d.regions),
    };
  };

  const api = useTestApi(db);

  beforeAll(async () => {
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    before = await snapshot();

    producerP = await office.createProducer({ name: 'Hợp tác xã Zalora Phú Quốc', type: 'ENTERPRISE' });
    producerQ = await office.createProducer({ name: 'Hộ kinh doanh Zalora', type: 'HOUSEHOLD' });
    const product = (producer: { id: string }, nameVi: string) =>
      office.createProduct(producer.id, { nameVi, category: 'BEVERAGE', descriptionVi: 'Rượu sim Zalora ủ lâu năm.' });

    hidden.idea = await product(producerQ, 'Rượu sim Zalora ý tưởng');

    hidden.draft = await product(producerQ, 'Rượu sim Zalora bản nháp');
    await office.toEvaluation(hidden.draft.id);
    draftEvaluationId = (await office.recordEvaluation(hidden.draft.id, 4)).id;

    hidden.low = await product(producerQ, 'Rượu sim Zalora hai sao');
    await office.toEvaluation(hidden.low.id);
    await office.finalise((await office.recordEvaluation(hidden.low.id, 2)).id);

    hidden.uncertified = await product(producerP, 'Rượu sim Zalora chờ cấp giấy');
    await office.toEvaluation(hidden.uncertified.id);
    await office.finalise((await office.recordEvaluation(hidden.uncertified.id, 4)).id);

    hidden.revoked = await product(producerP, 'Rượu sim Zalora bị thu hồi');
    const { certificate } = await office.publish(hidden.revoked.id);
    revokedNumber = certificate.number;
    revokedCertificateId = certificate.id;
    ok(await office.admin(MUTATIONS.revokeCertificate, { input: { certificateId: certificate.id, reason: REASON } }));

    shown = await product(producerP, 'Rượu sim Zalora đặc biệt');
    await office.publish(shown.id);

    after = await snapshot();
  });

  const hiddenSlugs = () => Object.values(hidden).map((p) => p.slug);

  it('products list: only the published one, and totalCount counts only it', async () => {
    const slugs: string[] = [];
    let afterCursor: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await gql(
        api,
        'query($a: String) { products(first: 100, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { slug } } }',
        { a: afterCursor },
      );
      const page = ok<{
        products: { nodes: { slug: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>(res).products;
      slugs.push(...page.nodes.map((n) => n.slug));
      if (!page.pageInfo.hasNextPage) break;
      afterCursor = page.pageInfo.endCursor;
    }
    expect(slugs).toContain(shown.slug);
    for (const slug of hiddenSlugs()) expect(slugs).not.toContain(slug);
    expect(after.total).toBe(before.total + 1);
    expect(slugs).toHaveLength(after.total);
  });

  it('search results: a word in every hidden name finds only the published product', async () => {
    for (const text of ['zalora', 'Rượu sim Zalora', 'ruou sim zalora bi thu hoi', 'zalora ban nhap']) {
      const res = ok<{ products: { totalCount: number; nodes: { slug: string }[] } }>(
        await gql(api, 'query($s: String) { products(search: $s, first: 50) { totalCount nodes { slug } } }', {
          s: text,
        }),
      ).products;
      for (const slug of hiddenSlugs())
        expect(
          res.nodes.map((n) => n.slug),
          text,
        ).not.toContain(slug);
      expect(res.totalCount, text).toBe(res.nodes.length);
    }
    const all = ok<{ products: { nodes: { slug: string }[] } }>(
      await gql(api, '{ products(search: "zalora") { nodes { slug } } }'),
    ).products;
    expect(all.nodes.map((n) => n.slug)).toEqual([shown.slug]);
  });

  it('node(id): null for every hidden product and for a producer with nothing published', async () => {
    const node = async (id: string) =>
      ok<{ node: { __typename: string } | null }>(
        await gql(api, 'query($id: ID!) { node(id: $id) { __typename id } }', { id }),
      ).node;
    for (const p of Object.values(hidden)) expect(await node(p.id), p.slug).toBeNull();
    expect(await node(producerQ.id)).toBeNull();
    expect((await node(shown.id))?.__typename).toBe('Product');
    expect((await node(producerP.id))?.__typename).toBe('Producer');
  });

  it('product(slug): null for every hidden product', async () => {
    for (const slug of hiddenSlugs()) {
      expect(
        ok<{ product: unknown }>(await gql(api, 'query($s: String!) { product(slug: $s) { slug } }', { s: slug }))
          .product,
        slug,
      ).toBeNull();
    }
    const published = ok<{ product: { stars: number } }>(
      await gql(api, 'query($s: String!) { product(slug: $s) { stars } }', { s: shown.slug }),
    ).product;
    expect(published.stars).toBe(4);
  });

  it('producer(slug) and its products: hidden products are not listed, a producer with none published is not found', async () => {
    const producer = async (slug: string) =>
      ok<{ producer: { products: { totalCount: number; nodes: { slug: string }[] } } | null }>(
        await gql(
          api,
          'query($s: String!) { producer(slug: $s) { products(first: 50) { totalCount nodes { slug } } } }',
          { s: slug },
        ),
      ).producer;
    expect(await producer(producerQ.slug)).toBeNull();
    const p = await producer(producerP.slug);
    expect(p?.products).toEqual({ totalCount: 1, nodes: [{ slug: shown.slug }] });
  });

  it('related products: a published product’s neighbours never include hidden ones', async () => {
    const related = ok<{ product: { related: { slug: string }[] } }>(
      await gql(api, 'query($s: String!) { product(slug: $s) { related(first: 20) { slug } } }', { s: shown.slug }),
    ).product.related.map((r) => r.slug);
    for (const slug of hiddenSlugs()) expect(related).not.toContain(slug);
  });

  it('facets and their totalCount: only the published product is counted, in every dimension', async () => {
    expect(after.facets.totalCount).toBe(before.facets.totalCount + 1);
    expect(changes(before.facets.categories, after.facets.categories)).toEqual({ BEVERAGE: 1 });
    expect(changes(before.facets.stars, after.facets.stars)).toEqual({ 4: 1 });
    expect(changes(before.facets.producerTypes, after.facets.producerTypes)).toEqual({ ENTERPRISE: 1 });
    const regionChange = Object.values(changes(before.facets.regions, after.facets.regions));
    expect(regionChange).toEqual([1]);
    const searched = ok<{ facets: { totalCount: number; categories: { value: string; count: number }[] } }>(
      await gql(api, `{ facets(search: "zalora") { ${FACET_FIELDS} } }`),
    ).facets;
    expect(searched.totalCount).toBe(1);
    expect(byValue(searched.categories).BEVERAGE).toBe(1);
  });

  it('categories counts: only the published product is counted', () => {
    expect(changes(before.categories, after.categories)).toEqual({ BEVERAGE: 1 });
  });

  it('regions counts: only the published product is counted, in its region and the province above', () => {
    expect(changes(before.regions, after.regions)).toEqual({ AG: 1, 'AG-PQ': 1 });
  });

  it('certificate(number): a revoked certificate says REVOKED and shows neither the reason nor the product', async () => {
    const res = await gql(
      api,
      `query($n: String!) { certificate(number: $n) { result number message(lang: EN) certificate {
        id number decisionNumber decisionDate issuingLevel stars issuedOn expiresOn status productName producerName product { slug }
      } } }`,
      { n: revokedNumber.toLowerCase() },
    );
    const check = ok<{ certificate: { result: string; certificate: { status: string; product: unknown } } }>(
      res,
    ).certificate;
    expect(check.result).toBe('REVOKED');
    expect(check.certificate.status).toBe('REVOKED');
    expect(check.certificate.product).toBeNull();
    expect(JSON.stringify(res)).not.toMatch(/hygiene|Zalora secret/);
    const viaNode = await gql(
      api,
      'query($id: ID!) { node(id: $id) { ... on Certificate { status product { slug } } } }',
      {
        id: revokedCertificateId,
      },
    );
    expect(ok<{ node: { status: string; product: unknown } }>(viaNode).node).toEqual({
      status: 'REVOKED',
      product: null,
    });
  });

  it('evaluations and scores: no public query or field returns them', async () => {
    const error = refused(
      await gql(api, 'query($p: ID!) { evaluations(productId: $p) { scoreA total stars } }', { p: hidden.draft.id }),
    );
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    const viaNode = await gql(api, 'query($id: ID!) { node(id: $id) { id } }', { id: draftEvaluationId });
    expect(viaNode.data?.node ?? null).toBeNull();
    // The public types carry no score, evaluation, reason or token field at all.
    const schema = ok<{ __schema: { types: { name: string; fields: { name: string }[] | null }[] } }>(
      await gql(api, '{ __schema { types { name fields { name } } } }'),
    ).__schema.types;
    const publicTypes = [
      'Product',
      'Producer',
      'Certificate',
      'CertificateCheck',
      'Category',
      'Region',
      'ProductFacets',
    ];
    for (const type of schema.filter((t) => publicTypes.includes(t.name))) {
      for (const field of type.fields ?? []) {
        expect(field.name, `${type.name}.${field.name}`).not.toMatch(/^score|^total$|evaluation|reason|revoc|token/i);
      }
    }
    expect(schema.flatMap((t) => t.fields ?? []).map((f) => f.name)).not.toContain('tokenHash');
  });

  it('the audit log and tokens: refused to the public; the log never holds a token', async () => {
    expect(refused(await gql(api, '{ auditLog { totalCount } }')).extensions.code).toBe('UNAUTHENTICATED');
    expect(refused(await gql(api, '{ expiringCertificates { totalCount } }')).extensions.code).toBe('UNAUTHENTICATED');
    const log = await office.admin('{ auditLog(first: 100) { nodes { actorName operation changes } } }');
    const text = JSON.stringify(ok(log));
    expect(text).toContain(REASON);
    expect(text).not.toContain(office.adminToken);
    expect(text).not.toContain(office.adminToken.slice(5));
    const rows = await api.orm.em.getConnection().execute('select * from api_token');
    expect(JSON.stringify(rows)).not.toContain(office.adminToken.slice(5));
  });
});
