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

async function countOf(db: string, text: string): Promise<number> {
  const reader = await openEmbeddedReader({ path: db });
  try {
    return Number((await reader.query(text))[0]!.n);
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
    const created =
      /^ingested 1 article\(s\) into embedded: entities (\d+) new, 0 updated, 0 unchanged; facts (\d+) new, 0 updated, 0 unchanged; in \d+ ms\n$/.exec(
        first.stdout,
      );
    expect(created, first.stdout).not.toBeNull();
    const once = await countsOf(db);
    expect(once.nodes).toBeGreaterThan(5);
    // The summary counts what is in the graph: every entity and fact node of this one article.
    expect(Number(created![1])).toBe(
      await countOf(db, 'MATCH (e) WHERE e.key IS NOT NULL RETURN count(e) AS n'),
    );
    expect(Number(created![2])).toBe(
      await countOf(db, 'MATCH ()-[f]->() WHERE f.factKey IS NOT NULL RETURN count(f) AS n'),
    );
    const second = await runCli(['ingest', SEED], { NEWSGRAPH_DB: db });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      `ingested 1 article(s) (1 unchanged) into embedded: entities 0 new, 0 updated, ${created![1]} unchanged; facts 0 new, 0 updated, ${created![2]} unchanged;`,
    );
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
    // Distinct entities and facts of the two articles, each counted once though both mention some.
    const docs = join(dir, 'docs.lbug');
    const entities = await countOf(docs, 'MATCH (e) WHERE e.key IS NOT NULL RETURN count(e) AS n');
    const facts = await countOf(docs, 'MATCH ()-[f]->() WHERE f.factKey IS NOT NULL RETURN count(f) AS n');
    expect(entities).toBeLessThan(10); // the old summary added up 10 mentions
    expect(r.stdout).toContain(
      `ingested 2 article(s) into embedded, 1 failed: entities ${entities} new, 0 updated, 0 unchanged; facts ${facts} new,`,
    );
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
