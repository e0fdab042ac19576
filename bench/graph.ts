/**
 * Graph writes: articles/s and (entities + facts)/s into Kùzu and Neo4j for a few thousand synthetic
 * extracted documents, batched (UNWIND, one statement per list) vs one statement per row, in the same
 * run. Neo4j uses NEO4J_URI when set (writes bench articles into it), else the test harness when Java
 * and Maven are here, else it is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchMode, GraphSink, GraphWrite } from '../src/graph/index.js';
import { toGraphWrite } from '../src/graph/index.js';
import { openKuzuSink } from '../src/graph/kuzu.js';
import { openNeo4jSink } from '../src/graph/neo4j.js';
import { type EntitySpec, type FactSpec, makeArticle, makeDoc } from '../test/graph/fixtures.js';
import { startNeo4jHarness } from '../test/support/neo4j.js';

const KUZU_ARTICLES = 1000;
const NEO4J_ARTICLES = 500;
const PER_ROW_SHARE = 10; // the slow path writes 1/10th as many articles: same per-article cost, less waiting
const ENTITY_POOL = 997; // prime, so articles overlap in varied ways // shared names, so MERGE meets existing entities as in real news

const PEOPLE = 10; // per article; with ORGS and PLACES about the seed article's 26 entities and 15 facts
const ORGS = 10;
const PLACES = 5;

/** A synthetic extracted article of realistic size: 25 entities from a shared pool, 15 facts. */
function syntheticWrite(i: number, pool: number): GraphWrite {
  const pick = (prefix: string, n: number, k: number) => `${prefix}${(i * n + k * 7) % pool}`;
  const people = Array.from({ length: PEOPLE }, (_, k) => `Person Name${pick('', PEOPLE, k)}`);
  const orgs = Array.from({ length: ORGS }, (_, k) => `Company${pick('', ORGS, k)} Ltd`);
  const places = Array.from({ length: PLACES }, (_, k) => `City${pick('', PLACES, k)}`);
  const sentences: string[] = [];
  const facts: FactSpec[] = [];
  for (let k = 0; k < 5; k++) {
    sentences.push(`${people[k]} directs ${orgs[k]}.`, `${orgs[k]} partners with ${orgs[k + 5]} on tests.`);
    sentences.push(`${orgs[k + 5]} is based in ${places[k]}.`, `${people[k + 5]} met officials.`);
    facts.push({ type: 'DIRECTS', subject: people[k]!, object: orgs[k]!, role: 'director' });
    facts.push({ type: 'PARTNERS_WITH', subject: orgs[k]!, object: orgs[k + 5]!, label: 'tests' });
    facts.push({ type: 'BASED_IN', subject: orgs[k + 5]!, object: places[k]! });
  }
  const text = sentences.join(' ');
  const entities: EntitySpec[] = [
    ...people.map((name) => ({ type: 'Person' as const, name })),
    ...orgs.map((name) => ({ type: 'Organization' as const, name })),
    ...places.map((name) => ({ type: 'Place' as const, name })),
  ];
  const article = makeArticle(`https://bench.test/${i}`, `Bench ${i}`, text, '2025-01-01T00:00:00Z');
  return toGraphWrite(article, makeDoc(text, entities, facts), { extractedAt: '2025-01-02T00:00:00Z' });
}

interface Rate {
  articles: number;
  ms: number;
  items: number;
}

async function measure(sink: GraphSink, writes: GraphWrite[]): Promise<Rate> {
  const started = performance.now();
  let items = 0;
  for (const w of writes) {
    const r = await sink.write(w);
    items += r.entities + r.facts;
  }
  return { articles: writes.length, ms: performance.now() - started, items };
}

function line(store: string, mode: BatchMode, r: Rate): string {
  const perSec = (n: number) => Math.round((n / r.ms) * 1000);
  return `${store.padEnd(6)} ${mode.padEnd(8)} ${String(r.articles).padStart(5)} articles  ${String(perSec(r.articles)).padStart(6)} articles/s  ${String(perSec(r.items)).padStart(7)} entities+facts/s`;
}

function ratio(batched: Rate, perRow: Rate): string {
  return `${(batched.articles / batched.ms / (perRow.articles / perRow.ms)).toFixed(1)}x`;
}

async function runStore(
  store: string,
  open: (mode: BatchMode) => Promise<GraphSink>,
  total: number,
  offset: number,
): Promise<void> {
  const batchedWrites = Array.from({ length: total }, (_, i) => syntheticWrite(offset + i, ENTITY_POOL));
  const perRowWrites = Array.from({ length: total / PER_ROW_SHARE }, (_, i) =>
    syntheticWrite(offset + total + i, ENTITY_POOL),
  );
  const batchedSink = await open('batched');
  const batched = await measure(batchedSink, batchedWrites);
  await batchedSink.close();
  const perRowSink = await open('per-row');
  const perRow = await measure(perRowSink, perRowWrites);
  await perRowSink.close();
  process.stdout.write(`${line(store, 'batched', batched)}\n${line(store, 'per-row', perRow)}\n`);
  process.stdout.write(`${store.padEnd(6)} batched is ${ratio(batched, perRow)} faster (articles/s)\n`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  try {
    const path = join(dir, 'bench.kuzu');
    await runStore(
      'kuzu',
      async (mode) => {
        const sink = await openKuzuSink({ path, batchMode: mode });
        await sink.ensureSchema();
        return sink;
      },
      KUZU_ARTICLES,
      0,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  let server: { uri: string; user?: string; password?: string; stop?: () => Promise<void> } | undefined;
  if (process.env.NEO4J_URI) {
    server = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER,
      password: process.env.NEO4J_PASSWORD,
    };
  } else {
    try {
      server = await startNeo4jHarness();
    } catch (err) {
      process.stdout.write(
        `neo4j  skipped: no NEO4J_URI and the harness did not start (${(err as Error).message.split('\n')[0]})\n`,
      );
      return;
    }
  }
  try {
    await runStore(
      'neo4j',
      async (mode) => {
        const sink = await openNeo4jSink({
          uri: server.uri,
          user: server.user,
          password: server.password,
          batchMode: mode,
        });
        await sink.ensureSchema();
        return sink;
      },
      NEO4J_ARTICLES,
      1_000_000,
    );
  } finally {
    await server.stop?.();
  }
}
