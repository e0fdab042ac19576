/**
 * The explorer's API on an embedded (LadybugDB) graph of {@link ARTICLES} synthetic articles: p95 of the entity page
 * (`GET /api/entities/:key`) and of search (`GET /api/search?q=`), over HTTP against the real server,
 * each next to a baseline measured in the same run: a primary-key lookup sent through the console
 * (`POST /api/query`), i.e. the floor of one HTTP request plus one store round. Targets (issue 12):
 * entity ≤ 100 ms, search ≤ 50 ms.
 *
 * Building the graph takes minutes (the real sink, batched); it is kept in the temp folder, keyed by
 * {@link GRAPH_VERSION}, so later runs reuse it. `BENCH_WEB_REBUILD=1` builds it again.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedSink } from '../src/graph/embedded.js';
import {
  type GraphReader,
  type GraphWrite,
  openServeReader,
  toGraphWrite,
  writeAll,
} from '../src/graph/index.js';
import { forgetPositionHints, startExplorer } from '../src/web/index.js';
import { type EntitySpec, type FactSpec, makeArticle, makeDoc } from '../test/graph/fixtures.js';
import { prng } from './support.js';

/** `BENCH_WEB_ARTICLES=1000` for a quick look on a smaller graph (the targets are for 10,000). */
const ARTICLES = Number(process.env.BENCH_WEB_ARTICLES) || 10_000;
/** `BENCH_WEB_FACTS=10`: facts per relation group on the entity page (`?limit=`; default the API's, 5). */
const FACTS = process.env.BENCH_WEB_FACTS ? `?limit=${Number(process.env.BENCH_WEB_FACTS)}` : '';
const PER_GROUP = Number(process.env.BENCH_WEB_FACTS) || 5; // the API's default
const GRAPH_VERSION = 3; // bump when the synthetic articles or the graph model change
const POOL = { Person: 6000, Organization: 3000, Place: 600 } as const;
const SITES = 60;
const WARMUP = 30;
const SAMPLES = 300;
const TARGET_ENTITY_MS = 100;
const TARGET_SEARCH_MS = 50;

const SYLLABLES = [
  'ka',
  'ro',
  'dan',
  'mi',
  'vel',
  'to',
  'sar',
  'li',
  'ne',
  'gor',
  'pa',
  'zu',
  'ber',
  'ti',
  'mon',
  'sha',
];
/** A pronounceable name part from a number: 3 syllables, 4,096 distinct. */
const word = (n: number): string => {
  const s = [n % 16, (n >> 4) % 16, (n >> 8) % 16].map((i) => SYLLABLES[i]).join('');
  return s[0]!.toUpperCase() + s.slice(1);
};
const nameOf = (type: keyof typeof POOL, i: number): string =>
  type === 'Person'
    ? `${word(i * 7 + 1)} ${word(i)}`
    : type === 'Organization'
      ? `${word(i * 3 + 2)} ${['Group', 'Holdings', 'Labs', 'Bank'][i % 4]}`
      : `${word(i * 11 + 5)}grad`;

/** Skewed picks (news is about a few entities a lot, many a little): index ≈ pool · u³. */
const skewed = (rand: () => number, pool: number) => Math.floor(pool * rand() ** 3);

function article(i: number): GraphWrite {
  const rand = prng(i + 1);
  const pick = (type: keyof typeof POOL, n: number) => [
    ...new Set(Array.from({ length: n }, () => nameOf(type, skewed(rand, POOL[type])))),
  ];
  const people = pick('Person', 10);
  const orgs = pick('Organization', 10);
  const places = pick('Place', 5);
  const sentences: string[] = [];
  const facts: FactSpec[] = [];
  for (let k = 0; k < 5; k++) {
    const [p, o, o2, pl] = [
      people[k % people.length]!,
      orgs[k % orgs.length]!,
      orgs[(k + 5) % orgs.length]!,
      places[k % places.length]!,
    ];
    sentences.push(`${p} directs ${o}.`, `${o} partners with ${o2} on research.`, `${o2} is based in ${pl}.`);
    facts.push({ type: 'DIRECTS', subject: p, object: o, role: 'director' });
    if (o !== o2) facts.push({ type: 'PARTNERS_WITH', subject: o, object: o2, label: 'research' });
    facts.push({ type: 'BASED_IN', subject: o2, object: pl });
  }
  sentences.push(`${people.slice(5).join(', ')} also spoke.`);
  const text = sentences.join(' ');
  const entities: EntitySpec[] = [
    ...people.map((name) => ({ type: 'Person' as const, name })),
    ...orgs.map((name) => ({ type: 'Organization' as const, name })),
    ...places.map((name) => ({ type: 'Place' as const, name })),
  ];
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString();
  const a = {
    ...makeArticle(`https://site${i % SITES}.test/a/${i}`, `Article ${i}`, text, day),
    siteName: `Site ${i % SITES}`,
  };
  return toGraphWrite(a, makeDoc(text, entities, facts), { extractedAt: day });
}

async function buildGraph(path: string): Promise<void> {
  const building = `${path}.building`;
  for (const f of [building, `${building}.wal`]) rmSync(f, { recursive: true, force: true });
  const sink = await openEmbeddedSink({ path: building });
  await sink.ensureSchema();
  const started = Date.now();
  // The bulk path `ingest` takes: 100 articles a transaction.
  for (let i = 0; i < ARTICLES; i += 100) {
    const writes = Array.from({ length: Math.min(100, ARTICLES - i) }, (_, k) => article(i + k));
    const failed = (await writeAll(sink, writes)).find((r) => r instanceof Error);
    if (failed) throw failed;
    if ((i + 100) % 1000 === 0)
      process.stdout.write(`  built ${i + 100} articles in ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  await sink.close();
  renameSync(building, path);
  if (existsSync(`${building}.wal`)) renameSync(`${building}.wal`, `${path}.wal`);
}

/**
 * A short name for each statement the entity page runs (else the start of its first and last lines), with
 * how many groups or facts it answered when that tells an organisation's page from a person's.
 */
function statementName(text: string, rows: number): string {
  const groups = (n: number) => `${n} relation group${n === 1 ? '' : 's'}`;
  if (text.includes('size(ranked) AS total')) return `group counts and first facts' keys, ${groups(rows)}`;
  if (text.includes('f.factKey IN $keys'))
    return `shown facts by key, ${rows > PER_GROUP ? 'of several groups' : 'of one group'}`;
  if (text.includes('count(*) AS total')) return 'relation group counts';
  if (text.includes('f.articles DESC, f.factKey SKIP')) {
    const n = text.split('UNION ALL').length;
    return `facts of ${n} relation group${n === 1 ? '' : 's'}`;
  }
  if (text.includes('offset(ID(e))')) return 'sentence positions';
  if (text.includes('MATCH (e:Evidence {id: i})')) return 'sentences with their articles';
  const lines = text.replace(/\(x:\w+/, '(x:<label>').split('\n');
  return `${lines[0]!.slice(0, 34)} … ${lines[lines.length - 1]!.trim().slice(0, 30)}`;
}

/** The reader, with the time of each statement recorded while `recording`, by {@link statementName}. */
function timeStatements(reader: GraphReader) {
  const out = { recording: false, statements: new Map<string, number[]>(), reader };
  out.reader = {
    kind: reader.kind,
    close: () => reader.close(),
    async query(text, params) {
      const t = performance.now();
      const rows = await reader.query(text, params);
      if (out.recording) {
        const name = statementName(text, rows.length);
        out.statements.set(name, [...(out.statements.get(name) ?? []), performance.now() - t]);
      }
      return rows;
    },
  };
  return out;
}

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * 0.95) - 1]!;
const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;

async function timeAll(requests: Array<() => Promise<Response>>, warmup = WARMUP): Promise<number[]> {
  const out: number[] = [];
  for (const [i, send] of requests.entries()) {
    const t = performance.now();
    const res = await send();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (i >= warmup) out.push(performance.now() - t);
  }
  return out;
}

export async function run(): Promise<void> {
  const path = join(tmpdir(), `newsgraph-bench-web-v${GRAPH_VERSION}-${ARTICLES}.lbug`);
  if (process.env.BENCH_WEB_REBUILD) rmSync(path, { recursive: true, force: true });
  if (!existsSync(path)) {
    process.stdout.write(`building ${ARTICLES} synthetic articles into ${path} (once)\n`);
    await buildGraph(path);
  }
  const reader = await openServeReader({ kind: 'embedded', dbPath: path }); // as `newsgraph serve` opens it
  const timed = timeStatements(reader);
  const server = await startExplorer(timed.reader, { port: 0 });
  const freshReader: GraphReader = {
    kind: reader.kind,
    close: async () => undefined,
    query: (t, p) => reader.query(t, p),
  };
  const freshServer = await startExplorer(freshReader, { port: 0 });
  const fresh = { reader: freshReader, url: freshServer.url };
  try {
    const base = server.url;
    const rand = prng(42);
    const n = WARMUP + SAMPLES;
    const types = Object.keys(POOL) as Array<keyof typeof POOL>;
    // Entities as analysts meet them: picked the way articles mention them (skewed), so hubs come up.
    const keys: string[] = [];
    while (keys.length < n) {
      const type = types[Math.floor(rand() * types.length)]!;
      const key = `${type}:${nameOf(type, skewed(rand, POOL[type])).toLowerCase()}`;
      if ((await reader.query(`MATCH (x:${type} {key: $key}) RETURN x.key`, { key })).length) keys.push(key);
    }
    const terms = keys.map((k) =>
      k
        .slice(k.indexOf(':') + 1)
        .split(' ')[0]!
        .slice(0, 4 + Math.floor(rand() * 4)),
    );
    const get = (p: string) => () => fetch(new URL(p, base));
    const lookup = (key: string) => () =>
      fetch(new URL('/api/query', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          cypher: `MATCH (x:${key.split(':')[0]} {key: $key}) RETURN x.name AS name`,
          params: { key },
        }),
      });
    const baseline = await timeAll(keys.map(lookup));
    const page = (url: string, k: string) => () =>
      fetch(new URL(`/api/entities/${encodeURIComponent(k)}${FACTS}`, url));
    // Each page asked of two explorers on the same store in turn (which one first alternates): this one,
    // and one that forgets every remembered sentence position before each request (as a fresh server).
    const entity: number[] = [];
    const cold: number[] = [];
    timed.recording = true;
    for (const [i, k] of keys.entries()) {
      const pair = [
        { to: entity, send: page(base, k) },
        {
          to: cold,
          send: () => {
            forgetPositionHints(fresh.reader);
            return page(fresh.url, k)();
          },
        },
      ];
      for (const { to, send } of i % 2 ? pair.reverse() : pair) {
        const [ms] = await timeAll([send], 0);
        if (i >= WARMUP) to.push(ms!);
      }
    }
    timed.recording = false;
    // A page's first request in the run (its sentences may still be remembered from other pages).
    const first = entity.filter((_, i) => keys.indexOf(keys[i + WARMUP]!) === i + WARMUP);
    const search = await timeAll(terms.map((t) => get(`/api/search?q=${encodeURIComponent(t)}`)));
    const line = (what: string, ms: number[], target?: number) =>
      `${what.padEnd(34)} p50 ${median(ms).toFixed(1).padStart(6)} ms  p95 ${p95(ms).toFixed(1).padStart(6)} ms  ` +
      `${(p95(ms) / p95(baseline)).toFixed(1).padStart(5)}× baseline${target ? `  (target ≤ ${target} ms: ${p95(ms) <= target ? 'met' : 'MISSED'})` : ''}\n`;
    const distinct = new Set(keys.slice(WARMUP)).size;
    process.stdout.write(
      `LadybugDB, ${ARTICLES} articles, ${SAMPLES} requests each after ${WARMUP} warm-up, one at a time; ` +
        `entity pages of ${distinct} distinct entities${FACTS ? ` (${FACTS})` : ''}\n`,
    );
    process.stdout.write(line('baseline: key lookup via /api/query', baseline));
    process.stdout.write(line('GET /api/entities/:key', entity, TARGET_ENTITY_MS));
    process.stdout.write(line(`  of which first requests (${first.length})`, first));
    process.stdout.write(line('  same, no position remembered', cold));
    process.stdout.write(line('GET /api/search?q=', search, TARGET_SEARCH_MS));
    process.stdout.write('where the entity page time goes (each statement it runs, warm-up included):\n');
    for (const [text, ms] of [...timed.statements].sort(([a], [b]) => (a < b ? -1 : 1)))
      process.stdout.write(
        `  ${text.padEnd(70)} ×${String(ms.length).padStart(3)}  p50 ${median(ms).toFixed(1).padStart(6)} ms  p95 ${p95(ms).toFixed(1).padStart(6)} ms\n`,
      );
  } finally {
    await server.close();
    await freshServer.close();
    await reader.close();
  }
}
