/**
 * `newsgraph crawl` and `status` as an operator sees them: per source what was found or why it failed,
 * `--verbose` lists the URLs added, and every run (failed ones too) shows in `status` and its JSON.
 * Real CLI processes, a real local feed server, a real redis-server.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlRunsKey, createRedis, openArticleQueue, queueConfig } from '../../src/queue/index.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';
import { runCli } from '../support/worker-process.js';

const redisUrl = testRedisUrl();
let server: Server;
let origin: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/news.rss') {
      res.writeHead(200, { 'content-type': 'application/x-rss+xml' });
      return res.end(
        `<rss version="2.0"><channel><title>t</title><item><link>${origin}/a/1</link></item><item><link>${origin}/a/2</link></item></channel></rss>`,
      );
    }
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>not found</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'ng-crawl-cli-'));
  const source = (type: string, path: string) => `  - { type: ${type}, url: "${origin}${path}" }\n`;
  writeFileSync(
    join(dir, 'mixed.yaml'),
    `schedule: { every: 1h }\nmaxAge: 3650d\nsources:\n${source('feed', '/news.rss')}${source('sitemap', '/gone.xml')}`,
  );
  writeFileSync(
    join(dir, 'dead.yaml'),
    `schedule: { every: 1h }\nsources:\n${source('feed', '/gone.rss')}${source('section', '/gone/')}`,
  );
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('newsgraph crawl / status (real CLI, real redis-server)', () => {
  it('prints per source what it found or why it failed, --verbose the URLs added; status shows the runs', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const queueName = `crawl-cli-${randomUUID()}`;
    const common = ['--redis', redisUrl, '--queue', queueName, '--prefix', 'ngcli', '--pipelines', dir];
    const env = { NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '1' };
    const redis = createRedis(redisUrl, { forWorker: false });
    const config = queueConfig({ redisUrl, queueName, prefix: 'ngcli' });
    try {
      const mixed = await runCli(['crawl', 'mixed', '--verbose', ...common], env);
      expect(mixed.code).toBe(1); // a source failed
      expect(mixed.stdout).toBe(
        [
          `feed     ${origin}/news.rss (application/x-rss+xml, feed): 2 found, 2 kept`,
          `sitemap  ${origin}/gone.xml: failed: http-404: HTTP 404`,
          `added    ${origin}/a/1`,
          `added    ${origin}/a/2`,
          'mixed: 2 links found, 2 kept, 2 added, 0 duplicate',
          '',
        ].join('\n'),
      );

      const dead = await runCli(['crawl', 'dead', ...common], env);
      expect(dead.code).toBe(1);
      expect(dead.stdout).toContain(`feed     ${origin}/gone.rss: failed: http-404: HTTP 404\n`);
      expect(dead.stdout).toContain(`section  ${origin}/gone/: failed: http-404: HTTP 404\n`);
      expect(dead.stderr).toContain('crawl-failed: pipeline dead: every source failed');

      const status = await runCli([
        'status',
        '--json',
        '--redis',
        redisUrl,
        '--queue',
        queueName,
        '--prefix',
        'ngcli',
      ]);
      expect(status.code).toBe(0);
      const { crawls } = JSON.parse(status.stdout) as { crawls: Array<Record<string, unknown>> };
      expect(crawls).toMatchObject([
        {
          pipeline: 'dead',
          trigger: 'cli',
          ok: false,
          error: expect.stringMatching(/^crawl-failed: /),
          sources: [
            { url: `${origin}/gone.rss`, error: 'http-404: HTTP 404' },
            { url: `${origin}/gone/`, error: 'http-404: HTTP 404' },
          ],
        },
        {
          pipeline: 'mixed',
          trigger: 'cli',
          ok: true,
          discovered: 2,
          added: 2,
          sources: [
            { url: `${origin}/news.rss`, kind: 'feed', found: 2, kept: 2 },
            { url: `${origin}/gone.xml`, error: 'http-404: HTTP 404', found: 0 },
          ],
        },
      ]);

      const text = await runCli(['status', '--redis', redisUrl, '--queue', queueName, '--prefix', 'ngcli']);
      expect(text.stdout).toMatch(
        /crawls \(newest first\):\n {2}\S+ {2}dead \(cli\) {2}FAILED: crawl-failed: /,
      );
      expect(text.stdout).toMatch(
        / {2}\S+ {2}mixed \(cli\) {2}2 links found, 2 kept, 2 added, 0 duplicate\n/,
      );
      expect(text.stdout).toContain(`    sitemap  ${origin}/gone.xml: failed: http-404: HTTP 404\n`);
    } finally {
      const queue = openArticleQueue(config, redis);
      await queue.obliterate({ force: true });
      await queue.close();
      await redis.del(crawlRunsKey(config));
      redis.disconnect();
    }
  }, 120_000);
});
