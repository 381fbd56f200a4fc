import type { SqlEntityManager } from '@mikro-orm/knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../graphql/ids.js';
import { audited, Issues } from '../audit/mutation.js';
import { Product } from '../product/product.entity.js';
import { useTestDatabase, sampleProducer, sampleProduct, sampleRegion } from '../../test-support/fixtures.js';
import { checkScoreSheet, EvaluationService, type ScoreSheetValues } from './evaluation.service.js';

const TODAY = '2026-11-29';
const actor = { tokenId: null, name: 'unit test', role: null };
const sheet: ScoreSheetValues = {
  councilLevel: 'PROVINCE',
  criteriaVersion: 'QD148_2023',
  evaluatedOn: '2026-11-20',
  scoreA: 30,
  scoreB: 20,
  scoreC: 25,
};

function check(values: Partial<ScoreSheetValues>) {
  const issues = new Issues();
  const result = checkScoreSheet({ ...sheet, ...values }, TODAY, issues);
  return { result, issues: issues.list };
}

describe('checkScoreSheet', () => {
  it('computes the total and stars itself', () => {
    expect(check({})).toEqual({ result: { total: 75, stars: 4 }, issues: [] });
  });

  it('checks each part against its maximum on the sheet used', () => {
    // 38 is within Part A's 40 under 148/2023 but over its 35 under 1048/2019.
    expect(check({ scoreA: 38 }).issues).toEqual([]);
    const { issues } = check({ scoreA: 38, criteriaVersion: 'QD1048_2019', evaluatedOn: '2022-05-01' });
    expect(issues.map((i) => [i.field, i.code])).toEqual([['scoreA', 'PART_SCORE_OVER_MAXIMUM']]);
  });

  it('reports every bad field at once', () => {
    const { issues } = check({ criteriaVersion: 'QD999', scoreA: -1, scoreC: 12.34, evaluatedOn: '2026-12-01' });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['evaluatedOn', 'DATE_IN_FUTURE'],
      ['criteriaVersion', 'UNKNOWN_CRITERIA_VERSION'],
      ['scoreA', 'SCORE_OUT_OF_RANGE'],
      ['scoreC', 'SCORE_TOO_PRECISE'],
    ]);
  });

  it('refuses a score sheet dated when its criteria version was not in force, naming the one that was', () => {
    const { issues } = check({ criteriaVersion: 'QD148_2023', evaluatedOn: '2022-10-01' });
    expect(issues.map((i) => [i.field, i.code])).toEqual([['criteriaVersion', 'CRITERIA_VERSION_NOT_IN_FORCE']]);
    expect(issues[0]?.message).toMatch(/applies from 24 Feb 2023.*1 Oct 2022.*1048\/2019 sheet \(QD1048_2019\)/);
    expect(check({ criteriaVersion: 'QD1048_2019', evaluatedOn: '2024-03-10' }).issues.map((i) => i.code)).toEqual([
      'CRITERIA_VERSION_NOT_IN_FORCE',
    ]);
    expect(check({ criteriaVersion: 'QD1048_2019', evaluatedOn: '2022-10-01' }).issues).toEqual([]);
  });

  it('lets a council award only the stars the rules of that date allow', () => {
    const fiveStars = { scoreA: 38, scoreB: 24, scoreC: 33 };
    expect(check({ ...fiveStars }).issues.map((i) => i.code)).toEqual(['AWARD_NOT_ALLOWED']);
    expect(check({ ...fiveStars, councilLevel: 'CENTRAL' }).issues).toEqual([]);
    expect(check({ councilLevel: 'DISTRICT' }).issues.map((i) => i.code)).toEqual(['COUNCIL_LEVEL_ABOLISHED']);
    expect(
      check({ councilLevel: 'DISTRICT', evaluatedOn: '2024-03-01', scoreA: 20, scoreB: 15, scoreC: 20 }).issues,
    ).toEqual([]);
  });
});

describe('EvaluationService', () => {
  let product: Product;
  const db = useTestDatabase();
  beforeAll(async () => {
    product = sampleProduct(db.em, sampleProducer(db.em, sampleRegion(db.em)));
    await db.em.flush();
  });

  const run = <T>(work: (service: EvaluationService) => Promise<T>) =>
    audited(db.em.fork() as SqlEntityManager, actor, 'test', (tx, audit) =>
      work(new EvaluationService(tx, audit, TODAY)),
    );
  const input = () => ({ ...sheet, productId: encodeId('Product', product.id) });

  it('records evaluations only at the EVALUATION step', async () => {
    await expect(run((s) => s.record(input()))).rejects.toMatchObject({ code: 'CYCLE_STEP_OUT_OF_ORDER' });
    await db.em.fork().nativeUpdate(Product, { id: product.id }, { cycleStage: 'EVALUATION' });
    const evaluation = await run((s) => s.record(input()));
    expect(evaluation).toMatchObject({ status: 'DRAFT', total: 75, stars: 4 });
  });

  it('corrects drafts, recomputing the stars, and never edits a FINAL evaluation', async () => {
    const evaluation = await run((s) => s.record(input()));
    const corrected = await run((s) => s.update(evaluation.id, { scoreC: 12 }));
    expect(corrected).toMatchObject({ total: 62, stars: 3 });
    await run((s) => s.finalise(evaluation.id, new Date()));
    await expect(run((s) => s.update(evaluation.id, { scoreC: 20 }))).rejects.toMatchObject({
      code: 'EVALUATION_FINALISED',
    });
    await expect(run((s) => s.finalise(evaluation.id, new Date()))).rejects.toMatchObject({
      code: 'EVALUATION_FINALISED',
    });
  });
});
