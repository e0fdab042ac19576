/** The article queue: one BullMQ `Queue` with our default job options and retention. */
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { BACKOFF_TYPE } from './backoff.js';
import type { QueueConfig } from './connection.js';

/** Transient failures are tried this many times in all before the job fails for good. */
export const DEFAULT_ATTEMPTS = 6;
/** First retry after ~2 s, then 4, 8, 16, 32 s (plus jitter, or the server's Retry-After). */
export const DEFAULT_BACKOFF_MS = 2_000;
/** Keep the last 10 000 completed jobs for a week: enough for duplicate detection and status, bounded memory. */
export const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 10_000 };
/** Keep failures longer so an operator can read and retry them. */
export const KEEP_FAILED = { age: 30 * 24 * 3600, count: 10_000 };

/** Default options of every article job. */
export function defaultJobOptions(backoffMs = DEFAULT_BACKOFF_MS, attempts = DEFAULT_ATTEMPTS): JobsOptions {
  return {
    attempts,
    backoff: { type: BACKOFF_TYPE, delay: backoffMs },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  };
}

/** Open the article queue on `connection` (shared; the caller closes it). */
export function openArticleQueue(config: QueueConfig, connection: Redis): Queue {
  return new Queue(config.queueName, {
    connection,
    prefix: config.prefix,
    defaultJobOptions: defaultJobOptions(),
  });
}
