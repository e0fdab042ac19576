/**
 * `newsgraph reprocess [--all | --since DATE] [--dry-run]`: run the current extractor and NLP rules
 * again over the stored pages of the articles in the graph, without fetching them.
 */
import { Command } from 'commander';
import { EXTRACTOR_VERSION } from '../core/extractor-version.js';
import { InputError } from '../core/index.js';
import { formatDiff, type GraphDiff } from '../crawl/graph-diff.js';
import {
  diffReprocess,
  planReprocess,
  type ReprocessPlan,
  readStoredArticles,
  runReprocess,
  type Selection,
  selectArticles,
  selectionKey,
} from '../crawl/reprocess.js';
import { openReader, openSink, sinkKindOf } from '../graph/index.js';
import { FsPageStore, openCheckpoint } from '../pages/index.js';
import { CliError, EXIT } from './errors.js';
import { addGraphOptions, asServiceError, type GraphCliOptions, graphConfig } from './ingest.js';
import { addPagesOption, type PagesCliOptions, pagesDir } from './pages-option.js';

interface ReprocessCliOptions extends GraphCliOptions, PagesCliOptions {
  all?: boolean;
  since?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** `--since` as an ISO string (a date or a date-time; compared with `extractedAt`). */
export function parseSince(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time))
    throw new InputError(
      'bad-since',
      `--since expects a date such as 2026-01-31 (or an ISO date-time), got "${value}"`,
    );
  return new Date(time).toISOString();
}

async function progressBar(total: number) {
  if (total < 2 || !process.stderr.isTTY) return undefined;
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream: process.stderr, format: 'reprocess [{bar}] {value}/{total} {eta_formatted}', hideCursor: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function header(plan: ReprocessPlan, selected: number, dryRunning: boolean): string {
  const lines = [
    `${selected} article(s) selected (extractor ${EXTRACTOR_VERSION}); ${plan.todo.length} to ${dryRunning ? 'compare' : 'reprocess'}`,
  ];
  if (plan.resumed) lines.push(`resuming: ${plan.resumed} already done by an interrupted run`);
  if (plan.missing.length)
    lines.push(
      `${plan.missing.length} without a stored page (re-fetch them: newsgraph enqueue --force <url>)`,
    );
  return `${lines.join('\n')}\n`;
}

export function reprocessCommand(): Command {
  const cmd = new Command('reprocess')
    .description(
      'Re-run extraction and NLP over the stored pages of articles written by another extractor version (no fetching).',
    )
    .option('--all', 'every article with a stored page, whatever its version')
    .option(
      '--since <date>',
      'articles extracted on or after this date (ISO 8601), whatever their version (default: none, select by version)',
      parseSince,
    )
    .option('--dry-run', 'write nothing; print the graph diff (entities and facts added/removed/changed)')
    .option('--json', 'print the report (and the diff) as one JSON object');
  return addPagesOption(addGraphOptions(cmd), false).action(async (options: ReprocessCliOptions) => {
    const graph = graphConfig(options);
    const pages = new FsPageStore(pagesDir(options, { kind: sinkKindOf(graph), dbPath: graph.dbPath }) ?? '');
    const selection: Selection = {
      ...(options.all ? { all: true } : {}),
      ...(options.since ? { since: options.since } : {}),
    };
    if (options.all && options.since) throw new CliError('--all and --since exclude each other', EXIT.usage);
    const checkpoint = options.dryRun ? undefined : await openCheckpoint(pages.dir, selectionKey(selection));
    const reader = await openReader(graph).catch((err: unknown) => {
      throw asServiceError(err);
    });
    let plan: ReprocessPlan;
    let selected: number;
    let diff: GraphDiff | undefined;
    let failedBeforeWrite: Array<{ articleId: string; reason: string }> = [];
    try {
      const chosen = selectArticles(await readStoredArticles(reader), selection);
      selected = chosen.length;
      plan = await planReprocess(chosen, pages, checkpoint);
      if (options.dryRun)
        ({ diff, failed: failedBeforeWrite } = await diffReprocess(reader, plan.todo, pages));
    } catch (err) {
      throw asServiceError(err);
    } finally {
      await reader.close();
    }
    if (!options.json) process.stdout.write(header(plan, selected, Boolean(options.dryRun)));
    if (diff) {
      if (options.json)
        process.stdout.write(
          `${JSON.stringify({ selected, todo: plan.todo.length, missing: plan.missing, diff, failed: failedBeforeWrite })}\n`,
        );
      else {
        process.stdout.write(formatDiff(diff));
        for (const f of failedBeforeWrite)
          process.stderr.write(`newsgraph reprocess: ${f.articleId}: ${f.reason}\n`);
      }
      if (failedBeforeWrite.length) process.exitCode = EXIT.failed;
      return;
    }
    const sink = await openSink(graph).catch((err: unknown) => {
      throw asServiceError(err);
    });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const bar = await progressBar(plan.todo.length);
    try {
      const report = await runReprocess(plan.todo, {
        sink,
        pages,
        ...(checkpoint ? { checkpoint } : {}),
        signal: stop.signal,
        onArticle: (record, error) => {
          if (error) {
            bar?.stop();
            process.stderr.write(
              `newsgraph reprocess: ${record.articleId} (${record.url ?? 'no url'}): ${error}\n`,
            );
          }
          bar?.increment(1);
        },
      }).catch((err: unknown) => {
        throw asServiceError(err);
      });
      bar?.stop();
      if (!report.stopped) await checkpoint?.finish();
      if (options.json)
        process.stdout.write(
          `${JSON.stringify({ selected, missing: plan.missing, resumed: plan.resumed, ...report })}\n`,
        );
      else
        process.stdout.write(
          `reprocessed ${report.written} article(s)${report.failed.length ? `, ${report.failed.length} failed` : ''}` +
            `${report.stopped ? ' (stopped: run again to resume)' : ''}\n`,
        );
      if (report.failed.length) process.exitCode = EXIT.failed;
    } finally {
      bar?.stop();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await sink.close();
    }
  });
}
