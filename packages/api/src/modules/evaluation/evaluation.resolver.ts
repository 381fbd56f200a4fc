import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadRef } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import { encodeId } from '../../graphql/ids.js';
import { requireId, runMutationAs } from '../audit/mutation.js';
import { requireRole } from '../auth/auth.guard.js';
import { Certificate } from '../certificate/certificate.entity.js';
import type { ProductView } from '../product/product.reader.js';
import { Product } from '../product/product.entity.js';
import { Evaluation } from './evaluation.entity.js';
import { RecordEvaluationInput, UpdateEvaluationInput } from './evaluation.inputs.js';
import { EvaluationService, evaluationsOf } from './evaluation.service.js';
import { EvaluationView } from './evaluation.types.js';

const COUNCIL = ['EVALUATOR', 'ADMIN'] as const;

@Resolver(() => EvaluationView)
export class EvaluationResolver {
  @Query(() => [EvaluationView], {
    description:
      'All evaluations of a product, drafts included, newest first. EVALUATOR or ADMIN only: scores are never public.',
  })
  evaluations(
    @Ctx() ctx: Context,
    @Arg('productId', () => ID, { description: 'The product’s `id`.' }) productId: string,
  ): Promise<Evaluation[]> {
    requireRole(ctx, ...COUNCIL);
    return evaluationsOf(ctx.em, requireId('productId', productId, 'Product'));
  }

  @Mutation(() => EvaluationView, {
    description:
      'Records a council’s score sheet as a DRAFT. The server computes the total and stars and checks that the council level may award them on that date. EVALUATOR or ADMIN.',
  })
  recordEvaluation(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordEvaluationInput, { description: 'The score sheet.' }) input: RecordEvaluationInput,
  ): Promise<Evaluation> {
    return runMutationAs(ctx, COUNCIL, 'recordEvaluation', (tx, audit) =>
      new EvaluationService(tx, audit, ctx.today).record(input),
    );
  }

  @Mutation(() => EvaluationView, {
    description: 'Corrects a DRAFT evaluation; a FINAL one is refused with EVALUATION_FINALISED. EVALUATOR or ADMIN.',
  })
  updateEvaluation(
    @Ctx() ctx: Context,
    // type-graphql lists arguments in reverse order of the parameters: this gives (id, input).
    @Arg('input', () => UpdateEvaluationInput, { description: 'The corrections.' }) input: UpdateEvaluationInput,
    @Arg('id', () => ID, { description: 'The evaluation’s `id`.' }) id: string,
  ): Promise<Evaluation> {
    return runMutationAs(ctx, COUNCIL, 'updateEvaluation', (tx, audit) =>
      new EvaluationService(tx, audit, ctx.today).update(requireId('id', id, 'Evaluation'), input),
    );
  }

  @Mutation(() => EvaluationView, {
    description:
      'Makes a DRAFT evaluation the council’s decision. It is never edited afterwards; certificates are issued from FINAL evaluations. EVALUATOR or ADMIN.',
  })
  finaliseEvaluation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The evaluation’s `id`.' }) id: string,
  ): Promise<Evaluation> {
    return runMutationAs(ctx, COUNCIL, 'finaliseEvaluation', (tx, audit) =>
      new EvaluationService(tx, audit, ctx.today).finalise(requireId('id', id, 'Evaluation'), new Date()),
    );
  }

  @FieldResolver(() => ID, {
    description: 'Opaque ID; pass it to updateEvaluation, finaliseEvaluation or issueCertificate.',
  })
  id(@Root() evaluation: Evaluation): string {
    return encodeId('Evaluation', evaluation.id);
  }

  @FieldResolver(() => Product, { description: 'The product evaluated (published or not).' })
  async product(@Root() evaluation: Evaluation, @Ctx() ctx: Context): Promise<ProductView> {
    return loadRef(ctx.loaders.product, 'Product', evaluation.product, `evaluation ${evaluation.id}`);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'When it was finalised (ISO 8601, UTC); null for a draft.',
  })
  finalisedAt(@Root() evaluation: Evaluation): string | null {
    return evaluation.finalisedAt?.toISOString() ?? null;
  }

  @FieldResolver(() => Certificate, { nullable: true, description: 'The certificate issued from it, if any.' })
  certificate(@Root() evaluation: Evaluation, @Ctx() ctx: Context): Promise<Certificate | null> {
    return ctx.em.findOne(Certificate, { evaluation: evaluation.id });
  }
}
