/**
 * Scheduled crawls on BullMQ: one job scheduler per pipeline (scheduler id = pipeline id, upserted, so
 * restarts never duplicate it; removed when its YAML goes), in a queue of their own beside the article queue.
 */
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { NewsgraphError, PermanentError, type RawPage } from '../core/index.js';
import { durationMs, type Pipeline, type PipelineSource, readPipelines } from '../crawl/pipeline.js';
import { type CrawlDeps, type CrawlReport, runPipeline } from '../crawl/run-pipeline.js';
import { decodeSource, MAX_SOURCE_BYTES } from '../crawl/source-body.js';
import { type FetchOptions, fetchPage } from '../fetch/index.js';
import { KEEP_COMPLETED, KEEP_FAILED } from './article-queue.js';
import type { QueueConfig } from './connection.js';
import { type RecordTo, runAndRecord } from './crawl-runs.js';
import { enqueueUrls } from './enqueue.js';

export const CRAWL_JOB_NAME = 'crawl';
/** A failed crawl run is retried a few times; the next scheduled run comes anyway. */
const CRAWL_ATTEMPTS = 3;
const CRAWL_BACKOFF_MS = 30_000;

export const CrawlJobData = z.object({ pipelineId: z.string().min(1) });
export type CrawlJobData = z.infer<typeof CrawlJobData>;

/** The crawl queue's name: the article queue's, suffixed. */
export function crawlQueueName(config: QueueConfig): string {
  return `${config.queueName}-crawl`;
}

export function openCrawlQueue(config: QueueConfig, connection: Redis): Queue {
  return new Queue(crawlQueueName(config), { connection, prefix: config.prefix });
}

export interface SyncReport {
  upserted: string[];
  removed: string[];
  /** Pending crawl jobs removed because a scheduler that was removed and added again left them behind. */
  strayJobs: number;
}

/** States in which a crawl job has not started yet. */
const PENDING = ['waiting', 'delayed', 'prioritized'] as const;

/**
 * Remove pending crawl jobs of `ids` that their scheduler no longer owns. BullMQ's `removeJobScheduler`
 * leaves a job that is already waiting; `upsertJobScheduler` under the same id then adds another, and
 * both would run. For a live scheduler the newest pending job is its own; for a removed one, none is.
 */
async function removeStrayJobs(queue: Queue, live: Set<string>, removed: Set<string>): Promise<number> {
  const byPipeline = new Map<string, Job[]>();
  for (const job of await queue.getJobs([...PENDING])) {
    const id = (job?.data as Partial<CrawlJobData> | undefined)?.pipelineId;
    if (!job || !id || (!live.has(id) && !removed.has(id))) continue;
    byPipeline.set(id, [...(byPipeline.get(id) ?? []), job]);
  }
  let count = 0;
  for (const [id, jobs] of byPipeline) {
    const newestFirst = jobs.sort((a, b) => b.timestamp - a.timestamp);
    for (const job of live.has(id) ? newestFirst.slice(1) : newestFirst) {
      await job.remove();
      count++;
    }
  }
  return count;
}

/**
 * Make the queue's schedulers match the enabled pipelines exactly (idempotent). Schedulers of `keep`
 * (pipelines whose file is there but broken) are left as they are rather than removed.
 */
export async function syncSchedulers(
  queue: Queue,
  pipelines: Pipeline[],
  keep: string[] = [],
): Promise<SyncReport> {
  const enabled = pipelines.filter((p) => p.enabled);
  for (const p of enabled) {
    const repeat =
      'every' in p.schedule ? { every: durationMs(p.schedule.every) } : { pattern: p.schedule.cron };
    await queue.upsertJobScheduler(p.id, repeat, {
      name: CRAWL_JOB_NAME,
      data: { pipelineId: p.id } satisfies CrawlJobData,
      opts: {
        attempts: CRAWL_ATTEMPTS,
        backoff: { type: 'exponential', delay: CRAWL_BACKOFF_MS },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    });
  }
  const wanted = new Set([...enabled.map((p) => p.id), ...keep]);
  const removed: string[] = [];
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.key;
    if (!wanted.has(id) && (await queue.removeJobScheduler(id))) removed.push(id);
  }
  const disabled = pipelines.filter((p) => !p.enabled).map((p) => p.id);
  const strayJobs = await removeStrayJobs(
    queue,
    new Set(enabled.map((p) => p.id)),
    new Set([...removed, ...disabled].filter((id) => !keep.includes(id))),
  );
  return { upserted: enabled.map((p) => p.id), removed, strayJobs };
}

/**
 * Run the pipeline a crawl job names, re-reading its YAML so edits apply at the next run; with `record`,
 * each run (failed or not) is stored for `status`.
 */
export function createCrawlProcessor(
  pipelinesDir: string,
  deps: CrawlDeps,
  record?: Omit<RecordTo, 'trigger'>,
) {
  return async (job: Job): Promise<CrawlReport> => {
    const { pipelineId } = CrawlJobData.parse(job.data);
    const { pipelines, problems } = await readPipelines(pipelinesDir);
    const broken = problems.find((p) => p.id === pipelineId);
    if (broken) throw new PermanentError('bad-pipeline', broken.error);
    const pipeline = pipelines.find((p) => p.id === pipelineId);
    if (!pipeline)
      throw new PermanentError('unknown-pipeline', `no pipeline ${pipelineId} in ${pipelinesDir}`);
    return record
      ? runAndRecord(pipeline, deps, { ...record, trigger: 'schedule' })
      : runPipeline(pipeline, deps);
  };
}

/** A worker for crawl jobs (one at a time: crawls are few and cheap, their articles are the work). */
export function startCrawlWorker(
  config: QueueConfig,
  connection: Redis,
  pipelinesDir: string,
  deps: CrawlDeps,
): Worker {
  const processor = createCrawlProcessor(pipelinesDir, deps, { redis: connection, config });
  return new Worker(crawlQueueName(config), processor, {
    connection,
    prefix: config.prefix,
    concurrency: 1,
  });
}

/** Section pages are HTML. */
export const SECTION_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml'];
/**
 * Types a feed or sitemap arrives with: the XML feed family, and the generic types servers send for
 * `.rss`, `.xml.gz` and the like. The body decides (its root element must be a feed or a sitemap).
 */
export const FEED_TYPES: readonly string[] = [
  'application/rss+xml',
  'application/x-rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/x-xml',
  'application/feed+json',
  'application/json',
  'text/plain',
  'application/octet-stream',
  'binary/octet-stream',
  'application/gzip',
  'application/x-gzip',
  // Misconfigured servers send feeds as HTML; a real HTML page is refused by its root element.
  ...SECTION_TYPES,
];
/**
 * @deprecated since the body is sniffed; kept for callers of the old list.
 * @see FEED_TYPES
 */
export const SOURCE_TYPES: readonly string[] = FEED_TYPES;

/** The types a source of this kind may come with (a robots.txt listing sitemaps: any). */
function acceptedTypes(url: string, type: PipelineSource['type']): readonly string[] {
  if (type === 'section') return SECTION_TYPES;
  if (type === 'sitemap' && new URL(url).pathname === '/robots.txt') return ['*/*'];
  return FEED_TYPES;
}

/** Say which Content-Type was refused, and what a source of that type may be. */
function refusedType(err: unknown, type: PipelineSource['type']): unknown {
  if (!(err instanceof NewsgraphError) || err.code !== 'not-html') return err;
  const mime = String(err.details.contentType ?? 'an unknown type');
  const wanted =
    type === 'section' ? 'an HTML page' : 'an XML feed or sitemap (XML, text, octet-stream or gzip)';
  return new PermanentError(
    'refused-type',
    `refused Content-Type ${mime}: a ${type} source must be ${wanted}`,
    {
      cause: err,
      details: err.details,
    },
  );
}

/** The real I/O of a crawl: the hardened fetcher (same SSRF guard and limits) and the article queue. */
export function crawlDeps(articleQueue: Queue, fetchOptions: FetchOptions = {}): CrawlDeps {
  return {
    async fetchSource(url, type) {
      let page: RawPage;
      try {
        page = await fetchPage(url, {
          ...fetchOptions,
          acceptTypes: acceptedTypes(url, type),
          ...(type === 'section' ? {} : { maxBytes: MAX_SOURCE_BYTES }),
        });
      } catch (err) {
        throw refusedType(err, type);
      }
      return {
        text: decodeSource(page.body, page.charset),
        url: page.finalUrl,
        contentType: page.contentType,
      };
    },
    async enqueue(urls, { priority, source }) {
      const report = await enqueueUrls(articleQueue, urls, {
        source,
        ...(priority !== undefined ? { priority } : {}),
      });
      const addedUrls = report.lines.flatMap((l) => (l.status === 'added' ? [l.url] : []));
      return { added: report.added, duplicates: report.duplicates, addedUrls };
    },
  };
}
