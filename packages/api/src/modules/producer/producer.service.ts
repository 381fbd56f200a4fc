import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { IsoDate } from '@ocop/domain';
import { type ProducerView, producerBySlug, producersByIds, publishedProducerIds } from './producer.reader.js';

/** The public sees a producer only while it has a published product: that is what makes it an OCOP producer. */
export class ProducerService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: IsoDate,
  ) {}

  publicIds(ids: number[]): Promise<Set<number>> {
    return publishedProducerIds(this.em, this.today, ids);
  }

  async publicBySlug(slug: string): Promise<ProducerView | null> {
    const producer = await producerBySlug(this.em, slug);
    if (!producer) return null;
    return (await this.publicIds([producer.id])).has(producer.id) ? producer : null;
  }

  /** Producers by id, public or not, in the order asked (for the loaders: callers decide what the public sees). */
  byIds(ids: readonly number[]): Promise<(ProducerView | undefined)[]> {
    return producersByIds(this.em, ids);
  }
}
