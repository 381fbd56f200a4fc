import { certificateExpiry } from '@ocop/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionDate, evaluatedOn, MUTATIONS, ok, refused } from '../support/admin.js';
import { runCli } from '../support/cli.js';
import { bearer, gql, useTestApi, testDatabases } from '../support/server.js';

/**
 * The closing session of issue 4 as a test: tokens from the CLI, then an office and a council
 * take a new product from an idea to a published 4★ certificate, one mutation at a time.
 */
describe.each(testDatabases())('from idea to a published 4★ certificate on $name', (db) => {
  let env: NodeJS.ProcessEnv;
  const api = useTestApi(db);

  beforeAll(async () => {
    const { database } = api.config;
    env = { DATABASE_URL: database.dialect === 'sqlite' ? `sqlite:${database.file}` : database.url };
  });

  it('runs the whole cycle with CLI tokens, and the public sees the product only at the end', async () => {
    // 1. Tokens, printed once on one line.
    const adminCli = await runCli(
      ['token', 'create', '--role', 'ADMIN', '--name', 'Sở NN&PTNT An Giang – Phòng OCOP'],
      env,
    );
    expect(adminCli.code, adminCli.stderr).toBe(0);
    expect(adminCli.stdout).toMatch(/^ocop_[A-Za-z0-9_-]{43}\n$/);
    const councilCli = await runCli(
      ['token', 'create', '--role', 'evaluator', '--name', 'Hội đồng tỉnh – Thành viên 1'],
      env,
    );
    const admin = bearer(adminCli.stdout.trim());
    const council = bearer(councilCli.stdout.trim());

    // 2. The producer and the product idea.
    const producer = ok<{ createProducer: { id: string; slug: string } }>(
      await gql(
        api,
        MUTATIONS.createProducer,
        {
          input: {
            name: 'Hợp tác xã Sim Rừng Hàm Ninh',
            type: 'COOPERATIVE',
            representative: 'Lê Thị Hoa',
            address: 'Ấp Rạch Hàm, đặc khu Phú Quốc, An Giang',
            regionCode: 'AG-PQ',
            phone: '0000 297 555',
            email: 'simrung@example.vn',
            website: 'https://simrung.example.vn',
          },
        },
        admin,
      ),
    ).createProducer;
    expect(producer.slug).toBe('hop-tac-xa-sim-rung-ham-ninh');
    const product = ok<{ createProduct: { id: string; slug: string; cycleStage: string } }>(
      await gql(
        api,
        MUTATIONS.createProduct,
        {
          input: {
            producerId: producer.id,
            category: 'BEVERAGE',
            nameVi: 'Rượu sim rừng Hàm Ninh',
            nameEn: 'Hàm Ninh wild rose-myrtle wine',
            descriptionVi: 'Rượu vang sim lên men từ trái sim rừng Phú Quốc.',
            descriptionEn: 'Wine fermented from wild rose-myrtle berries of Phú Quốc.',
            storyVi: 'Phụ nữ trong ấp hái sim chín vào tháng Bảy.',
            storyEn: 'Women of the hamlet pick the ripe berries in July.',
          },
        },
        admin,
      ),
    ).createProduct;
    expect(product).toMatchObject({ slug: 'ruou-sim-rung-ham-ninh', cycleStage: 'IDEA' });
    const publicView = () =>
      gql(
        api,
        'query($s: String!) { product(slug: $s) { name(lang: EN) stars certificate { number status expiresOn } producer { slug } } }',
        {
          s: product.slug,
        },
      );
    expect(ok<{ product: unknown }>(await publicView()).product).toBeNull();

    // 3. Through the cycle to the council.
    for (const cycleStage of ['BUSINESS_PLAN', 'PRODUCTION', 'EVALUATION']) {
      const moved = ok<{ moveProductToStage: { cycleStage: string } }>(
        await gql(api, MUTATIONS.moveProductToStage, { input: { productId: product.id, cycleStage } }, admin),
      );
      expect(moved.moveProductToStage.cycleStage).toBe(cycleStage);
    }

    // 4. The council scores it: 32 + 20 + 26 = 78 points, 4★, which a province may award.
    const evaluation = ok<{ recordEvaluation: { id: string; total: number; stars: number; status: string } }>(
      await gql(
        api,
        MUTATIONS.recordEvaluation,
        {
          input: {
            productId: product.id,
            councilLevel: 'PROVINCE',
            criteriaVersion: 'QD148_2023',
            evaluatedOn,
            scoreA: 32,
            scoreB: 20,
            scoreC: 26,
          },
        },
        council,
      ),
    ).recordEvaluation;
    expect(evaluation).toMatchObject({ total: 78, stars: 4, status: 'DRAFT' });
    expect(
      ok<{ finaliseEvaluation: { status: string } }>(
        await gql(api, MUTATIONS.finaliseEvaluation, { id: evaluation.id }, council),
      ).finaliseEvaluation.status,
    ).toBe('FINAL');
    expect(ok<{ product: unknown }>(await publicView()).product).toBeNull();

    // 5. The office issues the certificate; the product moves on to trade promotion.
    const certificate = ok<{
      issueCertificate: { number: string; stars: number; issuedOn: string; expiresOn: string };
    }>(
      await gql(
        api,
        MUTATIONS.issueCertificate,
        {
          input: {
            evaluationId: evaluation.id,
            number: 'ag-ocop 2026-0777',
            decisionNumber: '777/QĐ-UBND',
            decisionDate,
          },
        },
        admin,
      ),
    ).issueCertificate;
    expect(certificate).toMatchObject({ number: 'AG-OCOP-2026-0777', stars: 4, issuedOn: decisionDate });
    expect(certificate.expiresOn).toBe(certificateExpiry(decisionDate));
    ok(
      await gql(
        api,
        MUTATIONS.moveProductToStage,
        { input: { productId: product.id, cycleStage: 'PROMOTION' } },
        admin,
      ),
    );

    // 6. Published: the public sees a 4★ product with its valid certificate.
    expect(ok<{ product: unknown }>(await publicView()).product).toEqual({
      name: 'Hàm Ninh wild rose-myrtle wine',
      stars: 4,
      certificate: { number: 'AG-OCOP-2026-0777', status: 'VALID', expiresOn: certificate.expiresOn },
      producer: { slug: producer.slug },
    });
    const check = ok<{ certificate: { result: string } }>(
      await gql(api, '{ certificate(number: "AG OCOP 2026 0777") { result } }'),
    ).certificate;
    expect(check.result).toBe('VALID');
    const found = ok<{ products: { nodes: { slug: string }[] } }>(
      await gql(api, '{ products(search: "ruou sim ham ninh") { nodes { slug } } }'),
    );
    expect(found.products.nodes.map((n) => n.slug)).toContain(product.slug);

    // 7. Every step is in the audit log, with who did it.
    const log = ok<{ auditLog: { nodes: { operation: string; actorName: string }[] } }>(
      await gql(api, '{ auditLog(first: 20) { nodes { operation actorName } } }', undefined, admin),
    ).auditLog.nodes.reverse();
    expect(log.map((e) => `${e.operation} by ${e.actorName}`)).toEqual([
      'token create by ocop CLI on the server',
      'token create by ocop CLI on the server',
      'createProducer by Sở NN&PTNT An Giang – Phòng OCOP',
      'createProduct by Sở NN&PTNT An Giang – Phòng OCOP',
      'moveProductToStage by Sở NN&PTNT An Giang – Phòng OCOP',
      'moveProductToStage by Sở NN&PTNT An Giang – Phòng OCOP',
      'moveProductToStage by Sở NN&PTNT An Giang – Phòng OCOP',
      'recordEvaluation by Hội đồng tỉnh – Thành viên 1',
      'finaliseEvaluation by Hội đồng tỉnh – Thành viên 1',
      'issueCertificate by Sở NN&PTNT An Giang – Phòng OCOP',
      'moveProductToStage by Sở NN&PTNT An Giang – Phòng OCOP',
    ]);

    // 8. Tokens are listed without their secret, and a revoked one stops working at once.
    const list = await runCli(['token', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/1\tADMIN\t.*Sở NN&PTNT An Giang/);
    expect(list.stdout).not.toContain(adminCli.stdout.trim().slice(5));
    const revoke = await runCli(['token', 'revoke', '2'], env);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(refused(await gql(api, '{ evaluations(productId: "x") { id } }', undefined, council)).message).toMatch(
      /revoked/,
    );
  });

  it('token create refuses a wrong role or a missing name with one clear line and exit code 2', async () => {
    for (const [args, pattern] of [
      [
        ['token', 'create', '--role', 'SUPERUSER', '--name', 'X'],
        /--role "SUPERUSER" is not a role: use --role ADMIN or --role EVALUATOR/,
      ],
      [['token', 'create', '--role', 'ADMIN'], /--name is required/],
      [['token', 'revoke', '999'], /No token has the id 999/],
    ] as const) {
      const result = await runCli([...args], env);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
    }
  });
});
