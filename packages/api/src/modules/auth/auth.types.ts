import { registerEnumType } from 'type-graphql';

export const RoleEnum = { ADMIN: 'ADMIN', EVALUATOR: 'EVALUATOR', PARTNER: 'PARTNER' } as const;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an API token may do. The public needs no token and reads published data only.',
  valuesConfig: {
    ADMIN: {
      description: 'Provincial OCOP office: producers, products, the OCOP cycle, certificates and the audit log.',
    },
    EVALUATOR: { description: 'Evaluation council member: records, corrects and finalises evaluations.' },
    PARTNER: {
      description:
        'Partner app (portal, marketplace, tourism app): reads what the public reads, with an allowance of its own. Never writes.',
    },
  },
});
