/**
 * Reprocessing: run the current extractor and NLP rules again over stored pages, without fetching.
 * Which articles: those written by another extractor version (default), every one (`all`), or those
 * extracted since a date (`since`). I/O comes in through the arguments (reader, sink, page store,
 * checkpoint); the CLI opens them.
 */
import { articleFromText, extractArticle } from '../article/index.js';
import { EXTRACTOR_VERSION } from '../core/extractor-version.js';
import { type Article, describeError, TransientError } from '../core/index.js';
import { articleId, toGraphWrite } from '../graph/to-graph-write.js';
import type { GraphReader, GraphSink, GraphWrite } from '../graph/types.js';
import { analyze } from '../nlp/index.js';
import type { Checkpoint, PageRecord, PageStore } from '../pages/index.js';
import {
  type Contribution,
  contributionOf,
  diffGraph,
  type GraphDiff,
  readContribution,
  readSupport,
} from './graph-diff.js';
import { withSourceUrl } from './process.js';

/** An article as the graph knows it, for selection. */
export interface StoredArticle {
  id: string;
  extractorVersion: string | null;
  extractedAt: string | null;
}

export interface Selection {
  /** Every stored article, whatever its version. @defaultValue false */
  all?: boolean;
  /** Only articles extracted at or after this ISO date/time (whatever their version). */
  since?: string;
  /** The version articles are brought to. @defaultValue {@link EXTRACTOR_VERSION} */
  version?: string;
}

/** Every article in the graph with its version and extraction time. */
export async function readStoredArticles(reader: GraphReader): Promise<StoredArticle[]> {
  const rows = await reader.query(
    'MATCH (a:Article) RETURN a.id AS id, a.extractorVersion AS extractorVersion, a.extractedAt AS extractedAt ORDER BY id',
  );
  return rows.map((r) => ({
    id: String(r.id),
    extractorVersion: (r.extractorVersion as string | null) ?? null,
    extractedAt: (r.extractedAt as string | null) ?? null,
  }));
}

/** How many articles were written by another extractor version than `version`. */
export async function countOutdated(
  reader: GraphReader,
  version: string = EXTRACTOR_VERSION,
): Promise<{ articles: number; outdated: number }> {
  const [row] = await reader.query(
    'MATCH (a:Article) RETURN count(a) AS articles, ' +
      'sum(CASE WHEN a.extractorVersion = $version THEN 0 ELSE 1 END) AS outdated',
    { version },
  );
  return { articles: Number(row?.articles ?? 0), outdated: Number(row?.outdated ?? 0) };
}

/** Pure: the articles a selection takes. */
export function selectArticles(articles: StoredArticle[], selection: Selection): StoredArticle[] {
  const version = selection.version ?? EXTRACTOR_VERSION;
  if (selection.all) return articles;
  if (selection.since !== undefined) {
    const since = selection.since;
    return articles.filter((a) => a.extractedAt !== null && a.extractedAt >= since);
  }
  return articles.filter((a) => a.extractorVersion !== version);
}

/** A stable name for a selection: a checkpoint is resumed only by the same one. */
export function selectionKey(selection: Selection): string {
  const version = selection.version ?? EXTRACTOR_VERSION;
  return JSON.stringify({ version, all: selection.all ?? false, since: selection.since ?? null });
}

/** Pure: the article stored bytes give, read exactly as when they were first written. */
export function articleFromRecord(record: PageRecord, bytes: Uint8Array): Article {
  const url = record.url ?? undefined;
  const article =
    record.kind === 'text'
      ? articleFromText(Buffer.from(bytes).toString('utf8'))
      : extractArticle({ html: bytes, url, charset: record.charset ?? undefined });
  return withSourceUrl(article, url);
}

/** Pure: the graph write stored bytes give with the current rules. */
export function rebuildWrite(record: PageRecord, bytes: Uint8Array, version?: string): GraphWrite {
  const article = articleFromRecord(record, bytes);
  const id = articleId(article);
  if (id !== record.articleId)
    throw new Error(`the article's id changed (${record.articleId} -> ${id}: new canonical URL?)`);
  const doc = analyze(article.text, { title: article.title });
  return toGraphWrite(article, doc, version ? { extractorVersion: version } : {});
}

export interface ReprocessPlan {
  /** Selected articles whose page is stored, not done by an earlier run of this selection. */
  todo: PageRecord[];
  /** Selected articles without a stored page (written before the page store, or from extracted JSON). */
  missing: string[];
  /** Selected articles an interrupted earlier run already did. */
  resumed: number;
}

/** Which selected articles can be reprocessed, and which were done already. */
export async function planReprocess(
  selected: StoredArticle[],
  pages: PageStore,
  checkpoint?: Pick<Checkpoint, 'done'>,
): Promise<ReprocessPlan> {
  const plan: ReprocessPlan = { todo: [], missing: [], resumed: 0 };
  for (const article of selected) {
    if (checkpoint?.done.has(article.id)) plan.resumed += 1;
    else {
      const record = await pages.record(article.id);
      if (record) plan.todo.push(record);
      else plan.missing.push(article.id);
    }
  }
  return plan;
}

export interface ReprocessDeps {
  sink: GraphSink;
  pages: PageStore;
  checkpoint?: Pick<Checkpoint, 'mark'>;
  /** Stops the run between two articles (SIGINT); the checkpoint keeps what was done. */
  signal?: AbortSignal;
  /** Called after each article, written or failed. */
  onArticle?: (record: PageRecord, error?: string) => void;
  version?: string;
}

export interface ReprocessReport {
  written: number;
  failed: Array<{ articleId: string; reason: string }>;
  /** The run was stopped before the end. */
  stopped: boolean;
}

/**
 * Re-extract, re-analyse and rewrite each planned article; an article that fails is reported and the
 * run goes on, a store that is down stops it.
 */
export async function runReprocess(todo: PageRecord[], deps: ReprocessDeps): Promise<ReprocessReport> {
  const report: ReprocessReport = { written: 0, failed: [], stopped: false };
  for (const record of todo) {
    if (deps.signal?.aborted) {
      report.stopped = true;
      break;
    }
    let error: string | undefined;
    try {
      const write = rebuildWrite(record, await deps.pages.read(record), deps.version);
      await deps.sink.write(write);
      await deps.checkpoint?.mark(record.articleId);
      report.written += 1;
    } catch (err) {
      if (err instanceof TransientError) throw err; // the store is down: stop; the checkpoint resumes
      error = describeError(err);
      report.failed.push({ articleId: record.articleId, reason: error });
    }
    deps.onArticle?.(record, error);
  }
  return report;
}

/** The graph diff reprocessing `todo` would make, computed with the reader only (`--dry-run`). */
export async function diffReprocess(
  reader: GraphReader,
  todo: PageRecord[],
  pages: PageStore,
): Promise<{ diff: GraphDiff; failed: ReprocessReport['failed'] }> {
  const before: Contribution[] = [];
  const after: Contribution[] = [];
  const failed: ReprocessReport['failed'] = [];
  for (const record of todo) {
    try {
      const next = contributionOf(rebuildWrite(record, await pages.read(record)));
      before.push(await readContribution(reader, record.articleId));
      after.push(next);
    } catch (err) {
      if (err instanceof TransientError) throw err;
      failed.push({ articleId: record.articleId, reason: describeError(err) });
    }
  }
  const keys = (pick: 'entities' | 'facts') => [
    ...new Set([...before, ...after].flatMap((c) => [...c[pick].keys()])),
  ];
  const support = await readSupport(reader, keys('entities'), keys('facts'));
  return { diff: diffGraph(before, after, support), failed };
}
