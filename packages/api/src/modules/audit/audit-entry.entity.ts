import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ApiToken, ROLES, type Role } from '../auth/api-token.entity.js';
import { RoleEnum } from '../auth/auth.types.js';

/** What the audit log records about one changed field. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** Field name → its value before and after; a created entity has `from: null` everywhere. */
export type Changes = Record<string, FieldChange>;

/** The kinds of record a mutation changes, as named in the audit log. */
export const AUDITED_ENTITIES = ['Producer', 'Product', 'Evaluation', 'Certificate', 'ApiToken', 'Webhook'] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/**
 * One change made through the API or the CLI: who (token id, name and role, copied so the entry
 * reads the same whatever happens to the token later), when, which operation, which record, and
 * a diff of the fields. Written in the same transaction as the change, so a change without an
 * entry (or an entry without its change) cannot exist. The database refuses updates and deletes.
 */
@ObjectType({
  simpleResolvers: true,
  description: 'One change to the catalog: who made it, when, to what, and which fields changed (ADMIN only).',
})
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEntry {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  at: Date & Opt = new Date();

  /** The token used; null for changes made with the CLI on the server itself. */
  @ManyToOne(() => ApiToken, { ref: true, nullable: true, deleteRule: 'restrict' })
  token?: Ref<ApiToken>;

  @Field(() => String, { description: 'Name of the token holder, or "ocop CLI on the server".' })
  @Property({ type: 'string', length: 100 })
  actorName!: string;

  @Field(() => RoleEnum, { nullable: true, description: 'Role of the token used; null for the CLI.' })
  @Enum({ items: () => [...ROLES], type: 'string', nullable: true })
  actorRole?: Role;

  /** The GraphQL mutation or CLI command, e.g. 'issueCertificate' or 'token create'. */
  @Field(() => String, { description: 'The mutation or CLI command, e.g. "issueCertificate" or "token revoke".' })
  @Property({ type: 'string', length: 60 })
  operation!: string;

  @Field(() => String, {
    description: 'Kind of record changed: Producer, Product, Evaluation, Certificate, ApiToken or Webhook.',
  })
  @Enum({ items: () => [...AUDITED_ENTITIES], type: 'string' })
  entityType!: AuditedEntity;

  @Property({ type: 'integer' })
  entityId!: number;

  @Property({ type: 'json' })
  changes!: Changes;
}
