/**
 * The operator commands as child processes against a real redis-server: enqueue (args, --file, stdin),
 * status (--json, failures with reasons), retry-failed (--reason), dashboard, and exit code 3 when Redis
 * is unreachable.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/article/index.js';
import { EXTRACTOR_VERSION } from '../../src/core/extractor-version.js';
import { toGraphWrite } from '../../src/graph/index.js';
import { openKuzuSink } from '../../src/graph/kuzu.js';
import { analyze } from '../../src/nlp/index.js';
import { createRedis, enqueueUrls, openArticleQueue, queueConfig } from '../../src/queue/index.js';
import { freePort, REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';
import { BIN, runCli, spawnCli, waitUntil } from '../support/worker-process.js';

const redisUrl = testRedisUrl();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const queueArgs = (name: string) => ['--redis', redisUrl ?? '', '--queue', name, '--prefix', 'ngcli'];

function runWithStdin(args: string[], input: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.once('close', (code) => resolve({ code, stdout }));
    child.stdin.end(input);
  });
}

describe('operator commands (real redis-server)', () => {
  it('enqueue reports added / duplicate / rejected from args, --file and stdin', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const name = `cli-${randomUUID()}`;
    const file = join(dir, 'urls.txt');
    writeFileSync(file, '# comment\nhttps://example.com/b\nhttps://example.com/a?utm_source=feed\n');
    const first = await runCli([
      'enqueue',
      ...queueArgs(name),
      'https://example.com/a',
      'ftp://example.com/x',
      '--file',
      file,
    ]);
    expect(first.code).toBe(1); // one line was rejected
    expect(first.stdout).toContain('added      https://example.com/a');
    expect(first.stdout).toContain('added      https://example.com/b');
    expect(first.stdout).toContain('rejected   ftp://example.com/x: unsupported scheme ftp:');
    expect(first.stdout).toContain('2 added, 1 duplicate, 1 rejected');
    const again = await runWithStdin(
      ['enqueue', ...queueArgs(name), '-'],
      'https://example.com/b\nhttps://example.com/c\n',
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('duplicate  https://example.com/b (waiting)');
    expect(again.stdout).toContain('1 added, 1 duplicate, 0 rejected');
  }, 120_000);

  it('status shows counts and failures with reasons; retry-failed --reason re-queues the matching ones', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const config = queueConfig({ redisUrl, queueName: `cli-${randomUUID()}`, prefix: 'ngcli' });
    const redis = createRedis(redisUrl, { forWorker: true });
    const queue = openArticleQueue(config, redis);
    try {
      await enqueueUrls(queue, [
        'https://example.com/doc.pdf',
        'https://example.com/missing',
        'https://example.com/ok',
      ]);
      const connection = createRedis(redisUrl, { forWorker: true });
      const worker = new Worker(
        config.queueName,
        async (job) => {
          if (job.data.url.endsWith('.pdf'))
            throw new UnrecoverableError('not-html: not an article: application/pdf');
          if (job.data.url.endsWith('missing')) throw new UnrecoverableError('http-404: HTTP 404');
          return { ok: true };
        },
        { connection, prefix: config.prefix },
      );
      await waitUntil(
        'jobs to finish',
        async () => (await queue.getJobCounts('failed', 'completed')).failed === 2,
        30_000,
      );
      await worker.close();
      connection.disconnect();
      // A graph with one article of an older extractor version and one of the current one.
      const db = join(dir, 'status.kuzu');
      const sink = await openKuzuSink({ path: db });
      await sink.ensureSchema();
      for (const [text, version] of [
        ['Old news\n\nAcme Corp opened an office in Paris.', '0.0.1+old'],
        ['New news\n\nGlobex Inc opened an office in Rome.', undefined],
      ] as const) {
        const article = articleFromText(text);
        const doc = analyze(article.text, { title: article.title });
        await sink.write(toGraphWrite(article, doc, version ? { extractorVersion: version } : {}));
      }
      await sink.close();
      const status = await runCli(['status', '--json', ...queueArgs(config.queueName), '--db', db]);
      expect(status.code).toBe(0);
      const json = JSON.parse(status.stdout);
      expect(json).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 1, failed: 2 });
      expect(json.articles).toEqual({ extractorVersion: EXTRACTOR_VERSION, articles: 2, outdated: 1 });
      expect(json.throughput).toMatchObject({ minutes: 15, order: 'newest-first' });
      expect(json.throughput.completedPerMinute).toHaveLength(15);
      expect(json.throughput.failedPerMinute).toHaveLength(15);
      expect(json.failures.map((f: { reason: string }) => f.reason).sort()).toEqual([
        'http-404: HTTP 404',
        'not-html: not an article: application/pdf',
      ]);
      const text = await runCli(['status', ...queueArgs(config.queueName), '--db', db]);
      expect(text.stdout).toMatch(/failed 2/);
      expect(text.stdout).toContain('articles: 2 in the graph, 1 outdated');
      expect(text.stdout).toContain('https://example.com/doc.pdf  not-html: not an article: application/pdf');
      const retry = await runCli(['retry-failed', '--reason', 'HTTP 404', ...queueArgs(config.queueName)]);
      expect(retry.stdout).toContain('1 failed job(s) moved back to waiting, 1 left');
      expect(await queue.getJobCounts('waiting', 'failed')).toEqual({ waiting: 1, failed: 1 });
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      redis.disconnect();
    }
  }, 120_000);

  it('dashboard serves bull-board on localhost and stops on SIGTERM', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const port = await freePort();
    const name = `cli-${randomUUID()}`;
    const board = spawnCli(['dashboard', '--port', String(port), ...queueArgs(name)]);
    try {
      let body = '';
      await waitUntil(
        'the dashboard to answer',
        async () => {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/api/queues`);
            body = await res.text();
            return res.ok;
          } catch {
            return false;
          }
        },
        60_000,
      );
      expect(body).toContain(name);
      expect((await fetch(`http://127.0.0.1:${port}/`)).headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      expect(await board.stop()).toBe(0);
    }
  }, 120_000);
});

describe('Redis unreachable', () => {
  it.each(['enqueue https://example.com/a', 'status', 'worker', 'retry-failed'])(
    '`%s` exits 3 with one clear line',
    async (command) => {
      const port = await freePort(); // nothing listens there
      const { code, stderr } = await runCli([...command.split(' '), '--redis', `redis://127.0.0.1:${port}`]);
      expect(code).toBe(3);
      expect(stderr.trim()).toMatch(/^newsgraph: Redis is unreachable at redis:\/\/127\.0\.0\.1:\d+/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    },
    60_000,
  );
});
