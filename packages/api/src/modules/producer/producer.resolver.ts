import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { loadRef } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { encodeId } from '../../graphql/ids.js';
import { type ConnectionShape, pageWindow, toConnection } from '../../graphql/pagination.js';
import { ConnectionArgs } from '../product/product.resolver.js';
import type { ProductView } from '../product/product.reader.js';
import { ProductService } from '../product/product.service.js';
import { ProductConnection } from '../product/product.types.js';
import { Region } from '../region/region.entity.js';
import type { RegionView } from '../region/region.reader.js';
import { Producer } from './producer.entity.js';
import type { ProducerView } from './producer.reader.js';
import { ProducerService } from './producer.service.js';

@Resolver(() => Producer)
export class ProducerResolver {
  @Query(() => Producer, {
    nullable: true,
    description: 'A producer by slug, when it has at least one published product; null otherwise.',
  })
  producer(@Ctx() ctx: Context, @Arg('slug', () => String, { description: 'The producer’s slug.' }) slug: string) {
    return new ProducerService(ctx.em, ctx.today).publicBySlug(slug.trim().toLowerCase());
  }

  @FieldResolver(() => ID, { description: 'Opaque global ID (Relay).' })
  id(@Root() producer: ProducerView): string {
    return encodeId('Producer', producer.id);
  }

  @FieldResolver(() => Region, { description: 'Where the producer is based.' })
  async region(@Root() producer: ProducerView, @Ctx() ctx: Context): Promise<RegionView> {
    return loadRef(ctx.loaders.region, 'Region', producer.region, `producer ${producer.id}`);
  }

  @FieldResolver(() => ProductConnection, { description: 'The producer’s published products, in name order.' })
  async products(
    @Root() producer: ProducerView,
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
  ): Promise<ConnectionShape<ProductView>> {
    const service = new ProductService(ctx.em, ctx.today);
    const ordering = `PRODUCER:${producer.id}`;
    const { total } = await service.byProducer(producer.id, 0, 0);
    return toConnection(
      pageWindow(args, ordering, total),
      ordering,
      total,
      async (window) => (await service.byProducer(producer.id, window.offset, window.limit)).items,
    );
  }
}
