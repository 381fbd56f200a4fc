import { type RequiredEntityData, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  checkLength,
  checkSlug as checkGivenSlug,
  cleanText,
  DomainError,
  ERROR_CODES,
  type ErrorCode,
  type FieldCheck,
  formatIsoDateEn,
  type IsoDate,
  isIsoDate,
  REGION_FIELDS,
  slugify,
  type TextField,
  todayInVietnam,
  type ValidationIssue,
} from '@ocop/domain';
import { decodeId, type IdType } from '../../graphql/ids.js';
import type { Role } from '../auth/api-token.entity.js';
import { type AuthContext, requireRole } from '../auth/auth.guard.js';
import { productsOf, syncPublicState } from '../feed/feed.service.js';
import { Region } from '../region/region.entity.js';
import { type AuditedEntity, AuditEntry, type Changes } from './audit-entry.entity.js';

/**
 * The write path shared by every mutation and CLI command that changes data: one transaction,
 * an audit entry in that same transaction, and refusals with a stable code and field-level issues.
 *
 * Error convention (STYLE.md principle 7, first tier for all of them): a refused mutation throws
 * a DomainError whose code is the problem's stable code from ERROR_CODES and whose issues list
 * `{ field, code, message }` for every input field at fault; clients get them as `extensions.code`
 * and `extensions.issues` (graphql/errors.ts, the one place errors are turned into GraphQL ones).
 * With one issue, the code is that issue's code (e.g. DUPLICATE_CERTIFICATE_NUMBER); with
 * several, it is VALIDATION_FAILED and each issue keeps its own code. Nothing is written when a
 * mutation fails.
 */

/** Who makes a change: a token's holder, or the CLI on the server itself (no token, no role). */
export interface Actor {
  tokenId: number | null;
  name: string;
  role: Role | null;
}

export const CLI_ACTOR: Actor = { tokenId: null, name: 'ocop CLI on the server', role: null };

/** What an audit entry says about one record: which one, and its fields before and after. */
export interface AuditedChange {
  entityType: AuditedEntity;
  entityId: number;
  changes: Changes;
}

/** The row of one audit entry: who changed a record, by which operation, and how. */
export function auditEntryRow(actor: Actor, operation: string, change: AuditedChange): RequiredEntityData<AuditEntry> {
  return {
    token: actor.tokenId ?? undefined,
    actorName: actor.name,
    actorRole: actor.role ?? undefined,
    operation,
    ...change,
  };
}

/** Collects audit entries for one mutation; they are flushed with the change itself. */
export class AuditTrail {
  private written = 0;
  /** The records changed, by type: what the change feed looks at before the commit. */
  readonly touched = new Map<AuditedEntity, Set<number>>();

  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
    readonly operation: string,
  ) {}

  record(entityType: AuditedEntity, entityId: number, changes: Changes): void {
    this.em.create(AuditEntry, auditEntryRow(this.actor, this.operation, { entityType, entityId, changes }));
    this.written++;
    const ids = this.touched.get(entityType) ?? new Set<number>();
    ids.add(entityId);
    this.touched.set(entityType, ids);
  }

  get count(): number {
    return this.written;
  }
}

/**
 * Runs `work` in one transaction with an audit trail. Any throw rolls everything back, audit
 * entries included. A change that records no audit entry is a bug and is refused. Before the
 * commit, the change feed records what the change did to the public catalog as of `today`
 * (modules/feed), in the same transaction.
 */
export async function audited<T>(
  em: EntityManager,
  actor: Actor,
  operation: string,
  work: (tx: EntityManager, audit: AuditTrail) => Promise<T>,
  today: IsoDate = todayInVietnam(new Date()),
): Promise<T> {
  return em.transactional(async (tx) => {
    const audit = new AuditTrail(tx, actor, operation);
    const result = await work(tx, audit);
    if (audit.count === 0) throw new Error(`${operation} wrote no audit entry; every change must be audited.`);
    await tx.flush();
    const products: number[] = [];
    for (const [type, ids] of audit.touched) products.push(...(await productsOf(tx, type, [...ids])));
    if (products.length > 0) await syncPublicState(tx, today, { productIds: products });
    return result;
  });
}

/** {@link audited} for GraphQL resolvers, on the request's EntityManager and day. */
export function runMutation<T>(
  ctx: { em: EntityManager; today: IsoDate },
  actor: Actor,
  operation: string,
  work: (tx: EntityManager, audit: AuditTrail) => Promise<T>,
): Promise<T> {
  return audited(ctx.em, actor, operation, work, ctx.today);
}

/** {@link runMutation} for a caller whose token must hold one of `roles` (checked first, by requireRole). */
export function runMutationAs<T>(
  ctx: AuthContext & { em: EntityManager; today: IsoDate },
  roles: readonly Role[],
  operation: string,
  work: (tx: EntityManager, audit: AuditTrail) => Promise<T>,
): Promise<T> {
  return runMutation(ctx, requireRole(ctx, ...roles), operation, work);
}

/** A refusal for `issues`: the one issue's code, or VALIDATION_FAILED when there are several. */
export function refusal(issues: ValidationIssue[]): DomainError {
  const [only] = issues;
  if (issues.length === 1 && only) return new DomainError(only.code, only.message, [only]);
  return DomainError.validation(issues);
}

/** Field problems found while checking one input; thrown together so a form can show them all. */
export class Issues {
  readonly list: ValidationIssue[] = [];

  add(field: string, code: ErrorCode, message: string): void {
    this.list.push({ field, code, message });
  }

  push(...issues: ValidationIssue[]): void {
    this.list.push(...issues);
  }

  has(field: string): boolean {
    return this.list.some((i) => i.field === field);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw refusal(this.list);
  }
}

/** Throws one field-level refusal. */
export function refuse(field: string, code: ErrorCode, message: string): never {
  throw refusal([{ field, code, message }]);
}

/** How a text field is checked: its rule from the domain, and whether it may be empty or left out. */
export interface TextRule extends TextField {
  required: boolean;
  /** A required field may be left out of an update, which keeps the stored value. */
  absentOk?: boolean;
}

/**
 * Checks a text field against `rule`, and against `format` when given (a domain check such as
 * checkPhone, which may also rewrite the value, e.g. a tax code without its spaces). Returns the
 * text to store (trimmed, in Unicode NFC, as the importer stores it), `null` to clear an optional
 * field (null or blank), or `undefined` when the field was left out or refused.
 */
export function checkText(
  issues: Issues,
  field: string,
  value: string | null | undefined,
  rule: TextRule,
  format: (text: string) => FieldCheck = (text) => checkLength(rule, text),
): string | null | undefined {
  if (value === undefined && rule.absentOk) return undefined;
  const trimmed = cleanText(value ?? '');
  if (trimmed === '') {
    if (rule.required) {
      issues.add(field, ERROR_CODES.VALIDATION_FAILED, `${rule.label} is required; it cannot be empty.`);
      return undefined;
    }
    return value === undefined ? undefined : null;
  }
  const checked = format(trimmed);
  if (!checked.ok) {
    issues.add(field, checked.code, checked.message);
    return undefined;
  }
  return checked.value;
}

/**
 * The region a `regionCode` field names, checked as text by `rule` first, or `undefined` when it
 * was left out, refused, or names no region (an UNKNOWN_REGION issue that says where valid codes
 * come from). Shared by every mutation that places something in a region.
 */
export async function checkRegionCode(
  em: EntityManager,
  issues: Issues,
  value: string | null | undefined,
  rule: Omit<TextRule, keyof TextField>,
): Promise<Region | undefined> {
  const code = checkText(issues, 'regionCode', value, { ...REGION_FIELDS.code, ...rule });
  if (!code) return undefined;
  const region = await em.findOne(Region, { code: code.toUpperCase() });
  if (!region) {
    issues.add(
      'regionCode',
      ERROR_CODES.UNKNOWN_REGION,
      `No region has the code "${code}". Use a \`code\` from the \`regions\` query, e.g. "AG-PQ" for Phú Quốc.`,
    );
  }
  return region ?? undefined;
}

/**
 * The slug to store: the one given (checked by the domain's checkSlug), else one made from
 * `name` with slugify ("Nước mắm Phú Quốc" → "nuoc-mam-phu-quoc"). Uniqueness is the caller's to
 * check, against its own table.
 *
 * Slugs made here stop at 80 characters, while the importer makes them up to 116–120 (see
 * import.plan.ts): on purpose, as the importer finds the products already in the catalog by the
 * slug their name makes, and a shorter length would make a re-import create them again.
 */
export function checkSlug(
  issues: Issues,
  given: string | null | undefined,
  name: string | undefined,
): string | undefined {
  if (given !== undefined && given !== null) {
    const checked = checkGivenSlug(given.trim());
    if (!checked.ok) {
      issues.add('slug', checked.code, checked.message);
      return undefined;
    }
    return checked.value;
  }
  if (name === undefined) return undefined;
  const slug = slugify(name);
  if (slug === '') {
    issues.add(
      'slug',
      ERROR_CODES.VALIDATION_FAILED,
      `The name "${name.slice(0, 80)}" has no letters or digits to make a slug from; pass \`slug\` explicitly.`,
    );
    return undefined;
  }
  return slug;
}

/** Checks a calendar date that must not be after `today` (Vietnam time). */
export function checkPastDate(
  issues: Issues,
  field: string,
  value: string | null | undefined,
  today: IsoDate,
  label: string,
): IsoDate | undefined {
  if (value === undefined || value === null || !isIsoDate(value.trim())) {
    issues.add(
      field,
      ERROR_CODES.INVALID_DATE,
      `${label} "${String(value ?? '')}" is not a calendar date; write it as YYYY-MM-DD, e.g. ${today}.`,
    );
    return undefined;
  }
  const date = value.trim();
  if (date > today) {
    issues.add(
      field,
      ERROR_CODES.DATE_IN_FUTURE,
      `${label} ${date} is in the future (today in Vietnam is ${today}); enter the date on which it actually happened.`,
    );
    return undefined;
  }
  return date;
}

/** Adds an issue when `later` is before `earlier`: e.g. a certificate issued before its evaluation. */
export function checkNotBefore(
  issues: Issues,
  field: string,
  later: IsoDate | undefined,
  earlier: IsoDate,
  message: (later: string, earlier: string) => string,
): void {
  if (later !== undefined && later < earlier) {
    issues.add(field, ERROR_CODES.VALIDATION_FAILED, message(formatIsoDateEn(later), formatIsoDateEn(earlier)));
  }
}

/** The database id in an opaque ID of `type`, or an INVALID_ID issue on `field`. */
export function checkId(
  issues: Issues,
  field: string,
  value: string | null | undefined,
  type: IdType,
): number | undefined {
  const raw = value ?? '';
  const decoded = decodeId(raw);
  if (!decoded) {
    issues.add(
      field,
      ERROR_CODES.INVALID_ID,
      `"${raw.slice(0, 80)}" is not an ID issued by this API. Pass the \`id\` of a ${type} unchanged.`,
    );
    return undefined;
  }
  if (decoded.type !== type) {
    issues.add(
      field,
      ERROR_CODES.INVALID_ID,
      `"${raw.slice(0, 80)}" is the ID of a ${decoded.type}, but ${field} needs the \`id\` of a ${type}.`,
    );
    return undefined;
  }
  return decoded.id;
}

/**
 * The row an opaque ID of `type` names, read by `find`; null with an issue on `field` when the ID
 * is not valid (see {@link checkId}) or names no row (NOT_FOUND, saying `notFound`).
 */
export async function findById<T>(
  issues: Issues,
  field: string,
  value: string | null | undefined,
  type: IdType,
  find: (id: number) => Promise<T | null>,
  notFound: string,
): Promise<T | null> {
  const id = checkId(issues, field, value, type);
  const row = id === undefined ? null : await find(id);
  if (id !== undefined && !row) issues.add(field, ERROR_CODES.NOT_FOUND, notFound);
  return row;
}

/** Like {@link checkId} for a single ID argument: throws at once when it is not valid. */
export function requireId(field: string, value: string, type: IdType): number {
  const issues = new Issues();
  const id = checkId(issues, field, value, type);
  issues.throwIfAny();
  return id as number;
}

function comparable(value: unknown): unknown {
  return value === undefined ? null : value;
}

/** `fields` without the ones left `undefined`: on update, a field left out keeps its stored value. */
export function withoutUndefined<F extends object>(fields: F): F {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as F;
}

/** The fields whose values differ between two snapshots, as `{ field: { from, to } }`. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = comparable(before[key]);
    const to = comparable(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/**
 * Flushes, turning a unique-constraint race (another request wrote the same slug or number
 * after our check) into the same refusal the check would have given.
 */
export async function flushOrRefuse(
  em: EntityManager,
  onDuplicate: (error: UniqueConstraintViolationException) => DomainError,
): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw onDuplicate(error);
    throw error;
  }
}
