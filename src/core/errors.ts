/**
 * Errors carry the control flow: the class says whether a retry can help.
 * `PermanentError` -> the worker fails the job at once; anything else is retried.
 */

export interface NewsgraphErrorOptions {
  cause?: unknown;
  /** Extra facts for logs (`url`, `status`, …). */
  details?: Record<string, unknown>;
}

export class NewsgraphError extends Error {
  /** Stable, machine-readable reason, e.g. `not-html`, `timeout`. */
  readonly code: string;
  readonly details: Record<string, unknown>;
  /** Whether trying again later may succeed. */
  readonly retriable: boolean = true;

  constructor(code: string, message: string, options: NewsgraphErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** Trying again will not help: bad input, 4xx, not an article. */
export class PermanentError extends NewsgraphError {
  override readonly retriable: boolean = false;
}

/** Trying again later may help: timeouts, 5xx, a database that is down. */
export class TransientError extends NewsgraphError {}

/** The input cannot be made into an article (empty, not HTML, binary, no article text). */
export class ExtractionError extends PermanentError {}

/** A URL or option that is malformed or not allowed. */
export class InputError extends PermanentError {}

/** `true` when `err` should be retried. Unknown errors are retried (they may be bugs, but losing data is worse). */
export function isRetriable(err: unknown): boolean {
  return err instanceof NewsgraphError ? err.retriable : true;
}

/** One line an operator can read, without a stack trace. */
export function describeError(err: unknown): string {
  if (err instanceof NewsgraphError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.message;
  return String(err);
}
