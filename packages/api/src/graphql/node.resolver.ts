import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { CertificateService } from '../modules/certificate/certificate.service.js';
import { ProducerService } from '../modules/producer/producer.service.js';
import type { Context } from './context.js';
import { fromGlobalId } from './ids.js';
import { Node } from './node.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its global ID (Relay). Null when it does not exist or the public may not see it (e.g. an unpublished product).',
  })
  async node(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'A global ID from an `id` field.' }) id: string) {
    const { type, id: key } = fromGlobalId(id);
    switch (type) {
      case 'Product':
        return (await ctx.loaders.productPublished.load(key)) ? ((await ctx.loaders.product.load(key)) ?? null) : null;
      case 'Producer': {
        const visible = await new ProducerService(ctx.em, ctx.today).publicIds([key]);
        return visible.has(key) ? ((await ctx.loaders.producer.load(key)) ?? null) : null;
      }
      case 'Region':
        return (await ctx.loaders.region.load(key)) ?? null;
      case 'Certificate':
        return new CertificateService(ctx.em, ctx.today).byId(key);
    }
  }
}
