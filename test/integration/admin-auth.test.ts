import { beforeAll, describe, expect, it } from 'vitest';
import { decisionDate, evaluatedOn, MUTATIONS, Office, ok, refused, rowCounts } from '../support/admin.js';
import { bearer, createToken, gql, useTestApi, testDatabases } from '../support/server.js';

const SOME_ID = Buffer.from('Product:1').toString('base64url');
const SOME_PRODUCER = Buffer.from('Producer:1').toString('base64url');
const SOME_EVALUATION = Buffer.from('Evaluation:1').toString('base64url');
const SOME_CERTIFICATE = Buffer.from('Certificate:1').toString('base64url');

/** Every protected operation, with arguments of the right shape, and who may run it. */
const OPERATIONS: {
  name: string;
  roles: ('ADMIN' | 'EVALUATOR')[];
  query: string;
  variables?: Record<string, unknown>;
}[] = [
  {
    name: 'createProducer',
    roles: ['ADMIN'],
    query: MUTATIONS.createProducer,
    variables: {
      input: {
        name: 'X',
        type: 'HOUSEHOLD',
        representative: 'X',
        address: 'X',
        regionCode: 'AG-PQ',
        phone: '0000 000 000',
        email: 'x@example.vn',
      },
    },
  },
  {
    name: 'updateProducer',
    roles: ['ADMIN'],
    query: 'mutation($id: ID!) { updateProducer(id: $id, input: { name: "Y" }) { id } }',
    variables: { id: SOME_PRODUCER },
  },
  {
    name: 'createProduct',
    roles: ['ADMIN'],
    query: MUTATIONS.createProduct,
    variables: { input: { producerId: SOME_PRODUCER, category: 'FOOD', nameVi: 'X', descriptionVi: 'X' } },
  },
  {
    name: 'updateProduct',
    roles: ['ADMIN'],
    query: 'mutation($id: ID!) { updateProduct(id: $id, input: { nameEn: "Y" }) { id } }',
    variables: { id: SOME_ID },
  },
  {
    name: 'moveProductToStage',
    roles: ['ADMIN'],
    query: MUTATIONS.moveProductToStage,
    variables: { input: { productId: SOME_ID, cycleStage: 'PROMOTION' } },
  },
  {
    name: 'issueCertificate',
    roles: ['ADMIN'],
    query: MUTATIONS.issueCertificate,
    variables: {
      input: { evaluationId: SOME_EVALUATION, number: 'AG-OCOP-X-1', decisionNumber: '1/QĐ', decisionDate },
    },
  },
  {
    name: 'revokeCertificate',
    roles: ['ADMIN'],
    query: MUTATIONS.revokeCertificate,
    variables: { input: { certificateId: SOME_CERTIFICATE, reason: 'Test.' } },
  },
  { name: 'auditLog', roles: ['ADMIN'], query: '{ auditLog { totalCount nodes { operation changes } } }' },
  { name: 'expiringCertificates', roles: ['ADMIN'], query: '{ expiringCertificates { totalCount nodes { number } } }' },
  {
    name: 'recordEvaluation',
    roles: ['EVALUATOR', 'ADMIN'],
    query: MUTATIONS.recordEvaluation,
    variables: {
      input: {
        productId: SOME_ID,
        councilLevel: 'PROVINCE',
        criteriaVersion: 'QD148_2023',
        evaluatedOn,
        scoreA: 30,
        scoreB: 20,
        scoreC: 25,
      },
    },
  },
  {
    name: 'updateEvaluation',
    roles: ['EVALUATOR', 'ADMIN'],
    query: MUTATIONS.updateEvaluation,
    variables: { id: SOME_EVALUATION, input: { scoreA: 31 } },
  },
  {
    name: 'finaliseEvaluation',
    roles: ['EVALUATOR', 'ADMIN'],
    query: MUTATIONS.finaliseEvaluation,
    variables: { id: SOME_EVALUATION },
  },
  {
    name: 'evaluations',
    roles: ['EVALUATOR', 'ADMIN'],
    query: 'query($p: ID!) { evaluations(productId: $p) { scoreA scoreB scoreC total stars status } }',
    variables: { p: SOME_ID },
  },
];

describe.each(testDatabases())('roles and tokens on $name', (db) => {
  let office: Office;
  let revoked: string;
  const api = useTestApi(db);

  beforeAll(async () => {
    office = new Office(
      api,
      await createToken(api, 'ADMIN', 'Provincial office'),
      await createToken(api, 'EVALUATOR', 'Council member'),
    );
    revoked = await createToken(api, 'ADMIN', 'Former official');
    const em = api.orm.em.fork();
    await em.nativeUpdate('ApiToken', { name: 'Former official' }, { revokedAt: new Date() });
  });

  it('refuses every protected operation to the public with UNAUTHENTICATED, saying how to get a token, and writes nothing', async () => {
    const before = await rowCounts(api);
    for (const op of OPERATIONS) {
      const res = await gql(api, op.query, op.variables);
      const error = refused(res);
      expect(error.extensions.code, op.name).toBe('UNAUTHENTICATED');
      expect(error.message, op.name).toMatch(/Authorization: Bearer <token>/);
      expect(error.message, op.name).toMatch(/pnpm ocop token create --role (ADMIN|EVALUATOR) --name/);
      expect(res.data?.[op.name] ?? null, op.name).toBeNull();
    }
    expect(await rowCounts(api)).toEqual(before);
  });

  it('tells apart a malformed header, an unknown token and a revoked one', async () => {
    const query = '{ auditLog { totalCount } }';
    const malformed = refused(await gql(api, query, undefined, { authorization: 'Token abc' }));
    expect(malformed.extensions.code).toBe('UNAUTHENTICATED');
    expect(malformed.message).toMatch(/not of the form "Bearer <token>"/);
    const unknown = refused(await gql(api, query, undefined, bearer(`ocop_${'A'.repeat(43)}`)));
    expect(unknown.extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.message).toMatch(/not known to this server/);
    const gone = refused(await gql(api, query, undefined, bearer(revoked)));
    expect(gone.extensions.code).toBe('UNAUTHENTICATED');
    expect(gone.message).toMatch(/revoked/);
  });

  it('refuses ADMIN operations to an EVALUATOR with FORBIDDEN, writing nothing', async () => {
    const before = await rowCounts(api);
    for (const op of OPERATIONS.filter((o) => !o.roles.includes('EVALUATOR'))) {
      const error = refused(await office.council(op.query, op.variables));
      expect(error.extensions.code, op.name).toBe('FORBIDDEN');
      expect(error.message).toMatch(/needs role ADMIN, but the token "Council member" has role EVALUATOR/);
    }
    expect(await rowCounts(api)).toEqual(before);
  });

  it('lets each role through to the operations it may run', async () => {
    for (const op of OPERATIONS) {
      for (const role of op.roles) {
        const res =
          role === 'ADMIN' ? await office.admin(op.query, op.variables) : await office.council(op.query, op.variables);
        // Whatever happens next (the made-up IDs may not fit), it is not about the token.
        expect(['UNAUTHENTICATED', 'FORBIDDEN'], `${op.name} as ${role}`).not.toContain(
          res.errors?.[0]?.extensions?.code,
        );
      }
    }
  });

  it('serves public reads to any caller, a bad token included, and never caches authenticated answers', async () => {
    const query = '{ categories { code certifiedProductCount } }';
    const anonymous = await gql(api, query);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=5');
    for (const headers of [bearer(office.adminToken), bearer(`ocop_${'B'.repeat(43)}`)]) {
      const res = await gql(api, query, undefined, headers);
      expect(ok(res)).toEqual(ok(anonymous));
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
    const mutation = await office.admin(OPERATIONS[1]?.query ?? '', OPERATIONS[1]?.variables);
    expect(mutation.headers.get('cache-control')).toBe('private, no-store');
    const get = await fetch(`${api.url}?query=${encodeURIComponent(query)}`, { headers: bearer(office.adminToken) });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('private, no-store');
  });

  it('records when a token was last used, off the request path', async () => {
    ok(await office.admin('{ auditLog(first: 1) { totalCount } }'));
    await api.server.flush();
    const rows = await api.orm.em.fork().find('ApiToken', { name: 'Provincial office' });
    expect((rows[0] as { lastUsedAt?: Date }).lastUsedAt).toBeInstanceOf(Date);
  });

  it('shows the audit log to ADMIN only, with who did what', async () => {
    const producer = await office.createProducer();
    const log = ok<{
      auditLog: {
        totalCount: number;
        nodes: {
          operation: string;
          actorName: string;
          actorRole: string;
          entityType: string;
          entityId: string;
          tokenId: number;
          changes: Record<string, { from: unknown; to: unknown }>;
        }[];
      };
    }>(
      await office.admin(
        '{ auditLog(first: 5) { totalCount nodes { operation actorName actorRole entityType entityId tokenId at changes } } }',
      ),
    );
    const [latest] = log.auditLog.nodes;
    expect(latest).toMatchObject({
      operation: 'createProducer',
      actorName: 'Provincial office',
      actorRole: 'ADMIN',
      entityType: 'Producer',
      entityId: producer.id,
    });
    expect(latest?.changes.name).toEqual({ from: null, to: producer.name });
    expect(refused(await office.council('{ auditLog { totalCount } }')).extensions.code).toBe('FORBIDDEN');
  });

  it('pages through the audit log newest first, and filters it by record', async () => {
    const producer = await office.createProducer();
    for (const name of ['Tên 1', 'Tên 2', 'Tên 3']) {
      ok(
        await office.admin('mutation($id: ID!, $n: String) { updateProducer(id: $id, input: { name: $n }) { id } }', {
          id: producer.id,
          n: name,
        }),
      );
    }
    const page = (after?: string) =>
      office.admin(
        'query($e: ID, $a: String) { auditLog(first: 2, after: $a, entityId: $e) { totalCount pageInfo { hasNextPage endCursor } nodes { operation changes } } }',
        { e: producer.id, a: after },
      );
    type Page = {
      auditLog: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { operation: string; changes: { name?: { to: string } } }[];
      };
    };
    const first = ok<Page>(await page()).auditLog;
    expect(first.totalCount).toBe(4);
    expect(first.nodes.map((n) => n.changes.name?.to)).toEqual(['Tên 3', 'Tên 2']);
    const second = ok<Page>(await page(first.pageInfo.endCursor)).auditLog;
    expect(second.nodes.map((n) => n.operation)).toEqual(['updateProducer', 'createProducer']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
