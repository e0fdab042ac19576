/**
 * robots.txt, obeyed: fetched once per origin through the same hardened fetcher, cached in Redis with a TTL
 * so every worker shares it. A fetch that failed is never cached as permission (RFC 9309 §2.3.1):
 * - 2xx: the rules, cached {@link ROBOTS_TTL_SECONDS};
 * - 4xx (but 408/429): "unavailable", everything is allowed, cached as long;
 * - anything else (5xx, 408/429, network error, timeout, DNS failure, refused address, bad redirect, a file
 *   too large to read): "unreachable", the whole host is disallowed and the entry lives only
 *   {@link ROBOTS_RETRY_TTL_SECONDS}, so robots.txt is asked for again soon. Jobs of that host meanwhile
 *   fail with the retriable `robots-unavailable` and come back after the entry expires.
 */
import type { Redis } from 'ioredis';
import robotsParserModule from 'robots-parser';
import { describeError, NewsgraphError, PermanentError } from '../core/index.js';
import { type FetchOptions, FetchTransientError, fetchPage } from '../fetch/index.js';

type ParseRobots = (
  url: string,
  text: string,
) => { isDisallowed(url: string, ua?: string): boolean | undefined };
/** robots-parser is CommonJS (`module.exports = fn`) but its types declare a default export: accept both. */
const robotsParser: ParseRobots =
  (robotsParserModule as unknown as { default?: ParseRobots }).default ??
  (robotsParserModule as unknown as ParseRobots);

/** RFC 9309 §2.4: crawlers should not use a cached robots.txt for more than 24 hours. */
export const ROBOTS_TTL_SECONDS = 24 * 3600;
/** An unreachable robots.txt is asked for again after a minute: soon, yet not once per job. */
export const ROBOTS_RETRY_TTL_SECONDS = 60;
/** RFC 9309 §2.5: parse at least 500 KiB; we parse exactly that much. */
export const ROBOTS_PARSE_BYTES = 500 * 1024;
/** We read up to 2 MiB (and parse the first 500 KiB); a larger file counts as unreachable (fail closed). */
const ROBOTS_MAX_BYTES = 2 * 1024 * 1024;
/** RFC 9309 §2.3.1.2: follow at least five consecutive redirects. */
const ROBOTS_MAX_REDIRECTS = 5;
/** The product token we match in `User-agent:` lines. */
export const ROBOTS_AGENT = 'newsgraph';
/** 408 and 429 mean "later", not "there is no robots.txt": they count as unreachable. */
const UNREACHABLE_CLIENT_STATUSES = new Set([408, 429]);
/** Bumped when the cached value's format or meaning changes, so older entries are ignored. */
const CACHE_VERSION = 'v2';

export type FetchPage = typeof fetchPage;

/** What we know of an origin's robots.txt, as cached. */
export type RobotsEntry =
  /** A 2xx answer: its text (the first {@link ROBOTS_PARSE_BYTES}). */
  | { kind: 'rules'; text: string }
  /** A 4xx answer: no robots.txt, everything is allowed. */
  | { kind: 'allow-all'; reason: string }
  /** No usable answer: the whole host is disallowed until the entry expires. */
  | { kind: 'unreachable'; reason: string };

/** The HTTP status a fetch error stands for, from its `http-NNN` code. */
function httpStatusOf(err: unknown): number | undefined {
  if (!(err instanceof NewsgraphError)) return undefined;
  const m = /^http-(\d{3})$/.exec(err.code);
  return m ? Number(m[1]) : undefined;
}

/** How a failed robots.txt fetch counts (pure; RFC 9309 §2.3.1.3–4). */
export function robotsEntryForError(err: unknown): RobotsEntry {
  const status = httpStatusOf(err);
  if (status !== undefined && status >= 400 && status < 500 && !UNREACHABLE_CLIENT_STATUSES.has(status)) {
    return { kind: 'allow-all', reason: `HTTP ${status}` };
  }
  // A 200 with no body is an empty robots.txt: no rules.
  if (err instanceof NewsgraphError && err.code === 'empty-body') return { kind: 'rules', text: '' };
  return { kind: 'unreachable', reason: describeError(err) };
}

/** The first {@link ROBOTS_PARSE_BYTES} of the file, cut at a line end. */
function robotsText(body: Uint8Array): string {
  if (body.length <= ROBOTS_PARSE_BYTES) return Buffer.from(body).toString('utf8');
  const head = Buffer.from(body.subarray(0, ROBOTS_PARSE_BYTES));
  const lastLine = head.lastIndexOf(0x0a);
  return head.subarray(0, lastLine >= 0 ? lastLine : head.length).toString('utf8');
}

/** Fetch and classify an origin's robots.txt. Never throws for a fetch failure: it becomes an entry. */
export async function loadRobots(
  origin: string,
  fetch: FetchPage,
  options: FetchOptions,
): Promise<RobotsEntry> {
  try {
    const page = await fetch(`${origin}/robots.txt`, {
      ...options,
      maxBytes: ROBOTS_MAX_BYTES,
      maxRedirects: ROBOTS_MAX_REDIRECTS,
      // Servers send robots.txt with any type (text/html, application/octet-stream, none): read them all.
      acceptTypes: ['*/*'],
    });
    return { kind: 'rules', text: robotsText(page.body) };
  } catch (err) {
    return robotsEntryForError(err);
  }
}

/** The cache key of an origin's entry. */
export function robotsCacheKey(prefix: string, origin: string): string {
  return `${prefix}:robots:${CACHE_VERSION}:${origin}`;
}

function parseEntry(raw: string | null): RobotsEntry | undefined {
  if (raw === null) return undefined;
  try {
    const entry = JSON.parse(raw) as RobotsEntry;
    return entry && typeof entry === 'object' && 'kind' in entry ? entry : undefined;
  } catch {
    return undefined;
  }
}

const inFlight = new Map<string, Promise<RobotsEntry>>();

export interface RobotsDeps {
  redis: Redis;
  prefix: string;
  fetch?: FetchPage;
  fetchOptions?: FetchOptions;
  /** How long rules and "no robots.txt" (4xx) are kept. @defaultValue {@link ROBOTS_TTL_SECONDS} */
  ttlSeconds?: number;
  /** How long "unreachable" is kept before robots.txt is asked for again. @defaultValue {@link ROBOTS_RETRY_TTL_SECONDS} */
  retryTtlSeconds?: number;
}

/** The origin's entry: from the cache, else fetched (once per process at a time) and cached. */
export async function robotsEntryFor(origin: string, deps: RobotsDeps): Promise<RobotsEntry> {
  const key = robotsCacheKey(deps.prefix, origin);
  const cached = parseEntry(await deps.redis.get(key));
  if (cached) return cached;
  // Jobs of one host arrive together: one fetch per process, the others wait for it.
  let pending = inFlight.get(key);
  if (!pending) {
    pending = loadRobots(origin, deps.fetch ?? fetchPage, deps.fetchOptions ?? {})
      .then(async (entry) => {
        const ttl =
          entry.kind === 'unreachable'
            ? (deps.retryTtlSeconds ?? ROBOTS_RETRY_TTL_SECONDS)
            : (deps.ttlSeconds ?? ROBOTS_TTL_SECONDS);
        await deps.redis.set(key, JSON.stringify(entry), 'EX', ttl);
        return entry;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/**
 * Throws `PermanentError('robots-disallowed')` when the site's robots.txt forbids `url` to us, and the
 * retriable `FetchTransientError('robots-unavailable')` (with the time until robots.txt is asked for
 * again as its `retryAfterMs`) while it cannot be read.
 */
export async function assertRobotsAllowed(url: string, deps: RobotsDeps): Promise<void> {
  const { origin, pathname } = new URL(url);
  const entry = await robotsEntryFor(origin, deps);
  if (entry.kind === 'allow-all') return;
  if (entry.kind === 'unreachable') {
    const ttl = await deps.redis.ttl(robotsCacheKey(deps.prefix, origin));
    throw new FetchTransientError(
      'robots-unavailable',
      `robots.txt of ${origin} could not be read (${entry.reason}); the host counts as disallowed until it can`,
      { details: { url }, retryAfterMs: Math.max(ttl, 1) * 1000 },
    );
  }
  if (entry.text === '') return;
  const robots = robotsParser(`${origin}/robots.txt`, entry.text);
  if (robots.isDisallowed(url, ROBOTS_AGENT)) {
    throw new PermanentError('robots-disallowed', `robots.txt of ${origin} disallows ${pathname}`, {
      details: { url },
    });
  }
}
