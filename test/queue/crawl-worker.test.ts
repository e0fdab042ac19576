/**
 * A scheduled crawl end to end, as an operator runs it: `newsgraph schedule` registers the pipeline, a
 * `newsgraph worker` child process runs the crawl (a real feed on a local server), enqueues the articles it
 * lists, fetches and writes them to a real Kùzu file.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKuzuReader } from '../../src/graph/kuzu.js';
import { createRedis, openArticleQueue, openCrawlQueue, queueConfig } from '../../src/queue/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';
import { runCli, spawnCli, waitUntil } from '../support/worker-process.js';

const redisUrl = testRedisUrl();
const ARTICLES = 4;
let pages: TestServer;
let feedServer: Server;
let feedUrl: string;
let dir: string;

beforeAll(async () => {
  pages = await startTestServer();
  const items = Array.from(
    { length: ARTICLES },
    (_, i) => `<item><title>Story ${i + 1}</title><link>${pages.origin}/article/${i + 1}</link></item>`,
  ).join('');
  feedServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
  dir = mkdtempSync(join(tmpdir(), 'ng-crawl-worker-'));
});
afterAll(async () => {
  await pages?.close();
  await new Promise((resolve) => feedServer?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('scheduled crawl through a worker process (real redis-server, real Kùzu)', () => {
  it('schedule + worker: the feed is read and each of its articles lands in the graph once', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const pipelines = join(dir, 'pipelines');
    const db = join(dir, 'graph.kuzu');
    rmSync(pipelines, { recursive: true, force: true });
    mkdirSync(pipelines);
    writeFileSync(
      join(pipelines, 'local-feed.yaml'),
      `schedule: { every: 1h }\nmaxAge: 3650d\nsources:\n  - { type: feed, url: "${feedUrl}" }\n`,
    );
    const queueName = `crawl-e2e-${randomUUID()}`;
    const common = ['--redis', redisUrl, '--queue', queueName, '--prefix', 'ngcrawl'];
    const scheduled = await runCli(['schedule', '--pipelines', pipelines, ...common]);
    expect(scheduled.stdout).toContain('1 scheduled');

    const config = queueConfig({ redisUrl, queueName, prefix: 'ngcrawl' });
    const redis = createRedis(redisUrl, { forWorker: false });
    const articles = openArticleQueue(config, redis);
    const crawls = openCrawlQueue(config, redis);
    const worker = spawnCli(
      ['worker', '--pipelines', pipelines, '--db', db, '--host-interval', '0', '--no-robots', ...common],
      { NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '1' },
    );
    try {
      // An `every` scheduler's first run is due at once; the worker picks it up.
      await waitUntil(
        'the crawl and its articles to complete',
        async () => (await articles.getJobCounts('completed')).completed === ARTICLES,
        90_000,
      );
      expect((await crawls.getJobCounts('completed', 'failed')).failed).toBe(0);
      expect(await worker.stop()).toBe(0);
    } finally {
      if (worker.child.exitCode === null) await worker.kill9();
      for (const q of [articles, crawls]) {
        await q.obliterate({ force: true });
        await q.close();
      }
      redis.disconnect();
    }
    const reader = await openKuzuReader({ path: db });
    try {
      const rows = await reader.query('MATCH (a:Article) RETURN a.url AS url ORDER BY url');
      expect(rows.map((r) => String(r.url))).toEqual(
        Array.from({ length: ARTICLES }, (_, i) => `${pages.origin}/article/${i + 1}`).sort(),
      );
    } finally {
      await reader.close();
    }
  }, 150_000);
});
