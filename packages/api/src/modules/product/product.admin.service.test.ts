import type { SqlEntityManager } from '@mikro-orm/knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../graphql/ids.js';
import { audited } from '../audit/mutation.js';
import { useTestDatabase, sampleProducer, sampleRegion } from '../../test-support/fixtures.js';
import { ProductAdminService } from './product.admin.service.js';
import { Product } from './product.entity.js';

const actor = { tokenId: null, name: 'unit test', role: null };

describe('ProductAdminService', () => {
  let producerId: string;
  const db = useTestDatabase();
  beforeAll(async () => {
    const producer = sampleProducer(db.em, sampleRegion(db.em));
    await db.em.flush();
    producerId = encodeId('Producer', producer.id);
  });

  const run = <T>(work: (service: ProductAdminService) => Promise<T>) =>
    audited(db.em.fork() as SqlEntityManager, actor, 'test', (tx, audit) => work(new ProductAdminService(tx, audit)));
  const input = {
    producerId: '',
    category: 'FOOD' as const,
    nameVi: 'Nước mắm cá cơm Đông Hải 40° đạm',
    nameEn: 'Đông Hải anchovy fish sauce, 40° protein',
    descriptionVi: 'Nước mắm nhĩ ủ chượp 12 tháng.',
  };

  it('creates a product at the IDEA step in the producer’s region, in both languages, with derived search columns', async () => {
    const product = await run((s) => s.create({ ...input, producerId }));
    expect(product).toMatchObject({ slug: 'nuoc-mam-ca-com-dong-hai-40-dam', cycleStage: 'IDEA' });
    expect(product.region.id).toBeGreaterThan(0);
    expect(product.nameFolded).toContain('nuoc mam');
    expect(product.nameFolded).toContain('anchovy');
  });

  it('refuses a duplicate slug and an unknown producer or region, writing nothing', async () => {
    await expect(run((s) => s.create({ ...input, producerId }))).rejects.toMatchObject({ code: 'DUPLICATE_SLUG' });
    await expect(
      run((s) => s.create({ ...input, slug: 'x-y', producerId: encodeId('Producer', 999), regionCode: 'NOPE' })),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ field: 'producerId', code: 'NOT_FOUND' }),
        expect.objectContaining({ field: 'regionCode', code: 'UNKNOWN_REGION' }),
      ],
    });
    expect(await db.em.fork().count(Product, {})).toBe(1);
  });

  it('moves through the cycle step by step and names the allowed steps when out of order', async () => {
    const product = await run((s) => s.create({ ...input, slug: 'cycle-test', producerId }));
    const id = encodeId('Product', product.id);
    await expect(run((s) => s.moveToStage(id, 'EVALUATION'))).rejects.toMatchObject({
      code: 'CYCLE_STEP_OUT_OF_ORDER',
      issues: [{ field: 'cycleStage', message: expect.stringMatching(/only to step 3 \(Receiving business plans\)/) }],
    });
    for (const stage of ['BUSINESS_PLAN', 'PRODUCTION', 'EVALUATION', 'PRODUCTION', 'EVALUATION'] as const) {
      expect((await run((s) => s.moveToStage(id, stage))).cycleStage).toBe(stage);
    }
  });

  it('updates the names without changing the slug', async () => {
    const product = await db.em.fork().findOneOrFail(Product, { slug: 'cycle-test' });
    const updated = await run((s) => s.update(product.id, { nameVi: 'Tên mới', storyEn: 'A story.' }));
    expect(updated).toMatchObject({ slug: 'cycle-test', nameVi: 'Tên mới', storyEn: 'A story.' });
  });
});
