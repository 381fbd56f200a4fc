import { createHash, randomInt } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { checkQuoteRequest, DomainError, ERROR_CODES, type IsoDate, type QuoteRequestInputValues } from '@ocop/domain';
import { catalogVersion } from '../../cache/catalog-version.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { refusal } from '../audit/mutation.js';
import { Producer } from '../producer/producer.entity.js';
import { Product } from '../product/product.entity.js';
import { ProductService } from '../product/product.service.js';
import { type DeliveryStatus, QuoteRequest } from './quote-request.entity.js';
import { sendQuoteMail } from './quote.mailer.js';

/** Crockford's base32 without I, L, O, U: nothing to misread over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `RQ-${part()}-${part()}`;
}

export interface QuoteTarget {
  productSlug?: string | null;
  producerSlug?: string | null;
}

const HOUR = 3_600_000;

/**
 * Quote requests: checked (@ocop/domain checkQuoteRequest), limited per address, stored with a
 * reference for the buyer, then mailed to the producer when SMTP_URL is set; without it they are
 * kept as NOT_CONFIGURED for the office to pass on. A refused request stores nothing.
 */
export class QuoteRequestService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
    private readonly logger: Logger,
    private readonly today: IsoDate,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(input: QuoteRequestInputValues & QuoteTarget, client: string, lang: 'vi' | 'en'): Promise<QuoteRequest> {
    const checked = checkQuoteRequest(input);
    if (!checked.ok) throw refusal(checked.issues);
    const { product, producer } = await this.target(input);
    const clientKey = createHash('sha256').update(client).digest('hex');
    await this.checkLimit(clientKey);
    const v = checked.value;
    let request: QuoteRequest | undefined;
    for (let attempt = 0; !request; attempt++) {
      const fork = this.em.fork();
      const candidate = fork.create(QuoteRequest, {
        reference: newReference(),
        product: product ?? null,
        producer,
        buyerName: v.name,
        company: v.company,
        country: v.country,
        email: v.email,
        phone: v.phone,
        quantity: v.quantity,
        message: v.message,
        lang,
        consentAt: this.now(),
        clientKey,
        status: this.config.mail.smtpUrl ? 'PENDING' : 'NOT_CONFIGURED',
      });
      try {
        // A quote request is no part of the catalog: every cache stays as it is.
        await catalogVersion.unchangedBy(() => fork.flush());
        request = candidate;
      } catch (error) {
        // Two references alike (one in a billion): draw another.
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= 3) throw error;
      }
    }
    if (this.config.mail.smtpUrl) await this.deliver(request);
    return request;
  }

  /** Mails a stored request to its producer and records the outcome. */
  async deliver(request: QuoteRequest): Promise<DeliveryStatus> {
    if (!this.config.mail.smtpUrl) {
      request.status = 'NOT_CONFIGURED';
      await this.em.fork().nativeUpdate(QuoteRequest, { id: request.id }, { status: request.status });
      return request.status;
    }
    const em = this.em.fork();
    const producer = await em.findOneOrFail(Producer, request.producer.id);
    const product = request.product ? await em.findOne(Product, request.product.id) : null;
    const error = producer.email
      ? await sendQuoteMail(this.config.mail, {
          reference: request.reference,
          to: { name: producer.name, address: producer.email },
          productName: product?.nameVi ?? null,
          productUrl: null,
          producerName: producer.name,
          buyer: {
            name: request.buyerName,
            company: request.company ?? null,
            country: request.country ?? null,
            email: request.email ?? null,
            phone: request.phone ?? null,
            quantity: request.quantity ?? null,
            message: request.message,
            lang: request.lang,
          },
        })
      : 'The producer has no e-mail address in the catalog.';
    request.attempts += 1;
    request.status = error ? 'FAILED' : 'SENT';
    request.deliveredAt = error ? null : this.now();
    request.deliveryError = error;
    await em.nativeUpdate(
      QuoteRequest,
      { id: request.id },
      {
        attempts: request.attempts,
        status: request.status,
        deliveredAt: request.deliveredAt,
        deliveryError: request.deliveryError,
      },
    );
    if (error)
      this.logger.warn({ reference: request.reference, err: { message: error } }, 'quote request not delivered');
    return request.status;
  }

  /** The published product, or the producer of published products, the request is about. */
  private async target(input: QuoteTarget): Promise<{ product?: Product; producer: Producer }> {
    const products = new ProductService(this.em, this.today);
    if (input.productSlug) {
      const view = await products.publishedBySlug(input.productSlug.trim().toLowerCase());
      const product = view ? await this.em.findOne(Product, view.id, { populate: ['producer'] }) : null;
      if (!product) {
        throw refusal([
          {
            field: 'productSlug',
            code: ERROR_CODES.NOT_FOUND,
            message: `No published product has the slug "${input.productSlug.slice(0, 120)}"; send the request from the product's page.`,
          },
        ]);
      }
      return { product, producer: product.producer.getEntity() };
    }
    if (input.producerSlug) {
      const producer = await this.em.findOne(Producer, { slug: input.producerSlug.trim().toLowerCase() });
      if (producer && (await products.byProducer(producer.id, 0, 1)).total > 0) return { producer };
      throw refusal([
        {
          field: 'producerSlug',
          code: ERROR_CODES.NOT_FOUND,
          message: `No producer of published products has the slug "${input.producerSlug.slice(0, 120)}"; send the request from the producer's page.`,
        },
      ]);
    }
    throw refusal([
      {
        field: 'productSlug',
        code: ERROR_CODES.VALIDATION_FAILED,
        message: 'Say whom the request is for: give productSlug (a product) or producerSlug (a producer).',
      },
    ]);
  }

  private async checkLimit(clientKey: string): Promise<void> {
    const { perHour, perDay } = this.config.inquiries;
    const now = this.now().getTime();
    for (const [limit, windowMs, span] of [
      [perHour, HOUR, 'hour'],
      [perDay, 24 * HOUR, 'day'],
    ] as const) {
      if (limit === 0) continue;
      const since = new Date(now - windowMs);
      const recent = await this.em.find(
        QuoteRequest,
        { clientKey, createdAt: { $gte: since } },
        { orderBy: { createdAt: 'asc' }, fields: ['createdAt'], limit },
      );
      if (recent.length < limit) continue;
      const free = Math.max(1, Math.ceil((recent[0]!.createdAt.getTime() + windowMs - now) / 60_000));
      const message = `${limit} quote requests were sent from your address in the last ${span}, the most accepted; try again in ${free} minute${free === 1 ? '' : 's'}, or call the producer (their number is on the page).`;
      throw new DomainError(ERROR_CODES.INQUIRY_LIMIT_REACHED, message, [
        { field: 'email', code: ERROR_CODES.INQUIRY_LIMIT_REACHED, message },
      ]);
    }
  }
}
