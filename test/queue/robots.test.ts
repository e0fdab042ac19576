/**
 * robots.txt against a real local HTTP server and a real redis-server: a failed fetch is never cached as
 * permission. 2xx -> rules (24 h), 4xx -> allow (24 h), anything else -> the host is disallowed and
 * robots.txt is asked for again after a short while.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Queue, Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/core/index.js';
import { FetchTransientError, fetchPage } from '../../src/fetch/index.js';
import { MemorySink } from '../../src/graph/memory.js';
import {
  assertRobotsAllowed,
  createRedis,
  enqueueUrls,
  openArticleQueue,
  queueConfig,
  ROBOTS_RETRY_TTL_SECONDS,
  ROBOTS_TTL_SECONDS,
  robotsCacheKey,
  robotsEntryForError,
  startArticleWorker,
} from '../../src/queue/index.js';
import { articleHtml } from '../support/article-pages.js';
import { freePort, REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';

const redisUrl = testRedisUrl();

type RobotsHandler = (res: ServerResponse) => void;
const RULES = 'User-agent: *\nDisallow: /news/blocked-\n';
const serveRules: RobotsHandler = (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(RULES);

/** A site whose robots.txt behaviour each test sets; every request is counted by path. */
let server: Server;
let origin: string;
let robots: RobotsHandler = serveRules;
const hits = new Map<string, number>();
const sockets = new Set<Socket>();
const hitsOf = (path: string) => hits.get(path) ?? 0;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, hitsOf(path) + 1);
    if (path === '/robots.txt') return robots(res);
    if (path === '/loop/robots.txt') return res.writeHead(301, { location: '/robots.txt' }).end();
    if (path.startsWith('/news/')) {
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(3, path));
    }
    res.writeHead(404).end();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
);

const open: Array<{ close(): Promise<void> } | { disconnect(): void }> = [];
afterEach(async () => {
  robots = serveRules;
  for (const item of open.splice(0).reverse()) {
    if ('close' in item) await item.close();
    else item.disconnect();
  }
});

const local = { allowPrivateHosts: true, deadlineMs: 3_000, headersTimeoutMs: 500, bodyTimeoutMs: 500 };

function deps(extra: { fetchOptions?: typeof local | { allowPrivateHosts: false } } = {}) {
  const redis = createRedis(redisUrl!, { forWorker: false });
  open.push(redis);
  return { redis, prefix: `ngr${randomUUID().slice(0, 8)}`, fetchOptions: local, ...extra };
}

/** The error `assertRobotsAllowed` throws for `path`, or `undefined` when it allows it. */
async function verdict(path: string, d: ReturnType<typeof deps>): Promise<unknown> {
  try {
    await assertRobotsAllowed(`${origin}${path}`, d);
    return undefined;
  } catch (err) {
    return err;
  }
}

async function cached(d: ReturnType<typeof deps>, at = origin): Promise<{ kind: string; ttl: number }> {
  const key = robotsCacheKey(d.prefix, at);
  const raw = await d.redis.get(key);
  return { kind: raw ? (JSON.parse(raw) as { kind: string }).kind : 'none', ttl: await d.redis.ttl(key) };
}

describe('robots.txt outcomes (real HTTP server, real redis-server)', () => {
  it('2xx: the rules decide, cached for a day; robots.txt is read once', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const d = deps();
    const before = hitsOf('/robots.txt');
    expect(await verdict('/news/blocked-one.html', d)).toMatchObject({ code: 'robots-disallowed' });
    expect(await verdict('/news/fine.html', d)).toBeUndefined();
    expect(hitsOf('/robots.txt') - before).toBe(1);
    const entry = await cached(d);
    expect(entry.kind).toBe('rules');
    expect(entry.ttl).toBeGreaterThan(ROBOTS_RETRY_TTL_SECONDS);
    expect(entry.ttl).toBeLessThanOrEqual(ROBOTS_TTL_SECONDS);
  });

  it('2xx with an unusual Content-Type (application/octet-stream) is still read as rules', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    robots = (res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(RULES);
    const d = deps();
    expect(await verdict('/news/blocked-one.html', d)).toMatchObject({ code: 'robots-disallowed' });
  });

  it.for([404, 403, 410])(
    '%i: no robots.txt, everything allowed, cached for a day (RFC 9309)',
    async (status, ctx) => {
      if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
      robots = (res) => res.writeHead(status).end('nope');
      const d = deps();
      expect(await verdict('/news/blocked-one.html', d)).toBeUndefined();
      const entry = await cached(d);
      expect(entry.kind).toBe('allow-all');
      expect(entry.ttl).toBeGreaterThan(ROBOTS_RETRY_TTL_SECONDS);
    },
  );

  const unreachable: Array<[string, RobotsHandler | 'refused' | 'private' | 'loop', RegExp]> = [
    ['a 503', (res) => res.writeHead(503, { 'retry-after': '5' }).end('down'), /http-503/],
    ['a 500', (res) => res.writeHead(500).end('oops'), /http-500/],
    ['a 429', (res) => res.writeHead(429).end('slow down'), /http-429/],
    ['a timeout (no headers)', () => undefined, /timeout/],
    ['a connection reset', (res) => res.socket?.destroy(), /connection-reset|network/],
    ['a refused connection', 'refused', /connection-refused/],
    ['a refused private address', 'private', /blocked-address/],
    ['a redirect loop', 'loop', /redirect-loop|too-many-redirects/],
  ];
  it.for(unreachable)(
    '%s: the host is disallowed, briefly, and the job is retried',
    async ([, how, reason], ctx) => {
      if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
      let at = origin;
      let d = deps();
      if (how === 'refused') at = `http://127.0.0.1:${await freePort()}`;
      else if (how === 'private') d = deps({ fetchOptions: { allowPrivateHosts: false } });
      // A robots.txt that redirects to /loop/robots.txt, which redirects back.
      else if (how === 'loop') robots = (res) => res.writeHead(301, { location: '/loop/robots.txt' }).end();
      else robots = how;
      const err = await assertRobotsAllowed(`${at}/news/fine.html`, d).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(FetchTransientError);
      expect(err).toMatchObject({ code: 'robots-unavailable', message: expect.stringMatching(reason) });
      expect((err as FetchTransientError).retryAfterMs).toBeGreaterThan(0);
      expect((err as FetchTransientError).retryAfterMs).toBeLessThanOrEqual(ROBOTS_RETRY_TTL_SECONDS * 1000);
      const entry = await cached(d, at);
      expect(entry.kind).toBe('unreachable');
      expect(entry.ttl).toBeGreaterThan(0);
      expect(entry.ttl).toBeLessThanOrEqual(ROBOTS_RETRY_TTL_SECONDS);
    },
  );

  it('DNS failures count as unreachable, whichever error the fetcher raises for them', () => {
    // The fetcher's own error classes for a name that does not resolve (ssrf.ts before connecting; undici's
    // lookup when private hosts are allowed); the real lookups are in 'a real DNS failure' below.
    const notFound = new PermanentError('host-not-found', 'no such host: news.invalid');
    const dnsDown = new TransientError('dns-failure', 'cannot resolve news.invalid now');
    const lookupFailed = new FetchTransientError('dns-failure', 'DNS lookup failed');
    for (const err of [notFound, dnsDown, lookupFailed]) {
      expect(robotsEntryForError(err)).toMatchObject({ kind: 'unreachable' });
    }
    expect(robotsEntryForError(new PermanentError('http-404', 'HTTP 404'))).toMatchObject({
      kind: 'allow-all',
    });
    expect(robotsEntryForError(new FetchTransientError('http-408', 'HTTP 408'))).toMatchObject({
      kind: 'unreachable',
    });
  });

  /*
   * A real DNS failure: a name under `.invalid` (RFC 6761), which never resolves; resolvers answer it at
   * once (here: ENOTFOUND in milliseconds; with no network at all, EAI_AGAIN as fast, checked with
   * `unshare -rn npx vitest run test/queue/robots.test.ts`). Should a name server swallow the query
   * instead, the fetcher's deadline (3 s here) still ends the attempt, as `timeout`: a DNS lookup does not
   * outlast it. The real fetcher is wrapped only to count the URLs it is asked for.
   */
  const DNS_FAILED = /host-not-found|dns-failure|timeout/;
  const counting = () => {
    const asked: string[] = [];
    const fetch: typeof fetchPage = (url, options) => {
      asked.push(new URL(url).pathname);
      return fetchPage(url, options);
    };
    return { asked, fetch };
  };

  const privateHosts: Array<[string, boolean]> = [
    ['refused', false],
    ['allowed', true],
  ];
  it.for(privateHosts)(
    'a real DNS failure (private hosts %s): the host is disallowed for the short retry TTL, then robots.txt is asked again',
    { timeout: 20_000 },
    async ([, allowPrivateHosts], ctx) => {
      if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
      const at = `http://robots-${randomUUID().slice(0, 8)}.invalid`;
      const { asked, fetch } = counting();
      const d = { ...deps({ fetchOptions: { ...local, allowPrivateHosts } }), fetch, retryTtlSeconds: 2 };
      const attempt = () =>
        assertRobotsAllowed(`${at}/news/blocked-one.html`, d).then(
          () => undefined,
          (e: unknown) => e,
        );
      const first = await attempt();
      expect(first).toBeInstanceOf(FetchTransientError);
      expect(first).toMatchObject({ code: 'robots-unavailable', message: expect.stringMatching(DNS_FAILED) });
      const entry = await cached(d, at);
      expect(entry.kind).toBe('unreachable'); // never "allow-all"
      expect(entry.ttl).toBeGreaterThanOrEqual(0);
      expect(entry.ttl).toBeLessThanOrEqual(2);
      // Within the TTL the cached verdict answers: robots.txt is not asked again.
      expect(await attempt()).toMatchObject({ code: 'robots-unavailable' });
      expect(asked).toEqual(['/robots.txt']);
      await waitFor(async () => (await cached(d, at)).kind === 'none', 5_000);
      expect(await attempt()).toMatchObject({ code: 'robots-unavailable' });
      expect(asked).toEqual(['/robots.txt', '/robots.txt']); // asked again once the entry expired
    },
  );

  /** A queue, a memory sink and workers on them, for the scenarios of the issue. */
  function scenario(url: string, fetch?: typeof fetchPage) {
    const config = queueConfig({
      redisUrl: url,
      queueName: `robots-${randomUUID()}`,
      prefix: `ngr${randomUUID().slice(0, 8)}`,
    });
    const redis = createRedis(url, { forWorker: false });
    const queue: Queue = openArticleQueue(config, redis);
    open.push(redis, { close: () => queue.obliterate({ force: true }).then(() => queue.close()) });
    const sink = new MemorySink();
    const start = (allowPrivateHosts: boolean): Worker => {
      const connection = createRedis(url, { forWorker: true });
      const commands = createRedis(url, { forWorker: true });
      const worker = startArticleWorker(config, connection, {
        sink,
        redis: commands,
        prefix: config.prefix,
        ...(fetch ? { fetch } : {}),
        fetchOptions: { ...local, allowPrivateHosts },
        hostIntervalMs: 0,
        obeyRobots: true,
        robotsRetryTtlSeconds: 1,
      });
      open.push(connection, commands);
      return worker;
    };
    return { config, redis, queue, sink, start };
  }

  it('robots.txt broken (a redirect loop), then fixed: it is read again and the disallowed page is never fetched', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const { queue, sink, start } = scenario(redisUrl);
    robots = (res) => res.writeHead(301, { location: '/loop/robots.txt' }).end();
    const robotsBefore = hitsOf('/robots.txt');
    await enqueueUrls(queue, [`${origin}/news/blocked-one.html`], {
      jobOptions: { backoff: { type: 'newsgraph', delay: 100 } },
    });
    const worker = start(true);
    open.push(worker);
    await waitFor(async () => ((await queue.getJobs(['delayed']))[0]?.attemptsMade ?? 0) >= 1);
    const [first] = await queue.getJobs(['delayed']);
    expect(first?.failedReason).toMatch(/^robots-unavailable: .*redirect-loop/);
    robots = serveRules; // the cause is fixed
    await waitFor(async () => (await queue.getFailedCount()) === 1);
    const [failed] = await queue.getFailed();
    expect(failed?.failedReason).toMatch(/^robots-disallowed: /);
    expect(hitsOf('/robots.txt') - robotsBefore).toBeGreaterThanOrEqual(2); // read again after the failure
    expect(hitsOf('/news/blocked-one.html')).toBe(0);
    expect(sink.snapshot().nodes.Article ?? []).toEqual([]);
  }, 30_000);

  it('a refused private address, then allowed: nothing was cached as permission, robots.txt is read, the page never fetched', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    // The case: a worker that refuses private addresses; the operator then allows them and retries.
    const { config, redis, queue, sink, start } = scenario(redisUrl);
    const robotsBefore = hitsOf('/robots.txt');
    await enqueueUrls(queue, [`${origin}/news/blocked-one.html`]);
    const refusing = start(false);
    await waitFor(async () => (await queue.getFailedCount()) === 1);
    await refusing.close();
    const [refused] = await queue.getFailed();
    expect(refused?.failedReason).toMatch(/^blocked-address: /);
    expect(await redis.get(robotsCacheKey(config.prefix, origin))).toBeNull(); // no permission cached
    expect(hitsOf('/robots.txt')).toBe(robotsBefore); // nothing was sent

    const allowing = start(true);
    open.push(allowing);
    await refused!.retry();
    await waitFor(
      async () => (await queue.getFailed())[0]?.failedReason?.startsWith('robots-disallowed') ?? false,
    );
    expect(hitsOf('/robots.txt')).toBe(robotsBefore + 1);
    expect(hitsOf('/news/blocked-one.html')).toBe(0);
    expect(sink.snapshot().nodes.Article ?? []).toEqual([]);
  }, 30_000);

  it('a real DNS failure in the worker, private hosts allowed (robots.txt is asked): the job waits and retries, robots.txt is asked again, the page is never fetched', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const counter = counting();
    const { queue, sink, start } = scenario(redisUrl, counter.fetch);
    const page = `http://news-${randomUUID().slice(0, 8)}.invalid/news/blocked-one.html`;
    await enqueueUrls(queue, [page], { jobOptions: { backoff: { type: 'newsgraph', delay: 100 } } });
    open.push(start(true));
    // Robots.txt asked, the unreachable verdict expires (1 s), the job comes back, robots.txt is asked again.
    await waitFor(async () => counter.asked.length >= 2);
    const [job] = await queue.getJobs(['delayed', 'waiting', 'active']);
    expect(job?.failedReason).toMatch(/^robots-unavailable: /);
    expect(job?.failedReason).toMatch(DNS_FAILED);
    expect(await queue.getFailedCount()).toBe(0); // retried, not given up on nor let through
    expect(new Set(counter.asked)).toEqual(new Set(['/robots.txt'])); // never the page itself
    expect(sink.snapshot().nodes.Article ?? []).toEqual([]);
  }, 30_000);

  it('a real DNS failure in the worker, private hosts refused (the default): the page host check fails first; neither robots.txt nor the page is asked, nothing is cached', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const counter = counting();
    const { config, redis, queue, sink, start } = scenario(redisUrl, counter.fetch);
    const host = `news-${randomUUID().slice(0, 8)}.invalid`;
    await enqueueUrls(queue, [`http://${host}/news/blocked-one.html`], {
      jobOptions: { backoff: { type: 'newsgraph', delay: 100 } },
    });
    open.push(start(false));
    await waitFor(async () => {
      const [job] = await queue.getJobs(['failed', 'delayed']);
      return (job?.attemptsMade ?? 0) >= 1;
    });
    const [job] = await queue.getJobs(['failed', 'delayed']);
    expect(job?.failedReason).toMatch(/^(host-not-found|dns-failure): /);
    expect(counter.asked).toEqual([]);
    expect(await redis.get(robotsCacheKey(config.prefix, `http://${host}`))).toBeNull();
    expect(sink.snapshot().nodes.Article ?? []).toEqual([]);
  }, 30_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
