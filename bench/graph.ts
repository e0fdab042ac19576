/**
 * Graph writes: articles/s and (entities + facts)/s into the embedded store (LadybugDB) and Neo4j, batched (UNWIND, one statement
 * per list) vs one statement per row, in the same run and on the same database: after a warm-up (which
 * also warms Neo4j's JVM), rounds alternate a batch of batched writes with a batch of per-row writes,
 * so both modes meet the same database size. Neo4j runs twice: on loopback, and through a local proxy
 * that delays each direction by {@link LINK_DELAY_MS} (as between two machines), where round trips
 * count. Neo4j uses NEO4J_URI when set (writes bench articles into it), else the test harness when Java
 * and Maven are here, else it is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedSink } from '../src/graph/embedded.js';
import type { BatchMode, GraphSink, GraphWrite } from '../src/graph/index.js';
import { toGraphWrite } from '../src/graph/index.js';
import { openNeo4jSink } from '../src/graph/neo4j.js';
import { type EntitySpec, type FactSpec, makeArticle, makeDoc } from '../test/graph/fixtures.js';
import { startLatencyProxy } from './latency-proxy.js';
import { benchNeo4j } from './support.js';

interface Plan {
  /** Untimed batched writes first. */
  warm: number;
  rounds: number;
  /** Per round, timed. */
  batched: number;
  perRow: number;
}

const KUZU: Plan = { warm: 200, rounds: 10, batched: 150, perRow: 15 }; // 1,850 articles in all
const NEO4J: Plan = { warm: 600, rounds: 10, batched: 100, perRow: 10 }; // 1,700 (the warm-up also warms the JVM)
const NEO4J_LINK: Plan = { warm: 30, rounds: 6, batched: 50, perRow: 5 }; // 360
/** One-way delay of the simulated link (Node timers: at least 1 ms, so a round trip of ~2 ms). */
const LINK_DELAY_MS = 1;
const ENTITY_POOL = 997; // prime, so articles overlap in varied ways; shared names, so MERGE meets existing entities as in real news

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
  statements: number;
}

const zero = (): Rate => ({ articles: 0, ms: 0, items: 0, statements: 0 });

type Open = (mode: BatchMode, onStatement: (text: string) => void) => Promise<GraphSink>;

/** Write `writes` through a freshly opened sink in `mode`; the opening is not timed. */
async function measure(open: Open, mode: BatchMode, writes: GraphWrite[], into: Rate): Promise<void> {
  let statements = 0;
  const sink = await open(mode, () => {
    statements++;
  });
  const started = performance.now();
  for (const w of writes) {
    const r = await sink.write(w);
    into.items += r.entities + r.facts;
  }
  into.ms += performance.now() - started;
  into.articles += writes.length;
  into.statements += statements;
  await sink.close();
}

function line(store: string, mode: BatchMode, r: Rate): string {
  const perSec = (n: number) => Math.round((n / r.ms) * 1000);
  const perArticle = (r.statements / r.articles).toFixed(0);
  return `${store.padEnd(11)} ${mode.padEnd(8)} ${String(r.articles).padStart(5)} articles  ${String(perSec(r.articles)).padStart(6)} articles/s  ${String(perSec(r.items)).padStart(7)} entities+facts/s  ${perArticle.padStart(4)} statements/article`;
}

function ratio(batched: Rate, perRow: Rate): string {
  return `${(batched.articles / batched.ms / (perRow.articles / perRow.ms)).toFixed(1)}x`;
}

async function runStore(store: string, open: Open, plan: Plan, offset: number): Promise<void> {
  let next = offset;
  const take = (n: number) => Array.from({ length: n }, () => syntheticWrite(next++, ENTITY_POOL));
  await measure(open, 'batched', take(plan.warm), zero());
  const batched = zero();
  const perRow = zero();
  const roundMs: number[] = []; // batched ms per article, round by round: does the cost grow with the database?
  for (let round = 0; round < plan.rounds; round++) {
    const before = batched.ms;
    await measure(open, 'batched', take(plan.batched), batched);
    roundMs.push((batched.ms - before) / plan.batched);
    await measure(open, 'per-row', take(plan.perRow), perRow);
  }
  process.stdout.write(`${line(store, 'batched', batched)}\n${line(store, 'per-row', perRow)}\n`);
  const ms = (x: number) => x.toFixed(1);
  process.stdout.write(
    `${store.padEnd(11)} batched ms/article by round: ${roundMs.map(ms).join(' ')} (first vs last: ${(roundMs.at(-1)! / roundMs[0]!).toFixed(2)}x)\n`,
  );
  process.stdout.write(
    `${store.padEnd(11)} batched is ${ratio(batched, perRow)} faster (articles/s; same database, ${plan.rounds} alternating rounds after ${plan.warm} warm-up articles, ${next - offset} in all)\n`,
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  try {
    const path = join(dir, 'bench.lbug');
    const open: Open = async (mode, onStatement) => {
      const sink = await openEmbeddedSink({ path, batchMode: mode, onStatement });
      await sink.ensureSchema();
      return sink;
    };
    await runStore('embedded', open, KUZU, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const server = await benchNeo4j('neo4j  ');
  if (!server) return;
  const openAt =
    (uri: string): Open =>
    async (mode, onStatement) => {
      const sink = await openNeo4jSink({
        uri,
        user: server.user,
        password: server.password,
        batchMode: mode,
        onStatement,
      });
      await sink.ensureSchema();
      return sink;
    };
  try {
    await runStore('neo4j', openAt(server.uri), NEO4J, 1_000_000);
    const target = new URL(server.uri);
    if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
      process.stdout.write('neo4j+link  skipped: the simulated link is for a local server\n');
      return;
    }
    const proxy = await startLatencyProxy(Number(target.port || 7687), LINK_DELAY_MS);
    try {
      const store = `neo4j+${LINK_DELAY_MS}ms`;
      await runStore(store, openAt(`bolt://127.0.0.1:${proxy.port}`), NEO4J_LINK, 2_000_000);
    } finally {
      await proxy.close();
    }
  } finally {
    await server.stop?.();
  }
}
