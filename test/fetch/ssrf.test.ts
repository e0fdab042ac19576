import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseFetchUrl } from '../../src/fetch/index.js';
import { guardedLookup } from '../../src/fetch/ssrf.js';

describe('isPublicAddress', () => {
  const refused = [
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback /8'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['100.64.0.1', 'CGNAT'],
    ['100.100.100.200', 'Alibaba metadata (CGNAT)'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['[::1]', 'bracketed IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'IPv6 unique local'],
    ['fd00:ec2::254', 'AWS IPv6 metadata'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['not-an-ip', 'not an address'],
  ] as const;
  it.each(refused)('refuses %s (%s)', (address) => expect(isPublicAddress(address)).toBe(false));

  const allowed = ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'];
  it.each(allowed)('allows %s', (address) => expect(isPublicAddress(address)).toBe(true));
});

describe('parseFetchUrl', () => {
  it.each([
    ['file:///etc/passwd', 'blocked-scheme'],
    ['ftp://example.com/a', 'blocked-scheme'],
    ['data:text/html,<p>hi</p>', 'blocked-scheme'],
    ['javascript:alert(1)', 'blocked-scheme'],
    ['http://user:pass@example.com/', 'credentials-in-url'],
    ['http://user@example.com/', 'credentials-in-url'],
    ['not a url', 'bad-url'],
  ])('refuses %s with %s', (url, code) => {
    expect(() => parseFetchUrl(url)).toThrow(expect.objectContaining({ code, retriable: false }));
  });

  it('normalises every loopback spelling to an address the guard refuses', () => {
    for (const spelling of ['127.1', '2130706433', '0x7f.0.0.1', '0177.0.0.1', '0.0.0.0', '[::1]']) {
      const host = parseFetchUrl(`http://${spelling}/`).hostname;
      expect(isPublicAddress(host), spelling).toBe(false);
    }
  });
});

describe('guardedLookup (the connect-time check)', () => {
  it('fails a connection whose name resolves to loopback', async () => {
    const err = await new Promise<unknown>((resolve) => guardedLookup('localhost', {}, (e) => resolve(e)));
    expect(err).toMatchObject({ code: 'blocked-address' });
  });

  it('answers in the shape net.connect asks for', async () => {
    // A literal public address resolves without DNS traffic.
    const single = await new Promise<unknown[]>((resolve) =>
      guardedLookup('8.8.8.8', {}, (...args) => resolve(args)),
    );
    expect(single).toEqual([null, '8.8.8.8', 4]);
    const all = await new Promise<unknown[]>((resolve) =>
      guardedLookup('8.8.8.8', { all: true }, (...args) => resolve(args)),
    );
    expect(all).toEqual([null, [{ address: '8.8.8.8', family: 4 }]]);
  });
});
