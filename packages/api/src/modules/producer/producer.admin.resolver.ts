import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireId, runMutationAs } from '../audit/mutation.js';
import { CreateProducerInput, UpdateProducerInput } from './producer.admin.inputs.js';
import { ProducerAdminService } from './producer.admin.service.js';
import { Producer } from './producer.entity.js';

@Resolver()
export class ProducerAdminResolver {
  @Mutation(() => Producer, {
    description:
      'Registers a producer (ADMIN). It stays out of the public catalog until one of its products holds a valid certificate.',
  })
  createProducer(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateProducerInput, { description: 'The new producer.' }) input: CreateProducerInput,
  ): Promise<Producer> {
    return runMutationAs(ctx, ['ADMIN'], 'createProducer', (tx, audit) =>
      new ProducerAdminService(tx, audit).create(input),
    );
  }

  @Mutation(() => Producer, { description: 'Changes a producer’s details (ADMIN).' })
  updateProducer(
    @Ctx() ctx: Context,
    // type-graphql lists arguments in reverse order of the parameters: this gives (id, input).
    @Arg('input', () => UpdateProducerInput, { description: 'The changes.' }) input: UpdateProducerInput,
    @Arg('id', () => ID, { description: 'The producer’s `id`.' }) id: string,
  ): Promise<Producer> {
    return runMutationAs(ctx, ['ADMIN'], 'updateProducer', (tx, audit) =>
      new ProducerAdminService(tx, audit).update(requireId('id', id, 'Producer'), input),
    );
  }
}
