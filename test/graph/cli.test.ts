/**
 * `newsgraph ingest` and `newsgraph query` end to end on a real embedded (LadybugDB) database (the Neo4j run of the
 * same commands is in sink-contract.test.ts, which owns the shared Neo4j server).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRows, parseParams } from '../../src/cli/query.js';
import { openEmbeddedReader } from '../../src/graph/embedded.js';
import { readSnapshot } from '../../src/graph/index.js';
import { freePort } from '../support/redis.js';
import { runCli } from './cli-run.js';
import { writeA, writeB } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED = 'fixtures/texts/seed-kalibr.txt';

async function countsOf(db: string) {
  const reader = await openEmbeddedReader({ path: db });
  try {
    return (await readSnapshot((t) => reader.query(t))).counts;
  } finally {
    await reader.close();
  }
}

describe('newsgraph ingest + query (embedded)', () => {
  const db = join(dir, 'seed.lbug');

  it('ingests the seed article twice with identical counts', { timeout: 60_000 }, async () => {
    const first = await runCli(['ingest', SEED, '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^ingested 1 article\(s\) into embedded: \d+ entities, \d+ facts in \d+ ms\n$/,
    );
    const once = await countsOf(db);
    expect(once.nodes).toBeGreaterThan(5);
    const second = await runCli(['ingest', SEED], { NEWSGRAPH_DB: db });
    expect(second.code).toBe(0);
    expect(await countsOf(db)).toEqual(once);
  });

  it('answers the saved queries with the seed facts and their evidence', { timeout: 60_000 }, async () => {
    const list = await runCli(['query', '--saved', '--db', db]);
    expect(list.stdout).toContain('who-directs');
    const partners = await runCli([
      'query',
      '--saved',
      'partners',
      '--param',
      'org=Kalibr',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(partners.code).toBe(0);
    const rows = JSON.parse(partners.stdout) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.organization).toBe('Kalibr');
      expect(r.evidence).toContain('Kalibr');
    }
  });

  it('refuses a write with exit code 2 before touching the database', { timeout: 60_000 }, async () => {
    const before = await countsOf(db);
    const r = await runCli(['query', 'MATCH (p:Person) DETACH DELETE p', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/read-only: refusing DETACH/);
    expect(await countsOf(db)).toEqual(before);
  });

  it('ingests a directory of JSON Lines documents and reports bad inputs', { timeout: 60_000 }, async () => {
    const input = join(dir, 'in');
    mkdirSync(input);
    const lines = [writeA(), writeB()].map((w) =>
      JSON.stringify({ article: w.article, entities: w.entities, relations: w.relations }),
    );
    writeFileSync(join(input, 'docs.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(input, 'empty.txt'), '   \n');
    const r = await runCli(['ingest', input, '--db', join(dir, 'docs.lbug')]);
    expect(r.code).toBe(1); // one input failed
    expect(r.stdout).toMatch(/ingested 2 article\(s\) into embedded, 1 failed: 10 entities, 7 facts/);
    expect(r.stderr).toMatch(/empty\.txt: empty-document/);
  });

  it('exits 3 with a clear message when Neo4j is down', { timeout: 60_000 }, async () => {
    const r = await runCli(['ingest', SEED], { NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Neo4j at bolt:\/\/127\.0\.0\.1:\d+ is unreachable/);
  });
});

describe('query output', () => {
  const rows = [
    { name: 'Kalibr', aliases: null, n: 2 },
    { name: 'A, "quoted"\nname', aliases: ['x'], n: 1 },
  ];
  it('renders csv with RFC 4180 quoting', () => {
    expect(formatRows(rows, 'csv')).toBe('name,aliases,n\nKalibr,,2\n"A, ""quoted""\nname","[""x""]",1\n');
  });
  it('renders an aligned table', () => {
    expect(formatRows(rows, 'table').split('\n').slice(0, 3)).toEqual([
      'name              aliases  n',
      '----------------  -------  -',
      'Kalibr                     2',
    ]);
  });
  it('parses --param values (JSON when it parses, else text)', () => {
    expect(parseParams(['n=3', 'name=Kalibr', 'xs=[1,2]'], true)).toEqual({
      n: 3,
      name: 'Kalibr',
      xs: [1, 2],
    });
    expect(parseParams(['n=3'], false)).toEqual({ n: '3' });
    expect(() => parseParams(['oops'], true)).toThrow(/key=value/);
  });
});
