import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may be sent. The server must not be turned against its own network: an
 * endpoint whose host is, or resolves to, a loopback, private, link-local, shared, multicast or
 * otherwise reserved address is refused (unless WEBHOOK_ALLOW_PRIVATE, for tests and intranets).
 * The address checked is the address connected to, so a DNS answer cannot change in between.
 */

const reserved = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  reserved.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  reserved.addSubnet(net, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6 && address.toLowerCase().startsWith('::ffff:')) return isPublicAddress(address.slice(7));
  return !reserved.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class EndpointRefused extends Error {}

/** Checks the form of an endpoint URL; throws EndpointRefused with what to change. */
export function checkEndpointUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new EndpointRefused(
      `"${raw.slice(0, 200)}" is not a URL; give the endpoint in full, e.g. https://partner.example.vn/ocop/webhook.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EndpointRefused(`A webhook endpoint must be an https:// (or http://) URL, not ${url.protocol}.`);
  }
  if (url.username || url.password) {
    throw new EndpointRefused(
      'Put no user name or password in the endpoint URL: verify the webhook signature instead.',
    );
  }
  if (raw.length > 2000) throw new EndpointRefused('The endpoint URL is longer than 2,000 characters.');
  return url;
}

/** The address to connect to for `url`, checked; throws EndpointRefused. */
export async function resolveEndpoint(url: URL, allowPrivate: boolean): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal as 4 | 6 }]
    : ((await lookup(host, { all: true }).catch(() => [])) as { address: string; family: 4 | 6 }[]);
  if (addresses.length === 0)
    throw new EndpointRefused(`The host "${host}" of the endpoint does not resolve to any address.`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) {
      throw new EndpointRefused(
        `The endpoint's host "${host}" is (or resolves to) ${bad.address}, a loopback, private or reserved address: webhooks go to public addresses only.`,
      );
    }
  }
  return addresses[0] as { address: string; family: 4 | 6 };
}
