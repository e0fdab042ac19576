/**
 * One article through the whole pipeline: page -> Article -> Document -> GraphWrite -> sink.
 * I/O comes in through `deps`; this module opens nothing itself.
 */
import { extractArticle } from '../article/index.js';
import type { Article, Document, RawPage } from '../core/index.js';
import { articleId, toGraphWrite } from '../graph/to-graph-write.js';
import type { GraphSink, WriteSummary } from '../graph/types.js';
import { analyze } from '../nlp/index.js';
import type { PageKind, PageStore } from '../pages/index.js';

export type Stage = 'fetch' | 'extract' | 'analyze' | 'write';

export interface ProcessDeps {
  sink: GraphSink;
  /** Where the source bytes are kept for `reprocess`. @defaultValue none (not kept) */
  pages?: PageStore;
  /** Called as each stage starts (progress reporting). */
  onStage?: (stage: Stage) => void | Promise<void>;
  /** Facts below this confidence are not written. @defaultValue DEFAULT_MIN_CONFIDENCE (src/nlp) */
  minConfidence?: number;
}

/** The bytes an article was extracted from, to keep in the page store. */
export interface ArticleSource {
  kind: PageKind;
  body: Uint8Array;
  url: string | null;
  charset?: string | null;
}

export interface ProcessResult extends WriteSummary {
  url: string | null;
  title: string;
}

/**
 * An article read from a file: the URL given with it, else its canonical URL, fills `url` (a file has no
 * fetched URL of its own), and the given URL is its canonical one when the page names none.
 */
export function withSourceUrl(article: Article, url: string | undefined): Article {
  if (article.url) return article;
  const given = url ?? article.canonicalUrl ?? undefined;
  return given ? { ...article, url: given, canonicalUrl: article.canonicalUrl ?? given } : article;
}

/** Analyse an extracted article and write it (keeping its source first, when a page store is given). */
export async function processArticle(
  article: Article,
  deps: ProcessDeps,
  source?: ArticleSource,
): Promise<ProcessResult> {
  await deps.onStage?.('analyze');
  const doc: Document = analyze(article.text, { title: article.title, minConfidence: deps.minConfidence });
  // Kept before the write: a crash in between leaves a page without an article (harmless: reprocess
  // writes it), never an article whose page is lost.
  if (deps.pages && source) await deps.pages.put({ articleId: articleId(article), ...source });
  await deps.onStage?.('write');
  const summary = await deps.sink.write(toGraphWrite(article, doc));
  return { ...summary, url: article.canonicalUrl ?? article.url, title: article.title };
}

/** Extract, analyse and write one fetched page. */
export async function processPage(page: RawPage, deps: ProcessDeps): Promise<ProcessResult> {
  await deps.onStage?.('extract');
  const article = extractArticle({ html: page.body, url: page.finalUrl, charset: page.charset });
  return processArticle(article, deps, {
    kind: 'html',
    body: page.body,
    url: page.finalUrl,
    charset: page.charset ?? null,
  });
}
