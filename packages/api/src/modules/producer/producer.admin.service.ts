import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { checkEmail, checkPhone, checkTaxCode, checkWebsite, ERROR_CODES, PRODUCER_FIELDS } from '@ocop/domain';
import {
  type AuditTrail,
  checkRegionCode,
  checkSlug,
  checkText,
  diff,
  flushOrRefuse,
  Issues,
  refusal,
  refuse,
  withoutUndefined,
} from '../audit/mutation.js';
import { Region } from '../region/region.entity.js';
import type { CreateProducerInput, UpdateProducerInput } from './producer.admin.inputs.js';
import { Producer } from './producer.entity.js';
import { producerAudit, producerRow, type ProducerValues } from './producer.row.js';

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
    // check() refused the input unless every required field is there.
    const producer = this.tx.create(Producer, producerRow(fields as ProducerValues, fields.region!));
    await flushOrRefuse(this.tx, () => this.duplicate(fields));
    this.audit.record('Producer', producer.id, diff({}, producerAudit(producer, fields.region?.code ?? '')));
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
    const before = producerAudit(producer, producer.region.getEntity().code);
    const fields = await this.check(input, producer);
    this.tx.assign(producer, fields as Partial<Producer>);
    await flushOrRefuse(this.tx, () => this.duplicate(fields));
    const regionCode = fields.region?.code ?? producer.region.getEntity().code;
    this.audit.record('Producer', producer.id, diff(before, producerAudit(producer, regionCode)));
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
    const required = { required: true, absentOk: updating };
    const optional = { required: false };
    const fields: Fields = {
      name: checkText(issues, 'name', input.name, { ...PRODUCER_FIELDS.name, ...required }) ?? undefined,
      representative:
        checkText(issues, 'representative', input.representative, { ...PRODUCER_FIELDS.representative, ...required }) ??
        undefined,
      address: checkText(issues, 'address', input.address, { ...PRODUCER_FIELDS.address, ...required }) ?? undefined,
      phone:
        checkText(issues, 'phone', input.phone, { ...PRODUCER_FIELDS.phone, ...required }, checkPhone) ?? undefined,
      email:
        checkText(issues, 'email', input.email, { ...PRODUCER_FIELDS.email, ...required }, checkEmail) ?? undefined,
      website: checkText(issues, 'website', input.website, { ...PRODUCER_FIELDS.website, ...optional }, checkWebsite),
      taxCode: checkText(issues, 'taxCode', input.taxCode, { ...PRODUCER_FIELDS.taxCode, ...optional }, checkTaxCode),
    };
    if (input.type !== undefined && input.type !== null) fields.type = input.type;
    else if (!updating) issues.add('type', ERROR_CODES.VALIDATION_FAILED, 'The legal form (type) is required.');
    if (fields.taxCode) {
      const holder = await this.tx.findOne(Producer, { taxCode: fields.taxCode, id: { $ne: existing?.id ?? 0 } });
      if (holder) {
        issues.add(
          'taxCode',
          ERROR_CODES.VALIDATION_FAILED,
          `The tax code ${fields.taxCode} already belongs to "${holder.name}" (slug ${holder.slug}); a producer has one tax code and a tax code one producer.`,
        );
      }
    }

    const region = await checkRegionCode(this.tx, issues, input.regionCode, required);
    if (region) fields.region = region;

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
    return withoutUndefined(fields);
  }
}
