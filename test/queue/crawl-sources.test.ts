/**
 * Feeds and sitemaps as plain static servers send them: `.rss` as application/x-rss+xml (as Python's
 * http.server does), feeds as text/plain or application/octet-stream, `sitemap.xml.gz` as application/gzip,
 * a robots.txt listing sitemaps. A real static file server on 127.0.0.1, the real fetcher, a real
 * redis-server queue: the body decides (its root element), and each refused source says why.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePipeline } from '../../src/crawl/pipeline.js';
import { runPipeline } from '../../src/crawl/run-pipeline.js';
import { closeFetchAgents } from '../../src/fetch/index.js';
import { crawlDeps, createRedis, openArticleQueue, queueConfig } from '../../src/queue/index.js';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';

const redisUrl = testRedisUrl();

/** The types Python's http.server (mimetypes) sends for these extensions; anything else: octet-stream. */
const STATIC_TYPES: Record<string, string> = {
  '.rss': 'application/x-rss+xml',
  '.atom': 'application/atom+xml',
  '.xml': 'text/xml',
  '.txt': 'text/plain',
  '.gz': 'application/gzip',
  '.html': 'text/html',
  '.pdf': 'application/pdf',
};

let dir: string;
let server: Server;
let origin: string;
let redis: Redis;
let queue: Queue;

/** ISO-8859-2 bytes of "zpráva-ąć" (á = 0xe1, ą = 0xb1, ć = 0xe6), hand-encoded. */
const LATIN2_SLUG = Buffer.from([0x7a, 0x70, 0x72, 0xe1, 0x76, 0x61, 0x2d, 0xb1, 0xe6]);

function files(o: string): Record<string, string | Buffer> {
  const rss = (items: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>${o}/</link>${items
      .map((p) => `<item><title>${p}</title><link>${o}${p}</link></item>`)
      .join('')}</channel></rss>`;
  return {
    'news.rss': rss(['/a/rss-1', '/a/rss-2']),
    'feed.txt': rss(['/a/text-1']),
    'feed.bin': rss(['/a/octet-1']),
    'updates.atom': `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>x</title><link rel="alternate" href="${o}/a/atom-1"/><link rel="replies" href="${o}/a/atom-1/comments"/></entry></feed>`,
    'rss091.xml': `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>t</title><link>${o}/</link><description>d</description><language>en</language><item><title>x</title><link>${o}/a/rss091-1</link></item></channel></rss>`,
    'latin2.rss': Buffer.concat([
      Buffer.from(
        `<?xml version="1.0" encoding="iso-8859-2"?><rss version="2.0"><channel><title>t</title><item><link>${o}/a/`,
      ),
      LATIN2_SLUG,
      Buffer.from('</link></item></channel></rss>'),
    ]),
    'sitemap.xml.gz': gzipSync(
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${o}/a/gz-1</loc></url><url><loc>${o}/a/gz-2</loc></url></urlset>`,
    ),
    'sitemap-index.xml': `<sitemapindex><sitemap><loc>${o}/sitemap.xml.gz</loc></sitemap><sitemap><loc>${o}/missing.xml</loc></sitemap></sitemapindex>`,
    'robots.txt': `User-agent: *\nAllow: /\nSitemap: ${o}/sitemap-index.xml\n`,
    'page.html':
      '<!doctype html><html><head><title>Not a feed</title></head><body><p>hello</p></body></html>',
    'report.pdf': '%PDF-1.4\n',
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ng-static-'));
  server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name.replace(/[/\\]/g, '')));
    } catch {
      return res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>not found</body></html>');
    }
    const type = STATIC_TYPES[extname(name)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [name, content] of Object.entries(files(origin))) writeFileSync(join(dir, name), content);
  if (!redisUrl) return;
  redis = createRedis(redisUrl, { forWorker: false });
  queue = openArticleQueue(
    queueConfig({ redisUrl, queueName: `src-${randomUUID()}`, prefix: 'ngtest' }),
    redis,
  );
});
afterAll(async () => {
  if (queue) {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  }
  await closeFetchAgents();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('crawl sources as static servers send them (real static server, real redis-server)', () => {
  it('reads feeds whatever their feed-family type, sitemaps (.xml.gz, via robots.txt), and says why others were refused', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const source = (type: string, name: string) => `  - { type: ${type}, url: "${origin}/${name}" }\n`;
    const yaml = `schedule: { every: 30m }\nmaxAge: 3650d\nsources:\n${[
      source('feed', 'news.rss'),
      source('feed', 'feed.txt'),
      source('feed', 'feed.bin'),
      source('feed', 'updates.atom'),
      source('feed', 'rss091.xml'),
      source('feed', 'latin2.rss'),
      source('sitemap', 'sitemap.xml.gz'),
      source('sitemap', 'robots.txt'),
      source('feed', 'page.html'),
      source('feed', 'report.pdf'),
    ].join('')}`;
    const report = await runPipeline(
      parsePipeline('static', yaml),
      crawlDeps(queue, { allowPrivateHosts: true }),
    );
    const by = Object.fromEntries(report.sources.map((s) => [s.url.slice(origin.length + 1), s]));
    expect(by['news.rss']).toMatchObject({ kind: 'feed', contentType: 'application/x-rss+xml', found: 2 });
    expect(by['feed.txt']).toMatchObject({ kind: 'feed', contentType: 'text/plain', found: 1 });
    expect(by['feed.bin']).toMatchObject({ kind: 'feed', contentType: 'application/octet-stream', found: 1 });
    expect(by['updates.atom']).toMatchObject({ kind: 'feed', contentType: 'application/atom+xml', found: 1 });
    expect(by['rss091.xml']).toMatchObject({ kind: 'feed', contentType: 'text/xml', found: 1 });
    expect(by['latin2.rss']).toMatchObject({ kind: 'feed', found: 1 });
    expect(by['sitemap.xml.gz']).toMatchObject({
      kind: 'sitemap',
      contentType: 'application/gzip',
      found: 2,
    });
    expect(by['robots.txt']).toMatchObject({ kind: 'robots', found: 2 });
    expect(by['robots.txt']?.children).toEqual([
      { url: `${origin}/sitemap-index.xml`, found: 0 },
      { url: `${origin}/sitemap.xml.gz`, found: 2 },
      { url: `${origin}/missing.xml`, found: 0, error: 'http-404: HTTP 404' },
    ]);
    expect(by['page.html']?.error).toBe(
      'not-a-feed: refused: text/html whose body is <html>, not an XML feed or sitemap (source type feed)',
    );
    expect(by['report.pdf']?.error).toMatch(
      /^refused-type: refused Content-Type application\/pdf: a feed source/,
    );
    for (const ok of ['news.rss', 'feed.txt', 'feed.bin', 'updates.atom', 'rss091.xml', 'latin2.rss'])
      expect(by[ok]?.error).toBeUndefined();

    const added = (await queue.getJobs(['waiting', 'prioritized'])).map((j) => String(j.data.url)).sort();
    const expected = [
      '/a/rss-1',
      '/a/rss-2',
      '/a/text-1',
      '/a/octet-1',
      '/a/atom-1',
      '/a/rss091-1',
      `/a/${encodeURIComponent('zpráva-ąć')}`,
      '/a/gz-1',
      '/a/gz-2',
    ].map((p) => `${origin}${p}`);
    expect(added).toEqual([...expected].sort());
    expect([...report.addedUrls].sort()).toEqual([...expected].sort());
    expect(report).toMatchObject({ added: 9, duplicates: 0 });
    expect(report.errors.map((e) => e.source.slice(origin.length + 1)).sort()).toEqual(
      ['missing.xml', 'page.html', 'report.pdf'].sort(),
    );
  });
});
