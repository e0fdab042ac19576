import { type NewsgraphErrorOptions, TransientError } from '../core/index.js';

/** Longest `Retry-After` we honour: a server asking for a day is treated as asking for an hour. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** A transient fetch failure that may say when to come back (`Retry-After`). */
export class FetchTransientError extends TransientError {
  /** How long the server asked us to wait, when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: string,
    message: string,
    options: NewsgraphErrorOptions & { retryAfterMs?: number | undefined } = {},
  ) {
    super(code, message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Parse a `Retry-After` header (delta-seconds or an HTTP date) into milliseconds from `now`.
 * Returns `undefined` when absent or unparseable; capped at {@link MAX_RETRY_AFTER_MS}.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** The `retryAfterMs` an error carries, if any (walks nothing: only the error itself). */
export function retryAfterOf(err: unknown): number | undefined {
  return err instanceof FetchTransientError ? err.retryAfterMs : undefined;
}
