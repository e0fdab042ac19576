/**
 * `fetchPage`: one hardened GET of an article page. Redirects are followed by hand so that every hop
 * passes the SSRF guard; timeouts, a total deadline and a decoded-byte cap bound time and memory.
 */
import type { Readable } from 'node:stream';
import { Agent, type Dispatcher, request } from 'undici';
import { NewsgraphError, PermanentError, type RawPage, TransientError } from '../core/index.js';
import { readBody } from './body.js';
import { FetchTransientError, parseRetryAfter } from './errors.js';
import { type FetchOptions, type ResolvedFetchOptions, resolveFetchOptions } from './options.js';
import { assertPublicHost, BlockedUrlError, guardedLookup, parseFetchUrl } from './ssrf.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** 408 and 429 are the client errors that mean "later", not "never". */
const TRANSIENT_CLIENT_STATUSES = new Set([408, 429]);

const agents = new Map<string, Agent>();

function agentFor(o: ResolvedFetchOptions): Agent {
  const key = `${o.allowPrivateHosts}:${o.connectTimeoutMs}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: { timeout: o.connectTimeoutMs, ...(o.allowPrivateHosts ? {} : { lookup: guardedLookup }) },
    });
    agents.set(key, agent);
  }
  return agent;
}

/** Close the pooled connections (at shutdown). */
export async function closeFetchAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close()));
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** `text/html; charset=UTF-8` -> `{ mime: 'text/html', charset: 'utf-8' }`. */
export function parseContentType(header: string | undefined): { mime?: string; charset?: string } {
  if (!header) return {};
  const [type, ...params] = header.split(';');
  const mime = type?.trim().toLowerCase() || undefined;
  let charset: string | undefined;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { ...(mime ? { mime } : {}), ...(charset ? { charset } : {}) };
}

/** Drop a body we will not read (destroying without a listener would raise an uncaught error). */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

interface Ctx {
  url: string;
  o: ResolvedFetchOptions;
  deadline: AbortSignal;
}

function findBlocked(err: unknown): BlockedUrlError | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if (e instanceof BlockedUrlError) return e;
  }
  return undefined;
}

const NETWORK_CODES: Record<string, [string, string]> = {
  UND_ERR_CONNECT_TIMEOUT: ['connect-timeout', 'could not connect in time'],
  UND_ERR_HEADERS_TIMEOUT: ['headers-timeout', 'no response headers in time'],
  UND_ERR_BODY_TIMEOUT: ['body-timeout', 'the body stalled'],
  UND_ERR_SOCKET: ['connection-reset', 'the connection was closed early'],
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: ['truncated', 'the body does not match its Content-Length'],
  ECONNREFUSED: ['connection-refused', 'connection refused'],
  ECONNRESET: ['connection-reset', 'connection reset'],
  EPIPE: ['connection-reset', 'connection reset'],
  ETIMEDOUT: ['connect-timeout', 'could not connect in time'],
  EHOSTUNREACH: ['unreachable', 'host unreachable'],
  ENETUNREACH: ['unreachable', 'network unreachable'],
  EAI_AGAIN: ['dns-failure', 'DNS lookup failed'],
  ENOTFOUND: ['dns-failure', 'DNS lookup failed'],
};

/** Turn whatever undici, zlib or the guard threw into a NewsgraphError with the right class. */
function toFetchError(err: unknown, ctx: Ctx): NewsgraphError {
  const blocked = findBlocked(err);
  if (blocked) return blocked;
  if (err instanceof NewsgraphError) return err;
  const details = { url: ctx.url };
  if (ctx.deadline.aborted) {
    return new FetchTransientError('timeout', `no complete response within ${ctx.o.deadlineMs} ms`, {
      cause: err,
      details,
    });
  }
  if (ctx.o.signal?.aborted)
    return new TransientError('aborted', 'the fetch was cancelled', { cause: err, details });
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const known = NETWORK_CODES[code];
  if (known) return new FetchTransientError(known[0], known[1], { cause: err, details });
  const message = err instanceof Error ? err.message : String(err);
  return new FetchTransientError('network', message, { cause: err, details });
}

function statusError(status: number, headers: Record<string, string>, url: string): NewsgraphError {
  const details = { url, status };
  if (status >= 500 || TRANSIENT_CLIENT_STATUSES.has(status)) {
    return new FetchTransientError(`http-${status}`, `HTTP ${status}`, {
      details,
      retryAfterMs: parseRetryAfter(headers['retry-after']),
    });
  }
  return new PermanentError(`http-${status}`, `HTTP ${status}`, { details });
}

async function readPage(res: Dispatcher.ResponseData, finalUrl: URL, ctx: Ctx): Promise<RawPage> {
  const headers = flattenHeaders(res.headers);
  const status = res.statusCode;
  const body = res.body as unknown as Readable;
  const { mime, charset } = parseContentType(headers['content-type']);
  const base = {
    url: ctx.url,
    finalUrl: finalUrl.href,
    status,
    headers,
    ...(charset ? { charset } : {}),
    ...(mime ? { contentType: mime } : {}),
    ...(headers.etag ? { etag: headers.etag } : {}),
    ...(headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
  };
  if (status === 304) {
    discard(body);
    return { ...base, body: new Uint8Array(0) };
  }
  if (status < 200 || status >= 300) {
    discard(body);
    throw statusError(status, headers, ctx.url);
  }
  if (mime && !isAccepted(mime, ctx.o.acceptTypes)) {
    discard(body);
    throw new PermanentError('not-html', `not an article: ${mime}`, {
      details: { url: ctx.url, contentType: mime },
    });
  }
  const declared = headers['content-length'] ? Number(headers['content-length']) : undefined;
  const contentLength = Number.isFinite(declared) ? declared : undefined;
  if (contentLength !== undefined && !headers['content-encoding'] && contentLength > ctx.o.maxBytes) {
    discard(body);
    throw new PermanentError('too-large', `the page is larger than ${ctx.o.maxBytes} bytes`, {
      details: { url: ctx.url, contentLength },
    });
  }
  const bytes = await readBody(body, {
    maxBytes: ctx.o.maxBytes,
    contentLength,
    contentEncoding: headers['content-encoding'],
    url: ctx.url,
  });
  if (bytes.length === 0) {
    throw new PermanentError('empty-body', `the page is empty (HTTP ${status}, no body)`, {
      details: { url: ctx.url },
    });
  }
  return { ...base, body: bytes };
}

/** Whether `mime` is in the accepted list (the wildcard type accepts every type). */
function isAccepted(mime: string, accepted: readonly string[]): boolean {
  return accepted.includes(mime) || accepted.includes('*/*');
}

function requestHeaders(o: ResolvedFetchOptions): Record<string, string> {
  return {
    'user-agent': o.userAgent,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
    ...(o.etag ? { 'if-none-match': o.etag } : {}),
    ...(o.lastModified ? { 'if-modified-since': o.lastModified } : {}),
  };
}

/** The next URL of a redirect, checked like the first one. */
function nextHop(location: string | undefined, current: URL, ctx: Ctx): URL {
  if (!location)
    throw new PermanentError('bad-redirect', 'a redirect without a Location', { details: { url: ctx.url } });
  let target: string;
  try {
    target = new URL(location, current).href;
  } catch {
    throw new PermanentError('bad-redirect', `a redirect to an invalid URL: ${location}`, {
      details: { url: ctx.url },
    });
  }
  return parseFetchUrl(target);
}

/**
 * `promise`, unless `signal` aborts first (then its reason). A DNS lookup (getaddrinfo) cannot be cancelled
 * and waits out the resolver's timeouts when the name server does not answer: the fetch keeps its
 * deadline anyway and fails as `timeout`; the lookup finishes on its own in the background.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Fetch one article page.
 * @throws PermanentError (`not-html`, `too-large`, `http-404`, `blocked-address`, `redirect-loop`, …)
 * @throws TransientError / FetchTransientError (`timeout`, `http-503` with `retryAfterMs`, `truncated`, …)
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<RawPage> {
  const o = resolveFetchOptions(options);
  const deadline = AbortSignal.timeout(o.deadlineMs);
  const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline;
  const ctx: Ctx = { url, o, deadline };
  const dispatcher = agentFor(o);
  const seen = new Set<string>();
  let current = parseFetchUrl(url);
  for (let hop = 0; ; hop++) {
    const key = current.href.replace(/#.*$/, '');
    if (seen.has(key))
      throw new PermanentError('redirect-loop', `redirect loop at ${key}`, { details: { url } });
    seen.add(key);
    try {
      if (!o.allowPrivateHosts) await untilAborted(assertPublicHost(current.hostname), signal);
      signal.throwIfAborted();
      // Raced too: undici only sees the abort once its connect returns, after the DNS lookup.
      const res = await untilAborted(
        request(current, {
          method: 'GET',
          headers: requestHeaders(o),
          dispatcher,
          signal,
          headersTimeout: o.headersTimeoutMs,
          bodyTimeout: o.bodyTimeoutMs,
        }),
        signal,
      );
      if (!REDIRECT_STATUSES.has(res.statusCode)) return await readPage(res, current, ctx);
      discard(res.body as unknown as Readable);
      if (hop >= o.maxRedirects) {
        throw new PermanentError('too-many-redirects', `more than ${o.maxRedirects} redirects`, {
          details: { url },
        });
      }
      const location = res.headers.location;
      current = nextHop(Array.isArray(location) ? location[0] : location, current, ctx);
    } catch (err) {
      throw toFetchError(err, ctx);
    }
  }
}
