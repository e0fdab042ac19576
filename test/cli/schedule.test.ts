import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';

const redisUrl = testRedisUrl();
const bin = new URL('../../bin/newsgraph.js', import.meta.url).pathname;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const yaml = (every: string) =>
  `schedule: { every: ${every} }\nsources:\n  - { type: feed, url: "https://news.example.org/feed/" }\n`;

describe('newsgraph schedule / crawl (real redis-server)', () => {
  it('schedules each pipeline file once and removes a deleted one', (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const dir = mkdtempSync(join(tmpdir(), 'ng-sched-'));
    writeFileSync(join(dir, 'alpha.yaml'), yaml('15m'));
    writeFileSync(join(dir, 'beta.yaml'), yaml('1h'));
    const queue = ['--redis', redisUrl, '--queue', `t-${randomUUID()}`, '--pipelines', dir];
    const first = cli(['schedule', ...queue]);
    expect(first.stdout).toContain('2 scheduled, 0 removed');
    expect(first.code).toBe(0);
    rmSync(join(dir, 'beta.yaml'));
    const second = cli(['schedule', '--json', ...queue]);
    expect(JSON.parse(second.stdout)).toEqual({
      upserted: ['alpha'],
      removed: ['beta'],
      strayJobs: 1,
      skipped: [],
    });
  });

  it('crawl names an unknown pipeline with exit code 2 and a one-line message', (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const dir = mkdtempSync(join(tmpdir(), 'ng-sched-'));
    const r = cli(['crawl', 'nope', '--redis', redisUrl, '--pipelines', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`newsgraph: no pipeline "nope" in ${dir}`);
  });

  it('a broken pipeline file is reported with its file, line and field, and skipped (exit 1); the valid ones are scheduled', (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const dir = mkdtempSync(join(tmpdir(), 'ng-sched-'));
    writeFileSync(join(dir, 'broken.yaml'), 'schedule: { every: 15m }\nsources: []\n');
    writeFileSync(join(dir, 'hourly.yaml'), yaml('15m').replace('every: 15m', 'cron: "61 * * * *"'));
    writeFileSync(join(dir, 'good.yaml'), yaml('15m'));
    const r = cli(['schedule', '--redis', redisUrl, '--queue', `t-${randomUUID()}`, '--pipelines', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('scheduled  good\n');
    expect(r.stdout).toContain(`skipped    ${join(dir, 'broken.yaml')}:2: sources: `);
    expect(r.stdout).toContain(
      `skipped    ${join(dir, 'hourly.yaml')}:1: schedule.cron: minute field "61": Constraint error, got value 61 expected range 0-59\n`,
    );
    expect(r.stdout).toContain('1 scheduled, 0 removed, 2 skipped (broken)');
  });
});
