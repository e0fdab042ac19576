/** Text of crawl reports and stored crawl runs, for `crawl` and `status`. */
import type { SourceReport } from '../crawl/run-pipeline.js';
import type { CrawlRun } from '../queue/crawl-runs.js';

/** What one source gave, or why it failed; child sitemaps indented below it. */
export function formatSource(s: SourceReport, indent = ''): string[] {
  const what = [s.contentType, s.kind].filter(Boolean).join(', ');
  const head = `${indent}${s.type.padEnd(8)} ${s.url}${what ? ` (${what})` : ''}`;
  const lines = [s.error ? `${head}: failed: ${s.error}` : `${head}: ${s.found} found, ${s.kept} kept`];
  for (const c of s.children ?? []) {
    lines.push(`${indent}  sitemap ${c.url}: ${c.error ? `failed: ${c.error}` : `${c.found} found`}`);
  }
  return lines;
}

/** Totals of a run: `12 links found, 10 kept, 8 added, 2 duplicate`. */
export function formatTotals(r: {
  discovered: number;
  kept: number;
  added: number;
  duplicates: number;
}): string {
  return `${r.discovered} links found, ${r.kept} kept, ${r.added} added, ${r.duplicates} duplicate`;
}

/** The latest crawl runs, newest first, each with its sources (for `status`). */
export function formatCrawlRuns(runs: CrawlRun[]): string {
  if (runs.length === 0) return 'crawls: none recorded\n';
  const lines = ['crawls (newest first):'];
  for (const run of runs) {
    const outcome = run.ok ? formatTotals(run) : `FAILED: ${run.error ?? 'unknown error'}`;
    lines.push(`  ${run.finishedAt}  ${run.pipeline} (${run.trigger})  ${outcome}`);
    for (const s of run.sources)
      if (s.error || s.children?.some((c) => c.error)) lines.push(...formatSource(s, '    '));
  }
  return `${lines.join('\n')}\n`;
}
