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
import { openKuzuSink } from '../src/graph/kuzu.js';
import { openNeo4jSink } from '../src/graph/neo4j.js';
import { syntheticWrite } from '../test/graph/fixtures.js';
import { startNeo4jHarness } from '../test/support/neo4j.js';

const KUZU_ARTICLES = 2000;
const NEO4J_ARTICLES = 1000;
const PER_ROW_SHARE = 10; // the slow path writes 1/10th as many articles: same per-article cost, less waiting
const ENTITY_POOL = 400; // shared names, so MERGE meets existing entities as in real news

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
