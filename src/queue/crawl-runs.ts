/**
 * Crawl runs, kept in Redis so that `status` (and anyone else) sees what each scheduled or manual crawl
 * found and why a source failed, not only the worker's logs. A capped list per queue, newest first.
 */
import type { Redis } from 'ioredis';
import { describeError, NewsgraphError } from '../core/index.js';
import type { Pipeline } from '../crawl/pipeline.js';
import { type CrawlDeps, type CrawlReport, runPipeline, type SourceReport } from '../crawl/run-pipeline.js';
import type { QueueConfig } from './connection.js';

/** Runs kept per queue: a few days of a 30-minute schedule for a handful of pipelines. */
export const CRAWL_RUNS_KEPT = 200;
/** Runs shown by `status`. */
export const CRAWL_RUNS_SHOWN = 10;

/** One crawl run as stored (the report without the list of added URLs). */
export interface CrawlRun {
  pipeline: string;
  /** Who started it: the scheduler (a worker) or `newsgraph crawl`. */
  trigger: 'schedule' | 'cli';
  startedAt: string;
  finishedAt: string;
  /** False when the run failed (every source failed, or an unexpected error). */
  ok: boolean;
  /** Why the run failed, when it did. */
  error?: string;
  discovered: number;
  kept: number;
  added: number;
  duplicates: number;
  sources: SourceReport[];
}

/** The Redis list of a queue's crawl runs (beside BullMQ's keys, never inside them). */
export function crawlRunsKey(config: Pick<QueueConfig, 'prefix' | 'queueName'>): string {
  return `${config.prefix}:crawl-runs:${config.queueName}`;
}

/** Store a run (newest first), keeping at most {@link CRAWL_RUNS_KEPT}. */
export async function recordCrawlRun(
  redis: Redis,
  config: Pick<QueueConfig, 'prefix' | 'queueName'>,
  run: CrawlRun,
) {
  const key = crawlRunsKey(config);
  await redis
    .multi()
    .lpush(key, JSON.stringify(run))
    .ltrim(key, 0, CRAWL_RUNS_KEPT - 1)
    .exec();
}

/** The latest runs, newest first. */
export async function readCrawlRuns(
  redis: Redis,
  config: Pick<QueueConfig, 'prefix' | 'queueName'>,
  count = CRAWL_RUNS_SHOWN,
): Promise<CrawlRun[]> {
  const raw = await redis.lrange(crawlRunsKey(config), 0, count - 1);
  return raw.flatMap((line) => {
    try {
      return [JSON.parse(line) as CrawlRun];
    } catch {
      return [];
    }
  });
}

function toRun(report: CrawlReport, trigger: CrawlRun['trigger'], ok: boolean, error?: string): CrawlRun {
  const { pipeline, startedAt, discovered, kept, added, duplicates, sources } = report;
  return {
    pipeline,
    trigger,
    startedAt,
    finishedAt: new Date().toISOString(),
    ok,
    ...(error ? { error } : {}),
    discovered,
    kept,
    added,
    duplicates,
    sources,
  };
}

export interface RecordTo {
  redis: Redis;
  config: Pick<QueueConfig, 'prefix' | 'queueName'>;
  trigger: CrawlRun['trigger'];
}

/** Run a pipeline and store the run, failed or not; rethrows a failure after storing it. */
export async function runAndRecord(pipeline: Pipeline, deps: CrawlDeps, to: RecordTo): Promise<CrawlReport> {
  const startedAt = new Date().toISOString();
  try {
    const report = await runPipeline(pipeline, deps);
    await recordCrawlRun(to.redis, to.config, toRun(report, to.trigger, true));
    return report;
  } catch (err) {
    const partial =
      err instanceof NewsgraphError ? (err.details.report as CrawlReport | undefined) : undefined;
    const empty: CrawlReport = {
      pipeline: pipeline.id,
      startedAt,
      discovered: 0,
      kept: 0,
      added: 0,
      duplicates: 0,
      addedUrls: [],
      sources: [],
      errors: [],
    };
    await recordCrawlRun(to.redis, to.config, toRun(partial ?? empty, to.trigger, false, describeError(err)));
    throw err;
  }
}
