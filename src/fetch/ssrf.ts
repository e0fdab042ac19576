/**
 * SSRF guard: only http(s) URLs without credentials, to public unicast addresses.
 * Checked before a request is sent (every hop) and again at connect time through the socket's
 * `lookup` hook, so a DNS answer that changes between the check and the connect is still checked.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PermanentError, TransientError } from '../core/index.js';

/** Schemes a page may be fetched from. */
export const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

/** The one ipaddr.js range that is the public internet; every special range (loopback, private, link-local, multicast, CGNAT, metadata, reserved, 6to4, …) is refused. */
const PUBLIC_RANGE = 'unicast';

/** Thrown when a URL or the address it resolves to is not allowed. */
export class BlockedUrlError extends PermanentError {}

/** Whether `address` (IPv4 or IPv6, any spelling ipaddr.js parses) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === PUBLIC_RANGE;
}

/** Parse and check the parts of a URL that need no DNS: scheme and credentials. */
export function parseFetchUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedUrlError('bad-url', `not a valid URL: ${raw}`);
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    throw new BlockedUrlError('blocked-scheme', `refused scheme ${url.protocol} (only http and https)`, {
      details: { url: raw },
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new BlockedUrlError('credentials-in-url', 'refused a URL with credentials in it', {
      details: { url: url.origin },
    });
  }
  return url;
}

function blocked(host: string, address: string): BlockedUrlError {
  return new BlockedUrlError('blocked-address', `refused ${host}: ${address} is not a public address`, {
    details: { host, address },
  });
}

/** Resolve `hostname` (or take it as an IP literal) and refuse it unless every address is public. */
export async function assertPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    if (!isPublicAddress(host)) throw blocked(hostname, host);
    return;
  }
  let answers: LookupAddress[];
  try {
    answers = await dnsLookupAsync(host, { all: true, verbatim: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOTFOUND') {
      throw new PermanentError('host-not-found', `no such host: ${host}`, { cause, details: { host } });
    }
    throw new TransientError('dns-failure', `cannot resolve ${host} now`, { cause, details: { host } });
  }
  for (const { address } of answers) if (!isPublicAddress(address)) throw blocked(hostname, address);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A drop-in for `dns.lookup` (as `net.connect({ lookup })` calls it) that fails the connection when
 * any answer is not a public address.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, answers) => {
    if (err) return callback(err, []);
    const bad = answers.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(blocked(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, answers);
    const first = answers[0];
    if (!first)
      return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
