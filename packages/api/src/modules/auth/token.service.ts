import { createHash, randomBytes } from 'node:crypto';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { DomainError, ERROR_CODES, type IsoDate } from '@ocop/domain';
import { type Actor, audited, Issues } from '../audit/mutation.js';
import { ApiToken, isRole, ROLES, type Role } from './api-token.entity.js';

/** Every token starts with this, so a leaked one is easy to recognise (and to grep for). */
export const TOKEN_PREFIX = 'ocop_';
const TOKEN_BYTES = 32;
/** `ocop_` + 43 base64url characters (32 random bytes). */
const TOKEN_SHAPE = /^ocop_[A-Za-z0-9_-]{43}$/;

/** What each role is for, as error messages explain it. */
export const ROLE_HELP = `${ROLES[0]} (provincial OCOP office: producers, products, certificates, audit log), ${ROLES[1]} (council member: records evaluations) or ${ROLES[2]} (a partner app: public reads with its own allowance)`;

/** The holder of a valid token, as resolvers and the audit log see it. */
export interface Caller {
  tokenId: number;
  name: string;
  role: Role;
  /** A partner key's own allowance, units a minute (null: the default partner allowance). */
  quotaPerMinute?: number | null;
}

/** Largest allowance a partner key may be given, units a minute. */
export const MAX_PARTNER_QUOTA = 1_000_000;

/** Why a token that was sent was not accepted. */
export type AuthProblem = 'MALFORMED' | 'UNKNOWN' | 'REVOKED';

export interface Authentication {
  auth: Caller | null;
  authProblem?: AuthProblem;
  /** When the token was revoked, for the message. */
  revokedAt?: Date;
}

/** A new random token: 32 bytes from the OS's CSPRNG, base64url, with the `ocop_` prefix. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What is stored instead of the token: its SHA-256, in lowercase hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token in `Authorization: Bearer <token>`; null when no header was sent; 'MALFORMED' otherwise. */
export function bearerToken(header: string | undefined): string | null | 'MALFORMED' {
  if (header === undefined || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return match?.[1] ?? 'MALFORMED';
}

/** Creates, lists, revokes and checks API tokens. The token itself is never stored or logged. */
export class TokenService {
  constructor(private readonly em: EntityManager) {}

  /** Checks the Authorization header of a request; a token that fails is reported, never thrown. */
  async authenticate(header: string | undefined): Promise<Authentication> {
    const token = bearerToken(header);
    if (token === null) return { auth: null };
    if (token === 'MALFORMED' || !TOKEN_SHAPE.test(token)) {
      return { auth: null, authProblem: token === 'MALFORMED' ? 'MALFORMED' : 'UNKNOWN' };
    }
    // A plain read: when the token was last used is recorded off the request's path (token-usage.ts).
    const [record] = await this.em.getConnection().execute<
      {
        id: number;
        name: string;
        role: Role;
        revoked_at: string | Date | null;
        quota_per_minute: number | null;
      }[]
    >('select id, name, role, revoked_at, quota_per_minute from api_token where token_hash = ?', [hashToken(token)]);
    if (!record) return { auth: null, authProblem: 'UNKNOWN' };
    if (record.revoked_at !== null && record.revoked_at !== undefined) {
      return { auth: null, authProblem: 'REVOKED', revokedAt: new Date(record.revoked_at) };
    }
    const caller: Caller = { tokenId: Number(record.id), name: record.name, role: record.role };
    if (record.role === 'PARTNER')
      caller.quotaPerMinute = record.quota_per_minute === null ? null : Number(record.quota_per_minute);
    return { auth: caller };
  }

  /**
   * Creates a token for `role` held by `name` and returns it: the only time it is ever visible.
   * Throws a VALIDATION_FAILED DomainError for a wrong role or a missing name.
   */
  async create(
    input: { name: string | undefined; role: string | undefined; quotaPerMinute?: number | null },
    actor: Actor,
    today?: IsoDate,
  ) {
    const issues = new Issues();
    const role = input.role?.trim().toUpperCase() ?? '';
    if (!isRole(role)) {
      issues.add(
        'role',
        ERROR_CODES.VALIDATION_FAILED,
        `${input.role ? `"${input.role}" is not a role` : 'A role is required'}: use ${ROLE_HELP}.`,
      );
    }
    const name = input.name?.trim() ?? '';
    if (name === '' || name.length > 100) {
      issues.add(
        'name',
        ERROR_CODES.VALIDATION_FAILED,
        name === ''
          ? 'A name is required: say who holds the token, e.g. "Nguyễn Văn A, Sở NN&PTNT".'
          : `The name is ${name.length} characters long; use at most 100.`,
      );
    }
    const quota = input.quotaPerMinute ?? null;
    if (quota !== null && (role !== 'PARTNER' || !Number.isInteger(quota) || quota < 1 || quota > MAX_PARTNER_QUOTA)) {
      issues.add(
        'quotaPerMinute',
        ERROR_CODES.VALIDATION_FAILED,
        role !== 'PARTNER'
          ? 'Only a PARTNER key has an allowance of its own; leave quotaPerMinute out for other roles.'
          : `quotaPerMinute is ${quota}; give a whole number of units a minute from 1 to ${MAX_PARTNER_QUOTA}, or leave it out for the default.`,
      );
    }
    issues.throwIfAny();
    const token = generateToken();
    const record = await audited(
      this.em,
      actor,
      'token create',
      async (tx, audit) => {
        const created = tx.create(ApiToken, {
          name,
          role: role as Role,
          tokenHash: hashToken(token),
          quotaPerMinute: quota ?? undefined,
        });
        await tx.flush();
        audit.record('ApiToken', created.id, {
          name: { from: null, to: created.name },
          role: { from: null, to: created.role },
          ...(quota !== null ? { quotaPerMinute: { from: null, to: quota } } : {}),
        });
        return created;
      },
      today,
    );
    return { token, record };
  }

  list(): Promise<ApiToken[]> {
    return this.em.find(ApiToken, {}, { orderBy: { id: 'asc' } });
  }

  /** Revokes a token at once: the next request that sends it is refused. */
  async revoke(id: number, actor: Actor, now = new Date(), only?: Role): Promise<ApiToken> {
    return audited(this.em, actor, 'token revoke', async (tx, audit) => {
      const record = await tx.findOne(ApiToken, id);
      if (!record || (only && record.role !== only)) {
        throw new DomainError(
          ERROR_CODES.NOT_FOUND,
          only
            ? `No ${only} key has the id ${id}. The \`partnerKeys\` query lists them.`
            : `No token has the id ${id}. Run "pnpm ocop token list" to see the ids.`,
        );
      }
      if (record.revokedAt) {
        throw new DomainError(
          ERROR_CODES.VALIDATION_FAILED,
          `Token ${id} ("${record.name}") was already revoked at ${record.revokedAt.toISOString()}; nothing was changed.`,
        );
      }
      record.revokedAt = now;
      audit.record('ApiToken', record.id, { revokedAt: { from: null, to: now.toISOString() } });
      return record;
    });
  }
}
