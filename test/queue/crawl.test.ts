import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadPipelines, parsePipeline } from '../../src/crawl/pipeline.js';
import { runPipeline } from '../../src/crawl/run-pipeline.js';
import {
  crawlDeps,
  createCrawlProcessor,
  openCrawlQueue,
  startCrawlWorker,
  syncSchedulers,
} from '../../src/queue/crawl.js';
import {
  crawlRunsKey,
  createRedis,
  openArticleQueue,
  type QueueConfig,
  queueConfig,
  readCrawlRuns,
} from '../../src/queue/index.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';

const redisUrl = testRedisUrl();
const feed = readFileSync(new URL('../../fixtures/crawl/rss2.xml', import.meta.url), 'utf8');

/** Serves the fixture feed (its links point at news.example.org; nothing fetches those here). */
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed/') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(feed);
    } else if (req.url === '/report.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let redis: Redis;
let articles: Queue;
let crawls: Queue;
let config: QueueConfig;
beforeEach(() => {
  if (!redisUrl) return;
  redis = createRedis(redisUrl, { forWorker: false });
  config = queueConfig({ redisUrl, queueName: `t-${randomUUID()}`, prefix: 'ngtest' });
  articles = openArticleQueue(config, redis);
  crawls = openCrawlQueue(config, redis);
});
afterEach(async () => {
  if (!redisUrl) return;
  for (const q of [articles, crawls]) {
    await q.obliterate({ force: true });
    await q.close();
  }
  redis.disconnect();
});

const pipeline = (id: string, every = '30m', enabled = true) =>
  parsePipeline(
    id,
    `schedule: { every: ${every} }\nenabled: ${enabled}\nsources:\n  - { type: feed, url: "https://news.example.org/feed/" }\n`,
  );

describe('crawl schedulers (real redis-server)', () => {
  it('upserts one scheduler per enabled pipeline, idempotently, and removes the ones whose file went', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    await syncSchedulers(crawls, [pipeline('a'), pipeline('b'), pipeline('off', '30m', false)]);
    await syncSchedulers(crawls, [pipeline('a'), pipeline('b', '1h')]); // a restart: no duplicates
    let schedulers = await crawls.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key).sort()).toEqual(['a', 'b']);
    expect(schedulers.find((s) => s.key === 'b')?.every).toBe(3_600_000);

    const report = await syncSchedulers(crawls, [pipeline('b', '1h')]);
    expect(report.removed).toEqual(['a']);
    schedulers = await crawls.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key)).toEqual(['b']);
  });

  it('removing and re-adding a pipeline leaves one scheduler and one pending crawl job; only one crawl runs', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const dir = mkdtempSync(join(tmpdir(), 'ng-crawl-'));
    writeFileSync(
      join(dir, 'a.yaml'),
      `schedule: { every: 1h }\nmaxAge: 3650d\nsources:\n  - { type: feed, url: "${origin}/feed/" }\n`,
    );
    const [a] = await loadPipelines(dir);
    await syncSchedulers(crawls, [a!]);
    // The pipeline's file goes, then comes back (a deploy, a git checkout): its first job was still waiting.
    expect((await syncSchedulers(crawls, [])).strayJobs).toBe(1);
    await new Promise((r) => setTimeout(r, 5)); // the re-added scheduler's first job gets another timestamp
    await syncSchedulers(crawls, [a!]);
    expect((await crawls.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual(['a']);
    const pending = await crawls.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(pending.map((j) => j.data.pipelineId)).toEqual(['a']);

    const connection = createRedis(redisUrl, { forWorker: true });
    const worker = startCrawlWorker(
      config,
      connection,
      dir,
      crawlDeps(articles, { allowPrivateHosts: true }),
    );
    try {
      for (;;) {
        const c = await crawls.getJobCounts('waiting', 'active', 'prioritized', 'completed', 'failed');
        if (c.waiting! + c.active! + c.prioritized! === 0 && c.completed! + c.failed! > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await worker.close();
      connection.disconnect();
    }
    expect(await crawls.getJobCounts('completed', 'failed')).toEqual({ completed: 1, failed: 0 });
    expect(await articles.getJobCounts('waiting')).toEqual({ waiting: 2 });
    // The worker stored the run for `status`.
    const runs = await readCrawlRuns(redis, config);
    expect(runs).toMatchObject([{ pipeline: 'a', trigger: 'schedule', ok: true, added: 2 }]);
    await redis.del(crawlRunsKey(config));
  });

  it('a pipeline whose file is broken keeps its scheduler until the file is fixed or removed', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    await syncSchedulers(crawls, [pipeline('a'), pipeline('b')]);
    const report = await syncSchedulers(crawls, [pipeline('a')], ['b']);
    expect(report.removed).toEqual([]);
    expect((await crawls.getJobSchedulers(0, -1)).map((s) => s.key).sort()).toEqual(['a', 'b']);
  });

  it('a crawl run fetches the feed for real and enqueues its articles once, however often it runs', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const p = parsePipeline(
      'local-feed',
      `schedule: { every: 30m }\nmaxAge: 3650d\nsources:\n  - { type: feed, url: "${origin}/feed/" }\n`,
    );
    const deps = crawlDeps(articles, { allowPrivateHosts: true });
    const first = await runPipeline(p, deps);
    expect(first).toMatchObject({ discovered: 2, kept: 2, added: 2, duplicates: 0, errors: [] });
    const second = await runPipeline(p, deps);
    expect(second).toMatchObject({ added: 0, duplicates: 2 });
    const jobs = await articles.getJobs(['waiting', 'prioritized']);
    expect(jobs.map((j) => j.data.source)).toEqual(['local-feed', 'local-feed']);
  });

  it('refuses a private address unless allowed, and non-feed content types', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const yaml = (path: string) =>
      `schedule: { every: 30m }\nsources:\n  - { type: feed, url: "${origin}${path}" }\n`;
    await expect(
      runPipeline(parsePipeline('private', yaml('/feed/')), crawlDeps(articles)),
    ).rejects.toMatchObject({ code: 'crawl-failed' });
    const pdf = runPipeline(
      parsePipeline('pdf', yaml('/report.pdf')),
      crawlDeps(articles, { allowPrivateHosts: true }),
    );
    await expect(pdf).rejects.toMatchObject({
      details: { errors: [{ error: expect.stringMatching(/pdf/) }] },
    });
  });

  it('the crawl processor re-reads the pipeline file and fails permanently for an unknown id', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const dir = mkdtempSync(join(tmpdir(), 'ng-crawl-'));
    writeFileSync(
      join(dir, 'local.yaml'),
      `schedule: { every: 30m }\nmaxAge: 3650d\nsources:\n  - { type: feed, url: "${origin}/feed/" }\n`,
    );
    expect((await loadPipelines(dir)).map((p) => p.id)).toEqual(['local']);
    const processor = createCrawlProcessor(dir, crawlDeps(articles, { allowPrivateHosts: true }));
    // biome-ignore lint/suspicious/noExplicitAny: the processor only reads job.data
    const job = (data: unknown) => ({ data }) as any;
    await expect(processor(job({ pipelineId: 'local' }))).resolves.toMatchObject({ added: 2 });
    await expect(processor(job({ pipelineId: 'gone' }))).rejects.toMatchObject({ code: 'unknown-pipeline' });
    // A broken file fails its own crawl with the file, line and field; the others still run.
    writeFileSync(join(dir, 'broken.yaml'), 'schedule: { cron: "61 * * * *" }\nsources: []\n');
    await expect(processor(job({ pipelineId: 'broken' }))).rejects.toMatchObject({
      code: 'bad-pipeline',
      message: `${join(dir, 'broken.yaml')}:1: schedule.cron: minute field "61": Constraint error, got value 61 expected range 0-59`,
      retriable: false,
    });
    await expect(processor(job({ pipelineId: 'local' }))).resolves.toMatchObject({ duplicates: 2 });
  });
});
