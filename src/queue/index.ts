/** BullMQ adapters: the article queue, enqueueing, the worker and its processor. */
export {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  defaultJobOptions,
  openArticleQueue,
} from './article-queue.js';
export { BACKOFF_TYPE, backoffDelay, backoffStrategy } from './backoff.js';
export {
  assertRedisReachable,
  createRedis,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE_NAME,
  DEFAULT_REDIS_URL,
  type QueueConfig,
  queueConfig,
  redactUrl,
} from './connection.js';
export {
  CRAWL_JOB_NAME,
  CrawlJobData,
  crawlDeps,
  crawlQueueName,
  createCrawlProcessor,
  FEED_TYPES,
  openCrawlQueue,
  SECTION_TYPES,
  SOURCE_TYPES,
  startCrawlWorker,
  syncSchedulers,
} from './crawl.js';
export {
  CRAWL_RUNS_KEPT,
  type CrawlRun,
  crawlRunsKey,
  readCrawlRuns,
  recordCrawlRun,
  runAndRecord,
} from './crawl-runs.js';
export { type EnqueueLine, type EnqueueOptions, type EnqueueReport, enqueueUrls } from './enqueue.js';
export { ARTICLE_JOB_NAME, ArticleJobData, jobIdFor } from './job-data.js';
export { normalizeUrl, TRACKING_PARAMS } from './normalize-url.js';
export { DEFAULT_HOST_INTERVAL_MS, reserveHost } from './politeness.js';
export { createProcessor, JobFailure, type JobResult, type ProcessorDeps, toJobError } from './processor.js';
export {
  assertRobotsAllowed,
  ROBOTS_AGENT,
  ROBOTS_RETRY_TTL_SECONDS,
  ROBOTS_TTL_SECONDS,
  type RobotsEntry,
  robotsCacheKey,
  robotsEntryFor,
  robotsEntryForError,
} from './robots.js';
export {
  type ArticleWorkerOptions,
  type StopReport,
  startArticleWorker,
  stopArticleWorker,
} from './worker.js';
