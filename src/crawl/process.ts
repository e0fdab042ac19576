/**
 * One article through the whole pipeline: page -> Article -> Document -> GraphWrite -> sink.
 * I/O comes in through `deps`; this module opens nothing itself.
 */
import { extractArticle } from '../article/index.js';
import type { Article, Document, RawPage } from '../core/index.js';
import { toGraphWrite } from '../graph/to-graph-write.js';
import type { GraphSink, WriteSummary } from '../graph/types.js';
import { analyze } from '../nlp/index.js';

export type Stage = 'fetch' | 'extract' | 'analyze' | 'write';

export interface ProcessDeps {
  sink: GraphSink;
  /** Called as each stage starts (progress reporting). */
  onStage?: (stage: Stage) => void | Promise<void>;
  /** Facts below this confidence are not written. @defaultValue DEFAULT_MIN_CONFIDENCE (src/nlp) */
  minConfidence?: number;
}

export interface ProcessResult extends WriteSummary {
  url: string | null;
  title: string;
}

/** Analyse an extracted article and write it. */
export async function processArticle(article: Article, deps: ProcessDeps): Promise<ProcessResult> {
  await deps.onStage?.('analyze');
  const doc: Document = analyze(article.text, { title: article.title, minConfidence: deps.minConfidence });
  await deps.onStage?.('write');
  const summary = await deps.sink.write(toGraphWrite(article, doc));
  return { ...summary, url: article.canonicalUrl ?? article.url, title: article.title };
}

/** Extract, analyse and write one fetched page. */
export async function processPage(page: RawPage, deps: ProcessDeps): Promise<ProcessResult> {
  await deps.onStage?.('extract');
  const article = extractArticle({ html: page.body, url: page.finalUrl, charset: page.charset });
  return processArticle(article, deps);
}
