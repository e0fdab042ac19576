/**
 * One run of a scheduled crawl: read each source, keep fresh article links, hand them to the queue.
 * I/O is passed in (`fetchSource`, `enqueue`), so this runs the same in tests, the CLI and the worker.
 */
import { describeError, TransientError } from '../core/index.js';
import { type DiscoveredLink, filterLinks, parseFeed, parseSectionPage, parseSitemap } from './discover.js';
import { durationMs, type Pipeline, type PipelineSource } from './pipeline.js';

/** A sitemap index can list thousands of children; recent news sits in the first few. */
export const MAX_CHILD_SITEMAPS = 5;

export interface CrawlDeps {
  /** Fetch a feed, sitemap or section page; returns its text and final URL. */
  fetchSource(url: string, type: PipelineSource['type']): Promise<{ text: string; url: string }>;
  /** Enqueue article URLs; returns how many were new. */
  enqueue(
    urls: string[],
    options: { priority?: number; source: string },
  ): Promise<{ added: number; duplicates: number }>;
  /** @defaultValue () => new Date() */
  now?: () => Date;
}

export interface CrawlReport {
  pipeline: string;
  /** Links found in all sources. */
  discovered: number;
  /** Links left after filters, age window and the limit. */
  kept: number;
  added: number;
  duplicates: number;
  errors: Array<{ source: string; error: string }>;
}

/** The links of one source; a failing child sitemap is reported in `errors`, the others still count. */
async function readSource(
  source: PipelineSource,
  deps: CrawlDeps,
  errors: CrawlReport['errors'],
): Promise<DiscoveredLink[]> {
  const { text, url } = await deps.fetchSource(source.url, source.type);
  if (source.type === 'feed') return parseFeed(text, url);
  if (source.type === 'section') return parseSectionPage(text, url);
  const { links, sitemaps } = parseSitemap(text, url);
  for (const child of sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
    try {
      const page = await deps.fetchSource(child, 'sitemap');
      links.push(...parseSitemap(page.text, page.url).links);
    } catch (err) {
      errors.push({ source: child, error: describeError(err) });
    }
  }
  return links;
}

/** Run one pipeline once. Fails (retriably) only when every source failed. */
export async function runPipeline(pipeline: Pipeline, deps: CrawlDeps): Promise<CrawlReport> {
  const since = new Date((deps.now?.() ?? new Date()).getTime() - durationMs(pipeline.maxAge));
  const errors: CrawlReport['errors'] = [];
  let failedSources = 0;
  const seen = new Set<string>();
  const kept: string[] = [];
  let discovered = 0;
  for (const source of pipeline.sources) {
    try {
      const links = await readSource(source, deps, errors);
      discovered += links.length;
      for (const link of filterLinks(links, { include: source.include, exclude: source.exclude, since })) {
        if (!seen.has(link.url)) seen.add(link.url) && kept.push(link.url);
      }
    } catch (err) {
      failedSources++;
      errors.push({ source: source.url, error: describeError(err) });
    }
  }
  if (failedSources === pipeline.sources.length) {
    throw new TransientError('crawl-failed', `pipeline ${pipeline.id}: every source failed`, {
      details: { errors },
    });
  }
  const urls = kept.slice(0, pipeline.limit);
  const { added, duplicates } =
    urls.length > 0
      ? await deps.enqueue(urls, { priority: pipeline.priority, source: pipeline.id })
      : { added: 0, duplicates: 0 };
  return { pipeline: pipeline.id, discovered, kept: urls.length, added, duplicates, errors };
}
