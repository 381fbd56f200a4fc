import type { SqlEntityManager } from '@mikro-orm/knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { audited } from '../audit/mutation.js';
import { useTestDatabase, sampleRegion } from '../../test-support/fixtures.js';
import type { CreateProducerInput } from './producer.admin.inputs.js';
import { ProducerAdminService } from './producer.admin.service.js';
import { Producer } from './producer.entity.js';

const actor = { tokenId: null, name: 'unit test', role: null };
const input: CreateProducerInput = {
  name: 'Hợp tác xã Nước mắm Đông Hải',
  type: 'COOPERATIVE',
  representative: 'Trần Văn B',
  address: 'Ấp 1, đặc khu Phú Quốc',
  regionCode: 'ag-pq',
  phone: '0000 111 222',
  email: 'dong-hai@example.vn',
};

describe('ProducerAdminService', () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    sampleRegion(db.em);
    await db.em.flush();
  });

  const run = <T>(work: (service: ProducerAdminService) => Promise<T>) =>
    audited(db.em.fork() as SqlEntityManager, actor, 'test', (tx, audit) => work(new ProducerAdminService(tx, audit)));

  it('creates a producer with a slug from its Vietnamese name and audits every field', async () => {
    const producer = await run((s) => s.create(input));
    expect(producer.slug).toBe('hop-tac-xa-nuoc-mam-dong-hai');
    const [entry] = await db.em.fork().find(AuditEntry, { entityType: 'Producer', entityId: producer.id });
    expect(entry?.changes).toMatchObject({
      name: { from: null, to: input.name },
      regionCode: { from: null, to: 'AG-PQ' },
    });
  });

  it('refuses a taken slug with DUPLICATE_SLUG and bad contact details field by field', async () => {
    await expect(run((s) => s.create(input))).rejects.toMatchObject({
      code: 'DUPLICATE_SLUG',
      issues: [{ field: 'slug', message: expect.stringMatching(/already used.*Pass a different `slug`/) }],
    });
    await expect(
      run((s) =>
        s.create({
          ...input,
          slug: 'other',
          phone: 'call me',
          email: 'nobody',
          website: 'ftp://x',
          regionCode: 'XX',
          taxCode: '12',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: ['phone', 'email', 'website', 'taxCode', 'regionCode'].map((field) => expect.objectContaining({ field })),
    });
    expect(await db.em.fork().count(Producer, {})).toBe(1);
  });

  it('takes a tax code written with spaces, as the importer does, and stores it without them', async () => {
    const producer = await run((s) =>
      s.create({ ...input, name: 'Cơ sở Mắm Hàm Ninh', phone: `+0${'1'.repeat(38)}`, taxCode: ' 1700 123 456 - 001 ' }),
    );
    expect(producer.taxCode).toBe('1700123456-001');
    await expect(
      run((s) => s.create({ ...input, name: 'Cơ sở Mắm Cửa Cạn', taxCode: '1700 123 456 - 001 - 9' })),
    ).rejects.toMatchObject({
      issues: [{ field: 'taxCode', message: 'The tax code is 22 characters long; shorten it to at most 20.' }],
    });
  });

  it('stores text in Unicode NFC, as the importer does, whatever form the keyboard typed', async () => {
    const typed = 'Cơ sở Nước mắm Gành Dầu'.normalize('NFD');
    const producer = await run((s) => s.create({ ...input, name: typed, address: ` ${typed} ` }));
    expect(producer.name).toBe('Cơ sở Nước mắm Gành Dầu'.normalize('NFC'));
    expect(producer.address).toBe(producer.name);
  });

  it('updates only the fields given, keeps the slug, and clears optional ones with null', async () => {
    const producer = await run((s) =>
      s.create({ ...input, name: 'Cơ sở Tiêu Hàm Ninh', website: 'https://tieu.example.vn' }),
    );
    const updated = await run((s) =>
      s.update(producer.id, { name: 'Cơ sở Tiêu Hàm Ninh mới', website: null as unknown as string }),
    );
    expect(updated).toMatchObject({ slug: 'co-so-tieu-ham-ninh', name: 'Cơ sở Tiêu Hàm Ninh mới', email: input.email });
    expect(updated.website ?? null).toBeNull();
    const entries = await db.em
      .fork()
      .find(AuditEntry, { entityType: 'Producer', entityId: producer.id }, { orderBy: { id: 'asc' } });
    expect(entries.at(-1)?.changes).toEqual({
      name: { from: 'Cơ sở Tiêu Hàm Ninh', to: 'Cơ sở Tiêu Hàm Ninh mới' },
      website: { from: 'https://tieu.example.vn', to: null },
    });
  });
});
