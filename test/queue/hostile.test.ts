/**
 * The hostile web, through the real worker process and `newsgraph extract <url>`: every bad page ends
 * in one readable line (no stack trace) and bounded memory; good pages, in any charset, come out right;
 * loopback in every spelling is refused before any request is sent.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKuzuReader } from '../../src/graph/kuzu.js';
import { createRedis, enqueueUrls, openArticleQueue, queueConfig } from '../../src/queue/index.js';
import { articleTitle, CYRILLIC_TITLE, UTF8_TITLE } from '../support/article-pages.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';
import { runCli, spawnCli, waitUntil } from '../support/worker-process.js';

const redisUrl = testRedisUrl();
/** Peak resident memory allowed for a worker that met a 60 MB page and a 100 MB gzip bomb. */
const MAX_WORKER_RSS_MB = 700;

const BAD: Record<string, RegExp> = {
  '/big/60mb': /^too-large: /,
  '/big-chunked/60mb': /^too-large: /,
  '/gzip-bomb': /^too-large: /,
  '/slow-drip': /^timeout: /,
  '/stall': /^(body-timeout|timeout): /,
  '/loop/a': /^redirect-loop: /,
  '/redirect/30': /^too-many-redirects: /,
  '/pdf': /^not-html: not an article: application\/pdf$/,
  '/binary': /^[a-z-]+: /,
  '/empty': /^empty-body: /,
  '/script-only': /^[a-z-]+: /,
  '/status/404': /^http-404: /,
  '/status/500': /^http-500: /,
  '/lying-length': /^(truncated|connection-reset): /,
};
const GOOD: Record<string, string> = {
  '/redirect/3': articleTitle(1),
  '/cp1251': CYRILLIC_TITLE,
  '/utf8-undeclared': UTF8_TITLE,
  '/gzip-article': articleTitle(4),
  '/br-article': articleTitle(5),
  '/deflate-article': articleTitle(6),
};

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-hostile-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function withQueue(url: string, body: (queue: Queue, name: string, prefix: string) => Promise<void>) {
  const config = queueConfig({ redisUrl: url, queueName: `h-${randomUUID()}`, prefix: 'nghostile' });
  const redis = createRedis(url, { forWorker: true });
  const queue = openArticleQueue(config, redis);
  try {
    await body(queue, config.queueName, config.prefix);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  }
}

const settled = async (queue: Queue) => {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
  return c.waiting! + c.prioritized! + c.active! + c.delayed! === 0;
};

describe('hostile web through the worker process', () => {
  it('fails each bad page with one line, gets the good ones right, stays within memory', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    await withQueue(redisUrl, async (queue, name, prefix) => {
      const paths = [...Object.keys(BAD), ...Object.keys(GOOD)];
      await enqueueUrls(
        queue,
        paths.map((p) => `${server.origin}${p}`),
        { jobOptions: { attempts: 1 } },
      );
      const db = join(dir, 'hostile.kuzu');
      const worker = spawnCli(
        [
          'worker',
          '--queue',
          name,
          '--prefix',
          prefix,
          '--redis',
          redisUrl,
          '--db',
          db,
          '--host-interval',
          '0',
          '--no-robots',
          '--fetch-timeout',
          '3000',
          '--concurrency',
          '4',
        ],
        { NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '1' },
      );
      await waitUntil('every hostile job to finish', () => settled(queue), 120_000);
      const rss = peakRssMb(worker.child.pid!);
      process.stdout.write(`[hostile] worker peak RSS ${Math.round(rss)} MB\n`);
      expect(await worker.stop()).toBe(0);
      const failed = Object.fromEntries(
        (await queue.getFailed(0, -1)).map((j) => [
          new URL(j.data.url).pathname + new URL(j.data.url).search,
          j.failedReason,
        ]),
      );
      for (const [path, reason] of Object.entries(BAD)) {
        expect(failed[path], path).toMatch(reason);
        expect(failed[path], path).not.toMatch(/\n|\bat .+:\d+:\d+/);
      }
      expect(Object.keys(failed).sort()).toEqual(Object.keys(BAD).sort());
      const reader = await openKuzuReader({ path: db });
      const titles = (await reader.query('MATCH (a:Article) RETURN a.title AS title')).map((r) =>
        String(r.title),
      );
      await reader.close();
      expect(titles.sort()).toEqual(Object.values(GOOD).sort());
      expect(rss).toBeLessThan(MAX_WORKER_RSS_MB);
    });
  }, 180_000);

  it('refuses loopback in every spelling before sending any request (no private-hosts setting)', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    await withQueue(redisUrl, async (queue, name, prefix) => {
      const port = server.port;
      const spellings = ['localhost', '127.0.0.1', '127.1', '2130706433', '0x7f.0.0.1', '0.0.0.0', '[::1]'];
      const report = await enqueueUrls(
        queue,
        [
          ...spellings.map((h, i) => `http://${h}:${port}/article/${i}`),
          `${server.origin}/redirect-to?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
          'file:///etc/passwd',
        ],
        { jobOptions: { attempts: 1 } },
      );
      expect(report.lines.at(-1)).toMatchObject({
        status: 'rejected',
        reason: expect.stringMatching(/scheme file:/),
      });
      const before = server.requests.length;
      const worker = spawnCli(
        [
          'worker',
          '--queue',
          name,
          '--prefix',
          prefix,
          '--redis',
          redisUrl,
          '--db',
          join(dir, 'ssrf.kuzu'),
          '--host-interval',
          '0',
        ],
        { NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '0' },
      );
      await waitUntil('every SSRF job to fail', () => settled(queue), 60_000);
      expect(await worker.stop()).toBe(0);
      const failed = await queue.getFailed(0, -1);
      expect(failed).toHaveLength(spellings.length + 1);
      for (const job of failed) expect(job.failedReason, job.data.url).toMatch(/^blocked-address: /);
      expect(server.requests.slice(before)).toEqual([]);
      expect(await queue.getCompletedCount()).toBe(0);
    });
  }, 120_000);
});

describe('hostile web: 200,000 nested <div>s', () => {
  it('fails through the worker with one line', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    await withQueue(redisUrl, async (queue, name, prefix) => {
      await enqueueUrls(queue, [`${server.origin}/nested`], { jobOptions: { attempts: 1 } });
      const worker = spawnCli(
        [
          'worker',
          '--queue',
          name,
          '--prefix',
          prefix,
          '--redis',
          redisUrl,
          '--db',
          join(dir, 'nested.kuzu'),
          '--host-interval',
          '0',
          '--no-robots',
        ],
        { NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '1' },
      );
      try {
        await waitUntil(
          'the nested-divs job to fail: parsing 200,000 nested <div>s must be bounded (it blocks the worker past its 30 s job lock)',
          () => settled(queue),
          60_000,
        );
      } finally {
        await worker.kill9();
      }
      const [job] = await queue.getFailed(0, -1);
      expect(job?.failedReason).toMatch(/^[a-z-]+: [^\n]+$/);
    });
  }, 180_000);
});

describe('hostile web through `newsgraph extract <url>`', () => {
  it('refuses loopback spellings and file: without sending a request', async () => {
    const before = server.requests.length;
    for (const host of ['localhost', '127.1', '2130706433', '0x7f.0.0.1', '0.0.0.0', '[::1]']) {
      const { code, stdout, stderr } = await runCli(['extract', `http://${host}:${server.port}/article/1`], {
        NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '0',
      });
      expect(code, host).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), host).toHaveLength(1);
      expect(stderr, host).toMatch(/blocked-address/);
    }
    const file = await runCli(['extract', 'file:///etc/passwd']);
    expect(file.code).not.toBe(0);
    expect(file.stdout).not.toMatch(/root:/);
    expect(server.requests.slice(before)).toEqual([]);
  }, 120_000);

  it('gives each bad page one line and each good page its article', async () => {
    for (const [path, reason] of Object.entries(BAD)) {
      if (path === '/slow-drip' || path === '/stall') continue; // 30 s default deadline: covered by the worker test
      const { code, stderr } = await runCli(['extract', '--allow-private-hosts', `${server.origin}${path}`]);
      expect(code, path).not.toBe(0);
      expect(stderr.trim().split('\n'), path).toHaveLength(1);
      expect(stderr.replace(/^newsgraph: /, '').trim(), path).toMatch(reason);
    }
    for (const [path, title] of Object.entries(GOOD)) {
      const { code, stdout } = await runCli(['extract', '--allow-private-hosts', `${server.origin}${path}`]);
      expect(code, path).toBe(0);
      expect(JSON.parse(stdout).article.title, path).toBe(title);
    }
  }, 180_000);
});
