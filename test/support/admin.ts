import { addDays, todayInVietnam } from '@ocop/domain';
import { expect } from 'vitest';
import { MUTATIONS, SCORES } from './mutations.js';
import { bearer, type GraphQLResponse, gql, type TestApi } from './server.js';

export { MUTATIONS, SCORES };

/**
 * Helpers for the admin integration tests: the mutations an office and a council run, with
 * unique names per call so tests can share one database.
 */

export const today = todayInVietnam(new Date());
/** Dates a few days back, inside the rules of Decision 1489/QĐ-TTg (province awards 3–4★). */
export const evaluatedOn = addDays(today, -10);
export const decisionDate = addDays(today, -5);

/** The data of a response that must have succeeded. */
export function ok<T = Record<string, unknown>>(res: GraphQLResponse): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** The first error of a response that must have failed, with its code and issues. */
export function refused(res: GraphQLResponse) {
  expect(res.errors?.length, JSON.stringify(res.data)).toBeGreaterThan(0);
  const error = res.errors?.[0] as {
    message: string;
    extensions: { code: string; issues?: { field: string; code: string; message: string }[] };
  };
  return error;
}

let counter = 0;

/** An office (ADMIN token) and a council (EVALUATOR token) working against one test API. */
export class Office {
  constructor(
    readonly api: TestApi,
    readonly adminToken: string,
    readonly evaluatorToken: string,
  ) {}

  admin(query: string, variables?: Record<string, unknown>) {
    return gql(this.api, query, variables, bearer(this.adminToken));
  }

  council(query: string, variables?: Record<string, unknown>) {
    return gql(this.api, query, variables, bearer(this.evaluatorToken));
  }

  async createProducer(overrides: Record<string, unknown> = {}): Promise<{ id: string; slug: string; name: string }> {
    const n = ++counter;
    const res = await this.admin(MUTATIONS.createProducer, {
      input: {
        name: `Hợp tác xã Thử nghiệm ${n}`,
        type: 'COOPERATIVE',
        representative: 'Nguyễn Văn Thử',
        address: 'Ấp Suối Lớn, đặc khu Phú Quốc',
        regionCode: 'AG-PQ',
        phone: '0000 123 456',
        email: `htx-${n}@example.vn`,
        ...overrides,
      },
    });
    return ok<{ createProducer: { id: string; slug: string; name: string } }>(res).createProducer;
  }

  async createProduct(
    producerId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; slug: string }> {
    const n = ++counter;
    const res = await this.admin(MUTATIONS.createProduct, {
      input: {
        producerId,
        category: 'FOOD',
        nameVi: `Nước mắm thử nghiệm ${n}`,
        nameEn: `Test fish sauce ${n}`,
        descriptionVi: 'Nước mắm cá cơm ủ chượp trong thùng gỗ.',
        descriptionEn: 'Anchovy fish sauce aged in wooden barrels.',
        ...overrides,
      },
    });
    return ok<{ createProduct: { id: string; slug: string } }>(res).createProduct;
  }

  async moveTo(productId: string, ...stages: string[]): Promise<void> {
    for (const cycleStage of stages) {
      ok(await this.admin(MUTATIONS.moveProductToStage, { input: { productId, cycleStage } }));
    }
  }

  /** From IDEA to EVALUATION. */
  toEvaluation(productId: string): Promise<void> {
    return this.moveTo(productId, 'BUSINESS_PLAN', 'PRODUCTION', 'EVALUATION');
  }

  async recordEvaluation(
    productId: string,
    stars: keyof typeof SCORES,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; stars: number; total: number }> {
    const res = await this.council(MUTATIONS.recordEvaluation, {
      input: {
        productId,
        councilLevel: stars === 5 ? 'CENTRAL' : 'PROVINCE',
        criteriaVersion: 'QD148_2023',
        evaluatedOn,
        ...SCORES[stars],
        ...overrides,
      },
    });
    return ok<{ recordEvaluation: { id: string; stars: number; total: number } }>(res).recordEvaluation;
  }

  async finalise(evaluationId: string): Promise<void> {
    ok(await this.council(MUTATIONS.finaliseEvaluation, { id: evaluationId }));
  }

  async issue(evaluationId: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
    const res = await this.admin(MUTATIONS.issueCertificate, {
      input: {
        evaluationId,
        number: `AG-OCOP-TEST-${String(++counter).padStart(4, '0')}`,
        decisionNumber: `${counter}/QĐ-UBND`,
        decisionDate,
        ...overrides,
      },
    });
    return ok<{ issueCertificate: { id: string; number: string } }>(res).issueCertificate;
  }

  /**
   * A FINAL 4★ evaluation and a certificate for each round, in order, each superseding the one
   * before (the product must be at EVALUATION). Dates may lie years back: a round is
   * `[evaluatedOn, decisionDate, criteria version in use that day]`.
   */
  async certifyInRounds(
    productId: string,
    rounds: [evaluatedOn: string, decisionDate: string, criteriaVersion: string][],
  ): Promise<{ id: string; number: string }[]> {
    const certificates: { id: string; number: string }[] = [];
    for (const [evaluatedOn, decision, criteriaVersion] of rounds) {
      const evaluation = await this.recordEvaluation(productId, 4, { evaluatedOn, criteriaVersion });
      await this.finalise(evaluation.id);
      certificates.push(await this.issue(evaluation.id, { decisionDate: decision }));
    }
    return certificates;
  }

  async revoke(certificateId: string, reason = 'Failed a quality inspection.'): Promise<void> {
    ok(await this.admin(MUTATIONS.revokeCertificate, { input: { certificateId, reason } }));
  }

  /** A new producer's new product, published from today (as `publish` does). */
  async publishNewProduct(stars: 3 | 4 | 5 = 4): Promise<{
    product: { id: string; slug: string };
    evaluationId: string;
    certificate: { id: string; number: string };
  }> {
    const producer = await this.createProducer();
    const product = await this.createProduct(producer.id);
    return { product, ...(await this.publish(product.id, stars)) };
  }

  /** Evaluation → FINAL 4★ → certificate: the product is published from today. */
  async publish(
    productId: string,
    stars: 3 | 4 | 5 = 4,
  ): Promise<{ evaluationId: string; certificate: { id: string; number: string } }> {
    await this.toEvaluation(productId);
    const evaluation = await this.recordEvaluation(productId, stars);
    await this.finalise(evaluation.id);
    return { evaluationId: evaluation.id, certificate: await this.issue(evaluation.id) };
  }
}

/** Row counts of every table a mutation may write (and certificates per status), to prove a refused one wrote nothing. */
export async function rowCounts(api: TestApi): Promise<Record<string, number>> {
  const sql = (text: string) => api.orm.em.getConnection().execute<{ n: number | string }[]>(text);
  const counts: Record<string, number> = {};
  for (const table of ['producer', 'product', 'evaluation', 'certificate', 'audit_entry']) {
    counts[table] = Number((await sql(`select count(*) as n from ${table}`))[0]?.n ?? 0);
  }
  for (const status of ['ISSUED', 'SUPERSEDED', 'REVOKED']) {
    counts[status] = Number((await sql(`select count(*) as n from certificate where status = '${status}'`))[0]?.n ?? 0);
  }
  counts.FINAL = Number((await sql(`select count(*) as n from evaluation where status = 'FINAL'`))[0]?.n ?? 0);
  return counts;
}
