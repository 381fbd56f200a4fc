import { Entity, Enum, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What a token may do. The public needs no token: it reads published data only. A PARTNER key
 * (a partner app: a provincial portal, a marketplace) reads exactly what the public reads, with
 * an allowance of its own instead of its address's, counted per day.
 */
export const ROLES = ['ADMIN', 'EVALUATOR', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * An API token for an official (ADMIN: the provincial OCOP office) or a council member
 * (EVALUATOR). Only the SHA-256 hash of the token is stored: the token itself is shown once,
 * when it is created, and a database leak does not reveal working tokens. Tokens are revoked,
 * never deleted, so the audit log can always name who did what.
 */
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** Who holds it, e.g. "Sở NN&PTNT Kiên Giang – Nguyễn Văn A"; shown in the audit log. */
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => [...ROLES], type: 'string' })
  role!: Role;

  /** Lowercase hex SHA-256 of the whole token string. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  /** Written off the request path, about once a minute (token-usage.ts). */
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date;

  /** A partner key's allowance in units a minute; null for the default partner allowance. */
  @Property({ type: 'integer', nullable: true })
  quotaPerMinute?: number;
}
