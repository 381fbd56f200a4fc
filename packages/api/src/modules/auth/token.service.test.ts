import { DomainError } from '@ocop/domain';
import { describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { CLI_ACTOR } from '../audit/mutation.js';
import { ApiToken } from './api-token.entity.js';
import { bearerToken, generateToken, hashToken, TokenService } from './token.service.js';
import { TokenUsage } from './token-usage.js';
import { createLogger } from '../../logger.js';
import { useTestDatabase } from '../../test-support/fixtures.js';

describe('tokens', () => {
  it('are 32 random bytes in base64url behind a recognisable prefix', () => {
    const a = generateToken();
    expect(a).toMatch(/^ocop_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(5), 'base64url')).toHaveLength(32);
    expect(new Set(Array.from({ length: 50 }, generateToken)).size).toBe(50);
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are read from "Authorization: Bearer <token>" only', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('  ')).toBeNull();
    expect(bearerToken('Bearer ocop_x')).toBe('ocop_x');
    expect(bearerToken('bearer   ocop_x ')).toBe('ocop_x');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBe('MALFORMED');
    expect(bearerToken('ocop_x')).toBe('MALFORMED');
    expect(bearerToken('Bearer a b')).toBe('MALFORMED');
  });
});

describe('TokenService', () => {
  const db = useTestDatabase();

  it('creates a token, stores only its hash, and audits the creation', async () => {
    const { token, record } = await new TokenService(db.em.fork()).create(
      { name: ' Office ', role: 'admin' },
      CLI_ACTOR,
    );
    expect(record).toMatchObject({ name: 'Office', role: 'ADMIN', tokenHash: hashToken(token) });
    const rows = await db.em.getConnection().execute('select * from api_token');
    expect(JSON.stringify(rows)).not.toContain(token.slice(5));
    const audit = await db.em.fork().find(AuditEntry, { entityType: 'ApiToken', entityId: record.id });
    expect(audit.map((a) => a.operation)).toEqual(['token create']);
  });

  it('refuses a wrong role and a missing name, naming both', async () => {
    const attempt = new TokenService(db.em.fork()).create({ name: '', role: 'ROOT' }, CLI_ACTOR);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await attempt.catch((error: DomainError) => {
      expect(error.issues.map((i) => i.field)).toEqual(['role', 'name']);
      expect(error.message).toMatch(/ADMIN.*EVALUATOR/);
    });
  });

  it('authenticates a valid token and reports unknown, malformed and revoked ones', async () => {
    const service = new TokenService(db.em.fork());
    const { token, record } = await service.create({ name: 'Council member', role: 'EVALUATOR' }, CLI_ACTOR);
    expect(await new TokenService(db.em.fork()).authenticate(`Bearer ${token}`)).toEqual({
      auth: { tokenId: record.id, name: 'Council member', role: 'EVALUATOR' },
    });
    // Authentication only reads: when a token was last used is written by TokenUsage, later.
    expect((await db.em.fork().findOneOrFail(ApiToken, record.id)).lastUsedAt).toBeNull();
    expect(await service.authenticate(undefined)).toEqual({ auth: null });
    expect((await service.authenticate(`Bearer ${generateToken()}`)).authProblem).toBe('UNKNOWN');
    expect((await service.authenticate('Bearer not-even-shaped-right')).authProblem).toBe('UNKNOWN');
    expect((await service.authenticate(token)).authProblem).toBe('MALFORMED');
    await new TokenService(db.em.fork()).revoke(record.id, CLI_ACTOR);
    expect((await new TokenService(db.em.fork()).authenticate(`Bearer ${token}`)).authProblem).toBe('REVOKED');
    await expect(new TokenService(db.em.fork()).revoke(record.id, CLI_ACTOR)).rejects.toThrow(/already revoked/);
    await expect(new TokenService(db.em.fork()).revoke(9999, CLI_ACTOR)).rejects.toThrow(/token list/);
  });

  it('records the last use off the request path, in batches', async () => {
    const { record } = await new TokenService(db.em.fork()).create({ name: 'Reader', role: 'ADMIN' }, CLI_ACTOR);
    const usage = new TokenUsage(db.orm, createLogger({ logLevel: 'silent', env: 'test' }), 3_600_000);
    const first = new Date('2026-11-29T03:00:00Z');
    const later = new Date(first.getTime() + 30_000);
    usage.used(record.id, first);
    usage.used(record.id, later);
    expect((await db.em.fork().findOneOrFail(ApiToken, record.id)).lastUsedAt).toBeNull();
    await usage.flush();
    expect((await db.em.fork().findOneOrFail(ApiToken, record.id)).lastUsedAt).toEqual(later);
    usage.stop();
  });
});
