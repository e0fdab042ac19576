import { describe, expect, it } from 'vitest';
import { jobIdFor, normalizeUrl } from '../../src/queue/index.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://Example.COM/News/A', 'http://example.com/News/A'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['http://example.com:8080/a', 'http://example.com:8080/a'],
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/a?utm_source=x&utm_medium=y&id=3', 'https://example.com/a?id=3'],
    ['https://example.com/a?fbclid=1&gclid=2&msclkid=3', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1&a=0', 'https://example.com/a?a=0&a=1&b=2'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['https://example.com', 'https://example.com/'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeUrl(input)).toEqual({ ok: true, url: expected });
  });

  it.each([
    ['ftp://example.com/a', /unsupported scheme ftp:/],
    ['file:///etc/passwd', /unsupported scheme file:/],
    ['javascript:alert(1)', /unsupported scheme/],
    ['example.com/a', /not a valid absolute URL/],
    ['http://', /not a valid absolute URL/],
    ['https://user:pw@example.com/', /credentials/],
    ['', /empty/],
  ])('rejects %j with a reason', (input, reason) => {
    const result = normalizeUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('gives every spelling of one article the same job id, and different articles different ids', () => {
    const a = normalizeUrl('https://Example.com:443/a?utm_campaign=z#top');
    const b = normalizeUrl('https://example.com/a');
    const c = normalizeUrl('https://example.com/b');
    if (!a.ok || !b.ok || !c.ok) throw new Error('unexpected rejection');
    expect(jobIdFor(a.url)).toBe(jobIdFor(b.url));
    expect(jobIdFor(a.url)).not.toBe(jobIdFor(c.url));
    expect(jobIdFor(a.url)).toMatch(/^a[0-9a-f]{16}$/);
  });
});
