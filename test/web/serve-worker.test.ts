/**
 * `newsgraph serve` and a worker on the same embedded file, as operators run them: real child processes
 * (`serve`, `worker`), a real redis-server, a local HTTP server of article pages. In both orders the
 * worker writes and the explorer shows what it wrote; when the process holding the file stops, the
 * other takes the file over (src/graph/shared.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leasePathOf } from '../../src/graph/query-server.js';
import { createRedis, enqueueUrls, openArticleQueue, queueConfig } from '../../src/queue/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';
import { type CliChild, runCli, spawnCli, waitUntil } from '../support/worker-process.js';
import { ingestFixtures, type Served, startServe } from './serve-process.js';

const redisUrl = testRedisUrl();
let pages: TestServer;
let dir: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  pages = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-worker-'));
});
afterAll(async () => {
  await pages?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A fresh queue on the shared Redis, and a way to start workers on it writing into `db`. */
function queueFor(url: string, db: string) {
  const config = queueConfig({ redisUrl: url, queueName: `sw-${randomUUID()}`, prefix: 'ngsw' });
  const redis: Redis = createRedis(url, { forWorker: true });
  const queue: Queue = openArticleQueue(config, redis);
  const children: CliChild[] = [];
  cleanups.push(async () => {
    for (const c of children) if (c.child.exitCode === null) await c.kill9();
    await queue.obliterate({ force: true }).catch(() => undefined);
    redis.disconnect();
    await queue.close().catch(() => undefined);
  });
  return {
    enqueue: async (from: number, n: number) => {
      const urls = Array.from({ length: n }, (_, i) => `${pages.origin}/article/${from + i}`);
      await enqueueUrls(queue, urls, {
        jobOptions: { backoff: { type: 'newsgraph', delay: 300 }, attempts: 10 },
      });
    },
    worker: () => {
      const c = spawnCli(
        [
          'worker',
          ...['--queue', config.queueName, '--prefix', config.prefix, '--redis', url],
          ...['--host-interval', '0', '--no-robots', '--db', db],
        ],
        { NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '1' },
      );
      children.push(c);
      return c;
    },
  };
}

function trackServe(s: Served): Served {
  cleanups.push(() => s.stop());
  return s;
}

/** Articles from the local page server the explorer shows (through its JSON API). */
async function servedArticles(s: Served): Promise<number> {
  const res = await fetch(new URL('/api/query', s.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      cypher: 'MATCH (a:Article) WHERE a.url STARTS WITH $origin RETURN count(*) AS n',
      params: { origin: pages.origin },
    }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return Number(((await res.json()) as { rows: { items: Array<{ n: number }> } }).rows.items[0]!.n);
}

const lease = (db: string) =>
  existsSync(leasePathOf(db))
    ? (JSON.parse(readFileSync(leasePathOf(db), 'utf8')) as { pid: number; writes?: boolean })
    : undefined;

describe('serve while a worker writes, on the embedded store', { timeout: 240_000 }, () => {
  it('serve first: a worker started afterwards writes through serve, and holds the file once serve stops', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const db = join(dir, 'serve-first.lbug');
    await ingestFixtures({ args: ['--db', db], env: {} });
    const served = trackServe(await startServe({ args: ['--db', db], env: {} }));
    expect(lease(db)).toMatchObject({ writes: true }); // serve holds the file and writes for others
    const q = queueFor(redisUrl, db);
    const worker = q.worker();
    await q.enqueue(1, 5);
    await waitUntil(
      'the worker to write 5 articles through serve',
      async () => (await servedArticles(served)) === 5,
    );
    expect(worker.child.exitCode).toBeNull();
    expect(worker.stderr()).not.toMatch(/graph-locked/);
    // `newsgraph query` reads through serve too.
    const query = await runCli([
      'query',
      'MATCH (a:Article) RETURN count(*) AS n',
      '--db',
      db,
      '--format',
      'json',
    ]);
    expect(query.code).toBe(0);
    // serve stops: the worker takes the file over at its next write.
    await served.stop();
    await q.enqueue(6, 3);
    await waitUntil('the worker to hold the file', async () => lease(db)?.pid === worker.child.pid);
    const next = trackServe(await startServe({ args: ['--db', db], env: {} }));
    await waitUntil('the worker to write 8 articles', async () => (await servedArticles(next)) === 8);
    expect(await worker.stop()).toBe(0);
  });

  it('worker first: serve reads through the worker, and takes the file over when the worker stops', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const db = join(dir, 'worker-first.lbug');
    await ingestFixtures({ args: ['--db', db], env: {} });
    const q = queueFor(redisUrl, db);
    const worker = q.worker();
    await waitUntil('the worker to hold the file', async () => lease(db)?.pid === worker.child.pid);
    const served = trackServe(await startServe({ args: ['--db', db], env: {} }));
    await q.enqueue(1, 5);
    await waitUntil(
      'serve to show the 5 articles the worker wrote',
      async () => (await servedArticles(served)) === 5,
    );
    const search = await fetch(new URL('/api/search?q=rodos', served.url));
    expect(search.status).toBe(200);
    expect(await worker.stop()).toBe(0);
    // The next request finds the holder gone: serve holds the file now, and still answers.
    expect(await servedArticles(served)).toBe(5);
    expect(lease(db)).toMatchObject({ writes: true });
    expect(lease(db)?.pid).not.toBe(worker.child.pid);
    // And a worker started now writes through serve.
    const second = q.worker();
    await q.enqueue(6, 2);
    await waitUntil(
      'the second worker to write through serve',
      async () => (await servedArticles(served)) === 7,
    );
    expect(await second.stop()).toBe(0);
  });
});
