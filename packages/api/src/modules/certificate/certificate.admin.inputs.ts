import { Field, ID, InputType } from 'type-graphql';
import type { Certificate } from './certificate.entity.js';

@InputType({
  description:
    'A certificate issued from a FINAL evaluation of 3★ or more. Stars and issuing level come from the evaluation; the expiry date is computed (36 months).',
})
export class IssueCertificateInput implements Partial<Certificate> {
  @Field(() => ID, { description: 'The FINAL evaluation it certifies (its `id`).' })
  evaluationId!: string;

  @Field(() => String, {
    description:
      'Certificate number as printed; normalised (case, spaces, dashes) and unique, e.g. "AG-OCOP-2026-0101".',
  })
  number!: string;

  @Field(() => String, { description: 'Number of the issuing decision, e.g. "2345/QĐ-UBND".' })
  decisionNumber!: string;

  @Field(() => String, {
    description: 'Date of the issuing decision, YYYY-MM-DD; not before the evaluation, not in the future.',
  })
  decisionDate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Issue date, YYYY-MM-DD; the decision date when left out. Not before the decision, not in the future.',
  })
  issuedOn?: string;
}

@InputType({ description: 'Withdraws a certificate; the product leaves the public catalog at once.' })
export class RevokeCertificateInput implements Partial<Certificate> {
  @Field(() => ID, { description: 'The certificate’s `id`.' })
  certificateId!: string;

  @Field(() => String, {
    description: 'Why it is revoked (kept for officials; never shown to the public).',
  })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Date of revocation, YYYY-MM-DD; today when left out.' })
  revokedOn?: string;
}
