/**
 * Conditional GET through the worker: after a page's article is written, its ETag / Last-Modified are kept
 * in Redis; re-queuing the same URL sends them, and a 304 ends the job without writing again.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySink } from '../../src/graph/memory.js';
import { FsPageStore } from '../../src/pages/index.js';
import {
  createRedis,
  enqueueUrls,
  openArticleQueue,
  queueConfig,
  startArticleWorker,
} from '../../src/queue/index.js';
import { jobIdFor } from '../../src/queue/job-data.js';
import { loadValidators } from '../../src/queue/validators.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';

const redisUrl = testRedisUrl();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('conditional re-fetch (real redis-server, local HTTP server)', () => {
  it('keeps validators after a write and turns a 304 into an unchanged job', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const prefix = `ngv${randomUUID().slice(0, 8)}`;
    const config = queueConfig({ redisUrl, queueName: `v-${randomUUID()}`, prefix });
    const redis = createRedis(redisUrl, { forWorker: false });
    const connection = createRedis(redisUrl, { forWorker: true });
    const queue = openArticleQueue(config, redis);
    const sink = new MemorySink();
    const url = `${server.origin}/etag`;
    const pagesDir = mkdtempSync(join(tmpdir(), 'newsgraph-pages-'));
    const pages = new FsPageStore(pagesDir);
    const worker = startArticleWorker(config, connection, {
      sink,
      pages,
      redis,
      prefix,
      fetchOptions: { allowPrivateHosts: true },
      hostIntervalMs: 0,
      obeyRobots: false,
    });
    const finished = () =>
      new Promise<unknown>((resolve, reject) => {
        worker.once('completed', (_job, result) => resolve(result));
        worker.once('failed', (_job, err) => reject(err));
      });
    try {
      let done = finished();
      await enqueueUrls(queue, [url]);
      expect(await done).toMatchObject({ entities: expect.any(Number), facts: expect.any(Number) });
      expect(await loadValidators(redis, prefix, url)).toEqual({
        etag: '"v1"',
        lastModified: 'Tue, 04 Mar 2025 10:00:00 GMT',
      });
      const writesBefore = sink.snapshot();

      done = finished();
      await enqueueUrls(queue, [url], { force: true });
      expect(await done).toMatchObject({ unchanged: true, url });
      const etagRequests = server.requests.filter((r) => r.path === '/etag');
      expect(etagRequests.at(-1)?.headers['if-none-match']).toBe('"v1"');
      expect(etagRequests.at(-2)?.headers['if-none-match']).toBeUndefined();
      expect(sink.snapshot()).toEqual(writesBefore);

      // The written page's bytes were kept for `reprocess`.
      const records = [];
      for await (const r of pages.records()) records.push(r);
      expect(records).toMatchObject([{ kind: 'html', url }]);
      expect(Buffer.from(await pages.read(records[0]!)).toString()).toContain('<html');

      // Validators kept by another extractor version are not sent: a rule change is never hidden by a 304.
      await redis.hset(`${prefix}:validators:${jobIdFor(url)}`, 'version', '0.0.1+old-rules');
      done = finished();
      await enqueueUrls(queue, [url], { force: true });
      expect(await done).toMatchObject({ entities: expect.any(Number), facts: expect.any(Number) });
      expect(
        server.requests.filter((r) => r.path === '/etag').at(-1)?.headers['if-none-match'],
      ).toBeUndefined();
    } finally {
      rmSync(pagesDir, { recursive: true, force: true });
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      redis.disconnect();
      connection.disconnect();
    }
  });
});
