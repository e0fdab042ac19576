/**
 * `newsgraph ingest <file|url|dir|-> …`: extract, analyse and write articles into the graph, inline
 * (no queue). The graph options live in graph-options.ts (re-exported here for older importers).
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { articleFromText, extractArticle } from '../article/index.js';
import { type Article, type ExtractResult, InputError, NewsgraphError } from '../core/index.js';
import { type ProcessDeps, processArticle, processPage, withSourceUrl } from '../crawl/process.js';
import type { FetchOptions } from '../fetch/index.js';
import {
  type Change,
  DEFAULT_BULK_SIZE,
  type GraphSink,
  openSink,
  sinkKindOf,
  toGraphWrite,
  WriteBatcher,
  type WriteSummary,
} from '../graph/index.js';
import { keepConfident } from '../nlp/min-confidence.js';
import type { PageStore } from '../pages/index.js';
import { collectGarbage } from './collect-garbage.js';
import { CliError, EXIT } from './errors.js';
import { addGraphOptions, asServiceError, type GraphCliOptions, graphConfig } from './graph-options.js';
import { allowPrivateHosts, isUrlArgument, readStdin } from './io.js';
import { minConfidenceOption } from './min-confidence.js';
import { addPagesOption, openPages, type PagesCliOptions } from './pages-option.js';

/** @deprecated import from graph-options.ts */
export { addGraphOptions, asServiceError, type GraphCliOptions, graphConfig };

const INPUT_EXTENSIONS = new Set(['.html', '.htm', '.txt', '.jsonl']); // what a directory walk picks up

/** One unit of work: a page or text to extract, or an already-extracted document. */
type Item =
  | { kind: 'url'; name: string; url: string }
  | { kind: 'html'; name: string; bytes: Uint8Array; url?: string }
  | { kind: 'text'; name: string; text: string; url?: string }
  | { kind: 'doc'; name: string; doc: ExtractResult & { article: Article } };

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (INPUT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
  return out;
}

/** A JSON Lines record: `{article, entities, relations}`, `{html, url?}` or `{text, url?}`. */
function itemFromJson(name: string, value: unknown): Item {
  const v = (value ?? {}) as Record<string, unknown>;
  const url = typeof v.url === 'string' ? v.url : undefined;
  if (v.article && Array.isArray(v.entities) && Array.isArray(v.relations)) {
    return { kind: 'doc', name, doc: v as unknown as ExtractResult & { article: Article } };
  }
  if (typeof v.html === 'string') return { kind: 'html', name, bytes: Buffer.from(v.html), url };
  if (typeof v.text === 'string') return { kind: 'text', name, text: v.text, url };
  if (url) return { kind: 'url', name, url };
  throw new InputError(
    'bad-jsonl',
    `${name}: expected {article, entities, relations}, {html}, {text} or {url}`,
  );
}

/** One JSON Lines record per non-blank line, read as a stream (a file of any size stays out of memory). */
async function* itemsFromJsonl(name: string, input: NodeJS.ReadableStream): AsyncGenerator<Item> {
  let n = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    n += 1;
    const line = raw.trim();
    if (line.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError('bad-jsonl', `${name}:${n}: not JSON`);
    }
    yield itemFromJson(`${name}:${n}`, value);
  }
}

/** The input paths (directories walked recursively, sorted), without reading them. */
async function expandArgs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (isUrlArgument(arg) || arg === '-') out.push(arg);
    else out.push(...((await stat(arg)).isDirectory() ? await walk(arg) : [arg]));
  }
  return out;
}

/**
 * The work items of the arguments (directories recursively; `-` is stdin), read one at a time as they
 * are consumed: memory holds one page (or one JSON Lines record), not the whole input.
 */
export async function* streamItems(
  args: string[],
  options: { jsonl?: boolean; url?: string },
): AsyncGenerator<Item> {
  for (const path of await expandArgs(args)) {
    const ext = extname(path).toLowerCase();
    if (isUrlArgument(path)) yield { kind: 'url', name: path, url: path };
    else if (path === '-') {
      if (options.jsonl) yield* itemsFromJsonl('stdin', process.stdin);
      else yield { kind: 'html', name: 'stdin', bytes: await readStdin(), url: options.url };
    } else if (options.jsonl || ext === '.jsonl') yield* itemsFromJsonl(path, createReadStream(path));
    else if (ext === '.txt')
      yield { kind: 'text', name: path, text: await readFile(path, 'utf8'), url: options.url };
    else yield { kind: 'html', name: path, bytes: await readFile(path), url: options.url };
  }
}

/** Every work item of the arguments, read at once. @deprecated use {@link streamItems} */
export async function collectItems(
  args: string[],
  options: { jsonl?: boolean; url?: string },
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of streamItems(args, options)) items.push(item);
  return items;
}

/** How many items the arguments hold when that is known without reading them (no JSON Lines). */
async function countItems(args: string[], options: { jsonl?: boolean }): Promise<number | undefined> {
  if (options.jsonl) return undefined;
  const paths = await expandArgs(args);
  return paths.some((p) => extname(p).toLowerCase() === '.jsonl') ? undefined : paths.length;
}

/** Extract (or fetch), analyse and write one item; its page or text is kept in `pages` when given. */
export async function ingestItem(
  item: Item,
  sink: GraphSink,
  fetchOptions: FetchOptions = {},
  pages?: PageStore,
  minConfidence?: number,
): Promise<WriteSummary> {
  const deps: ProcessDeps = { sink, ...(pages ? { pages } : {}), minConfidence };
  switch (item.kind) {
    case 'doc':
      return sink.write(toGraphWrite(item.doc.article, keepConfident(item.doc, minConfidence)));
    case 'text':
      return processArticle(withSourceUrl(articleFromText(item.text), item.url), deps, {
        kind: 'text',
        body: Buffer.from(item.text, 'utf8'),
        url: item.url ?? null,
      });
    case 'html':
      return processArticle(
        withSourceUrl(extractArticle({ html: item.bytes, url: item.url }), item.url),
        deps,
        {
          kind: 'html',
          body: item.bytes,
          url: item.url ?? null,
        },
      );
    case 'url': {
      const { fetchPage } = await import('../fetch/index.js');
      return processPage(await fetchPage(item.url, fetchOptions), deps);
    }
  }
}

type Tally = Record<Change, number>;

export interface IngestSummary {
  articles: number;
  failed: number;
  /** Articles stored with the same content and extraction already: nothing written. */
  unchangedArticles: number;
  /** Distinct entities and facts of the ingested articles, by what the run did to them in the graph. */
  entities: Tally;
  facts: Tally;
  ms: number;
}

const RANK: Record<Change, number> = { unchanged: 0, updated: 1, new: 2 };

/** Each key's strongest change over the run: new (to the graph) > updated > unchanged. */
class ChangeCounter {
  private readonly seen = new Map<string, Change>();
  add(changes: Record<string, Change> | undefined): void {
    for (const [k, c] of Object.entries(changes ?? {})) {
      const was = this.seen.get(k);
      if (!was || RANK[c] > RANK[was]) this.seen.set(k, c);
    }
  }
  tally(): Tally {
    const t: Tally = { new: 0, updated: 0, unchanged: 0 };
    for (const c of this.seen.values()) t[c] += 1;
    return t;
  }
}

async function progressBar(total: number) {
  if (total < 2 || !process.stderr.isTTY) return undefined;
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {name}', hideCursor: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0, { name: '' });
  return bar;
}

/**
 * Ingest every item; failures are reported per item and counted, not thrown. Writes go through a
 * {@link WriteBatcher}: many articles per transaction, while the next items are extracted and analysed.
 */
export async function ingestAll(
  items: Iterable<Item> | AsyncIterable<Item>,
  sink: GraphSink,
  fetchOptions: FetchOptions = {},
  options: {
    bulkSize?: number;
    total?: number;
    pages?: PageStore;
    minConfidence?: number;
    /** Called before each batch is written (see {@link WriteBatcher}). */
    beforeBatch?: () => void;
  } = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const summary = { articles: 0, failed: 0, unchangedArticles: 0 };
  const [entities, facts] = [new ChangeCounter(), new ChangeCounter()];
  const bar = options.total === undefined ? undefined : await progressBar(options.total);
  const bulkSize = options.bulkSize ?? DEFAULT_BULK_SIZE;
  const batcher = new WriteBatcher(sink, bulkSize, options.beforeBatch);
  let stop: unknown;
  const settle = (item: Item) => ({
    ok(r: WriteSummary) {
      summary.articles += 1;
      if (r.unchanged) summary.unchangedArticles += 1;
      entities.add(r.changes?.entities);
      facts.add(r.changes?.facts);
      bar?.increment(1, { name: item.name.slice(-40) });
    },
    failed(err: unknown) {
      const service = asServiceError(err);
      if (service instanceof CliError) stop ??= service; // the store is gone: stop, don't fail every item
      summary.failed += 1;
      bar?.stop();
      process.stderr.write(
        `newsgraph ingest: ${item.name}: ${err instanceof NewsgraphError ? `${err.code}: ` : ''}${(err as Error).message}\n`,
      );
    },
  });
  const done = new Set<Promise<void>>();
  let sawUrl = false;
  try {
    for await (const item of items) {
      if (stop) break;
      sawUrl ||= item.kind === 'url';
      const on = settle(item);
      const before = batcher.received;
      const written = ingestItem(item, batcher, fetchOptions, options.pages, options.minConfidence).then(
        on.ok,
        on.failed,
      );
      done.add(written);
      void written.then(() => done.delete(written));
      await Promise.race([written, batcher.enqueued(before)]); // analysed and queued (or failed): next item
    }
  } finally {
    await batcher.flush();
    await Promise.all(done);
    if (sawUrl) await (await import('../fetch/index.js')).closeFetchAgents();
  }
  bar?.stop();
  if (stop) throw stop;
  return {
    ...summary,
    entities: entities.tally(),
    facts: facts.tally(),
    ms: Math.round(performance.now() - started),
  };
}

const tallyText = (t: Tally): string => `${t.new} new, ${t.updated} updated, ${t.unchanged} unchanged`;

/** The line `ingest` prints: what the run did to the graph. */
export function summaryLine(s: IngestSummary, kind: string): string {
  const unchanged = s.unchangedArticles ? ` (${s.unchangedArticles} unchanged)` : '';
  return (
    `ingested ${s.articles} article(s)${unchanged} into ${kind}${s.failed ? `, ${s.failed} failed` : ''}: ` +
    `entities ${tallyText(s.entities)}; facts ${tallyText(s.facts)}; in ${s.ms} ms\n`
  );
}

export function ingestCommand(): Command {
  const cmd = new Command('ingest')
    .description('Extract, analyse and write articles into the graph (inline, no queue).')
    .argument('<inputs...>', 'HTML/.txt/.jsonl files, directories, http(s) URLs, or - for stdin')
    .option(
      '--jsonl',
      'inputs are JSON Lines: {article, entities, relations}, {html, url?}, {text, url?} or {url}',
    )
    .option(
      '--url <url>',
      'the page URL for a single HTML/text input (default: none; its canonical URL when it names one)',
    )
    .addOption(minConfidenceOption())
    .option(
      '--allow-private-hosts',
      'let URLs reach loopback/private addresses (tests only; env NEWSGRAPH_ALLOW_PRIVATE_HOSTS=1)',
    );
  return addPagesOption(addGraphOptions(cmd)).action(
    async (
      inputs: string[],
      options: GraphCliOptions &
        PagesCliOptions & {
          jsonl?: boolean;
          url?: string;
          allowPrivateHosts?: boolean;
          minConfidence?: number;
        },
    ) => {
      const total = await countItems(inputs, options);
      const graph = graphConfig(options);
      const pages = openPages(options, { kind: sinkKindOf(graph), dbPath: graph.dbPath });
      const sink = await openSink(graph).catch((err: unknown) => {
        throw asServiceError(err);
      });
      try {
        const s = await ingestAll(
          streamItems(inputs, options),
          sink,
          { allowPrivateHosts: allowPrivateHosts(options.allowPrivateHosts) },
          { total, pages, minConfidence: options.minConfidence, beforeBatch: collectGarbage },
        );
        process.stdout.write(summaryLine(s, sink.kind));
        if (s.failed > 0) process.exitCode = EXIT.failed;
      } finally {
        await sink.close();
      }
    },
  );
}
