/**
 * Add article URLs to the queue: normalise each, add one job per normalised URL (job id = hash),
 * and report per line what was added, a duplicate, or rejected (and why).
 */
import type { JobsOptions, Queue } from 'bullmq';
import { ARTICLE_JOB_NAME, type ArticleJobData, jobIdFor } from './job-data.js';
import { normalizeUrl } from './normalize-url.js';

export interface EnqueueOptions {
  /** Re-queue URLs even when their job exists (a running job is left alone). */
  force?: boolean;
  /** BullMQ priority: 1 is the highest; omitted = normal FIFO. */
  priority?: number;
  /** Milliseconds before the job may run. */
  delay?: number;
  /** Who enqueued (`cli`, a pipeline id). */
  source?: string;
  /** Override the queue's default job options (tests: shorter backoff). */
  jobOptions?: JobsOptions;
}

export type EnqueueLine =
  | { status: 'added'; input: string; url: string; jobId: string }
  | { status: 'duplicate'; input: string; url: string; jobId: string; state: string }
  | { status: 'rejected'; input: string; reason: string };

export interface EnqueueReport {
  lines: EnqueueLine[];
  added: number;
  duplicates: number;
  rejected: number;
}

/** States in which a job counts as already queued (or done). */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'completed', 'waiting-children']);
/** How many URLs are looked up / added concurrently. */
const BATCH = 100;

async function enqueueOne(queue: Queue, input: string, options: EnqueueOptions): Promise<EnqueueLine> {
  const normalized = normalizeUrl(input);
  if (!normalized.ok) return { status: 'rejected', input, reason: normalized.reason };
  const { url } = normalized;
  const jobId = jobIdFor(url);
  const state = await queue.getJobState(jobId);
  if (state !== 'unknown') {
    const keep = LIVE_STATES.has(state) && (!options.force || state === 'active');
    if (keep) return { status: 'duplicate', input, url, jobId, state };
    await queue.remove(jobId);
  }
  const data: ArticleJobData = { url, enqueuedAt: new Date().toISOString(), source: options.source ?? 'cli' };
  await queue.add(ARTICLE_JOB_NAME, data, {
    ...options.jobOptions,
    jobId,
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
    ...(options.delay !== undefined ? { delay: options.delay } : {}),
  });
  return { status: 'added', input, url, jobId };
}

/** Enqueue many URLs; lines come back in input order. Blank lines and `#` comments are skipped. */
export async function enqueueUrls(
  queue: Queue,
  inputs: string[],
  options: EnqueueOptions = {},
): Promise<EnqueueReport> {
  const wanted = inputs.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
  const lines: EnqueueLine[] = [];
  const seen = new Map<string, EnqueueLine>();
  for (let i = 0; i < wanted.length; i += BATCH) {
    const batch = wanted.slice(i, i + BATCH);
    const results = await Promise.all(
      batch.map((input) => {
        const n = normalizeUrl(input);
        // The same URL twice in one input: the second is a duplicate of the first.
        if (n.ok && seen.has(n.url))
          return {
            status: 'duplicate',
            input,
            url: n.url,
            jobId: jobIdFor(n.url),
            state: 'this input',
          } as const;
        const pending = enqueueOne(queue, input, options);
        if (n.ok) seen.set(n.url, { status: 'added', input, url: n.url, jobId: jobIdFor(n.url) });
        return pending;
      }),
    );
    lines.push(...results);
  }
  return {
    lines,
    added: lines.filter((l) => l.status === 'added').length,
    duplicates: lines.filter((l) => l.status === 'duplicate').length,
    rejected: lines.filter((l) => l.status === 'rejected').length,
  };
}
