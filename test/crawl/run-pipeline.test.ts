import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../../src/core/index.js';
import { parsePipeline } from '../../src/crawl/pipeline.js';
import { type CrawlDeps, runPipeline } from '../../src/crawl/run-pipeline.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/crawl/${name}`, import.meta.url), 'utf8');

/** A tiny in-memory "web" of the fixture documents, and a recording queue. */
function deps(pages: Record<string, string>): CrawlDeps & { queued: string[][]; fetched: string[] } {
  const queued: string[][] = [];
  const fetched: string[] = [];
  return {
    queued,
    fetched,
    now: () => new Date('2026-11-25T00:00:00Z'),
    async fetchSource(url) {
      fetched.push(url);
      const text = pages[url];
      if (text === undefined) throw new NewsgraphError('http-404', `HTTP 404 for ${url}`);
      return { text, url };
    },
    async enqueue(urls) {
      queued.push(urls);
      return { added: urls.length, duplicates: 0 };
    },
  };
}

const pipelineYaml = `
schedule: { every: 30m }
maxAge: 7d
sources:
  - { type: feed, url: "https://news.example.org/feed/" }
  - { type: sitemap, url: "https://news.example.org/sitemap.xml" }
  - { type: section, url: "https://news.example.org/international/" }
`;

describe('runPipeline', () => {
  it('reads every source, follows sitemap indexes, drops old and duplicate links, and enqueues once', async () => {
    const d = deps({
      'https://news.example.org/feed/': fixture('rss2.xml'),
      'https://news.example.org/sitemap.xml': fixture('sitemap-index.xml'),
      'https://news.example.org/sitemap-news.xml': fixture('sitemap-news.xml'),
      'https://news.example.org/international/': fixture('section.html'),
    });
    const report = await runPipeline(parsePipeline('tech', pipelineYaml), d);
    expect(d.queued).toHaveLength(1);
    expect(d.queued[0]).toEqual([
      'https://news.example.org/2026/11/kalibr-iran-cooperation/',
      'https://news.example.org/2026/11/relative-story/',
      'https://news.example.org/2026/11/abbyy-national-library/',
      'https://www.news.example.org/international/islamic-azad-university-opens-rd-center',
    ]);
    // the second child sitemap is missing: its error is reported, the others still count
    expect(report).toMatchObject({ pipeline: 'tech', kept: 4, added: 4 });
    expect(report.errors).toEqual([
      { source: 'https://news.example.org/sitemap-2026-11.xml', error: expect.stringContaining('404') },
    ]);
    expect(report.discovered).toBe(6);
  });

  it('reports a failing source and goes on with the others', async () => {
    const d = deps({ 'https://news.example.org/feed/': fixture('rss2.xml') });
    const report = await runPipeline(parsePipeline('tech', pipelineYaml), d);
    expect(report.added).toBe(2);
    expect(report.errors.map((e) => e.source)).toEqual([
      'https://news.example.org/sitemap.xml',
      'https://news.example.org/international/',
    ]);
  });

  it('fails retriably when every source fails', async () => {
    const d = deps({});
    await expect(runPipeline(parsePipeline('tech', pipelineYaml), d)).rejects.toMatchObject({
      code: 'crawl-failed',
      retriable: true,
    });
    expect(d.queued).toEqual([]);
  });

  it('enqueues at most `limit` links', async () => {
    const d = deps({ 'https://news.example.org/feed/': fixture('rss2.xml') });
    const yaml =
      'schedule: { every: 30m }\nmaxAge: 7d\nlimit: 1\nsources:\n  - { type: feed, url: "https://news.example.org/feed/" }\n';
    const report = await runPipeline(parsePipeline('one', yaml), d);
    expect(d.queued[0]).toHaveLength(1);
    expect(report.kept).toBe(1);
  });
});
