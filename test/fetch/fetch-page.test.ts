import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/core/index.js';
import {
  DEFAULT_USER_AGENT,
  type FetchOptions,
  FetchTransientError,
  fetchPage,
} from '../../src/fetch/index.js';
import { articleTitle, CYRILLIC_TITLE, UTF8_TITLE } from '../support/article-pages.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

/** Short limits so hostile cases end quickly; the defaults are tested by the constants, not timing. */
const FAST: FetchOptions = {
  allowPrivateHosts: true,
  deadlineMs: 2_000,
  headersTimeoutMs: 1_000,
  bodyTimeoutMs: 1_000,
  connectTimeoutMs: 1_000,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const fetchLocal = (path: string, options: FetchOptions = {}) =>
  fetchPage(`${server.origin}${path}`, { ...FAST, ...options });

async function failure(promise: Promise<unknown>): Promise<Error & { code: string; retriable: boolean }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code: string; retriable: boolean };
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchPage: good pages', () => {
  it('fetches an article with its headers, charset and final URL', async () => {
    const page = await fetchLocal('/article/3');
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html');
    expect(page.charset).toBe('utf-8');
    expect(page.finalUrl).toBe(`${server.origin}/article/3`);
    expect(Buffer.from(page.body).toString('utf8')).toContain(articleTitle(3));
  });

  it('sends a real User-Agent with a contact URL, and a configured one when given', async () => {
    const page = await fetchLocal('/echo-headers');
    expect(Buffer.from(page.body).toString()).toContain(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/\+https?:\/\//);
    const custom = await fetchLocal('/echo-headers', { userAgent: 'acme-bot/1 (+https://acme.test/bot)' });
    expect(Buffer.from(custom.body).toString()).toContain('acme-bot/1');
  });

  it.each(['/gzip-article', '/br-article', '/deflate-article'])('decompresses %s', async (path) => {
    const page = await fetchLocal(path);
    expect(Buffer.from(page.body).toString('utf8')).toMatch(/<h1>.+<\/h1>/);
  });

  it('follows a short redirect chain and reports the final URL', async () => {
    const page = await fetchLocal('/redirect/3');
    expect(page.finalUrl).toBe(`${server.origin}/article/1`);
    expect(page.url).toBe(`${server.origin}/redirect/3`);
  });

  it('keeps ETag and Last-Modified, and a conditional GET gets 304', async () => {
    const page = await fetchLocal('/etag');
    expect(page.etag).toBe('"v1"');
    expect(page.lastModified).toBe('Tue, 04 Mar 2025 10:00:00 GMT');
    const again = await fetchLocal('/etag', { etag: page.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('hands over the declared charset of a windows-1251 page with its raw bytes', async () => {
    const page = await fetchLocal('/cp1251');
    expect(page.charset).toBe('windows-1251');
    expect(new TextDecoder('windows-1251').decode(page.body)).toContain(CYRILLIC_TITLE);
  });

  it('leaves the charset of an undeclared UTF-8 page to the extractor', async () => {
    const page = await fetchLocal('/utf8-undeclared');
    expect(page.charset).toBeUndefined();
    expect(new TextDecoder().decode(page.body)).toContain(UTF8_TITLE);
  });
});

describe('fetchPage: hostile pages fail fast with a reason', () => {
  it('stops a slow drip at the total deadline (transient)', async () => {
    const err = await failure(fetchLocal('/slow-drip', { deadlineMs: 1_200 }));
    expect(err).toBeInstanceOf(TransientError);
    expect(err.code).toBe('timeout');
  });

  it('stops a stalled body (transient)', async () => {
    const err = await failure(fetchLocal('/stall'));
    expect(err).toBeInstanceOf(TransientError);
    expect(['body-timeout', 'timeout']).toContain(err.code);
  });

  it('stops a server that never sends headers (transient)', async () => {
    const err = await failure(fetchLocal('/stall-headers'));
    expect(err).toBeInstanceOf(TransientError);
    expect(['headers-timeout', 'timeout']).toContain(err.code);
  });

  it.each(['/big/20mb', '/big/60mb', '/big-chunked/60mb'])(
    'refuses %s as too large (permanent)',
    async (path) => {
      const err = await failure(fetchLocal(path));
      expect(err).toBeInstanceOf(PermanentError);
      expect(err.code).toBe('too-large');
    },
  );

  it('stops a gzip bomb at the decoded-byte limit', async () => {
    const err = await failure(fetchLocal('/gzip-bomb'));
    expect(err.code).toBe('too-large');
    const before = process.memoryUsage().rss;
    await failure(fetchLocal('/gzip-bomb', { maxBytes: 1024 * 1024 }));
    // 100 MB decoded would show; the cap keeps growth to a few MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
  });

  it('honours a smaller byte limit', async () => {
    const err = await failure(fetchLocal('/article/1', { maxBytes: 100 }));
    expect(err.code).toBe('too-large');
  });

  it('refuses a PDF as not an article', async () => {
    const err = await failure(fetchLocal('/pdf'));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('not-html');
    expect(err.message).toBe('not an article: application/pdf');
  });

  it('refuses an empty 200', async () => {
    const err = await failure(fetchLocal('/empty'));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('empty-body');
  });

  it('treats a body shorter than its Content-Length as transient', async () => {
    const err = await failure(fetchLocal('/lying-length'));
    expect(err).toBeInstanceOf(TransientError);
    expect(['truncated', 'connection-reset']).toContain(err.code);
  });

  it('detects a redirect loop', async () => {
    const err = await failure(fetchLocal('/loop/a'));
    expect(err.code).toBe('redirect-loop');
    expect(server.hits('/loop/')).toBeLessThanOrEqual(3);
  });

  it('gives up on a 30-hop chain after maxRedirects', async () => {
    const before = server.hits('/redirect/');
    const err = await failure(fetchLocal('/redirect/30', { maxRedirects: 5 }));
    expect(err.code).toBe('too-many-redirects');
    expect(server.hits('/redirect/') - before).toBe(6);
  });

  it('refuses a redirect to file:', async () => {
    const err = await failure(fetchLocal('/redirect-to?url=file:///etc/passwd'));
    expect(err.code).toBe('blocked-scheme');
  });

  it('maps 404 to permanent and 500 to transient', async () => {
    expect(await failure(fetchLocal('/status/404'))).toMatchObject({ code: 'http-404', retriable: false });
    expect(await failure(fetchLocal('/status/500'))).toMatchObject({ code: 'http-500', retriable: true });
  });

  it('gives 503 a retry delay from Retry-After, then succeeds', async () => {
    const err = await failure(fetchLocal('/flaky/a1'));
    expect(err).toBeInstanceOf(FetchTransientError);
    expect((err as FetchTransientError).retryAfterMs).toBe(1000);
    const page = await fetchLocal('/flaky/a1');
    expect(page.status).toBe(200);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchLocal('/slow-drip', { deadlineMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await failure(pending);
    expect(err.code).toBe('aborted');
  });
});

describe('fetchPage: SSRF guard', () => {
  const spellings = ['localhost', '127.0.0.1', '127.1', '2130706433', '0x7f.0.0.1', '0.0.0.0', '[::1]'];
  it.each(spellings)('refuses http://%s before sending any request', async (host) => {
    const before = server.requests.length;
    const err = await failure(fetchPage(`http://${host}:${server.port}/article/1`, { deadlineMs: 2_000 }));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('blocked-address');
    expect(server.requests.length).toBe(before);
  });

  it('refuses a redirect to a private address on the hop, before requesting it', async () => {
    // The first hop is allowed through the connect-time hook only; here we check the redirect hop.
    const target = encodeURIComponent(`http://169.254.169.254/latest/meta-data/`);
    const before = server.requests.length;
    const err = await failure(
      fetchPage(`${server.origin}/redirect-to?url=${target}`, { ...FAST, allowPrivateHosts: false }),
    );
    expect(err.code).toBe('blocked-address');
    expect(server.requests.length).toBe(before);
  });

  it('refuses file:, ftp: and data: URLs', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'data:text/html,hi']) {
      expect((await failure(fetchPage(url))).code).toBe('blocked-scheme');
    }
  });
});
