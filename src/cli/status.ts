import type { Queue } from 'bullmq';
import { Command } from 'commander';
import { createRedis, openArticleQueue, readCrawlRuns } from '../queue/index.js';
import { type ArticleVersions, formatArticleVersions, readArticleVersions } from './article-versions.js';
import { formatCrawlRuns } from './crawl-report.js';
import { addGraphOptions, type GraphCliOptions, graphConfig } from './ingest.js';
import { type QueueCliOptions, requireRedis, resolveQueueConfig, withQueueOptions } from './queue-options.js';

/** Minutes of throughput shown. */
const THROUGHPUT_MINUTES = 15;
/** Latest failures shown. */
const FAILURES_SHOWN = 10;
/** Refresh period of `--watch`. */
const WATCH_INTERVAL_MS = 2_000;

const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'] as const;

export interface QueueStatus {
  queue: string;
  waiting: number;
  prioritized: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  /**
   * Jobs finished per minute over the last `minutes` minutes. Both series have exactly `minutes`
   * entries, newest first: index 0 is the current (partial) minute, the last one the oldest.
   */
  throughput: {
    minutes: number;
    order: 'newest-first';
    completedPerMinute: number[];
    failedPerMinute: number[];
  };
  failures: Array<{
    id: string;
    url: string | undefined;
    reason: string;
    attempts: number;
    at: string | null;
  }>;
}

async function perMinute(queue: Queue, type: 'completed' | 'failed'): Promise<number[]> {
  const metrics = await queue.getMetrics(type, 0, THROUGHPUT_MINUTES - 2);
  const current = Math.max(metrics.meta.count - metrics.meta.prevCount, 0);
  // BullMQ returns fewer points than asked while the queue is young: pad with zeros (older minutes).
  const series = [current, ...metrics.data.map(Number)].slice(0, THROUGHPUT_MINUTES);
  return [...series, ...new Array<number>(THROUGHPUT_MINUTES - series.length).fill(0)];
}

/** Read the whole status of a queue. */
export async function readStatus(queue: Queue): Promise<QueueStatus> {
  const counts = await queue.getJobCounts(...STATES);
  const failed = await queue.getFailed(0, FAILURES_SHOWN - 1);
  return {
    queue: queue.name,
    ...(Object.fromEntries(STATES.map((s) => [s, counts[s] ?? 0])) as Record<
      (typeof STATES)[number],
      number
    >),
    throughput: {
      minutes: THROUGHPUT_MINUTES,
      order: 'newest-first',
      completedPerMinute: await perMinute(queue, 'completed'),
      failedPerMinute: await perMinute(queue, 'failed'),
    },
    failures: failed
      .filter((job) => job !== undefined)
      .map((job) => ({
        id: job.id ?? '',
        url: (job.data as { url?: string } | undefined)?.url,
        reason: job.failedReason ?? '',
        attempts: job.attemptsMade,
        at: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      })),
  };
}

/** The human-readable report. */
export function formatStatus(s: QueueStatus): string {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const lines = [
    `queue ${s.queue}`,
    `  waiting ${s.waiting + s.prioritized}  active ${s.active}  delayed ${s.delayed}  completed ${s.completed}  failed ${s.failed}`,
    `  throughput: ${sum(s.throughput.completedPerMinute.slice(0, 5))} completed, ${sum(s.throughput.failedPerMinute.slice(0, 5))} failed in the last 5 min` +
      ` (${sum(s.throughput.completedPerMinute)} / ${sum(s.throughput.failedPerMinute)} in ${THROUGHPUT_MINUTES} min)`,
  ];
  if (s.failures.length > 0) {
    lines.push('  latest failures:');
    for (const f of s.failures)
      lines.push(`    ${f.at ?? '-'}  ${f.url ?? f.id}  ${f.reason} (attempts: ${f.attempts})`);
  }
  return `${lines.join('\n')}\n`;
}

interface StatusCliOptions extends QueueCliOptions, GraphCliOptions {
  watch?: boolean;
  json?: boolean;
}

/** `newsgraph status [--watch] [--json]` */
export function statusCommand(): Command {
  const cmd = withQueueOptions(
    new Command('status')
      .description('Show job counts per state, recent throughput and the latest failures with their reasons.')
      .option('--watch', `refresh every ${WATCH_INTERVAL_MS / 1000} s until Ctrl-C`)
      .option(
        '--json',
        'print one JSON object {waiting, active, …, throughput: {minutes, order: newest-first, …}, articles}',
      ),
  );
  return addGraphOptions(cmd).action(async (options: StatusCliOptions) => {
    const config = resolveQueueConfig(options);
    await requireRedis(config);
    const redis = createRedis(config.redisUrl, { forWorker: false });
    const queue = openArticleQueue(config, redis);
    const print = async () => {
      const status = await readStatus(queue);
      const articles: ArticleVersions = await readArticleVersions(graphConfig(options));
      // Crawl runs (newest first), with per-source errors: `crawls` in the JSON.
      const crawls = await readCrawlRuns(redis, config);
      const text = options.json
        ? `${JSON.stringify({ ...status, articles, crawls })}\n`
        : formatStatus(status) + formatArticleVersions(articles) + formatCrawlRuns(crawls);
      process.stdout.write(
        options.watch && !options.json && process.stdout.isTTY ? `\x1b[2J\x1b[H${text}` : text,
      );
    };
    try {
      await print();
      if (options.watch) {
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => void print().catch(() => undefined), WATCH_INTERVAL_MS);
          const stop = () => {
            clearInterval(timer);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
}
