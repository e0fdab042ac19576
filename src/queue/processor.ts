/**
 * The job processor: robots.txt -> politeness slot -> fetch -> extract -> analyze -> write, with a
 * progress update per stage. The error class decides what BullMQ does: permanent -> `UnrecoverableError`
 * (fails at once), transient -> retried with our backoff (honouring `Retry-After`).
 */
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError, isRetriable, type RawPage } from '../core/index.js';
import { type ProcessResult, processPage } from '../crawl/process.js';
import {
  assertPublicHost,
  type FetchOptions,
  fetchPage,
  parseFetchUrl,
  retryAfterOf,
} from '../fetch/index.js';
import type { GraphSink } from '../graph/types.js';
import type { PageStore } from '../pages/index.js';
import { ArticleJobData } from './job-data.js';
import { reserveHost } from './politeness.js';
import { assertRobotsAllowed } from './robots.js';
import { loadValidators, saveValidators } from './validators.js';

/** Extra wait on top of the host's next free slot, so waiting jobs do not all wake at once. */
const POLITENESS_JITTER_MS = 250;

export interface ProcessorDeps {
  sink: GraphSink;
  /** Keeps each written page's bytes for `newsgraph reprocess`. @defaultValue none */
  pages?: PageStore;
  redis: Redis;
  prefix: string;
  fetch?: (url: string, options?: FetchOptions) => Promise<RawPage>;
  fetchOptions?: FetchOptions;
  /** @defaultValue 1000 (0 disables) */
  hostIntervalMs: number;
  /** @defaultValue true */
  obeyRobots: boolean;
  /** Facts below this confidence are not written. @defaultValue DEFAULT_MIN_CONFIDENCE (src/nlp) */
  minConfidence?: number;
  /** How long an unreachable robots.txt keeps its host disallowed before it is asked for again. @defaultValue 60 s */
  robotsRetryTtlSeconds?: number;
}

/** What a job returns: the write summary, or `unchanged` when the server answered 304 Not Modified. */
export type JobResult = (ProcessResult | { unchanged: true; url: string }) & {
  finalUrl: string;
  /** Whole job, fetch included. */
  totalMs: number;
};

/** An error BullMQ can store: one readable line, plus the delay the server asked for. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** Turn a pipeline error into what BullMQ understands. */
export function toJobError(err: unknown): Error {
  if (err instanceof DelayedError || err instanceof UnrecoverableError) return err;
  const line = describeError(err);
  if (!isRetriable(err)) return new UnrecoverableError(line);
  return new JobFailure(line, retryAfterOf(err));
}

/** Build the BullMQ processor function. */
export function createProcessor(deps: ProcessorDeps) {
  const fetch = deps.fetch ?? fetchPage;
  return async (job: Job, token?: string, signal?: AbortSignal): Promise<JobResult> => {
    const started = Date.now();
    const parsed = ArticleJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${parsed.error.issues[0]?.message}`);
    const { url } = parsed.data;
    try {
      // A page we may never fetch (refused scheme or address) fails as such, before robots.txt is asked.
      if (!deps.fetchOptions?.allowPrivateHosts) await assertPublicHost(parseFetchUrl(url).hostname);
      if (deps.obeyRobots) {
        await job.updateProgress({ stage: 'robots' });
        await assertRobotsAllowed(url, {
          redis: deps.redis,
          prefix: deps.prefix,
          fetch,
          fetchOptions: deps.fetchOptions ?? {},
          ...(deps.robotsRetryTtlSeconds !== undefined
            ? { retryTtlSeconds: deps.robotsRetryTtlSeconds }
            : {}),
        });
      }
      const wait = await reserveHost(deps.redis, deps.prefix, new URL(url).host, deps.hostIntervalMs);
      if (wait > 0) {
        await job.moveToDelayed(Date.now() + wait + Math.floor(Math.random() * POLITENESS_JITTER_MS), token);
        throw new DelayedError(`host busy for ${wait} ms`);
      }
      await job.updateProgress({ stage: 'fetch' });
      const validators = await loadValidators(deps.redis, deps.prefix, url);
      const page = await fetch(url, { ...deps.fetchOptions, ...validators, ...(signal ? { signal } : {}) });
      if (page.status === 304) {
        return { unchanged: true, url, finalUrl: page.finalUrl, totalMs: Date.now() - started };
      }
      const result = await processPage(page, {
        sink: deps.sink,
        ...(deps.pages ? { pages: deps.pages } : {}),
        onStage: (stage) => job.updateProgress({ stage }),
        minConfidence: deps.minConfidence,
      });
      await saveValidators(deps.redis, deps.prefix, url, page);
      return { ...result, finalUrl: page.finalUrl, totalMs: Date.now() - started };
    } catch (err) {
      throw toJobError(err);
    }
  };
}
