import { describedEnum } from '../../graphql/enums.js';
import type { Role } from './api-token.entity.js';

export const RoleEnum = describedEnum<Role>(
  'Role',
  'What an API token may do. The public needs no token and reads published data only.',
  {
    ADMIN: 'Provincial OCOP office: producers, products, the OCOP cycle, certificates and the audit log.',
    EVALUATOR: 'Evaluation council member: records, corrects and finalises evaluations.',
    PARTNER:
      'Partner app (portal, marketplace, tourism app): reads what the public reads, with an allowance of its own. Never writes.',
  },
);
