/**
 * One run of a scheduled crawl: read each source, keep fresh article links, hand them to the queue, and
 * say per source what it found or why it failed. I/O is passed in (`fetchSource`, `enqueue`), so this runs
 * the same in tests, the CLI and the worker.
 */
import { describeError, PermanentError, TransientError } from '../core/index.js';
import {
  type DiscoveredLink,
  type DocumentKind,
  filterLinks,
  parseFeed,
  parseSectionPage,
  parseSitemap,
  rootElement,
  sitemapsOfRobots,
  sniffDocument,
} from './discover.js';
import { durationMs, type Pipeline, type PipelineSource } from './pipeline.js';

/** A sitemap index can list thousands of children; recent news sits in the first few (newest first). */
export const MAX_CHILD_SITEMAPS = 5;

/** A fetched source: its decoded text, final URL and the server's Content-Type (without parameters). */
export interface SourceDocument {
  text: string;
  url: string;
  contentType?: string | undefined;
}

export interface CrawlDeps {
  /** Fetch a feed, sitemap, robots.txt or section page. */
  fetchSource(url: string, type: PipelineSource['type']): Promise<SourceDocument>;
  /** Enqueue article URLs; returns how many were new (and which, when it knows). */
  enqueue(
    urls: string[],
    options: { priority?: number | undefined; source: string },
  ): Promise<{ added: number; duplicates: number; addedUrls?: string[] }>;
  /** @defaultValue () => new Date() */
  now?: () => Date;
}

/** What one source gave, or why it failed. */
export interface SourceReport {
  url: string;
  type: PipelineSource['type'];
  /** What the body was, by its root element (`robots` for a robots.txt listing sitemaps). */
  kind?: DocumentKind | 'robots';
  contentType?: string;
  /** Links found (child sitemaps included). */
  found: number;
  /** Links left after the source's include/exclude and the pipeline's age window. */
  kept: number;
  /** Why the source failed (then `found` is 0). */
  error?: string;
  /** Child sitemaps read (of an index or a robots.txt): links found or why each failed. */
  children?: Array<{ url: string; found: number; error?: string }>;
}

export interface CrawlReport {
  pipeline: string;
  startedAt: string;
  /** Links found in all sources. */
  discovered: number;
  /** Links left after filters, age window, duplicates across sources and the limit. */
  kept: number;
  added: number;
  duplicates: number;
  /** The URLs that were new in the queue (empty when the queue does not say). */
  addedUrls: string[];
  sources: SourceReport[];
  /** Every failure, sources and child sitemaps alike. */
  errors: Array<{ source: string; error: string }>;
}

const isRobotsTxt = (url: string) => new URL(url).pathname === '/robots.txt';

/** Read sitemaps (an index's children, a robots.txt's list), one level of indexes deep, within a budget. */
async function readSitemapList(
  urls: string[],
  deps: CrawlDeps,
  report: SourceReport,
  nested: boolean,
): Promise<DiscoveredLink[]> {
  const links: DiscoveredLink[] = [];
  report.children ??= [];
  for (const child of urls) {
    if (report.children.length >= MAX_CHILD_SITEMAPS) break;
    const entry: { url: string; found: number; error?: string } = { url: child, found: 0 };
    report.children.push(entry);
    try {
      const page = await deps.fetchSource(child, 'sitemap');
      const parsed = parseSitemap(page.text, page.url);
      entry.found = parsed.links.length;
      links.push(...parsed.links);
      if (nested && parsed.sitemaps.length > 0) {
        links.push(...(await readSitemapList(parsed.sitemaps, deps, report, false)));
      }
    } catch (err) {
      entry.error = describeError(err);
    }
  }
  return links;
}

function refused(doc: SourceDocument, type: PipelineSource['type']): PermanentError {
  const root = rootElement(doc.text);
  const body = root === undefined ? 'no XML' : `<${root}>`;
  return new PermanentError(
    'not-a-feed',
    `refused: ${doc.contentType ?? 'no Content-Type'} whose body is ${body}, not an XML feed or sitemap (source type ${type})`,
    { details: { url: doc.url, contentType: doc.contentType } },
  );
}

/** The links of one source; child sitemaps that fail are noted in `report.children`. */
async function readSource(
  source: PipelineSource,
  deps: CrawlDeps,
  report: SourceReport,
): Promise<DiscoveredLink[]> {
  const doc = await deps.fetchSource(source.url, source.type);
  if (doc.contentType) report.contentType = doc.contentType;
  if (source.type === 'section') {
    report.kind = 'html';
    return parseSectionPage(doc.text, doc.url);
  }
  if (source.type === 'sitemap' && isRobotsTxt(source.url)) {
    report.kind = 'robots';
    return readSitemapList(sitemapsOfRobots(doc.text, doc.url), deps, report, true);
  }
  const kind = sniffDocument(doc.text);
  report.kind = kind;
  if (kind === 'feed') return parseFeed(doc.text, doc.url);
  if (kind !== 'sitemap') throw refused(doc, source.type);
  const { links, sitemaps } = parseSitemap(doc.text, doc.url);
  return [...links, ...(await readSitemapList(sitemaps, deps, report, false))];
}

/** Run one pipeline once. Fails (retriably) only when every source failed; the error carries the report. */
export async function runPipeline(pipeline: Pipeline, deps: CrawlDeps): Promise<CrawlReport> {
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - durationMs(pipeline.maxAge));
  const seen = new Set<string>();
  const kept: string[] = [];
  const sources: SourceReport[] = [];
  for (const source of pipeline.sources) {
    const report: SourceReport = { url: source.url, type: source.type, found: 0, kept: 0 };
    sources.push(report);
    try {
      const links = await readSource(source, deps, report);
      report.found = links.length;
      const fresh = filterLinks(links, { include: source.include, exclude: source.exclude, since });
      report.kept = fresh.length;
      for (const link of fresh) if (!seen.has(link.url)) seen.add(link.url) && kept.push(link.url);
    } catch (err) {
      report.error = describeError(err);
    }
  }
  const errors = sources.flatMap((s) => [
    ...(s.error ? [{ source: s.url, error: s.error }] : []),
    ...(s.children ?? []).flatMap((c) => (c.error ? [{ source: c.url, error: c.error }] : [])),
  ]);
  const report: CrawlReport = {
    pipeline: pipeline.id,
    startedAt: now.toISOString(),
    discovered: sources.reduce((n, s) => n + s.found, 0),
    kept: 0,
    added: 0,
    duplicates: 0,
    addedUrls: [],
    sources,
    errors,
  };
  if (sources.every((s) => s.error !== undefined)) {
    const why = sources.map((s) => `${s.url}: ${s.error}`).join('; ');
    throw new TransientError('crawl-failed', `pipeline ${pipeline.id}: every source failed (${why})`, {
      details: { errors, report },
    });
  }
  const urls = kept.slice(0, pipeline.limit);
  if (urls.length > 0) {
    const queued = await deps.enqueue(urls, { priority: pipeline.priority, source: pipeline.id });
    Object.assign(report, {
      added: queued.added,
      duplicates: queued.duplicates,
      addedUrls: queued.addedUrls ?? [],
    });
  }
  report.kept = urls.length;
  return report;
}
