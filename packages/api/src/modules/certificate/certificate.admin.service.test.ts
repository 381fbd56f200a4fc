import type { SqlEntityManager } from '@mikro-orm/knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../graphql/ids.js';
import { audited } from '../audit/mutation.js';
import { Evaluation } from '../evaluation/evaluation.entity.js';
import type { Product } from '../product/product.entity.js';
import { CertificateAdminService, ExpiringCertificates } from './certificate.admin.service.js';
import { Certificate } from './certificate.entity.js';
import { useTestDatabase, sampleProducer, sampleProduct, sampleRegion } from '../../test-support/fixtures.js';

const TODAY = '2026-11-29';
const actor = { tokenId: null, name: 'unit test', role: null };

describe('CertificateAdminService', () => {
  let product: Product;
  const db = useTestDatabase();
  beforeAll(async () => {
    const producer = sampleProducer(db.em, sampleRegion(db.em, 'AG'));
    product = sampleProduct(db.em, producer, { slug: 'tieu-test', nameVi: 'Tiêu test', cycleStage: 'EVALUATION' });
    await db.em.flush();
  });

  async function evaluation(scores: [number, number, number], status: 'DRAFT' | 'FINAL', evaluatedOn = '2026-10-01') {
    const fork = db.em.fork();
    const total = scores[0] + scores[1] + scores[2];
    const stars = total >= 90 ? 5 : total >= 70 ? 4 : total >= 50 ? 3 : total >= 30 ? 2 : 1;
    const e = fork.create(Evaluation, {
      product: product.id,
      councilLevel: 'PROVINCE',
      criteriaVersion: 'QD148_2023',
      evaluatedOn,
      scoreA: scores[0],
      scoreB: scores[1],
      scoreC: scores[2],
      total,
      stars: stars as 1 | 2 | 3 | 4 | 5,
      status,
    });
    await fork.flush();
    return encodeId('Evaluation', e.id);
  }

  const run = <T>(work: (service: CertificateAdminService) => Promise<T>) =>
    audited(db.em.fork() as SqlEntityManager, actor, 'test', (tx, audit) =>
      work(new CertificateAdminService(tx, audit, TODAY)),
    );
  const issue = (evaluationId: string, number: string, decisionDate = '2026-10-15') =>
    run((s) => s.issue({ evaluationId, number, decisionNumber: '1/QĐ-UBND', decisionDate }));

  it('issues from a FINAL evaluation of 3★ or more, with a normalised number and a 36-month expiry', async () => {
    const certificate = await issue(await evaluation([30, 20, 25], 'FINAL'), ' ag ocop 2026 0001 ');
    expect(certificate).toMatchObject({
      number: 'AG-OCOP-2026-0001',
      stars: 4,
      issuingLevel: 'PROVINCE',
      issuedOn: '2026-10-15',
      expiresOn: '2029-10-15',
      status: 'ISSUED',
    });
  });

  it('refuses drafts, 1–2★ results, reused evaluations, taken numbers and dates out of order', async () => {
    await expect(issue(await evaluation([30, 20, 25], 'DRAFT'), 'AG-OCOP-2026-0002')).rejects.toMatchObject({
      code: 'EVALUATION_NOT_FINAL',
    });
    await expect(issue(await evaluation([15, 10, 10], 'FINAL'), 'AG-OCOP-2026-0003')).rejects.toMatchObject({
      code: 'STARS_NOT_CERTIFIABLE',
    });
    const fresh = await evaluation([30, 20, 25], 'FINAL');
    await expect(issue(fresh, 'AG-OCOP-2026-0001')).rejects.toMatchObject({ code: 'DUPLICATE_CERTIFICATE_NUMBER' });
    await expect(issue(fresh, '<script>')).rejects.toMatchObject({ code: 'INVALID_CERTIFICATE_NUMBER' });
    await expect(issue(fresh, 'AG-OCOP-2026-0004', '2026-09-01')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { field: 'decisionDate', message: expect.stringMatching(/before the evaluation/) },
        { field: 'issuedOn', message: expect.stringMatching(/cannot predate the one it replaces/) },
      ],
    });
    await expect(issue(fresh, 'AG-OCOP-2026-0004', '2026-12-01')).rejects.toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(await db.em.fork().count(Certificate, {})).toBe(1);
  });

  it('supersedes the product’s current certificate, and revokes with a reason', async () => {
    const renewed = await issue(
      await evaluation([32, 22, 26], 'FINAL', '2026-11-01'),
      'AG-OCOP-2026-0005',
      '2026-11-10',
    );
    const all = await db.em.fork().find(Certificate, {}, { orderBy: { id: 'asc' } });
    expect(all.map((c) => [c.number, c.status])).toEqual([
      ['AG-OCOP-2026-0001', 'SUPERSEDED'],
      ['AG-OCOP-2026-0005', 'ISSUED'],
    ]);
    await expect(
      run((s) => s.revoke({ certificateId: encodeId('Certificate', renewed.id), reason: '  ' })),
    ).rejects.toMatchObject({ issues: [{ field: 'reason' }] });
    const revoked = await run((s) =>
      s.revoke({ certificateId: encodeId('Certificate', renewed.id), reason: 'Failed a quality inspection.' }),
    );
    expect(revoked).toMatchObject({
      status: 'REVOKED',
      revokedOn: TODAY,
      revocationReason: 'Failed a quality inspection.',
    });
    await expect(
      run((s) => s.revoke({ certificateId: encodeId('Certificate', renewed.id), reason: 'Again.' })),
    ).rejects.toThrow(/only an ISSUED certificate/);
  });

  it('finds certificates expiring within a window, from the dates alone', async () => {
    const fork = db.em.fork();
    const e = await evaluation([30, 20, 25], 'FINAL', '2023-10-01');
    await issue(e, 'AG-OCOP-2023-0009', '2023-12-20');
    const expiring = new ExpiringCertificates(fork as SqlEntityManager, TODAY);
    // Issued 2023-12-20 → valid through 2026-12-20: 21 days after today.
    expect(await expiring.count(20)).toBe(0);
    expect(await expiring.count(21)).toBe(1);
    expect((await expiring.list(30, 0, 10)).map((c) => c.expiresOn)).toEqual(['2026-12-20']);
    expect(await new ExpiringCertificates(fork as SqlEntityManager, '2026-12-21').count(30)).toBe(0);
  });
});
