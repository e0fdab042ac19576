/** The article worker: a BullMQ `Worker` running {@link createProcessor} with our retry and retention settings. */
import { MetricsTime, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { KEEP_COMPLETED, KEEP_FAILED } from './article-queue.js';
import { backoffStrategy } from './backoff.js';
import type { QueueConfig } from './connection.js';
import { createProcessor, type ProcessorDeps } from './processor.js';

export interface ArticleWorkerOptions {
  /** Jobs processed at once in this process. @defaultValue 4 */
  concurrency?: number;
  /** A job whose worker stopped renewing its lock this long ago is taken back. @defaultValue 30 000 ms */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for. @defaultValue 30 000 ms */
  stalledIntervalMs?: number;
  /** Start taking jobs at once. @defaultValue true */
  autorun?: boolean;
}

/** A kill -9 during a write is recovered by the stall check; allow it twice before failing the job. */
const MAX_STALLED_COUNT = 2;

/** Start a worker on `connection` (must have `maxRetriesPerRequest: null`). */
export function startArticleWorker(
  config: QueueConfig,
  connection: Redis,
  deps: ProcessorDeps,
  options: ArticleWorkerOptions = {},
): Worker {
  return new Worker(config.queueName, createProcessor(deps), {
    connection,
    prefix: config.prefix,
    concurrency: options.concurrency ?? 4,
    autorun: options.autorun ?? true,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: MAX_STALLED_COUNT,
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    settings: { backoffStrategy },
  });
}
