import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, EndpointRefused, isPublicAddress, resolveEndpoint } from './webhook.address.js';

describe('webhook endpoints', () => {
  it('tells public addresses from loopback, private, link-local and reserved ones', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('refuses URLs that are not http(s), or carry credentials', () => {
    expect(() => checkEndpointUrl('ftp://example.vn/x')).toThrow(EndpointRefused);
    expect(() => checkEndpointUrl('https://user:pass@example.vn/x')).toThrow(/user name or password/);
    expect(() => checkEndpointUrl('nonsense')).toThrow(/not a URL/);
    expect(checkEndpointUrl(' https://partner.example.vn/hook ').toString()).toBe('https://partner.example.vn/hook');
  });

  it('refuses a literal private address unless allowed, and connects to the address it checked', async () => {
    await expect(resolveEndpoint(new URL('http://127.0.0.1:8080/x'), false)).rejects.toThrow(/public addresses only/);
    await expect(resolveEndpoint(new URL('http://[::1]/x'), false)).rejects.toThrow(/public addresses only/);
    expect(await resolveEndpoint(new URL('http://127.0.0.1:8080/x'), true)).toEqual({
      address: '127.0.0.1',
      family: 4,
    });
    // "localhost" resolves to loopback: refused like the address itself.
    await expect(resolveEndpoint(new URL('http://localhost/x'), false)).rejects.toThrow(EndpointRefused);
  });
});
