/**
 * The worker against a real redis-server, a real local HTTP server and the in-memory graph sink:
 * good pages are written once, bad ones fail with a readable reason, transient ones retry.
 */
import { randomUUID } from 'node:crypto';
import type { Queue, Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemorySink } from '../../src/graph/memory.js';
import type { GraphSink } from '../../src/graph/types.js';
import {
  createRedis,
  enqueueUrls,
  openArticleQueue,
  type ProcessorDeps,
  type QueueConfig,
  queueConfig,
  startArticleWorker,
  stopArticleWorker,
} from '../../src/queue/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';

const redisUrl = testRedisUrl();
let server: TestServer;
const open: Array<{ close(): Promise<void> } | { disconnect(): void }> = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());
afterEach(async () => {
  for (const item of open.splice(0).reverse()) {
    if ('close' in item) await item.close();
    else item.disconnect();
  }
});

interface Rig {
  config: QueueConfig;
  queue: Queue;
  sink: MemorySink;
  start(deps?: Partial<ProcessorDeps>): Worker;
}

function rig(url: string): Rig {
  const config = queueConfig({
    redisUrl: url,
    queueName: `w-${randomUUID()}`,
    prefix: `ngw${randomUUID().slice(0, 8)}`,
  });
  const redis = createRedis(url, { forWorker: false });
  const queue = openArticleQueue(config, redis);
  const sink = new MemorySink();
  open.push(redis, { close: () => queue.obliterate({ force: true }).then(() => queue.close()) });
  return {
    config,
    queue,
    sink,
    start: (deps = {}) => {
      const connection = createRedis(url, { forWorker: true });
      const commands = createRedis(url, { forWorker: true });
      const worker = startArticleWorker(
        config,
        connection,
        {
          sink,
          redis: commands,
          prefix: config.prefix,
          fetchOptions: {
            allowPrivateHosts: true,
            deadlineMs: 3_000,
            headersTimeoutMs: 1_000,
            bodyTimeoutMs: 1_000,
          },
          hostIntervalMs: 0,
          obeyRobots: false,
          ...deps,
        },
        { concurrency: 4 },
      );
      open.push(connection, commands, worker);
      return worker;
    },
  };
}

async function drained(queue: Queue, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (c.waiting! + c.active! + c.delayed! + c.prioritized! === 0) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const fastRetry = { jobOptions: { backoff: { type: 'newsgraph', delay: 100 } } };

describe('article worker (real redis-server, local HTTP server)', () => {
  it('writes good pages once and fails bad ones with one readable line', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const r = rig(redisUrl);
    const good = [1, 2, 3, 4, 5].map((n) => `${server.origin}/article/${n}`);
    const bad = ['/pdf', '/status/404', '/empty', '/big/20mb'].map((p) => `${server.origin}${p}`);
    await enqueueUrls(r.queue, [...good, ...bad], fastRetry);
    r.start();
    await drained(r.queue);
    expect(await r.queue.getCompletedCount()).toBe(5);
    const failed = await r.queue.getFailed();
    const reasons = Object.fromEntries(failed.map((j) => [new URL(j.data.url).pathname, j.failedReason]));
    expect(reasons).toEqual({
      '/pdf': 'not-html: not an article: application/pdf',
      '/status/404': 'http-404: HTTP 404',
      '/empty': expect.stringMatching(/^empty-body: /),
      '/big/20mb': expect.stringMatching(/^too-large: /),
    });
    for (const job of failed) expect(job.attemptsMade).toBe(1);
    const articles = r.sink.snapshot().nodes.Article ?? [];
    expect(articles.map((a) => a.url).sort()).toEqual(good.sort());
    const done = await r.queue.getCompleted();
    expect(done[0]!.returnvalue).toMatchObject({
      entities: expect.any(Number),
      facts: expect.any(Number),
      totalMs: expect.any(Number),
    });
    expect(done[0]!.progress).toEqual({ stage: 'write' });
  });

  it('retries a 503 honouring Retry-After and then completes', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const r = rig(redisUrl);
    const id = randomUUID().slice(0, 8);
    await enqueueUrls(r.queue, [`${server.origin}/flaky/${id}`], fastRetry);
    r.start();
    await drained(r.queue);
    const [job] = await r.queue.getCompleted();
    expect(job?.attemptsMade).toBe(2);
    // Retry-After: 1 s beats the 100 ms backoff.
    expect(job!.processedOn! - job!.timestamp).toBeGreaterThanOrEqual(1_000);
    expect(server.hits(`/flaky/${id}`)).toBe(2);
  });

  it('obeys robots.txt, cached per host in Redis', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const r = rig(redisUrl);
    server.robots = 'User-agent: *\nDisallow: /article/9\n';
    try {
      await enqueueUrls(r.queue, [
        `${server.origin}/article/9`,
        `${server.origin}/article/10`,
        `${server.origin}/article/11`,
      ]);
      const before = server.hits('/robots.txt');
      r.start({ obeyRobots: true });
      await drained(r.queue);
      const [failed] = await r.queue.getFailed();
      expect(failed?.failedReason).toMatch(/^robots-disallowed: /);
      expect(await r.queue.getCompletedCount()).toBe(2);
      expect(server.hits('/robots.txt') - before).toBe(1);
    } finally {
      server.robots = 'User-agent: *\nAllow: /\n';
    }
  });

  it('spaces requests to one host through Redis (politeness) without failing jobs', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const r = rig(redisUrl);
    await enqueueUrls(
      r.queue,
      [21, 22, 23].map((n) => `${server.origin}/article/${n}`),
    );
    r.start({ hostIntervalMs: 300 });
    await drained(r.queue);
    const done = await r.queue.getCompleted();
    expect(done).toHaveLength(3);
    const starts = done.map((j) => j.processedOn!).sort((a, b) => a - b);
    // Three requests to one host at ≥300 ms spacing span ≥600 ms, whatever the concurrency (4).
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(550);
  });

  it('stops within its grace period when a graph write hangs, handing the job back unspent', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const r = rig(redisUrl);
    let unblock: () => void = () => undefined;
    let writing: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      writing = resolve;
    });
    // A database call that never answers (a hung connection) until the test lets it go.
    const hung: GraphSink = {
      kind: 'hung',
      ensureSchema: async () => undefined,
      close: async () => undefined,
      write: () => {
        writing();
        return new Promise((resolve) => {
          unblock = () => resolve({ articleId: '', entities: 0, facts: 0, ms: 0 });
        });
      },
    };
    await enqueueUrls(r.queue, [`${server.origin}/article/31`]);
    const stuck = r.start({ sink: hung });
    stuck.on('error', () => undefined); // its late completion finds the job no longer locked by it
    await started;
    try {
      expect(await stopArticleWorker(stuck, 300)).toEqual({ released: [expect.any(String)] });
      expect(await r.queue.getJobCounts('waiting', 'active')).toEqual({ waiting: 1, active: 0 });
      r.start();
      await drained(r.queue);
      const [job] = await r.queue.getCompleted();
      expect(job?.attemptsMade).toBe(1);
      expect(r.sink.snapshot().nodes.Article?.map((a) => a.url)).toEqual([job?.data.url]);
    } finally {
      unblock();
    }
  });
});
