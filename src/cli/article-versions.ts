/**
 * The graph part of `status`: how many articles the graph holds and how many an older extractor
 * version wrote (those `newsgraph reprocess` would redo). The graph is read-only here; when it cannot
 * be read (no database yet, Kùzu locked by a running worker, Neo4j down) the reason is shown instead.
 */
import { EXTRACTOR_VERSION } from '../core/extractor-version.js';
import { describeError } from '../core/index.js';
import { countOutdated } from '../crawl/reprocess.js';
import { type GraphConfig, openReader } from '../graph/index.js';

export type ArticleVersions =
  | { extractorVersion: string; articles: number; outdated: number }
  | { extractorVersion: string; unavailable: string };

/** Count the articles and the outdated ones; never throws. */
export async function readArticleVersions(config: GraphConfig): Promise<ArticleVersions> {
  try {
    const reader = await openReader(config);
    try {
      return { extractorVersion: EXTRACTOR_VERSION, ...(await countOutdated(reader)) };
    } finally {
      await reader.close();
    }
  } catch (err) {
    return { extractorVersion: EXTRACTOR_VERSION, unavailable: describeError(err) };
  }
}

/** One line for the text report. */
export function formatArticleVersions(v: ArticleVersions): string {
  if ('unavailable' in v) return `  articles: unknown (${v.unavailable})\n`;
  const hint = v.outdated > 0 ? ' (newsgraph reprocess)' : '';
  return `  articles: ${v.articles} in the graph, ${v.outdated} outdated (written before extractor ${v.extractorVersion})${hint}\n`;
}
