/**
 * Start-up: each command loads only what it needs (README "Start-up"). The real binary runs as a child
 * process with a preload (test/support/load-trace.mjs) that records every module it loads; the assertions
 * are on package names, so they hold from the build (dist/) and from the sources (tsx) alike. Times are
 * measured by `npm run bench startup`, never asserted here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/worker-process.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PRELOAD = fileURLToPath(new URL('../support/load-trace.mjs', import.meta.url));
let runs = 0;

/** Run the CLI; returns its exit code, stdout and every module path or URL it loaded. */
async function traced(args: string[]): Promise<{ code: number | null; stdout: string; loaded: string[] }> {
  const trace = join(dir, `trace-${runs++}.txt`);
  const r = await runCli(args, { NODE_OPTIONS: `--import=${PRELOAD}`, LOAD_TRACE_FILE: trace });
  const loaded = readFileSync(trace, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.slice(4));
  return { code: r.code, stdout: r.stdout, loaded };
}

/** The packages (`node_modules/<name>`) among loaded modules. */
function packages(loaded: string[]): Set<string> {
  const names = new Set<string>();
  for (const path of loaded) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m) names.add(m[1]!);
  }
  return names;
}

/** Libraries only the queue, graph, web, crawl and logging commands need. */
const NOT_FOR_EXTRACT = [
  'bullmq',
  'ioredis',
  'neo4j-driver',
  '@ladybugdb/core',
  'hono',
  '@hono/node-server',
  'express',
  '@bull-board/api',
  'pino',
  'pino-pretty',
  'undici',
  'feedsmith',
  'fast-xml-parser',
  'robots-parser',
  'cron-parser',
  'yaml',
  'cli-progress',
];

describe('start-up loads only what the command needs', () => {
  it('--help loads no command module and none of the libraries', async () => {
    const r = await traced(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('extract [options] <input>');
    const ours = r.loaded.filter((p) => /\/(?:dist|src)\//.test(p) && !p.includes('node_modules'));
    expect(ours.map((p) => p.replace(/.*\/(?:dist|src)\//, '').replace(/\.[jt]s$/, '')).sort()).toEqual([
      'cli/errors',
      'cli/main',
      'core/errors',
      'core/ids',
      'core/index',
      'core/types',
    ]);
    const libs = [...packages(r.loaded)].filter(
      (p) => !['commander', 'tsx', 'esbuild', 'get-tsconfig'].includes(p),
    );
    expect(libs).toEqual([]);
  }, 60_000);

  it('extract of a page with date metadata: no queue, graph, web or fetch library, no chrono-node, no extractor-version hashing', async () => {
    const r = await traced(['extract', 'fixtures/pages/seed-wordpress/source.html']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).article.publishedAt).toBe('2017-06-21T06:12:44.000Z');
    const libs = packages(r.loaded);
    expect(libs).toContain('compromise');
    expect(libs).toContain('cheerio');
    for (const lib of [...NOT_FOR_EXTRACT, 'chrono-node']) expect(libs, lib).not.toContain(lib);
    // cheerio's `load`, not its main entry (which loads undici and parse5's stream parser).
    expect(r.loaded.some((p) => p.includes('/cheerio/dist/esm/load-parse.js'))).toBe(true);
    expect(r.loaded.some((p) => /\/cheerio\/dist\/esm\/index\.js$/.test(p))).toBe(false);
    expect(r.loaded.some((p) => /\/core\/extractor-version\.[jt]s$/.test(p))).toBe(false);
  }, 60_000);

  it('extract of a page without date metadata loads chrono-node to read the date shown on the page', async () => {
    const r = await traced(['extract', 'fixtures/pages/edge-visible-date/source.html']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).article.publishedAt).toBe('2016-10-14');
    expect(packages(r.loaded)).toContain('chrono-node');
  }, 60_000);
});
