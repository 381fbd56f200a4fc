import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import { dialectOf, PublishedProductQuery } from '../product/product.query.js';
import { Producer } from './producer.entity.js';

/** The public sees a producer only while it has a published product: that is what makes it an OCOP producer. */
export class ProducerService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  private publishedProducerIds() {
    return new PublishedProductQuery(this.em.getKnex(), dialectOf(this.em), this.today, {})
      .base()
      .distinct('p.producer_id');
  }

  async publicIds(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.publishedProducerIds().whereIn('p.producer_id', ids)) as { producer_id: number }[];
    return new Set(rows.map((r) => Number(r.producer_id)));
  }

  async publicBySlug(slug: string): Promise<Producer | null> {
    const producer = await this.em.findOne(Producer, { slug });
    if (!producer) return null;
    return (await this.publicIds([producer.id])).has(producer.id) ? producer : null;
  }
}
