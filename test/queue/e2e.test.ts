/**
 * End to end, as operators run it: worker CHILD PROCESSES (`node bin/newsgraph.js worker`) on a real
 * redis-server, a local HTTP server of generated article pages, a real Kùzu file (and Neo4j when the
 * harness runs). A worker is killed with SIGKILL midway and restarted; Redis is restarted mid-run; the
 * graph database is down at first. Every article must end up in the graph exactly once.
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openKuzuReader } from '../../src/graph/kuzu.js';
import {
  createRedis,
  enqueueUrls,
  openArticleQueue,
  type QueueConfig,
  queueConfig,
} from '../../src/queue/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { REDIS_SKIP_REASON, type RedisServer, startRedis, testRedisUrl } from '../support/redis.js';
import { type CliChild, spawnCli, waitUntil } from '../support/worker-process.js';

const redisUrl = testRedisUrl();
const ARTICLES = 300;
let server: TestServer;
let dir: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

interface Run {
  config: QueueConfig;
  queue: Queue;
  urls: string[];
  worker(extra: string[], env?: Record<string, string>): CliChild;
  counts(): Promise<Record<string, number>>;
}

/** A fresh queue with `n` article URLs of the local server enqueued. */
async function setup(url: string, n: number, first = 1): Promise<Run> {
  const config = queueConfig({ redisUrl: url, queueName: `e2e-${randomUUID()}`, prefix: 'nge2e' });
  const redis: Redis = createRedis(url, { forWorker: true });
  redis.on('error', () => undefined); // expected while the Redis-restart test has it down
  const queue = openArticleQueue(config, redis);
  const urls = Array.from({ length: n }, (_, i) => `${server.origin}/article/${first + i}`);
  const report = await enqueueUrls(queue, urls, {
    jobOptions: { backoff: { type: 'newsgraph', delay: 300 }, attempts: 10 },
  });
  expect(report.added).toBe(n);
  const children: CliChild[] = [];
  cleanups.push(async () => {
    for (const c of children) if (c.child.exitCode === null) await c.kill9();
    // Bounded: when a test failed with its Redis down, cleanup must not hang.
    const bounded = (p: Promise<unknown>) =>
      Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 3_000))]);
    await bounded(queue.obliterate({ force: true }));
    redis.disconnect();
    await bounded(queue.close());
  });
  return {
    config,
    queue,
    urls,
    worker: (extra, env = {}) => {
      const c = spawnCli(
        [
          'worker',
          '--queue',
          config.queueName,
          '--prefix',
          config.prefix,
          '--redis',
          url,
          '--host-interval',
          '0',
          '--no-robots',
          '--lock-duration',
          '4000',
          '--stalled-interval',
          '1000',
          ...extra,
        ],
        { NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '1', ...env },
      );
      children.push(c);
      return c;
    },
    counts: async () =>
      (await queue.getJobCounts(
        'waiting',
        'prioritized',
        'active',
        'delayed',
        'completed',
        'failed',
      )) as Record<string, number>,
  };
}

const settled = (c: Record<string, number>) => c.waiting! + c.prioritized! + c.active! + c.delayed! === 0;

async function kuzuUrls(path: string): Promise<string[]> {
  const reader = await openKuzuReader({ path });
  try {
    return (await reader.query('MATCH (a:Article) RETURN a.url AS url')).map((r) => String(r.url));
  } finally {
    await reader.close();
  }
}

function expectEachOnce(stored: string[], expected: string[]): void {
  const counts = new Map<string, number>();
  for (const u of stored) counts.set(u, (counts.get(u) ?? 0) + 1);
  expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
}

describe('queue end to end (worker child processes, real Redis, real Kùzu)', () => {
  it(`kill -9 midway: all ${ARTICLES} articles land exactly once`, async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const run = await setup(redisUrl, ARTICLES);
    const db = join(dir, `kill-${randomUUID()}.kuzu`);
    const first = run.worker(['--concurrency', '4', '--db', db]);
    await waitUntil(
      'a third of the jobs',
      async () => (await run.counts()).completed! >= ARTICLES / 3,
      120_000,
    );
    await first.kill9();
    const second = run.worker(['--concurrency', '4', '--db', db]);
    await waitUntil('the queue to drain', async () => settled(await run.counts()), 180_000);
    expect(await second.stop()).toBe(0);
    const counts = await run.counts();
    expect(counts).toMatchObject({ completed: ARTICLES, failed: 0, waiting: 0, active: 0, delayed: 0 });
    expectEachOnce(await kuzuUrls(db), run.urls);
  }, 300_000);

  it('Redis restarts mid-run: the worker reconnects and finishes', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const redis: RedisServer = await startRedis({ persistDir: join(dir, `redis-${randomUUID()}`) });
    cleanups.push(() => redis.stop());
    const n = 150;
    const run = await setup(redis.url, n, 1001);
    const db = join(dir, `restart-${randomUUID()}.kuzu`);
    const worker = run.worker(['--concurrency', '4', '--db', db]);
    await waitUntil('some jobs done', async () => (await run.counts()).completed! >= 30, 120_000);
    await redis.restart(1_000);
    await waitUntil('the queue to drain after the restart', async () => settled(await run.counts()), 180_000);
    expect(worker.child.exitCode).toBeNull();
    expect(await worker.stop()).toBe(0);
    expect(await run.counts()).toMatchObject({ completed: n, failed: 0 });
    expectEachOnce(await kuzuUrls(db), run.urls);
  }, 300_000);

  it('a second worker on the same Kùzu file fails fast with a clear error', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const run = await setup(redisUrl, 5, 2001);
    const db = join(dir, `lock-${randomUUID()}.kuzu`);
    const first = run.worker(['--db', db]);
    await waitUntil('the first worker to finish', async () => settled(await run.counts()), 60_000);
    const second = run.worker(['--db', db]);
    expect(await second.exited).toBe(3);
    expect(second.stderr()).toMatch(/open in another process.*use Neo4j/s);
    expect(second.stderr().trim().split('\n')).toHaveLength(1);
    expect(await first.stop()).toBe(0);
  }, 120_000);
});
