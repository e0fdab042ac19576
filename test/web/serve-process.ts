/**
 * For the explorer tests: a graph built from the fixture pages by the real `newsgraph ingest`, and the real
 * `newsgraph serve` in a child process on a free port.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { type GraphConfig, openSink, toGraphWrite, writeAll } from '../../src/graph/index.js';
import { type EntitySpec, type FactSpec, makeArticle, makeDoc } from '../graph/fixtures.js';
import { BIN, runCli } from '../support/worker-process.js';

const START_TIMEOUT_MS = 60_000;

/** Env that points the CLI at a store: `--db` for Kùzu, NEO4J_* for Neo4j. */
export interface StoreArgs {
  args: string[];
  env: Record<string, string>;
}

/** `npx newsgraph ingest fixtures/pages` (the README's quick start) into the given store. */
export async function ingestFixtures(store: StoreArgs): Promise<string> {
  const r = await runCli(['ingest', 'fixtures/pages', ...store.args], store.env);
  if (r.code !== 0) throw new Error(`ingest failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** Start `newsgraph serve --port 0` and wait for the address it prints. */
export function startServe(
  store: StoreArgs,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', ...store.args, ...extra],
    {
      env: { ...process.env, NEWSGRAPH_LOG_LEVEL: 'warn', ...store.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve printed no address within ${START_TIMEOUT_MS} ms: ${err}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = / on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

/** Debian's chromium, or undefined when it is not installed (tests then skip). */
export function systemChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

export const CHROMIUM_SKIP = 'skipped: no chromium (apt-get install chromium; .ci/run installs it)';

/**
 * Directors of {@link BUSY_ORG} in the synthetic articles (invented names): more than the entity page
 * shows of a group (5) plus one page of the group's own pages (25), so paging goes past both.
 */
export const BUSY_DIRECTORS: readonly string[] = ['Quennet', 'Tiller', 'Vorn', 'Marsh'].flatMap((last) =>
  ['Orla', 'Bram', 'Tessa', 'Ivo', 'Mira', 'Caspar', 'Liesl', 'Fenn'].map((first) => `${first} ${last}`),
);
/** An invented organisation that many people direct (its DIRECTS group, as object, has 32 facts). */
export const BUSY_ORG = { key: 'Organization:harrowgate looms', name: 'Harrowgate Looms' } as const;

/** How many synthetic articles state that director `i` directs {@link BUSY_ORG}: pairs tie (1, 1, 2, 2, …, 16, 16). */
export const busyArticles = (i: number): number => Math.floor(i / 2) + 1;

/**
 * Write synthetic articles through the real sink of `config`: article `j` (of 16) states that the
 * directors `i` with `busyArticles(i) > j` direct {@link BUSY_ORG}, so the group has ties to rank by key,
 * and the page boundaries (5, then every 4 or 25) cut through some. Dated over nine months.
 */
export async function writeBusyGroup(config: GraphConfig): Promise<void> {
  const writes = Array.from({ length: busyArticles(BUSY_DIRECTORS.length - 1) }, (_, j) => {
    const directors = BUSY_DIRECTORS.filter((_, i) => busyArticles(i) > j);
    const text = directors.map((p) => `${p} directs ${BUSY_ORG.name}.`).join(' ');
    const entities: EntitySpec[] = [
      ...directors.map((name) => ({ type: 'Person' as const, name })),
      { type: 'Organization', name: BUSY_ORG.name },
    ];
    const facts: FactSpec[] = directors.map((p) => ({
      type: 'DIRECTS',
      subject: p,
      object: BUSY_ORG.name,
      role: 'director',
    }));
    const day = `2025-0${1 + (j % 9)}-01T00:00:00.000Z`;
    const article = makeArticle(`https://looms.test/a/${j}`, `Looms report ${j}`, text, day);
    return toGraphWrite(article, makeDoc(text, entities, facts), { extractedAt: day });
  });
  const sink = await openSink(config);
  try {
    const failed = (await writeAll(sink, writes)).find((r) => r instanceof Error);
    if (failed) throw failed;
  } finally {
    await sink.close();
  }
}
