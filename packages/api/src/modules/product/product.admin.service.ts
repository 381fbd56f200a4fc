import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  type CycleStage,
  checkCycleTransition,
  checkImageUrl,
  checkTrade,
  ERROR_CODES,
  isTradeEmpty,
  PRODUCT_FIELDS,
  PRODUCT_IMAGE_FIELDS,
} from '@ocop/domain';
import {
  type AuditTrail,
  checkId,
  checkRegionCode,
  checkSlug,
  checkText,
  diff,
  findById,
  flushOrRefuse,
  Issues,
  refusal,
  refuse,
  withoutUndefined,
} from '../audit/mutation.js';
import { Producer } from '../producer/producer.entity.js';
import { Region } from '../region/region.entity.js';
import type { CreateProductInput, ProductImageInput, UpdateProductInput } from './product.admin.inputs.js';
import { Product, type ProductImage } from './product.entity.js';
import { productAudit, productRow, type ProductValues } from './product.row.js';

export const MAX_IMAGES = 12;

/** The audited fields of a product. */
function snapshot(p: Product, regionCode: string): Record<string, unknown> {
  return productAudit(p, regionCode, p.producer.id);
}

function checkImages(
  issues: Issues,
  images: ProductImageInput[] | null | undefined,
  current: ProductImage[] = [],
): ProductImage[] | undefined {
  if (images === undefined || images === null) return images === null ? [] : undefined;
  if (images.length > MAX_IMAGES) {
    issues.add(
      'images',
      ERROR_CODES.VALIDATION_FAILED,
      `${images.length} photos were sent; a product shows at most ${MAX_IMAGES}. Keep the best ones.`,
    );
    return undefined;
  }
  return images.map((image, i) => {
    const field = `images.${i}`;
    const urlLabel = `Photo ${i + 1}'s url`;
    const url = checkText(
      issues,
      `${field}.url`,
      image.url,
      { label: urlLabel, max: PRODUCT_IMAGE_FIELDS.url.max, required: true },
      (text) => checkImageUrl(text, urlLabel),
    );
    const altVi = checkText(issues, `${field}.altVi`, image.altVi, {
      label: `Photo ${i + 1}'s Vietnamese text alternative`,
      max: PRODUCT_IMAGE_FIELDS.altVi.max,
      required: true,
    });
    const altEn = checkText(issues, `${field}.altEn`, image.altEn, {
      label: `Photo ${i + 1}'s English text alternative`,
      max: PRODUCT_IMAGE_FIELDS.altEn.max,
      required: false,
    });
    // A photo the catalog stores keeps its size and copies when sent back by its url.
    const stored = current.find((c) => c.url === url && c.widths);
    const size = stored ? { width: stored.width, height: stored.height, widths: stored.widths } : {};
    return { url: url ?? '', altVi: altVi ?? '', ...(altEn ? { altEn } : {}), ...size };
  });
}

type Fields = Partial<
  Omit<Product, 'producer' | 'region' | 'nameEn' | 'descriptionEn' | 'storyVi' | 'storyEn' | 'trade'>
> & {
  trade?: Product['trade'];
  producer?: Producer;
  region?: Region;
  nameEn?: string | null;
  descriptionEn?: string | null;
  storyVi?: string | null;
  storyEn?: string | null;
};

/** Creating and updating products and moving them through the OCOP cycle, inside one audited transaction. */
export class ProductAdminService {
  constructor(
    private readonly tx: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: CreateProductInput): Promise<Product> {
    const fields = await this.check(input, undefined);
    const region = fields.region ?? (fields.producer?.region.getEntity() as Region);
    // check() refused the input unless every required field is there.
    const values = { images: [], ...fields, cycleStage: 'IDEA' } as ProductValues;
    const product = this.tx.create(Product, productRow(values, region, fields.producer!));
    await flushOrRefuse(this.tx, () => this.duplicate(fields.slug));
    this.audit.record('Product', product.id, diff({}, snapshot(product, region.code)));
    return product;
  }

  async update(id: number, input: UpdateProductInput): Promise<Product> {
    const product = await this.load(id, 'id');
    const before = snapshot(product, product.region.getEntity().code);
    const fields = await this.check(input, product);
    this.tx.assign(product, fields as Partial<Product>);
    await flushOrRefuse(this.tx, () => this.duplicate(fields.slug));
    const regionCode = fields.region?.code ?? product.region.getEntity().code;
    this.audit.record('Product', product.id, diff(before, snapshot(product, regionCode)));
    return product;
  }

  /** One step of the cycle: the next step, or one of the two loops back (see checkCycleTransition). */
  async moveToStage(productId: string, stage: CycleStage): Promise<Product> {
    const issues = new Issues();
    const id = checkId(issues, 'productId', productId, 'Product');
    issues.throwIfAny();
    const product = await this.load(id as number, 'productId');
    const from = product.cycleStage;
    const move = checkCycleTransition(from, stage);
    if (!move.ok) throw refusal([move.issue]);
    product.cycleStage = stage;
    this.audit.record('Product', product.id, { cycleStage: { from, to: stage } });
    return product;
  }

  private async load(id: number, field: string): Promise<Product> {
    const product = await this.tx.findOne(Product, id, { populate: ['region'] });
    if (!product) {
      return refuse(
        field,
        ERROR_CODES.NOT_FOUND,
        'No product has the ID given. Use the `id` returned by createProduct.',
      );
    }
    return product;
  }

  /** Two requests saved the same slug at the same moment: the later one is refused. */
  private duplicate(slug: string | undefined) {
    return refusal([
      {
        field: 'slug',
        code: ERROR_CODES.DUPLICATE_SLUG,
        message: `Another product was saved with the slug "${slug ?? ''}" at the same moment; pass a different \`slug\`.`,
      },
    ]);
  }

  /** Every field rule; on update (existing given) fields left out are not checked and not changed. */
  private async check(input: CreateProductInput | UpdateProductInput, existing: Product | undefined): Promise<Fields> {
    const issues = new Issues();
    const updating = existing !== undefined;
    const required = (field: 'nameVi' | 'descriptionVi') =>
      checkText(issues, field, input[field], { ...PRODUCT_FIELDS[field], required: true, absentOk: updating }) ??
      undefined;
    const optional = (field: 'nameEn' | 'descriptionEn' | 'storyVi' | 'storyEn') =>
      checkText(issues, field, input[field], { ...PRODUCT_FIELDS[field], required: false });
    const fields: Fields = {
      nameVi: required('nameVi'),
      nameEn: optional('nameEn'),
      descriptionVi: required('descriptionVi'),
      descriptionEn: optional('descriptionEn'),
      storyVi: optional('storyVi'),
      storyEn: optional('storyEn'),
      images: checkImages(issues, input.images, existing?.images),
    };
    if (input.trade !== undefined && input.trade !== null) {
      const checked = checkTrade(input.trade, existing?.trade);
      issues.push(...checked.issues);
      fields.trade = isTradeEmpty(checked.trade) ? null : checked.trade;
    }
    if (input.category !== undefined && input.category !== null) fields.category = input.category;
    else if (!updating)
      issues.add('category', ERROR_CODES.VALIDATION_FAILED, 'The product group (category) is required.');

    if (input.producerId !== undefined && input.producerId !== null) {
      const producer = await findById(
        issues,
        'producerId',
        input.producerId,
        'Producer',
        (id) => this.tx.findOne(Producer, id, { populate: ['region'] }),
        'No producer has this ID. Use the `id` returned by createProducer.',
      );
      if (producer) fields.producer = producer;
    } else if (!updating) {
      issues.add('producerId', ERROR_CODES.VALIDATION_FAILED, 'The producer (producerId) is required.');
    }

    const region = await checkRegionCode(this.tx, issues, input.regionCode, { required: false });
    if (region) fields.region = region;

    const slug = checkSlug(issues, input.slug, updating ? undefined : fields.nameVi);
    if (slug && slug !== existing?.slug) {
      const holder = await this.tx.findOne(Product, { slug });
      if (holder) {
        const producerSlug = fields.producer?.slug;
        issues.add(
          'slug',
          ERROR_CODES.DUPLICATE_SLUG,
          `The slug "${slug}" is already used by the product "${holder.nameVi}". Pass a different \`slug\`${producerSlug ? `, e.g. "${slug}-${producerSlug}"` : ''}, or name the product more precisely.`,
        );
      } else fields.slug = slug;
    }
    issues.throwIfAny();
    return withoutUndefined(fields);
  }
}
