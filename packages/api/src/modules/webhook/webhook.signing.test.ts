import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSecret, sign, verify } from './webhook.signing.js';

describe('webhook signatures (Standard Webhooks)', () => {
  it('signs id.timestamp.body with HMAC-SHA256 keyed by the secret’s bytes', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    const expected = createHmac('sha256', Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64'))
      .update(`msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.${body}`)
      .digest('base64');
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(`v1,${expected}`);
    // The example of the Standard Webhooks specification.
    expect(expected).toBe('g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies within five minutes, and nothing else', () => {
    const secret = generateSecret();
    const now = Date.UTC(2026, 11, 1, 8, 0, 0);
    const timestamp = Math.floor(now / 1000);
    const signature = sign(secret, 'evt_1', timestamp, '{}');
    const headers = { id: 'evt_1', timestamp: String(timestamp), signature };
    expect(verify(secret, headers, '{}', now)).toBe(true);
    expect(verify(secret, { ...headers, signature: `v1,AAAA ${signature}` }, '{}', now)).toBe(true);
    expect(verify(secret, headers, '{ }', now)).toBe(false);
    expect(verify(generateSecret(), headers, '{}', now)).toBe(false);
    expect(verify(secret, headers, '{}', now + 6 * 60_000)).toBe(false);
  });
});
