/**
 * The queue path vs the inline path, on the same generated article pages (local HTTP server) in the same
 * run, both into a fresh embedded Kùzu database:
 *   inline: fetchPage -> processPage, one after another (what `ingest` does);
 *   queue:  enqueue all URLs into a real redis-server, then one worker (in this process) at concurrency
 *           1 and 2, until every job is completed. Enqueue time is included.
 * Also: Redis memory per waiting job. Needs `redis-server` on the PATH (prints a note and returns if not).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processPage } from '../src/crawl/process.js';
import { closeFetchAgents, fetchPage } from '../src/fetch/index.js';
import { openKuzuSink } from '../src/graph/kuzu.js';
import {
  createRedis,
  enqueueUrls,
  openArticleQueue,
  queueConfig,
  startArticleWorker,
} from '../src/queue/index.js';
import { startTestServer } from '../test/support/http-server.js';
import { hasRedisServer, startRedis } from '../test/support/redis.js';

/** Pages per run: enough for a few seconds per path on 2 cores. */
const PAGES = 200;
/** Alternating rounds of the three paths. */
const ROUNDS = 2;
/** Waiting jobs used to measure Redis memory per job. */
const MEMORY_JOBS = 10_000;
const FETCH = { allowPrivateHosts: true };

const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);

async function inline(urls: string[], dir: string): Promise<number> {
  const sink = await openKuzuSink({ path: join(dir, `inline-${randomUUID()}.kuzu`) });
  await sink.ensureSchema();
  const started = performance.now();
  for (const url of urls) await processPage(await fetchPage(url, FETCH), { sink });
  const ms = performance.now() - started;
  await sink.close();
  return ms;
}

async function queued(urls: string[], dir: string, redisUrl: string, concurrency: number): Promise<number> {
  const config = queueConfig({ redisUrl, queueName: `bench-${randomUUID()}`, prefix: 'ngbench' });
  const sink = await openKuzuSink({ path: join(dir, `queue-${randomUUID()}.kuzu`) });
  await sink.ensureSchema();
  const redis = createRedis(redisUrl, { forWorker: true });
  const connection = createRedis(redisUrl, { forWorker: true });
  const commands = createRedis(redisUrl, { forWorker: true });
  const queue = openArticleQueue(config, redis);
  const started = performance.now();
  await enqueueUrls(queue, urls);
  const worker = startArticleWorker(
    config,
    connection,
    {
      sink,
      redis: commands,
      prefix: config.prefix,
      fetchOptions: FETCH,
      hostIntervalMs: 0,
      obeyRobots: false,
    },
    { concurrency },
  );
  let done = 0;
  await new Promise<void>((resolve) => {
    const finish = () => {
      done++;
      if (done === urls.length) resolve();
    };
    worker.on('completed', finish);
    worker.on('failed', finish);
  });
  const ms = performance.now() - started;
  const failed = await queue.getFailedCount();
  if (failed > 0) process.stdout.write(`  (warning: ${failed} jobs failed)\n`);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await sink.close();
  for (const c of [redis, connection, commands]) c.disconnect();
  return ms;
}

async function memoryPerJob(redisUrl: string, origin: string): Promise<number> {
  const redis = createRedis(redisUrl, { forWorker: false });
  const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
  const queue = openArticleQueue(
    queueConfig({ redisUrl, queueName: `mem-${randomUUID()}`, prefix: 'ngbench' }),
    redis,
  );
  const before = await used();
  const urls = Array.from(
    { length: MEMORY_JOBS },
    (_, i) => `${origin}/article/${100_000 + i}?section=world`,
  );
  await enqueueUrls(queue, urls);
  const after = await used();
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
  return (after - before) / MEMORY_JOBS;
}

export async function run(): Promise<void> {
  if (!hasRedisServer()) {
    process.stdout.write('skipped: redis-server not installed\n');
    return;
  }
  const server = await startTestServer();
  const redis = await startRedis();
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  try {
    const urls = (offset: number) =>
      Array.from({ length: PAGES }, (_, i) => `${server.origin}/article/${offset + i}`);
    await inline(urls(90_000).slice(0, 20), dir); // warm-up: JIT, compromise lexicon, Kùzu
    // Alternating rounds, best of each: order effects (GC, JIT, page cache) hit every path alike.
    let inlineMs = Number.POSITIVE_INFINITY;
    let q1 = Number.POSITIVE_INFINITY;
    let q2 = Number.POSITIVE_INFINITY;
    for (let round = 0; round < ROUNDS; round++) {
      const base = 10_000 * (round * 3 + 1);
      inlineMs = Math.min(inlineMs, await inline(urls(base), dir));
      q1 = Math.min(q1, await queued(urls(base + 10_000), dir, redis.url, 1));
      q2 = Math.min(q2, await queued(urls(base + 20_000), dir, redis.url, 2));
    }
    const inlineRate = PAGES / (inlineMs / 1000);
    process.stdout.write(
      `pages: ${PAGES} generated articles from a local HTTP server, into embedded Kùzu, best of ${ROUNDS} alternating rounds\n`,
    );
    process.stdout.write(`inline (fetch -> processPage):   ${rate(PAGES, inlineMs)} articles/s\n`);
    for (const [label, ms] of [
      ['queue, 1 worker, concurrency 1', q1],
      ['queue, 1 worker, concurrency 2', q2],
    ] as const) {
      const ratio = PAGES / (ms / 1000) / inlineRate;
      process.stdout.write(`${label}: ${rate(PAGES, ms)} articles/s = ${ratio.toFixed(2)}x inline\n`);
    }
    const perJob = await memoryPerJob(redis.url, server.origin);
    process.stdout.write(`redis memory per waiting job: ${Math.round(perJob)} bytes (${MEMORY_JOBS} jobs)\n`);
  } finally {
    await closeFetchAgents();
    await redis.stop();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
