/**
 * `newsgraph extract <file|url|-> [--url URL] [--text] [--jsonl] [--pretty]`: one page or text to
 * `{ article, entities, relations, values }`, or a JSON-lines batch to one result line per input line.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { articleFromText, extractArticle } from '../article/index.js';
import { type Article, describeError, type ExtractResult } from '../core/index.js';
import { analyze } from '../nlp/index.js';
import { CliError, EXIT } from './errors.js';
import { allowPrivateHosts, isUrlArgument, readInput } from './io.js';
import { minConfidenceOption } from './min-confidence.js';

export interface ExtractOptions {
  url?: string;
  text?: boolean;
  jsonl?: boolean;
  pretty?: boolean;
  allowPrivateHosts?: boolean;
  /** Leave out facts below this confidence. @defaultValue DEFAULT_MIN_CONFIDENCE */
  minConfidence?: number;
}

/** Entities and relations of an article (or of a text, for `--text`). */
function withNlp(article: Article, includeArticle: boolean, minConfidence?: number): ExtractResult {
  const doc = analyze(article.text, {
    title: article.title,
    publishedAt: article.publishedAt,
    minConfidence,
  });
  return includeArticle ? { article, ...doc } : { ...doc };
}

/** Extract one input (HTML bytes or text) into `{ article, entities, relations }`. */
export function extractOne(bytes: Uint8Array, options: ExtractOptions & { path?: string }): ExtractResult {
  const asText = options.text || options.path?.toLowerCase().endsWith('.txt');
  const article = asText
    ? articleFromText(Buffer.from(bytes).toString('utf8'))
    : extractArticle({ html: bytes, url: options.url });
  return withNlp(article, true, options.minConfidence);
}

/** One line of `--jsonl` input. */
export type JsonlInput =
  | { id: unknown; text: string; publishedAt?: string }
  | { id: unknown; html: string; url?: string }
  | { id: unknown; path: string; url?: string };

/** One line of `--jsonl` output: the result with the input's id, or the reason it failed. */
export type JsonlOutput = ({ id: unknown } & ExtractResult) | { id: unknown; error: string };

const optionalUrl = (x: Record<string, unknown>): string | undefined =>
  typeof x.url === 'string' && x.url.length > 0 ? x.url : undefined;

/** Process one `--jsonl` line. Never throws: a bad line becomes `{ id, error }`. */
export function extractJsonLine(line: string, minConfidence?: number): JsonlOutput {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'bad-json: the line is not valid JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { id: null, error: 'bad-input: each line must be a JSON object' };
  }
  const x = input as Record<string, unknown>;
  const id = x.id ?? null;
  try {
    if (typeof x.text === 'string') {
      // A text line may say when it was published: relative dates ("on Monday") are anchored on it.
      const publishedAt = typeof x.publishedAt === 'string' ? x.publishedAt : null;
      return { id, ...withNlp({ ...articleFromText(x.text), publishedAt }, false, minConfidence) };
    }
    if (typeof x.html === 'string') {
      return { id, ...withNlp(extractArticle({ html: x.html, url: optionalUrl(x) }), true, minConfidence) };
    }
    if (typeof x.path === 'string') {
      // Bytes, not a string: the charset is sniffed as if the page came over HTTP.
      const bytes = readFileSync(x.path);
      return { id, ...withNlp(extractArticle({ html: bytes, url: optionalUrl(x) }), true, minConfidence) };
    }
    return { id, error: 'bad-input: expected one of "text", "html" or "path"' };
  } catch (err) {
    return { id, error: describeError(err) };
  }
}

/** Lines written per `write()` call: batching keeps the output cheap for large corpora. */
const OUTPUT_BATCH_LINES = 256;

async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Run `--jsonl` over a stream; returns the number of failed lines. */
export async function runJsonl(
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream = process.stdout,
  minConfidence?: number,
): Promise<{ lines: number; failed: number }> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lines = 0;
  let failed = 0;
  let batch: string[] = [];
  for await (const line of rl) {
    if (line.trim().length === 0) continue;
    const result = extractJsonLine(line, minConfidence);
    lines++;
    if ('error' in result) failed++;
    batch.push(JSON.stringify(result));
    if (batch.length >= OUTPUT_BATCH_LINES) {
      await write(out, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) await write(out, `${batch.join('\n')}\n`);
  return { lines, failed };
}

async function extractUrl(
  url: string,
  allowPrivate: boolean,
  minConfidence?: number,
): Promise<ExtractResult> {
  // The hardened fetcher (timeouts, size cap, SSRF guard) is shared with the crawler; loaded only when needed.
  const { fetchPage, closeFetchAgents } = await import('../fetch/index.js');
  try {
    const page = await fetchPage(url, { allowPrivateHosts: allowPrivate });
    if (page.status >= 400) throw new CliError(`HTTP ${page.status} for ${url}`, EXIT.failed);
    const article = extractArticle({ html: page.body, url: page.finalUrl, charset: page.charset });
    return withNlp(article, true, minConfidence);
  } finally {
    await closeFetchAgents();
  }
}

async function readBytes(input: string): Promise<Uint8Array> {
  try {
    return await readInput(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : describeError(err);
    throw new CliError(`cannot read ${input}: ${why}`, EXIT.usage);
  }
}

export function extractCommand(): Command {
  return new Command('extract')
    .description(
      'Extract the article, entities, relations and values (dates, money) from one page or text, as JSON.',
    )
    .argument('<input>', 'an HTML or .txt file, an http(s) URL, or - for stdin')
    .option(
      '--url <url>',
      'the page URL, resolves links (default: none; its canonical URL when it names one)',
    )
    .option('--text', 'treat the input as plain text (first line = title)')
    .option(
      '--jsonl',
      'batch: read JSON lines {id,text,publishedAt?} | {id,html,url?} | {id,path,url?}, write one line each',
    )
    .option('--pretty', 'indent the JSON')
    .addOption(minConfidenceOption())
    .option(
      '--allow-private-hosts',
      'let a URL reach loopback/private addresses (tests only; env NEWSGRAPH_ALLOW_PRIVATE_HOSTS=1)',
    )
    .action(async (input: string, options: ExtractOptions) => {
      if (options.jsonl) {
        const stream = input === '-' ? process.stdin : createReadStream(input);
        const opened = new Promise<void>((resolve, reject) => {
          if (input === '-') resolve();
          stream.once('open', () => resolve());
          stream.once('error', (err: Error) =>
            reject(new CliError(`cannot read ${input}: ${describeError(err)}`, EXIT.usage)),
          );
        });
        await opened;
        const { failed } = await runJsonl(stream, process.stdout, options.minConfidence);
        if (failed > 0) process.exitCode = EXIT.failed;
        return;
      }
      const result = isUrlArgument(input)
        ? await extractUrl(input, allowPrivateHosts(options.allowPrivateHosts), options.minConfidence)
        : extractOne(await readBytes(input), { ...options, path: input });
      process.stdout.write(`${JSON.stringify(result, null, options.pretty ? 2 : undefined)}\n`);
    });
}
