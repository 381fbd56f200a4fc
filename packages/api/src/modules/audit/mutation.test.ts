import { DomainError, ERROR_CODES } from '@ocop/domain';
import { describe, expect, it } from 'vitest';
import { domainErrorExtensions, formatError } from '../../graphql/errors.js';
import { encodeId } from '../../graphql/ids.js';
import { useTestDatabase } from '../../test-support/fixtures.js';
import { AuditEntry } from './audit-entry.entity.js';
import {
  type Actor,
  audited,
  checkId,
  checkPastDate,
  checkSlug,
  checkText,
  diff,
  Issues,
  refusal,
  runMutation,
} from './mutation.js';

const actor: Actor = { tokenId: null, name: 'unit test', role: null };

describe('diff', () => {
  it('lists only the fields that changed, treating undefined as null', () => {
    expect(diff({ a: 1, b: 'x', c: undefined, d: [1] }, { a: 1, b: 'y', c: null, d: [1, 2] })).toEqual({
      b: { from: 'x', to: 'y' },
      d: { from: [1], to: [1, 2] },
    });
    expect(diff({}, { name: 'Nước mắm' })).toEqual({ name: { from: null, to: 'Nước mắm' } });
  });
});

describe('refusal', () => {
  it("uses the single issue's code, or VALIDATION_FAILED for several", () => {
    const one = { field: 'number', code: ERROR_CODES.DUPLICATE_CERTIFICATE_NUMBER, message: 'Taken.' };
    const two = { field: 'scoreA', code: ERROR_CODES.SCORE_OUT_OF_RANGE, message: 'Negative.' };
    expect(refusal([one]).code).toBe('DUPLICATE_CERTIFICATE_NUMBER');
    expect(refusal([one, two]).code).toBe('VALIDATION_FAILED');
    expect(refusal([one, two]).issues).toEqual([one, two]);
  });
});

describe('field checks', () => {
  it('trims text, refuses blank required fields and overlong ones, and clears optional ones with null', () => {
    const issues = new Issues();
    expect(checkText(issues, 'name', '  Hợp tác xã  ', { label: 'The name', max: 255, required: true })).toBe(
      'Hợp tác xã',
    );
    expect(checkText(issues, 'website', null, { label: 'The website', max: 10, required: false })).toBeNull();
    expect(checkText(issues, 'website', undefined, { label: 'The website', max: 10, required: false })).toBeUndefined();
    expect(issues.empty).toBe(true);
    checkText(issues, 'name', '   ', { label: 'The name', max: 255, required: true });
    checkText(issues, 'phone', '0'.repeat(41), { label: 'The phone', max: 40, required: true });
    expect(issues.list.map((i) => [i.field, i.code])).toEqual([
      ['name', 'VALIDATION_FAILED'],
      ['phone', 'VALIDATION_FAILED'],
    ]);
    expect(issues.list[1]?.message).toMatch(/at most 40/);
  });

  it('keeps a required field left out of an update', () => {
    const issues = new Issues();
    expect(checkText(issues, 'name', undefined, { label: 'The name', max: 9, required: true, absentOk: true })).toBe(
      undefined,
    );
    expect(issues.empty).toBe(true);
  });

  it('refuses dates that are not calendar dates or lie after today in Vietnam', () => {
    const issues = new Issues();
    expect(checkPastDate(issues, 'evaluatedOn', '2026-11-29', '2026-11-29', 'The date')).toBe('2026-11-29');
    checkPastDate(issues, 'evaluatedOn', '2026-02-30', '2026-11-29', 'The date');
    checkPastDate(issues, 'decisionDate', '2026-11-30', '2026-11-29', 'The decision date');
    expect(issues.list.map((i) => i.code)).toEqual(['INVALID_DATE', 'DATE_IN_FUTURE']);
    expect(issues.list[1]?.message).toMatch(/today in Vietnam is 2026-11-29/);
  });

  it('reads opaque IDs of the expected type only', () => {
    const issues = new Issues();
    expect(checkId(issues, 'productId', encodeId('Product', 42), 'Product')).toBe(42);
    expect(checkId(issues, 'productId', encodeId('Producer', 42), 'Product')).toBeUndefined();
    expect(checkId(issues, 'productId', 'not-an-id', 'Product')).toBeUndefined();
    expect(issues.list.map((i) => i.code)).toEqual(['INVALID_ID', 'INVALID_ID']);
    expect(issues.list[0]?.message).toMatch(/ID of a Producer/);
  });

  it('makes slugs from Vietnamese names and checks given ones', () => {
    const issues = new Issues();
    expect(checkSlug(issues, undefined, 'Nước mắm Đặc biệt 40° đạm')).toBe('nuoc-mam-dac-biet-40-dam');
    expect(checkSlug(issues, 'my-slug', 'ignored')).toBe('my-slug');
    expect(issues.empty).toBe(true);
    checkSlug(issues, 'Bad Slug!', undefined);
    checkSlug(issues, undefined, '★★★');
    expect(issues.list.map((i) => i.field)).toEqual(['slug', 'slug']);
    expect(issues.list[0]?.message).toMatch(/"bad-slug"/);
  });
});

describe('audited', () => {
  const db = useTestDatabase();

  it('writes the audit entry with the change', async () => {
    await audited(db.em, actor, 'testChange', async (_tx, audit) => {
      audit.record('Product', 1, { nameVi: { from: 'a', to: 'b' } });
    });
    const entries = await db.em.fork().find(AuditEntry, { operation: 'testChange' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.changes).toEqual({ nameVi: { from: 'a', to: 'b' } });
    expect(entries[0]?.actorName).toBe('unit test');
  });

  it('writes nothing when the change fails, and its refusal reaches clients with its code and issues', async () => {
    const failing = runMutation({ em: db.em, today: '2026-12-01' }, actor, 'failingChange', async (_tx, audit) => {
      audit.record('Product', 1, {});
      throw refusal([{ field: 'slug', code: ERROR_CODES.DUPLICATE_SLUG, message: 'Taken.' }]);
    });
    await expect(failing).rejects.toBeInstanceOf(DomainError);
    await failing.catch((error: DomainError) => {
      expect(domainErrorExtensions(error)).toEqual({
        code: 'DUPLICATE_SLUG',
        issues: [{ field: 'slug', code: 'DUPLICATE_SLUG', message: 'Taken.' }],
      });
    });
    expect(await db.em.fork().count(AuditEntry, { operation: 'failingChange' })).toBe(0);
  });

  it('refuses a change that records no audit entry', async () => {
    await expect(audited(db.em, actor, 'silentChange', async () => undefined)).rejects.toThrow(/no audit entry/);
  });

  it('keeps the log append-only in the database', async () => {
    const conn = db.em.getConnection();
    await expect(conn.execute("update audit_entry set actor_name = 'someone else'")).rejects.toThrow(/never changed/);
    await expect(conn.execute('delete from audit_entry')).rejects.toThrow(/never deleted/);
  });

  it('leaves DomainErrors alone outside GraphQL', async () => {
    await expect(
      audited(db.em, actor, 'cliChange', async () => {
        throw new DomainError(ERROR_CODES.NOT_FOUND, 'No such token.');
      }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});

describe('formatError', () => {
  const formatted = { message: 'x', path: ['products'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };

  it('gives a DomainError its message and code, with its issues or the argument or field at fault', () => {
    const issue = { field: 'slug', code: ERROR_CODES.DUPLICATE_SLUG, message: 'Taken.' };
    expect(formatError(formatted, new DomainError(ERROR_CODES.DUPLICATE_SLUG, 'Taken.', [issue]), true)).toEqual({
      message: 'Taken.',
      path: ['products'],
      extensions: { code: 'DUPLICATE_SLUG', issues: [issue] },
    });
    const cursor = DomainError.argument(ERROR_CODES.INVALID_CURSOR, 'Not ours.', 'after');
    expect(formatError(formatted, cursor, true).extensions).toEqual({ code: 'INVALID_CURSOR', argumentName: 'after' });
    const search = DomainError.field(ERROR_CODES.VALIDATION_FAILED, 'Too long.', 'search');
    expect(formatError(formatted, search, true).extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'search' });
    const id = new DomainError(ERROR_CODES.INVALID_ID, 'Not an ID.', [], {});
    expect(formatError(formatted, id, true).extensions).toEqual({ code: 'INVALID_ID' });
  });

  it('still hides what a bug says', () => {
    expect(formatError(formatted, new Error('secret'), true).message).not.toContain('secret');
  });
});
