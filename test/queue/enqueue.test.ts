import { randomUUID } from 'node:crypto';
import { type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRedis,
  enqueueUrls,
  openArticleQueue,
  queueConfig,
  reserveHost,
} from '../../src/queue/index.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';

const redisUrl = testRedisUrl();
let redis: Redis;
let queue: Queue;

beforeEach(() => {
  if (!redisUrl) return;
  redis = createRedis(redisUrl, { forWorker: false });
  queue = openArticleQueue(
    queueConfig({ redisUrl, queueName: `t-${randomUUID()}`, prefix: 'ngtest' }),
    redis,
  );
});
afterEach(async () => {
  if (!redisUrl) return;
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
});

describe('enqueueUrls (real redis-server)', () => {
  it('adds, reports duplicates and rejects per line', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const report = await enqueueUrls(queue, [
      'https://example.com/a?utm_source=x',
      'https://EXAMPLE.com/a#frag',
      'ftp://example.com/b',
      'not a url',
      'https://example.com/c',
      '# a comment',
      '',
    ]);
    expect(report.lines.map((l) => l.status)).toEqual([
      'added',
      'duplicate',
      'rejected',
      'rejected',
      'added',
    ]);
    expect(report).toMatchObject({ added: 2, duplicates: 1, rejected: 2 });
    expect(await queue.getWaitingCount()).toBe(2);
    const again = await enqueueUrls(queue, ['https://example.com/a', 'https://example.com/c']);
    expect(again).toMatchObject({ added: 0, duplicates: 2 });
    expect(await queue.getWaitingCount()).toBe(2);
  });

  it('re-queues with force, and applies priority and delay', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    await enqueueUrls(queue, ['https://example.com/a']);
    const forced = await enqueueUrls(queue, ['https://example.com/a'], { force: true, delay: 60_000 });
    expect(forced.added).toBe(1);
    expect(await queue.getDelayedCount()).toBe(1);
    expect(await queue.getWaitingCount()).toBe(0);
    await enqueueUrls(queue, ['https://example.com/p'], { priority: 1 });
    expect(await queue.getPrioritizedCount()).toBe(1);
  });

  it('re-queues a URL whose job failed', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    await enqueueUrls(queue, ['https://example.com/f']);
    const connection = createRedis(redisUrl, { forWorker: true });
    const worker = new Worker(
      queue.name,
      async () => {
        throw new UnrecoverableError('not-html: not an article: application/pdf');
      },
      { connection, prefix: 'ngtest' },
    );
    await new Promise((resolve) => worker.once('failed', resolve));
    await worker.close();
    connection.disconnect();
    expect(await queue.getFailedCount()).toBe(1);
    expect((await enqueueUrls(queue, ['https://example.com/f'])).added).toBe(1);
    expect(await queue.getWaitingCount()).toBe(1);
  });
});

describe('reserveHost (politeness in Redis)', () => {
  it('lets one request per host through per interval, across clients', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const other = createRedis(redisUrl, { forWorker: false });
    const prefix = `p-${randomUUID()}`;
    try {
      expect(await reserveHost(redis, prefix, 'news.example', 60_000)).toBe(0);
      const wait = await reserveHost(other, prefix, 'news.example', 60_000);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60_000);
      expect(await reserveHost(other, prefix, 'other.example', 60_000)).toBe(0);
      expect(await reserveHost(other, prefix, 'news.example', 0)).toBe(0);
    } finally {
      other.disconnect();
    }
  });
});
