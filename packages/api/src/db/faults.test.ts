import { describe, expect, it } from 'vitest';
import { databaseFault } from './faults.js';

describe('databaseFault', () => {
  it("takes pg's connection timeout for an unavailable database, however deeply it is wrapped", () => {
    // What pg's Client raises when a new connection gets no answer within connectionTimeoutMillis.
    const timeout = new Error('timeout expired');
    expect(databaseFault(timeout)).toBe('DATABASE_UNAVAILABLE');
    expect(databaseFault(Object.assign(new Error('wrapped'), { cause: timeout }))).toBe('DATABASE_UNAVAILABLE');
  });

  it('leaves other errors alone, and names a locked SQLite database busy', () => {
    expect(databaseFault(new Error('the response timeout expired for a partner'))).toBeUndefined();
    expect(databaseFault(new TypeError('Cannot read properties of undefined'))).toBeUndefined();
    expect(databaseFault(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(
      'DATABASE_BUSY',
    );
  });
});
