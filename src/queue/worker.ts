/** The article worker: a BullMQ `Worker` running {@link createProcessor} with our retry and retention settings. */
import { type Job, MetricsTime, Worker } from 'bullmq';
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
/** Moving one released job back to `wait` is a single Redis script; give up on it after this long. */
const RELEASE_TIMEOUT_MS = 3_000;

/** The jobs each worker is running right now, with the lock token that lets it hand them back. */
const inFlight = new WeakMap<Worker, Map<string, { job: Job; token: string | undefined }>>();

/** Start a worker on `connection` (must have `maxRetriesPerRequest: null`). */
export function startArticleWorker(
  config: QueueConfig,
  connection: Redis,
  deps: ProcessorDeps,
  options: ArticleWorkerOptions = {},
): Worker {
  const running = new Map<string, { job: Job; token: string | undefined }>();
  const process = createProcessor(deps);
  // Three parameters: BullMQ only hands a processor the abort signal when it declares it.
  const tracked = async (job: Job, token?: string, signal?: AbortSignal) => {
    const key = job.id ?? '';
    running.set(key, { job, token });
    try {
      return await process(job, token, signal);
    } finally {
      running.delete(key);
    }
  };
  const worker = new Worker(config.queueName, tracked, {
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
  inFlight.set(worker, running);
  return worker;
}

/** True when `promise` settles within `ms` (and before `cutShort` settles, when given). */
function settlesWithin(promise: Promise<unknown>, ms: number, cutShort?: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const outcomes = [
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ];
  if (cutShort) outcomes.push(cutShort.then(() => false));
  return Promise.race(outcomes).finally(() => clearTimeout(timer));
}

export interface StopReport {
  /** Active jobs that did not finish within the grace period and were put back in `wait`. */
  released: string[];
}

/**
 * Stop `worker` within a bound: take no new jobs and let the active ones finish for up to `graceMs` (or
 * until `cutShort` settles: a second signal); then hand the unfinished ones back (moved to `wait` under
 * their lock token, so another worker takes them at once and no attempt or stall is counted) and abort
 * them. A job stuck in a call that never returns (a hung database connection) therefore cannot keep the
 * process from stopping; graph writes are idempotent, so a write that still lands later does no harm.
 */
export async function stopArticleWorker(
  worker: Worker,
  graceMs: number,
  cutShort?: Promise<unknown>,
): Promise<StopReport> {
  if (await settlesWithin(worker.close(), graceMs, cutShort)) return { released: [] };
  const unfinished = [...(inFlight.get(worker)?.values() ?? [])];
  const released: string[] = [];
  for (const { job, token } of unfinished) {
    const moved = job.moveToWait(token).then(
      () => true,
      () => false,
    );
    if ((await settlesWithin(moved, RELEASE_TIMEOUT_MS)) && (await moved)) released.push(job.id ?? '');
  }
  // Abort only once they are back in `wait`: an aborted job that failed first would spend an attempt.
  worker.cancelAllJobs('the worker is stopping');
  return { released };
}
