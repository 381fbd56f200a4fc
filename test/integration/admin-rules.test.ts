import { addDays, certificateExpiry } from '@ocop/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatedOn, MUTATIONS, Office, ok, refused, rowCounts, SCORES, today } from '../support/admin.js';
import { createToken, type GraphQLResponse, gql, testDatabases, useTestApi } from '../support/server.js';

describe.each(testDatabases())('business rules of the admin mutations on $name', (db) => {
  let office: Office;
  let producer: { id: string; slug: string; name: string };
  /** A product at step 5 (EVALUATION), ready for score sheets. */
  let product: { id: string; slug: string };

  const api = useTestApi(db);

  beforeAll(async () => {
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    producer = await office.createProducer();
    product = await office.createProduct(producer.id);
    await office.toEvaluation(product.id);
  });

  /** Runs a mutation that must be refused with `code`, with issues on `fields`, and must write nothing. */
  async function expectRefusal(
    run: () => Promise<GraphQLResponse>,
    code: string,
    fields: string[],
  ): Promise<{ message: string; issues: { field: string; code: string; message: string }[] }> {
    const before = await rowCounts(api);
    const error = refused(await run());
    expect(error.extensions.code, error.message).toBe(code);
    expect(error.extensions.issues?.map((i) => i.field)).toEqual(fields);
    for (const issue of error.extensions.issues ?? []) {
      expect(issue.message.length).toBeGreaterThan(20);
      expect(issue.code).toMatch(/^[A-Z_]+$/);
    }
    expect(await rowCounts(api), 'a refused mutation must write nothing').toEqual(before);
    return { message: error.message, issues: error.extensions.issues ?? [] };
  }

  const record = (overrides: Record<string, unknown>) =>
    office.council(MUTATIONS.recordEvaluation, {
      input: {
        productId: product.id,
        councilLevel: 'PROVINCE',
        criteriaVersion: 'QD148_2023',
        evaluatedOn,
        ...SCORES[4],
        ...overrides,
      },
    });

  describe('recordEvaluation', () => {
    it('computes the total and stars itself and saves a DRAFT', async () => {
      const evaluation = await office.recordEvaluation(product.id, 4);
      expect(evaluation).toMatchObject({ total: 78, stars: 4, status: 'DRAFT' });
    });

    it('does not accept a total or stars from the client', async () => {
      const before = await rowCounts(api);
      const res = await office.council(
        'mutation($p: ID!, $d: String!) { recordEvaluation(input: { productId: $p, councilLevel: PROVINCE, criteriaVersion: "QD148_2023", evaluatedOn: $d, scoreA: 1, scoreB: 1, scoreC: 1, stars: 5 }) { id } }',
        { p: product.id, d: evaluatedOn },
      );
      expect(res.errors?.[0]?.message).toMatch(/"stars" is not defined/);
      expect(await rowCounts(api)).toEqual(before);
    });

    it('refuses a negative score: SCORE_OUT_OF_RANGE', async () => {
      const { issues } = await expectRefusal(() => record({ scoreA: -1 }), 'SCORE_OUT_OF_RANGE', ['scoreA']);
      expect(issues[0]?.message).toMatch(/cannot be negative.*from 0 to 40/);
    });

    it('refuses a part over its maximum on that score sheet: PART_SCORE_OVER_MAXIMUM', async () => {
      const { issues } = await expectRefusal(() => record({ scoreC: 36 }), 'PART_SCORE_OVER_MAXIMUM', ['scoreC']);
      expect(issues[0]?.message).toMatch(/148\/2023 score sheet allows at most 35 for Part C/);
      // Part A may reach 40 under 148/2023 but only 35 under 1048/2019.
      await expectRefusal(
        () => record({ criteriaVersion: 'QD1048_2019', evaluatedOn: '2022-10-01', scoreA: 36 }),
        'PART_SCORE_OVER_MAXIMUM',
        ['scoreA'],
      );
    });

    it('refuses an unknown criteria version: UNKNOWN_CRITERIA_VERSION', async () => {
      const { issues } = await expectRefusal(() => record({ criteriaVersion: 'QD2030' }), 'UNKNOWN_CRITERIA_VERSION', [
        'criteriaVersion',
      ]);
      expect(issues[0]?.message).toMatch(/QD1048_2019.*QD148_2023/);
    });

    it('refuses a date in the future (Vietnam time) and a date that does not exist', async () => {
      const { issues } = await expectRefusal(() => record({ evaluatedOn: addDays(today, 1) }), 'DATE_IN_FUTURE', [
        'evaluatedOn',
      ]);
      expect(issues[0]?.message).toMatch(new RegExp(`today in Vietnam is ${today}`));
      await expectRefusal(() => record({ evaluatedOn: '2026-02-30' }), 'INVALID_DATE', ['evaluatedOn']);
    });

    it('refuses a score sheet dated before its criteria version existed: CRITERIA_VERSION_NOT_IN_FORCE', async () => {
      const { issues } = await expectRefusal(
        () => record({ criteriaVersion: 'QD148_2023', evaluatedOn: '2022-10-01' }),
        'CRITERIA_VERSION_NOT_IN_FORCE',
        ['criteriaVersion'],
      );
      expect(issues[0]?.message).toMatch(
        /148\/2023 score sheet .*applies from 24 Feb 2023.*1 Oct 2022.*the 1048\/2019 sheet \(QD1048_2019\)/,
      );
      await expectRefusal(
        () => record({ criteriaVersion: 'QD1048_2019', evaluatedOn: '2024-03-10' }),
        'CRITERIA_VERSION_NOT_IN_FORCE',
        ['criteriaVersion'],
      );
      // A correction is held to the same rule.
      const draft = await office.recordEvaluation(product.id, 4);
      await expectRefusal(
        () => office.council(MUTATIONS.updateEvaluation, { id: draft.id, input: { evaluatedOn: '2022-10-01' } }),
        'CRITERIA_VERSION_NOT_IN_FORCE',
        ['criteriaVersion'],
      );
      const moved = ok<{ updateEvaluation: { stars: number } }>(
        await office.council(MUTATIONS.updateEvaluation, {
          id: draft.id,
          input: { evaluatedOn: '2022-10-01', criteriaVersion: 'QD1048_2019' },
        }),
      ).updateEvaluation;
      expect(moved.stars).toBe(4);
    });

    it('reports every problem at once under VALIDATION_FAILED', async () => {
      const { issues } = await expectRefusal(
        () => record({ scoreA: -2, scoreB: 30, scoreC: 20.25, evaluatedOn: '2099-01-01' }),
        'VALIDATION_FAILED',
        ['evaluatedOn', 'scoreA', 'scoreB', 'scoreC'],
      );
      expect(issues.map((i) => i.code)).toEqual([
        'DATE_IN_FUTURE',
        'SCORE_OUT_OF_RANGE',
        'PART_SCORE_OVER_MAXIMUM',
        'SCORE_TOO_PRECISE',
      ]);
    });

    it('lets a council award only what the rules of that date allow', async () => {
      const { issues } = await expectRefusal(() => record({ ...SCORES[5] }), 'AWARD_NOT_ALLOWED', ['stars']);
      expect(issues[0]?.message).toMatch(/1489\/QĐ-TTg.*5★ is awarded by the central council/);
      await expectRefusal(() => record({ councilLevel: 'DISTRICT' }), 'COUNCIL_LEVEL_ABOLISHED', ['councilLevel']);
      expect(
        ok<{ recordEvaluation: { stars: number } }>(await record({ ...SCORES[5], councilLevel: 'CENTRAL' }))
          .recordEvaluation.stars,
      ).toBe(5);
    });

    it('records evaluations only for products at the EVALUATION step, and only for real products', async () => {
      const early = await office.createProduct(producer.id);
      const { issues } = await expectRefusal(() => record({ productId: early.id }), 'CYCLE_STEP_OUT_OF_ORDER', [
        'productId',
      ]);
      expect(issues[0]?.message).toMatch(/step 2 \(Receiving product ideas\).*moveProductToStage/);
      await expectRefusal(() => record({ productId: 'not-an-id' }), 'INVALID_ID', ['productId']);
      await expectRefusal(() => record({ productId: producer.id }), 'INVALID_ID', ['productId']);
      await expectRefusal(
        () => record({ productId: Buffer.from('Product:999999').toString('base64url') }),
        'NOT_FOUND',
        ['productId'],
      );
    });
  });

  describe('updateEvaluation and finaliseEvaluation', () => {
    it('corrects a draft and recomputes its stars; a FINAL evaluation is never edited', async () => {
      const draft = await office.recordEvaluation(product.id, 4);
      const corrected = ok<{ updateEvaluation: { total: number; stars: number } }>(
        await office.council(MUTATIONS.updateEvaluation, { id: draft.id, input: { scoreA: 25, scoreC: 20 } }),
      ).updateEvaluation;
      expect(corrected).toEqual({ id: draft.id, total: 65, stars: 3, status: 'DRAFT' });
      // A correction is held to the same rules: the province may not award the 5★ it would reach.
      await expectRefusal(
        () =>
          office.council(MUTATIONS.updateEvaluation, { id: draft.id, input: { scoreA: 38, scoreB: 24, scoreC: 33 } }),
        'AWARD_NOT_ALLOWED',
        ['stars'],
      );
      await expectRefusal(
        () => office.council(MUTATIONS.updateEvaluation, { id: draft.id, input: { scoreB: 26 } }),
        'PART_SCORE_OVER_MAXIMUM',
        ['scoreB'],
      );
      await office.finalise(draft.id);
      const { message } = await expectRefusal(
        () => office.council(MUTATIONS.updateEvaluation, { id: draft.id, input: { scoreA: 20 } }),
        'EVALUATION_FINALISED',
        ['id'],
      );
      expect(message).toMatch(/record of the council’s decision.*recordEvaluation/);
      await expectRefusal(
        () => office.council(MUTATIONS.finaliseEvaluation, { id: draft.id }),
        'EVALUATION_FINALISED',
        ['id'],
      );
    });
  });

  describe('moveProductToStage', () => {
    it('refuses a step out of order, naming the steps allowed, and leaves the product where it was', async () => {
      const idea = await office.createProduct(producer.id);
      const move = (cycleStage: string) =>
        office.admin(MUTATIONS.moveProductToStage, { input: { productId: idea.id, cycleStage } });
      const { issues } = await expectRefusal(() => move('EVALUATION'), 'CYCLE_STEP_OUT_OF_ORDER', ['cycleStage']);
      expect(issues[0]?.message).toMatch(
        /cannot move from step 2 \(Receiving product ideas\) to step 5 .*only to step 3 \(Receiving business plans\)/,
      );
      await expectRefusal(() => move('IDEA'), 'CYCLE_STEP_OUT_OF_ORDER', ['cycleStage']);
      await expectRefusal(() => move('PROPAGANDA'), 'CYCLE_STEP_OUT_OF_ORDER', ['cycleStage']);
      const rows = await api.orm.em
        .getConnection()
        .execute<{ cycle_stage: string }[]>('select cycle_stage from product where slug = ?', [idea.slug]);
      expect(rows[0]?.cycle_stage).toBe('IDEA');
      await office.moveTo(
        idea.id,
        'BUSINESS_PLAN',
        'PRODUCTION',
        'EVALUATION',
        'PRODUCTION',
        'EVALUATION',
        'PROMOTION',
        'EVALUATION',
      );
    });
  });

  describe('createProducer and createProduct', () => {
    it('makes slugs from Vietnamese names and refuses a taken one: DUPLICATE_SLUG', async () => {
      const first = await office.createProduct(producer.id, { nameVi: 'Mắm cá linh Đồng Tháp Mười' });
      expect(first.slug).toBe('mam-ca-linh-dong-thap-muoi');
      const { issues } = await expectRefusal(
        () =>
          office.admin(MUTATIONS.createProduct, {
            input: {
              producerId: producer.id,
              category: 'FOOD',
              nameVi: 'Mắm cá linh  Đồng Tháp Mười',
              descriptionVi: 'Khác.',
            },
          }),
        'DUPLICATE_SLUG',
        ['slug'],
      );
      expect(issues[0]?.message).toMatch(
        /already used by the product "Mắm cá linh Đồng Tháp Mười". Pass a different `slug`/,
      );
      const renamed = await office.createProduct(producer.id, {
        nameVi: 'Mắm cá linh Đồng Tháp Mười',
        slug: 'mam-ca-linh-htx',
      });
      expect(renamed.slug).toBe('mam-ca-linh-htx');
      await expectRefusal(
        () =>
          office.admin(MUTATIONS.createProducer, {
            input: {
              name: producer.name,
              type: 'HOUSEHOLD',
              representative: 'A',
              address: 'B',
              regionCode: 'AG-PQ',
              phone: '0000 111 111',
              email: 'a@example.vn',
            },
          }),
        'DUPLICATE_SLUG',
        ['slug'],
      );
    });

    it('checks every field of a producer and names each problem', async () => {
      await expectRefusal(
        () =>
          office.admin(MUTATIONS.createProducer, {
            input: {
              name: ' ',
              type: 'HOUSEHOLD',
              representative: 'A',
              address: 'B',
              regionCode: 'ZZ',
              phone: 'phone',
              email: 'mail',
            },
          }),
        'VALIDATION_FAILED',
        ['name', 'phone', 'email', 'regionCode'],
      );
    });
  });

  describe('issueCertificate', () => {
    let finalFourStar: string;
    beforeAll(async () => {
      const evaluation = await office.recordEvaluation(product.id, 4);
      await office.finalise(evaluation.id);
      finalFourStar = evaluation.id;
    });

    const issue = (evaluationId: string, overrides: Record<string, unknown> = {}) =>
      office.admin(MUTATIONS.issueCertificate, {
        input: {
          evaluationId,
          number: 'AG-OCOP-2026-9001',
          decisionNumber: '9001/QĐ-UBND',
          decisionDate: addDays(today, -3),
          ...overrides,
        },
      });

    it('refuses to issue from a DRAFT evaluation: EVALUATION_NOT_FINAL', async () => {
      const draft = await office.recordEvaluation(product.id, 4);
      const { issues } = await expectRefusal(() => issue(draft.id), 'EVALUATION_NOT_FINAL', ['evaluationId']);
      expect(issues[0]?.message).toMatch(/finaliseEvaluation/);
    });

    it('refuses to issue from a 2★ evaluation: STARS_NOT_CERTIFIABLE', async () => {
      const low = await office.recordEvaluation(product.id, 2);
      await office.finalise(low.id);
      const { issues } = await expectRefusal(() => issue(low.id), 'STARS_NOT_CERTIFIABLE', ['evaluationId']);
      expect(issues[0]?.message).toMatch(/35 points \(2★\); only 3★ and above/);
    });

    it('refuses a certificate number already used, however it is typed: DUPLICATE_CERTIFICATE_NUMBER', async () => {
      const [seeded] = await api.orm.em
        .getConnection()
        .execute<{ number: string }[]>('select number from certificate order by id limit 1');
      const typed = ` ${(seeded?.number ?? '').toLowerCase().replaceAll('-', ' - ')} `;
      const { issues } = await expectRefusal(
        () => issue(finalFourStar, { number: typed }),
        'DUPLICATE_CERTIFICATE_NUMBER',
        ['number'],
      );
      expect(issues[0]?.message).toMatch(new RegExp(`${seeded?.number} is already taken`));
      await expectRefusal(() => issue(finalFourStar, { number: '<script>' }), 'INVALID_CERTIFICATE_NUMBER', ['number']);
    });

    it('refuses dates in the future or out of order', async () => {
      await expectRefusal(() => issue(finalFourStar, { decisionDate: addDays(today, 2) }), 'DATE_IN_FUTURE', [
        'decisionDate',
      ]);
      await expectRefusal(() => issue(finalFourStar, { decisionDate: addDays(evaluatedOn, -1) }), 'VALIDATION_FAILED', [
        'decisionDate',
      ]);
      await expectRefusal(() => issue(finalFourStar, { issuedOn: addDays(today, -4) }), 'VALIDATION_FAILED', [
        'issuedOn',
      ]);
    });

    it('refuses a district council’s certificate by a decision dated after the district level was abolished: COUNCIL_LEVEL_ABOLISHED', async () => {
      // Under 148/QĐ-TTg a district council awarded 3★ until 30 Jun 2025; from 1 Jul 2025 it is gone.
      const late = await office.createProduct(producer.id);
      await office.toEvaluation(late.id);
      const district = await office.recordEvaluation(late.id, 3, {
        councilLevel: 'DISTRICT',
        evaluatedOn: '2025-06-17',
      });
      await office.finalise(district.id);
      const { issues } = await expectRefusal(
        () => issue(district.id, { number: 'AG-OCOP-2025-9101', decisionDate: '2025-07-10' }),
        'COUNCIL_LEVEL_ABOLISHED',
        ['decisionDate'],
      );
      expect(issues[0]?.message).toMatch(
        /no district council from 1 Jul 2025 .*decision dated 10 Jul 2025 .*signed by 30 Jun 2025, enter its real date; otherwise .*provincial council \(3–4★\)/,
      );
      const issued = ok<{ issueCertificate: { number: string; issuedOn: string } }>(
        await issue(district.id, { number: 'AG-OCOP-2025-9101', decisionDate: '2025-06-27' }),
      ).issueCertificate;
      expect(issued).toEqual({
        id: expect.any(String),
        number: 'AG-OCOP-2025-9101',
        stars: 3,
        issuedOn: '2025-06-27',
        expiresOn: '2028-06-27',
        status: 'VALID',
      });
    });

    it('issues for 36 months, and a new certificate supersedes the old one in the same transaction', async () => {
      const first = ok<{
        issueCertificate: { number: string; stars: number; issuedOn: string; expiresOn: string; status: string };
      }>(await issue(finalFourStar, { number: 'ag ocop 2026 9001' })).issueCertificate;
      expect(first).toMatchObject({ number: 'AG-OCOP-2026-9001', stars: 4, status: 'VALID' });
      expect(first.expiresOn).toBe(certificateExpiry(first.issuedOn));
      await expectRefusal(() => issue(finalFourStar, { number: 'AG-OCOP-2026-9002' }), 'VALIDATION_FAILED', [
        'evaluationId',
      ]);

      const again = await office.recordEvaluation(product.id, 3);
      await office.finalise(again.id);
      const second = ok<{ issueCertificate: { number: string; stars: number } }>(
        await issue(again.id, { number: 'AG-OCOP-2026-9002', decisionDate: addDays(today, -1) }),
      ).issueCertificate;
      expect(second.stars).toBe(3);
      const check = async (number: string) =>
        ok<{ certificate: { result: string } }>(
          await gql(api, 'query($n: String!) { certificate(number: $n) { result } }', { n: number }),
        ).certificate.result;
      expect(await check('AG-OCOP-2026-9001')).toBe('SUPERSEDED');
      expect(await check('AG-OCOP-2026-9002')).toBe('VALID');
      const published = ok<{ product: { stars: number; certificate: { number: string } } }>(
        await gql(api, 'query($s: String!) { product(slug: $s) { stars certificate { number } } }', {
          s: product.slug,
        }),
      ).product;
      expect(published).toEqual({ stars: 3, certificate: { number: 'AG-OCOP-2026-9002' } });
    });
  });

  describe('concurrent certificates', () => {
    it('never leaves two ISSUED certificates for one product when two are issued at once', async () => {
      const target = await office.createProduct(producer.id);
      await office.toEvaluation(target.id);
      const evaluations: string[] = [];
      for (let i = 0; i < 2; i++) {
        const e = await office.recordEvaluation(target.id, 4);
        await office.finalise(e.id);
        evaluations.push(e.id);
      }
      const results = await Promise.all(
        evaluations.map((evaluationId, i) =>
          office.admin(MUTATIONS.issueCertificate, {
            input: { evaluationId, number: `AG-OCOP-RACE-${i}`, decisionNumber: `${i}/QĐ-UBND`, decisionDate: today },
          }),
        ),
      );
      for (const res of results) {
        if (res.errors) {
          expect(res.errors[0]?.extensions?.code).toBe('VALIDATION_FAILED');
          expect(res.errors[0]?.message).toMatch(/at the same moment/);
        }
      }
      expect(results.some((r) => !r.errors)).toBe(true);
      const rows = await api.orm.em
        .getConnection()
        .execute<{ n: number | string }[]>(
          "select count(*) as n from certificate c join product p on p.id = c.product_id where p.slug = ? and c.status = 'ISSUED'",
          [target.slug],
        );
      expect(Number(rows[0]?.n)).toBe(1);
    });
  });

  describe('revokeCertificate', () => {
    it('needs a reason, and unpublishes the product at once', async () => {
      const other = await office.createProduct(producer.id);
      const { certificate } = await office.publish(other.id);
      const revoke = (reason: string) =>
        office.admin(MUTATIONS.revokeCertificate, { input: { certificateId: certificate.id, reason } });
      await expectRefusal(() => revoke('   '), 'VALIDATION_FAILED', ['reason']);
      expect(
        ok<{ revokeCertificate: { status: string } }>(await revoke('Failed the 2026 quality inspection.'))
          .revokeCertificate.status,
      ).toBe('REVOKED');
      await expectRefusal(() => revoke('Again.'), 'VALIDATION_FAILED', ['certificateId']);
      expect(
        (await gql(api, 'query($s: String!) { product(slug: $s) { slug } }', { s: other.slug })).data?.product,
      ).toBeNull();
    });
  });

  describe('expiringCertificates', () => {
    it('lists certificates valid today that expire within the window, soonest first, from the dates alone', async () => {
      type Page = {
        expiringCertificates: { totalCount: number; nodes: { number: string; expiresOn: string; status: string }[] };
      };
      const within = async (days?: number) =>
        ok<Page>(
          await office.admin(
            'query($d: Int) { expiringCertificates(withinDays: $d, first: 100) { totalCount nodes { number expiresOn status } } }',
            days === undefined ? {} : { d: days },
          ),
        ).expiringCertificates;
      const month = await within();
      const year = await within(365);
      const rows = await api.orm.em
        .getConnection()
        .execute<{ n: number | string }[]>(
          "select count(*) as n from certificate where status = 'ISSUED' and issued_on <= ? and expires_on >= ? and expires_on <= ?",
          [today, today, addDays(today, 30)],
        );
      expect(month.totalCount).toBe(Number(rows[0]?.n));
      expect(year.totalCount).toBeGreaterThan(month.totalCount);
      for (const c of year.nodes) {
        expect(c.status).toBe('VALID');
        expect(c.expiresOn >= today && c.expiresOn <= addDays(today, 365)).toBe(true);
      }
      expect(year.nodes.map((c) => c.expiresOn)).toEqual([...year.nodes.map((c) => c.expiresOn)].sort());
      const error = refused(await office.admin('{ expiringCertificates(withinDays: 400) { totalCount } }'));
      expect(error.extensions.code).toBe('VALIDATION_FAILED');
      expect(error.extensions.issues?.[0]?.field).toBe('withinDays');
    });
  });
});
