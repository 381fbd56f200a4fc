import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures as Standard Webhooks defines them (https://www.standardwebhooks.com), so a
 * partner can verify with any of its libraries or with the few lines in docs/partners.md:
 * - `webhook-id`: the event's id, the same on every retry (use it to drop duplicates);
 * - `webhook-timestamp`: seconds since 1970 when the attempt was signed (refuse old ones);
 * - `webhook-signature`: `v1,` + base64 of HMAC-SHA256 over `${id}.${timestamp}.${body}`, keyed
 *   with the bytes of the secret after its `whsec_` prefix (base64).
 */

export const SECRET_PREFIX = 'whsec_';

/** A new secret: 32 random bytes, base64, behind `whsec_`. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function key(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * True when one of the signatures in `header` (space-separated `v1,…`) is `body`'s, and the
 * timestamp is within `toleranceSeconds` of `now`.
 */
export function verify(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  now = Date.now(),
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, headers.id, timestamp, body));
  return headers.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
