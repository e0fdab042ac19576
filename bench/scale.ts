/**
 * `npm run bench scale`: the stores at scale. A deterministic synthetic wire corpus (scale-corpus.ts:
 * 7-sentence articles, a long tail of names, so entities keep accumulating) goes through the real
 * extraction and NLP (untimed), then into each store through the bulk path (`writeAll`, many articles
 * per transaction), in chunks, each chunk opening and closing the store as one `ingest` run does.
 * Per chunk: write throughput (articles/s, entities+facts/s), its ratio to the first chunk (flat write
 * cost means ≈ 1), the embedded file's bytes per article, and the process's peak RSS so far.
 * Env: SCALE_ARTICLES (10000), SCALE_CHUNKS (5), SCALE_STORES (embedded,neo4j), SCALE_BULK (the CLI's),
 * SCALE_POOL_MB and SCALE_CHECKPOINT_MB (the embedded buffer pool and checkpoint threshold; default: the
 * CLI's). Neo4j uses NEO4J_URI when set (writes the bench articles into it), else the test harness, else
 * it is skipped. After the last embedded chunk it prints what the file holds per table (`storage_info`).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromText } from '../src/article/index.js';
import { collectGarbage } from '../src/cli/collect-garbage.js';
import { openEmbeddedReader, openEmbeddedSink } from '../src/graph/embedded.js';
import {
  DEFAULT_BULK_SIZE,
  type GraphSink,
  type GraphWrite,
  toGraphWrite,
  writeAll,
} from '../src/graph/index.js';
import { openNeo4jSink } from '../src/graph/neo4j.js';
import { analyze } from '../src/nlp/index.js';
import { wireArticle } from './scale-corpus.js';
import { benchNeo4j } from './support.js';

const ARTICLES = Number(process.env.SCALE_ARTICLES ?? 10_000);
const CHUNKS = Number(process.env.SCALE_CHUNKS ?? 5);
const STORES = (process.env.SCALE_STORES ?? 'embedded,neo4j').split(',');
const SEED = 11;
const MIB = 1 << 20;

/** Extracted and analysed articles `from`..`to` (the NLP is not what this bench times). */
function chunkWrites(from: number, to: number): GraphWrite[] {
  const out: GraphWrite[] = [];
  for (let i = from; i < to; i++) {
    const { url, text } = wireArticle(i, SEED);
    const article = { ...articleFromText(text), url, canonicalUrl: url };
    out.push(
      toGraphWrite(article, analyze(article.text, { title: article.title }), {
        extractedAt: '2026-01-01T00:00:00Z',
      }),
    );
  }
  return out;
}

const dirBytes = (dir: string): number =>
  readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

const peakRssMb = (): number => Math.round((process.resourceUsage().maxRSS * 1024) / MIB);

/** Where the memory is now: resident set, V8 heap (used / reserved) and memory outside it. */
function memoryNow(): string {
  const m = process.memoryUsage();
  const mb = (b: number): number => Math.round(b / MIB);
  return `now RSS ${mb(m.rss)} MB (V8 heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB)`;
}

const optionalMib = (name: string): number | undefined =>
  process.env[name] ? Number(process.env[name]) * MIB : undefined;

/** Articles per bulk transaction (env SCALE_BULK; default: the CLI's). */
const BULK = Number(process.env.SCALE_BULK ?? DEFAULT_BULK_SIZE);

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

async function runStore(name: string, open: () => Promise<GraphSink>, bytes?: () => number): Promise<void> {
  const size = Math.ceil(ARTICLES / CHUNKS);
  let first = 0;
  for (let c = 0; c < CHUNKS; c++) {
    const [from, to] = [c * size, Math.min(ARTICLES, (c + 1) * size)];
    // Only the writes are timed (opening and closing the store included); the extraction and NLP of
    // each batch run in between, streamed one batch at a time as `ingest` does.
    let s = 0;
    let cpu = 0;
    let items = 0;
    let failed = 0;
    let t = performance.now();
    let u = process.cpuUsage();
    const sink = await open();
    try {
      for (let i = from; i < to; i += BULK) {
        s += (performance.now() - t) / 1000;
        cpu += cpuSeconds(u);
        const writes = chunkWrites(i, Math.min(to, i + BULK));
        t = performance.now();
        u = process.cpuUsage();
        collectGarbage(); // as `ingest` does before each batch (timed: it is part of its cost)
        for (const r of await writeAll(sink, writes)) {
          if (r instanceof Error) failed += 1;
          else items += r.entities + r.facts;
        }
      }
    } finally {
      await sink.close();
    }
    s += (performance.now() - t) / 1000;
    cpu += cpuSeconds(u);
    const n = to - from;
    if (c === 0) first = s;
    const perArticle = bytes ? `${(bytes() / to / 1024).toFixed(1)} KB/article; ` : '';
    process.stdout.write(
      `${name.padEnd(9)} chunk ${c + 1}/${CHUNKS}: ${n} articles written in ${s.toFixed(1)} s ` +
        `(${(s / first).toFixed(2)}× the first; CPU ${cpu.toFixed(1)} s) = ${Math.round(n / s)} articles/s, ` +
        `${Math.round(items / s)} entities+facts/s${failed ? `, ${failed} failed` : ''}; ${perArticle}` +
        `peak RSS ${peakRssMb()} MB, ${memoryNow()}\n`,
    );
  }
}

async function embedded(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-scale-'));
  try {
    const path = join(dir, 'scale.lbug');
    await runStore(
      'embedded',
      async () => {
        const sink = await openEmbeddedSink({
          path,
          bufferPoolBytes: optionalMib('SCALE_POOL_MB'),
          checkpointBytes: optionalMib('SCALE_CHECKPOINT_MB'),
        });
        await sink.ensureSchema();
        return sink;
      },
      () => dirBytes(dir),
    );
    await printStorage(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file's pages per table (columns, primary-key index), largest first: what the bytes per article are. */
async function printStorage(path: string): Promise<void> {
  const reader = await openEmbeddedReader({ path });
  try {
    const tables = await reader.query('CALL show_tables() RETURN name');
    const sizes: Array<[string, number, number]> = [];
    const columns = new Map<string, number>();
    for (const { name } of tables) {
      const rows = await reader.query(
        `CALL storage_info('${String(name)}') RETURN column_name AS c, num_pages AS p`,
      );
      const pages = (pk: boolean) =>
        rows.filter((r) => (r.c === '_PK') === pk).reduce((n, r) => n + Number(r.p), 0);
      sizes.push([String(name), pages(false), pages(true)]);
      for (const r of rows) {
        const column = `${String(name)}.${String(r.c)}`;
        columns.set(column, (columns.get(column) ?? 0) + Number(r.p));
      }
    }
    const total = statSync(path).size;
    const mb = (pages: number): string => ((pages * 4096) / 1e6).toFixed(1);
    const listed = sizes
      .sort((a, b) => b[1] + b[2] - a[1] - a[2])
      .filter(([, c, k]) => c + k > 0)
      .map(([name, c, k]) => `${name} ${mb(c)}${k ? ` + ${mb(k)} key index` : ''}`);
    process.stdout.write(
      `embedded  file ${(total / 1e6).toFixed(1)} MB; per table (MB): ${listed.join(', ')}\n`,
    );
    const largest = [...columns].sort((a, b) => b[1] - a[1]).slice(0, 16);
    process.stdout.write(
      `embedded  largest columns (MB): ${largest.map(([c, p]) => `${c} ${mb(p)}`).join(', ')}\n`,
    );
  } finally {
    await reader.close();
  }
}

async function neo4jStore(): Promise<void> {
  const server = await benchNeo4j('neo4j     ');
  if (!server) return;
  try {
    await runStore('neo4j', async () => {
      const sink = await openNeo4jSink({ uri: server.uri, user: server.user, password: server.password });
      await sink.ensureSchema();
      return sink;
    });
  } finally {
    await server.stop?.();
  }
}

export async function run(): Promise<void> {
  process.stdout.write(
    `corpus: ${ARTICLES} synthetic wire articles (7 sentences, long tail of names), ${CHUNKS} chunks, ` +
      `bulk path ${BULK} articles per transaction; NLP untimed\n`,
  );
  if (STORES.includes('embedded')) await embedded();
  if (STORES.includes('neo4j')) await neo4jStore();
}
