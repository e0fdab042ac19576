/**
 * `newsgraph ingest <file|url|dir|-> …`: extract, analyse and write articles into the graph, inline
 * (no queue). Also home of the graph options shared with `newsgraph query` (`--sink`, `--db`, NEO4J_*).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Command, Option } from 'commander';
import { articleFromText, extractArticle } from '../article/index.js';
import { type Article, type ExtractResult, InputError, NewsgraphError } from '../core/index.js';
import { processArticle, processPage } from '../crawl/process.js';
import type { FetchOptions } from '../fetch/index.js';
import { type GraphConfig, type GraphSink, openSink, type SinkKind, toGraphWrite } from '../graph/index.js';
import { keepConfident } from '../nlp/min-confidence.js';
import { CliError, EXIT } from './errors.js';
import { allowPrivateHosts, isUrlArgument, readStdin } from './io.js';
import { minConfidenceOption } from './min-confidence.js';

export interface GraphCliOptions {
  sink?: SinkKind;
  db?: string;
}

/** `--sink` and `--db`, shared by `ingest` and `query`. */
export function addGraphOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--sink <kind>', 'graph store (default: neo4j when NEO4J_URI is set, else kuzu)').choices([
        'kuzu',
        'neo4j',
      ]),
    )
    .option('--db <path>', 'Kùzu database file (default: $NEWSGRAPH_DB or ./newsgraph.kuzu)');
}

/** The graph config from options and env (the CLI is the only reader of env). */
export function graphConfig(options: GraphCliOptions, env: NodeJS.ProcessEnv = process.env): GraphConfig {
  return {
    kind: options.sink,
    kuzuPath: options.db ?? env.NEWSGRAPH_DB,
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
    },
  };
}

/** A store that is down, locked or refuses us: exit code 3, one clear line. */
export function asServiceError(err: unknown): unknown {
  const codes = ['kuzu-locked', 'neo4j-unavailable', 'neo4j-auth', 'neo4j-database', 'neo4j-transient'];
  if (err instanceof NewsgraphError && codes.includes(err.code))
    return new CliError(err.message, EXIT.unavailable);
  return err;
}

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

function itemsFromJsonl(name: string, content: string): Item[] {
  return content
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      try {
        return itemFromJson(`${name}:${n}`, JSON.parse(line));
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError('bad-jsonl', `${name}:${n}: not JSON`);
      }
    });
}

/** Expand the arguments into work items (directories recursively; `-` is stdin). */
export async function collectItems(
  args: string[],
  options: { jsonl?: boolean; url?: string },
): Promise<Item[]> {
  const items: Item[] = [];
  for (const arg of args) {
    if (isUrlArgument(arg)) items.push({ kind: 'url', name: arg, url: arg });
    else if (arg === '-') {
      const bytes = await readStdin();
      if (options.jsonl) items.push(...itemsFromJsonl('stdin', bytes.toString('utf8')));
      else items.push({ kind: 'html', name: 'stdin', bytes, url: options.url });
    } else {
      const paths = (await stat(arg)).isDirectory() ? await walk(arg) : [arg];
      for (const path of paths) {
        const ext = extname(path).toLowerCase();
        if (options.jsonl || ext === '.jsonl')
          items.push(...itemsFromJsonl(path, await readFile(path, 'utf8')));
        else if (ext === '.txt')
          items.push({ kind: 'text', name: path, text: await readFile(path, 'utf8'), url: options.url });
        else items.push({ kind: 'html', name: path, bytes: await readFile(path), url: options.url });
      }
    }
  }
  return items;
}

function withUrl(article: Article, url: string | undefined): Article {
  return url && !article.url ? { ...article, url, canonicalUrl: article.canonicalUrl ?? url } : article;
}

/** Extract (or fetch), analyse and write one item. */
export async function ingestItem(
  item: Item,
  sink: GraphSink,
  fetchOptions: FetchOptions = {},
  minConfidence?: number,
): Promise<{ entities: number; facts: number }> {
  switch (item.kind) {
    case 'doc':
      return sink.write(toGraphWrite(item.doc.article, keepConfident(item.doc, minConfidence)));
    case 'text':
      return processArticle(withUrl(articleFromText(item.text), item.url), { sink, minConfidence });
    case 'html':
      return processArticle(extractArticle({ html: item.bytes, url: item.url }), { sink, minConfidence });
    case 'url': {
      const { fetchPage } = await import('../fetch/index.js');
      return processPage(await fetchPage(item.url, fetchOptions), { sink, minConfidence });
    }
  }
}

export interface IngestSummary {
  articles: number;
  failed: number;
  entities: number;
  facts: number;
  ms: number;
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

/** Ingest every item into the sink; failures are reported per item and counted, not thrown. */
export async function ingestAll(
  items: Item[],
  sink: GraphSink,
  fetchOptions: FetchOptions = {},
  minConfidence?: number,
): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { articles: 0, failed: 0, entities: 0, facts: 0, ms: 0 };
  const bar = await progressBar(items.length);
  for (const item of items) {
    try {
      const r = await ingestItem(item, sink, fetchOptions, minConfidence);
      summary.articles += 1;
      summary.entities += r.entities;
      summary.facts += r.facts;
    } catch (err) {
      const service = asServiceError(err);
      if (service instanceof CliError) throw service; // the store is gone: stop, don't fail every item
      summary.failed += 1;
      bar?.stop();
      process.stderr.write(
        `newsgraph ingest: ${item.name}: ${err instanceof NewsgraphError ? `${err.code}: ` : ''}${(err as Error).message}\n`,
      );
    }
    bar?.increment(1, { name: item.name.slice(-40) });
  }
  bar?.stop();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

export function ingestCommand(): Command {
  const cmd = new Command('ingest')
    .description('Extract, analyse and write articles into the graph (inline, no queue).')
    .argument('<inputs...>', 'HTML/.txt/.jsonl files, directories, http(s) URLs, or - for stdin')
    .option(
      '--jsonl',
      'inputs are JSON Lines: {article, entities, relations}, {html, url?}, {text, url?} or {url}',
    )
    .option('--url <url>', 'the page URL for a single HTML/text input')
    .addOption(minConfidenceOption())
    .option(
      '--allow-private-hosts',
      'let URLs reach loopback/private addresses (tests only; env NEWSGRAPH_ALLOW_PRIVATE_HOSTS=1)',
    );
  return addGraphOptions(cmd).action(
    async (
      inputs: string[],
      options: GraphCliOptions & {
        jsonl?: boolean;
        url?: string;
        allowPrivateHosts?: boolean;
        minConfidence?: number;
      },
    ) => {
      const items = await collectItems(inputs, options);
      const sink = await openSink(graphConfig(options)).catch((err: unknown) => {
        throw asServiceError(err);
      });
      try {
        const s = await ingestAll(
          items,
          sink,
          { allowPrivateHosts: allowPrivateHosts(options.allowPrivateHosts) },
          options.minConfidence,
        );
        process.stdout.write(
          `ingested ${s.articles} article(s) into ${sink.kind}${s.failed ? `, ${s.failed} failed` : ''}: ` +
            `${s.entities} entities, ${s.facts} facts in ${s.ms} ms\n`,
        );
        if (s.failed > 0) process.exitCode = EXIT.failed;
      } finally {
        await sink.close();
        if (items.some((i) => i.kind === 'url')) await (await import('../fetch/index.js')).closeFetchAgents();
      }
    },
  );
}
