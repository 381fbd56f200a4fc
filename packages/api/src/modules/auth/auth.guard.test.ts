import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type AuthContext, requireRole } from './auth.guard.js';

function refusal(ctx: AuthContext, ...roles: Parameters<typeof requireRole>[1][]): GraphQLError {
  try {
    requireRole(ctx, ...roles);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('requireRole', () => {
  const admin = { tokenId: 1, name: 'Office', role: 'ADMIN' as const };
  const evaluator = { tokenId: 2, name: 'Council', role: 'EVALUATOR' as const };

  it('returns the caller when the role fits', () => {
    expect(requireRole({ auth: admin }, 'ADMIN')).toBe(admin);
    expect(requireRole({ auth: evaluator }, 'EVALUATOR', 'ADMIN')).toBe(evaluator);
  });

  it('refuses the public with UNAUTHENTICATED and says how to get a token', () => {
    const error = refusal({ auth: null }, 'ADMIN');
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/Authorization: Bearer <token>/);
    expect(error.message).toMatch(/pnpm ocop token create --role ADMIN --name/);
  });

  it('explains malformed, unknown and revoked tokens', () => {
    expect(refusal({ auth: null, authProblem: 'MALFORMED' }, 'ADMIN').message).toMatch(
      /not of the form "Bearer <token>"/,
    );
    expect(refusal({ auth: null, authProblem: 'UNKNOWN' }, 'ADMIN').message).toMatch(/not known to this server/);
    expect(refusal({ auth: null, authProblem: 'REVOKED' }, 'EVALUATOR', 'ADMIN').message).toMatch(
      /revoked.*role EVALUATOR or ADMIN/,
    );
  });

  it('refuses another role with FORBIDDEN, naming both roles', () => {
    const error = refusal({ auth: evaluator }, 'ADMIN');
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/needs role ADMIN, but the token "Council" has role EVALUATOR/);
  });
});
