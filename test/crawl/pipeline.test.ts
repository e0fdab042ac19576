import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/index.js';
import { durationMs, loadPipelines, parsePipeline, readPipelines } from '../../src/crawl/pipeline.js';

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
    ['an unknown key', `${valid}\nfrequency: 3\n`, /^p1\.yaml:6: frequency: unknown field \(frequency\)$/],
    [
      'a non-http source',
      valid.replace('https://news.example.org/feed/', 'ftp://x.example/feed'),
      /^p1\.yaml:4: sources\[0\]\.url: /,
    ],
    [
      'an unknown source type',
      valid.replace('type: feed', 'type: twitter'),
      /^p1\.yaml:4: sources\[0\]\.type: /,
    ],
    ['no sources', 'schedule: { every: 15m }\nsources: []\n', /^p1\.yaml:2: sources: /],
    [
      'a schedule below one minute',
      valid.replace('15m', '30s'),
      /^p1\.yaml:2: schedule\.every: must be at least 1m$/,
    ],
    [
      'a bad regular expression',
      valid.replace('feed/" }', 'feed/", include: "([" }'),
      /^p1\.yaml:4: sources\[0\]\.include: bad regular expression "\(\[": /,
    ],
    [
      'both every and cron',
      valid.replace('every: 15m', 'every: 15m, cron: "* * * * *"'),
      /^p1\.yaml:2: schedule: give either/,
    ],
    ['broken YAML', 'schedule: {\n  every: 15m\nsources: [', /^p1\.yaml:\d+: YAML: /],
  ])('rejects %s naming the file, the line and the field', (_what, text, message) => {
    expect(() => parsePipeline('p1', text)).toThrow(InputError);
    expect(() => parsePipeline('p1', text)).toThrow(message);
  });

  it.each([
    [
      '61 * * * *',
      /^hourly\.yaml:3: schedule\.cron: minute field "61": Constraint error, got value 61 expected range 0-59$/,
    ],
    ['0 25 * * *', /hour field "25": .*range 0-23/],
    ['0 0 * 13 *', /month field "13": .*range 1-12/],
    ['0 0 31 2 *', /schedule\.cron: Invalid explicit day of month/],
    ['0 0 * *', /schedule\.cron: 4 fields; a cron pattern has 5/],
  ])('refuses the cron pattern %s when loaded, naming the cron field', (cron, message) => {
    const text = `description: hourly\nschedule:\n  cron: "${cron}"\nsources:\n  - { type: feed, url: "https://n.example/f" }\n`;
    expect(() => parsePipeline('hourly', text)).toThrow(message);
  });

  it('accepts valid cron patterns, with seconds too', () => {
    for (const cron of ['*/30 * * * *', '0 9 * * MON-FRI', '0 */15 * * * *']) {
      const text = `schedule: { cron: "${cron}" }\nsources:\n  - { type: feed, url: "https://n.example/f" }\n`;
      expect(parsePipeline('c', text).schedule).toEqual({ cron });
    }
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

  it('reports a broken file with its path and skips it; the valid ones still load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-pipelines-'));
    writeFileSync(join(dir, 'good.yaml'), valid);
    writeFileSync(join(dir, 'hourly.yaml'), valid.replace('every: 15m', 'cron: "61 * * * *"'));
    writeFileSync(
      join(dir, 'typo.yaml'),
      `${valid}  - { type: feed, url: "https://x.example/f", exclude: "(" }\n`,
    );
    const { pipelines, problems } = await readPipelines(dir);
    expect(pipelines.map((p) => p.id)).toEqual(['good']);
    expect(problems).toEqual([
      {
        id: 'hourly',
        file: join(dir, 'hourly.yaml'),
        error: `${join(dir, 'hourly.yaml')}:2: schedule.cron: minute field "61": Constraint error, got value 61 expected range 0-59`,
      },
      {
        id: 'typo',
        file: join(dir, 'typo.yaml'),
        error: expect.stringMatching(/typo\.yaml:5: sources\[1\]\.exclude: bad regular expression/),
      },
    ]);
    await expect(loadPipelines(dir)).rejects.toThrow(/hourly\.yaml:2: schedule\.cron/);
  });

  it('the shipped pipelines are valid', async () => {
    const pipelines = await loadPipelines(new URL('../../pipelines', import.meta.url).pathname);
    expect(pipelines.length).toBeGreaterThan(0);
  });
});
