/**
 * robots.txt, obeyed: fetched once per origin through the same hardened fetcher, cached in Redis with a TTL
 * so every worker shares it.
 */
import type { Redis } from 'ioredis';
import robotsParserModule from 'robots-parser';
import { PermanentError, TransientError } from '../core/index.js';
import { type FetchOptions, fetchPage } from '../fetch/index.js';

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
/** RFC 9309 §2.5: parse at least 500 KiB; we read no more. */
const ROBOTS_MAX_BYTES = 500 * 1024;
/** The product token we match in `User-agent:` lines. */
export const ROBOTS_AGENT = 'newsgraph';
/** Stored when the site has no usable robots.txt: everything is allowed. */
const ALLOW_ALL = '';

export type FetchPage = typeof fetchPage;

/** The robots.txt text for an origin; '' when there is none (4xx: allowed, RFC 9309 §2.3.1.3). */
async function loadRobots(origin: string, fetch: FetchPage, options: FetchOptions): Promise<string> {
  try {
    const page = await fetch(`${origin}/robots.txt`, {
      ...options,
      maxBytes: ROBOTS_MAX_BYTES,
      maxRedirects: 5,
      acceptTypes: ['text/plain', 'text/html', 'application/octet-stream'],
    });
    return Buffer.from(page.body).toString('utf8');
  } catch (err) {
    if (err instanceof PermanentError) return ALLOW_ALL;
    // 5xx / unreachable: RFC 9309 says assume complete disallow, so wait and retry the job.
    throw new TransientError('robots-unavailable', `robots.txt of ${origin} is unavailable`, { cause: err });
  }
}

const inFlight = new Map<string, Promise<string>>();

export interface RobotsDeps {
  redis: Redis;
  prefix: string;
  fetch?: FetchPage;
  fetchOptions?: FetchOptions;
  /** @defaultValue {@link ROBOTS_TTL_SECONDS} */
  ttlSeconds?: number;
}

/** Throws `PermanentError('robots-disallowed')` when the site's robots.txt forbids `url` to us. */
export async function assertRobotsAllowed(url: string, deps: RobotsDeps): Promise<void> {
  const { origin } = new URL(url);
  const key = `${deps.prefix}:robots:${origin}`;
  let text = await deps.redis.get(key);
  if (text === null) {
    // Jobs of one host arrive together: one fetch per process, the others wait for it.
    let pending = inFlight.get(key);
    if (!pending) {
      pending = loadRobots(origin, deps.fetch ?? fetchPage, deps.fetchOptions ?? {})
        .then(async (loaded) => {
          await deps.redis.set(key, loaded, 'EX', deps.ttlSeconds ?? ROBOTS_TTL_SECONDS);
          return loaded;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    text = await pending;
  }
  if (text === ALLOW_ALL) return;
  const robots = robotsParser(`${origin}/robots.txt`, text);
  if (robots.isDisallowed(url, ROBOTS_AGENT)) {
    throw new PermanentError(
      'robots-disallowed',
      `robots.txt of ${origin} disallows ${new URL(url).pathname}`,
      {
        details: { url },
      },
    );
  }
}
