import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { ERROR_CODES } from '@ocop/domain';
import {
  type AuditTrail,
  checkSlug,
  checkText,
  diff,
  findRegion,
  flushOrRefuse,
  Issues,
  refusal,
  refuse,
} from '../audit/mutation.js';
import { Region } from '../region/region.entity.js';
import type { CreateProducerInput, UpdateProducerInput } from './producer.admin.inputs.js';
import { Producer } from './producer.entity.js';

const PHONE = /^\+?[0-9][0-9 .()-]{5,38}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const TAX_CODE = /^[0-9]{10}(-[0-9]{3})?$/;

function checkWebsite(issues: Issues, value: string | null | undefined): string | null | undefined {
  const text = checkText(issues, 'website', value, { label: 'The website', max: 500, required: false });
  if (!text) return text;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    issues.add(
      'website',
      ERROR_CODES.VALIDATION_FAILED,
      `"${text.slice(0, 100)}" is not a web address; write it in full, e.g. https://example.vn.`,
    );
    return undefined;
  }
  return text;
}

/** The audited fields of a producer. */
function snapshot(p: Producer, regionCode: string): Record<string, unknown> {
  return {
    slug: p.slug,
    name: p.name,
    type: p.type,
    representative: p.representative,
    address: p.address,
    regionCode,
    phone: p.phone,
    email: p.email,
    website: p.website,
    taxCode: p.taxCode,
  };
}

type Fields = Partial<Omit<Producer, 'region' | 'website' | 'taxCode'>> & {
  region?: Region;
  website?: string | null;
  taxCode?: string | null;
};

/** Creating and updating producers, inside one audited transaction. */
export class ProducerAdminService {
  constructor(
    private readonly tx: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateProducerInput): Promise<Producer> {
    const fields = await this.check(input, undefined);
    const producer = this.tx.create(Producer, {
      slug: fields.slug!,
      name: fields.name!,
      type: fields.type!,
      representative: fields.representative!,
      address: fields.address!,
      region: fields.region!,
      phone: fields.phone!,
      email: fields.email!,
      website: fields.website ?? undefined,
      taxCode: fields.taxCode ?? undefined,
    });
    await flushOrRefuse(this.tx, () => this.duplicate(fields));
    this.audit.record('Producer', producer.id, diff({}, snapshot(producer, fields.region?.code ?? '')));
    return producer;
  }

  async update(id: number, input: UpdateProducerInput): Promise<Producer> {
    const producer = await this.tx.findOne(Producer, id, { populate: ['region'] });
    if (!producer) {
      return refuse(
        'id',
        ERROR_CODES.NOT_FOUND,
        `No producer has the ID given. Use the \`id\` returned by createProducer.`,
      );
    }
    const before = snapshot(producer, producer.region.getEntity().code);
    const fields = await this.check(input, producer);
    this.tx.assign(producer, fields as Partial<Producer>);
    await flushOrRefuse(this.tx, () => this.duplicate(fields));
    const regionCode = fields.region?.code ?? producer.region.getEntity().code;
    this.audit.record('Producer', producer.id, diff(before, snapshot(producer, regionCode)));
    return producer;
  }

  /** Two requests saved the same slug or tax code at the same moment: the later one is refused. */
  private duplicate(fields: Fields) {
    return refusal([
      {
        field: 'slug',
        code: ERROR_CODES.DUPLICATE_SLUG,
        message: `Another producer with the slug "${fields.slug ?? ''}" or the same tax code was saved at the same moment. Check both and try again.`,
      },
    ]);
  }

  /** Every field rule; on update (existing given) fields left out are not checked and not changed. */
  private async check(
    input: CreateProducerInput | UpdateProducerInput,
    existing: Producer | undefined,
  ): Promise<Fields> {
    const issues = new Issues();
    const updating = existing !== undefined;
    const text = (field: 'name' | 'representative' | 'address' | 'phone' | 'email', label: string, max: number) =>
      checkText(issues, field, input[field], { label, max, required: true, absentOk: updating }) ?? undefined;
    const fields: Fields = {
      name: text('name', 'The name', 255),
      representative: text('representative', 'The representative', 255),
      address: text('address', 'The address', 500),
      phone: text('phone', 'The phone number', 40),
      email: text('email', 'The email address', 255),
      website: checkWebsite(issues, input.website),
      taxCode: checkText(issues, 'taxCode', input.taxCode, { label: 'The tax code', max: 14, required: false }),
    };
    if (input.type !== undefined && input.type !== null) fields.type = input.type;
    else if (!updating) issues.add('type', ERROR_CODES.VALIDATION_FAILED, 'The legal form (type) is required.');
    if (fields.phone && !PHONE.test(fields.phone)) {
      issues.add(
        'phone',
        ERROR_CODES.VALIDATION_FAILED,
        `"${fields.phone}" is not a phone number; write digits, e.g. 0297 3846 000 or +84 297 3846 000.`,
      );
    }
    if (fields.email && !EMAIL.test(fields.email)) {
      issues.add(
        'email',
        ERROR_CODES.VALIDATION_FAILED,
        `"${fields.email}" is not an email address; write it as name@example.vn.`,
      );
    }
    if (fields.taxCode && !TAX_CODE.test(fields.taxCode)) {
      issues.add(
        'taxCode',
        ERROR_CODES.VALIDATION_FAILED,
        `"${fields.taxCode}" is not a tax code; it has 10 digits, or 10 digits, a dash and 3 digits (e.g. 1700123456-001).`,
      );
    } else if (fields.taxCode) {
      const holder = await this.tx.findOne(Producer, { taxCode: fields.taxCode, id: { $ne: existing?.id ?? 0 } });
      if (holder) {
        issues.add(
          'taxCode',
          ERROR_CODES.VALIDATION_FAILED,
          `The tax code ${fields.taxCode} already belongs to "${holder.name}" (slug ${holder.slug}); a producer has one tax code and a tax code one producer.`,
        );
      }
    }

    const regionCode = checkText(issues, 'regionCode', input.regionCode, {
      label: 'The region code',
      max: 32,
      required: true,
      absentOk: updating,
    });
    if (regionCode) {
      const region = await findRegion(this.tx, issues, regionCode);
      if (region) fields.region = region;
    }

    const slug = checkSlug(issues, input.slug, updating ? undefined : fields.name);
    if (slug && slug !== existing?.slug) {
      const holder = await this.tx.findOne(Producer, { slug });
      if (holder) {
        issues.add(
          'slug',
          ERROR_CODES.DUPLICATE_SLUG,
          `The slug "${slug}" is already used by the producer "${holder.name}". Pass a different \`slug\`, e.g. "${slug}-${(fields.region?.code ?? 'vn').toLowerCase()}".`,
        );
      } else fields.slug = slug;
    }
    issues.throwIfAny();
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields;
  }
}
