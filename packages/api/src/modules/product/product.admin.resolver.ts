import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireId, runMutationAs } from '../audit/mutation.js';
import { CreateProductInput, MoveProductToStageInput, UpdateProductInput } from './product.admin.inputs.js';
import { ProductAdminService } from './product.admin.service.js';
import { Product } from './product.entity.js';

@Resolver()
export class ProductAdminResolver {
  @Mutation(() => Product, {
    description:
      'Adds a product at step 2 of the OCOP cycle (IDEA), in Vietnamese and optionally English (ADMIN). It is not published until it holds a valid certificate of 3★ or more.',
  })
  createProduct(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateProductInput, { description: 'The new product.' }) input: CreateProductInput,
  ): Promise<Product> {
    return runMutationAs(ctx, ['ADMIN'], 'createProduct', (tx, audit) =>
      new ProductAdminService(tx, audit).create(input),
    );
  }

  @Mutation(() => Product, { description: 'Changes a product’s details (ADMIN). The slug changes only when given.' })
  updateProduct(
    @Ctx() ctx: Context,
    // type-graphql lists arguments in reverse order of the parameters: this gives (id, input).
    @Arg('input', () => UpdateProductInput, { description: 'The changes.' }) input: UpdateProductInput,
    @Arg('id', () => ID, { description: 'The product’s `id`.' }) id: string,
  ): Promise<Product> {
    return runMutationAs(ctx, ['ADMIN'], 'updateProduct', (tx, audit) =>
      new ProductAdminService(tx, audit).update(requireId('id', id, 'Product'), input),
    );
  }

  @Mutation(() => Product, {
    description:
      'Moves a product one step through the six-step OCOP cycle (ADMIN). A step out of order is refused with CYCLE_STEP_OUT_OF_ORDER naming the steps allowed.',
  })
  moveProductToStage(
    @Ctx() ctx: Context,
    @Arg('input', () => MoveProductToStageInput, { description: 'The product and the step.' })
    input: MoveProductToStageInput,
  ): Promise<Product> {
    return runMutationAs(ctx, ['ADMIN'], 'moveProductToStage', (tx, audit) =>
      new ProductAdminService(tx, audit).moveToStage(input.productId, input.cycleStage),
    );
  }
}
