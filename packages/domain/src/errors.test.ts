import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES, isErrorCode } from './errors.js';

describe('ERROR_CODES', () => {
  it('maps every key to itself, so codes read the same in logs and clients', () => {
    for (const [key, value] of Object.entries(ERROR_CODES)) expect(value).toBe(key);
  });

  it('recognises published codes only', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('not_found')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('DomainError', () => {
  it('carries a code and issues and is an Error', () => {
    const issue = { field: 'scoreA', code: ERROR_CODES.SCORE_OUT_OF_RANGE, message: 'Too low.' };
    const error = new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Invalid scores.', [issue]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([issue]);
    expect(new DomainError(ERROR_CODES.NOT_FOUND, 'No such product.').issues).toEqual([]);
  });

  it('builds a validation error whose message joins the issues', () => {
    const error = DomainError.validation([
      { field: 'a', code: ERROR_CODES.INVALID_DATE, message: 'First.' },
      { field: 'b', code: ERROR_CODES.INVALID_DATE, message: 'Second.' },
    ]);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('First. Second.');
  });

  it('names the argument or field at fault instead of issues when there is only one', () => {
    const error = DomainError.argument(ERROR_CODES.INVALID_CURSOR, 'Not a cursor.', 'after');
    expect(error.location).toEqual({ argumentName: 'after' });
    expect(error.issues).toEqual([]);
    expect(DomainError.field(ERROR_CODES.VALIDATION_FAILED, 'Too long.', 'search').location).toEqual({
      field: 'search',
    });
    expect(new DomainError(ERROR_CODES.NOT_FOUND, 'No such product.').location).toBeUndefined();
  });
});
