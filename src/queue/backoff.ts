/**
 * Our retry delay: exponential with jitter, never shorter than the server's `Retry-After`.
 * Registered as a custom BullMQ backoff strategy under {@link BACKOFF_TYPE}.
 */
import type { BackoffStrategy } from 'bullmq';

export const BACKOFF_TYPE = 'newsgraph';
/** Longest wait between two attempts. */
export const MAX_BACKOFF_MS = 10 * 60 * 1000;
/** ±25 %: spreads retries of jobs that failed together (e.g. a host that went down). */
export const JITTER = 0.25;

/** The delay before attempt `attemptsMade + 1`. */
export function backoffDelay(
  attemptsMade: number,
  baseMs: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(attemptsMade - 1, 0), MAX_BACKOFF_MS);
  const jittered = exponential * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** The BullMQ `settings.backoffStrategy` (reads the base delay from the job's `backoff.delay`). */
export const backoffStrategy: BackoffStrategy = (attemptsMade, _type, err, job) => {
  const backoff = job?.opts?.backoff;
  const baseMs = typeof backoff === 'object' && backoff.delay !== undefined ? backoff.delay : 2_000;
  const retryAfterMs = (err as { retryAfterMs?: number } | undefined)?.retryAfterMs;
  return backoffDelay(attemptsMade, baseMs, retryAfterMs);
};
