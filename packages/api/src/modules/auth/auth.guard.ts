import { ERROR_CODES } from '@ocop/domain';
import { GraphQLError } from 'graphql';
import type { Role } from './api-token.entity.js';
import type { AuthProblem, Caller } from './token.service.js';

/** The part of the request context the guard reads. */
export interface AuthContext {
  auth: Caller | null;
  authProblem?: AuthProblem;
}

function createHint(role: Role): string {
  return `An administrator creates one on the server with: pnpm ocop token create --role ${role} --name "<who holds it>"`;
}

function rolesText(roles: readonly Role[]): string {
  return roles.length === 1 ? `role ${roles[0]}` : `role ${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

/**
 * The caller, when their token has one of `roles`. Otherwise throws UNAUTHENTICATED (no token,
 * a malformed header, an unknown or revoked token) or FORBIDDEN (a valid token with another
 * role), each with a message that says what to send instead. Resolvers call this first.
 * These stay GraphQLErrors, not DomainErrors: who may call is the transport's concern, not a rule
 * of the catalog.
 */
export function requireRole(ctx: AuthContext, ...roles: Role[]): Caller {
  const needed = roles[0] ?? 'ADMIN';
  if (!ctx.auth) {
    const why: Record<AuthProblem | 'MISSING', string> = {
      MISSING: `This operation needs an API token with ${rolesText(roles)}. Send the header "Authorization: Bearer <token>".`,
      MALFORMED:
        'The Authorization header is not of the form "Bearer <token>". Send "Authorization: Bearer ocop_…" with the token exactly as it was printed.',
      UNKNOWN: `The API token sent is not known to this server (mistyped, cut short, or created for another database). This operation needs a token with ${rolesText(roles)}; send "Authorization: Bearer <token>".`,
      REVOKED: `The API token sent has been revoked. Ask for a new token with ${rolesText(roles)} and send it as "Authorization: Bearer <token>".`,
    };
    throw new GraphQLError(`${why[ctx.authProblem ?? 'MISSING']} ${createHint(needed)}.`, {
      extensions: { code: ERROR_CODES.UNAUTHENTICATED },
    });
  }
  if (!roles.includes(ctx.auth.role)) {
    throw new GraphQLError(
      `This operation needs ${rolesText(roles)}, but the token "${ctx.auth.name}" has role ${ctx.auth.role}. Send a token with ${rolesText(roles)}. ${createHint(needed)}.`,
      { extensions: { code: ERROR_CODES.FORBIDDEN } },
    );
  }
  return ctx.auth;
}
