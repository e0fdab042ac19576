import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/index.js';
import { durationMs, loadPipelines, parsePipeline } from '../../src/crawl/pipeline.js';

const valid = `
schedule: { every: 15m }
sources:
  - { type: feed, url: "https://news.example.org/feed/" }
`;

describe('parsePipeline', () => {
  it('applies defaults', () => {
    const p = parsePipeline('tech-news', valid);
    expect(p).toMatchObject({ id: 'tech-news', limit: 200, maxAge: '2d', enabled: true });
    expect(p.sources[0]).toEqual({ type: 'feed', url: 'https://news.example.org/feed/' });
  });

  it.each([
    ['an unknown key', `${valid}\nfrequency: 3\n`, /frequency/],
    [
      'a non-http source',
      valid.replace('https://news.example.org/feed/', 'ftp://x.example/feed'),
      /sources\.0\.url/,
    ],
    ['an unknown source type', valid.replace('type: feed', 'type: twitter'), /sources\.0\.type/],
    ['no sources', 'schedule: { every: 15m }\nsources: []\n', /sources/],
    ['a schedule below one minute', valid.replace('15m', '30s'), /at least 1m/],
    ['a bad regular expression', valid.replace('feed/" }', 'feed/", include: "([" }'), /regular expression/],
    ['broken YAML', 'schedule: [', /pipeline bad/],
  ])('rejects %s with a clear message', (_what, text, message) => {
    const id = _what === 'broken YAML' ? 'bad' : 'p1';
    expect(() => parsePipeline(id, text)).toThrow(InputError);
    expect(() => parsePipeline(id, text)).toThrow(message);
  });

  it('rejects ids that cannot be scheduler ids', () => {
    expect(() => parsePipeline('Has Spaces', valid)).toThrow(/bad pipeline id/);
  });
});

describe('durationMs', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
  ])('%s = %d ms', (text, ms) => expect(durationMs(text)).toBe(ms));

  it('refuses other spellings', () => expect(() => durationMs('15 minutes')).toThrow(/not a duration/));
});

describe('loadPipelines', () => {
  it('loads every yaml file of a folder, named by file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-pipelines-'));
    writeFileSync(join(dir, 'b-feed.yaml'), valid);
    writeFileSync(join(dir, 'a-feed.yml'), valid);
    writeFileSync(join(dir, 'notes.txt'), 'not a pipeline');
    expect((await loadPipelines(dir)).map((p) => p.id)).toEqual(['a-feed', 'b-feed']);
  });

  it('the shipped pipelines are valid', async () => {
    const pipelines = await loadPipelines(new URL('../../pipelines', import.meta.url).pathname);
    expect(pipelines.length).toBeGreaterThan(0);
  });
});
