import { access, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { closeFetchAgents, type FetchOptions } from '../fetch/index.js';
import { sinkKindOf } from '../graph/open.js';
import {
  crawlDeps,
  createRedis,
  DEFAULT_HOST_INTERVAL_MS,
  openArticleQueue,
  startArticleWorker,
  startCrawlWorker,
  stopArticleWorker,
} from '../queue/index.js';
import { addGraphOptions, type GraphCliOptions, graphConfig } from './graph-options.js';
import { allowPrivateHosts } from './io.js';
import { createLogger, type Logger } from './log.js';
import { minConfidenceOption } from './min-confidence.js';
import { addPagesOption, openPages, type PagesCliOptions } from './pages-option.js';
import {
  intOption,
  positiveIntOption,
  type QueueCliOptions,
  requireRedis,
  resolveQueueConfig,
  withQueueOptions,
} from './queue-options.js';
import { openWorkerSink } from './worker-sink.js';

interface WorkerCliOptions extends QueueCliOptions, GraphCliOptions, PagesCliOptions {
  concurrency: number;
  allowPrivateHosts?: boolean;
  hostInterval?: number;
  robots: boolean;
  userAgent?: string;
  fetchTimeout?: number;
  lockDuration?: number;
  stalledInterval?: number;
  crawl: boolean;
  pipelines?: string;
  minConfidence?: number;
}

function fetchOptionsFrom(options: WorkerCliOptions, env: NodeJS.ProcessEnv): FetchOptions {
  const userAgent = options.userAgent ?? env.NEWSGRAPH_USER_AGENT;
  const deadlineMs =
    options.fetchTimeout ??
    (env.NEWSGRAPH_FETCH_TIMEOUT_MS ? Number(env.NEWSGRAPH_FETCH_TIMEOUT_MS) : undefined);
  return {
    allowPrivateHosts: allowPrivateHosts(options.allowPrivateHosts, env),
    ...(userAgent ? { userAgent } : {}),
    ...(deadlineMs
      ? {
          deadlineMs,
          headersTimeoutMs: Math.min(deadlineMs, 15_000),
          bodyTimeoutMs: Math.min(deadlineMs, 15_000),
        }
      : {}),
  };
}

/**
 * On SIGINT/SIGTERM active jobs get this long to finish; the rest are handed back to the queue. Shorter
 * than the usual 30 s a process manager waits before SIGKILL, longer than a normal job.
 */
const SHUTDOWN_GRACE_MS = 15_000;
/** Each later shutdown step (crawl worker, graph driver, HTTP agents) gets this long. */
const CLOSE_STEP_MS = 5_000;
/** After cleanup, a handle nobody closed (a hung database socket) must not keep the process alive. */
const EXIT_GUARD_MS = 2_000;

/** How often the heartbeat file (NEWSGRAPH_HEARTBEAT_FILE) is touched; health checks allow a few misses. */
const HEARTBEAT_MS = 10_000;

/**
 * Touch `file` every {@link HEARTBEAT_MS} while the worker runs, so a container health check can tell a
 * live worker from a hung one (its event loop stops touching the file). Returns the stop function.
 */
function startHeartbeat(file: string | undefined, log: Logger): () => void {
  if (!file) return () => undefined;
  const beat = () =>
    writeFile(file, `${new Date().toISOString()}\n`).catch((err: Error) =>
      log.warn({ file, reason: err.message }, 'heartbeat not written'),
    );
  void beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Resolves on the first SIGINT/SIGTERM; a second one ends the grace period at once. */
function untilSignal(log: Logger): { signalled: Promise<string>; forced: Promise<void> } {
  let force: () => void = () => undefined;
  const forced = new Promise<void>((resolve) => {
    force = resolve;
  });
  const signalled = new Promise<string>((resolve) => {
    const first = (signal: string) => {
      log.info({ signal }, 'stopping: finishing active jobs (send again to hand them back at once)');
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolve(signal);
    };
    process.once('SIGINT', first);
    process.once('SIGTERM', first);
  });
  return { signalled, forced };
}

/** Run one shutdown step; a step that fails or hangs is logged and skipped, never waited on forever. */
async function closeStep(log: Logger, what: string, step: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    step().then(
      () => 'ok',
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    ),
    new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`still not done after ${CLOSE_STEP_MS} ms`), CLOSE_STEP_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  if (outcome !== 'ok') log.warn({ step: what, reason: outcome }, 'shutdown step skipped');
}

/** The crawl worker: runs the pipelines' scheduled crawls and enqueues what they find. */
function startCrawling(
  config: ReturnType<typeof resolveQueueConfig>,
  options: WorkerCliOptions,
  env: NodeJS.ProcessEnv,
  log: Logger,
): { close(): Promise<void> } {
  const redis = createRedis(config.redisUrl, { forWorker: true });
  const articles = openArticleQueue(config, redis);
  const dir = options.pipelines ?? env.NEWSGRAPH_PIPELINES ?? 'pipelines';
  const crawler = startCrawlWorker(config, redis, dir, crawlDeps(articles, fetchOptionsFrom(options, env)));
  crawler.on('completed', (job, report) => log.info({ jobId: job.id, ...(report as object) }, 'crawl done'));
  crawler.on('failed', (job, err) =>
    log.warn({ jobId: job?.id, pipeline: job?.data.pipelineId, reason: err.message }, 'crawl failed'),
  );
  crawler.on('error', (err) => log.warn({ reason: err.message }, 'crawl worker error'));
  return {
    async close() {
      await crawler.close();
      await articles.close();
      redis.disconnect();
    },
  };
}

/** The page store of the worker's graph (`--pages`, NEWSGRAPH_PAGES; next to the embedded file by default). */
function pagesFor(options: WorkerCliOptions, env: NodeJS.ProcessEnv) {
  const graph = graphConfig(options, env);
  let kind: string;
  try {
    kind = sinkKindOf(graph);
  } catch {
    kind = 'embedded'; // openWorkerSink reports a bad graph kind
  }
  const pages = openPages(options, { kind, dbPath: graph.dbPath }, env);
  return pages ? { pages } : {};
}

/** `newsgraph worker [--concurrency N] [--allow-private-hosts]` */
export function workerCommand(): Command {
  const cmd = withQueueOptions(
    addGraphOptions(new Command('worker'))
      .description(
        'Process queued article URLs: fetch -> extract -> NLP -> graph write. Stops cleanly on SIGINT/SIGTERM.',
      )
      .option(
        '-c, --concurrency <n>',
        'jobs processed at once in this process',
        positiveIntOption('--concurrency'),
        4,
      )
      .option(
        '--allow-private-hosts',
        'allow loopback/private addresses (tests only; env NEWSGRAPH_ALLOW_PRIVATE_HOSTS=1)',
      )
      .option(
        '--host-interval <ms>',
        'least time between two requests to one host, all workers together; env NEWSGRAPH_HOST_INTERVAL_MS (default: 1000)',
        intOption('--host-interval'),
      )
      .option('--no-robots', 'do not read robots.txt (only for your own sites)')
      .option(
        '--user-agent <ua>',
        'User-Agent header; env NEWSGRAPH_USER_AGENT (default: Mozilla/5.0 (compatible; newsgraph/0.1; +…#crawler))',
      )
      .option(
        '--fetch-timeout <ms>',
        'total time allowed for one page fetch; env NEWSGRAPH_FETCH_TIMEOUT_MS (default: 30000)',
        intOption('--fetch-timeout'),
      )
      .option(
        '--lock-duration <ms>',
        'job lock; a killed worker’s job is taken back after it expires (default: 30000)',
        intOption('--lock-duration'),
      )
      .option(
        '--stalled-interval <ms>',
        'how often stalled jobs are looked for (default: 30000)',
        intOption('--stalled-interval'),
      )
      .addOption(minConfidenceOption())
      .option('--no-crawl', 'do not run scheduled crawls (see `newsgraph schedule`) in this process')
      .option(
        '--pipelines <dir>',
        'folder of pipeline YAML files; env NEWSGRAPH_PIPELINES (default: pipelines)',
      ),
  );
  return addPagesOption(cmd).action(async (options: WorkerCliOptions) => {
    const env = process.env;
    const log = createLogger({ level: env.NEWSGRAPH_LOG_LEVEL });
    const config = resolveQueueConfig(options);
    if (options.crawl && options.pipelines) await access(options.pipelines); // missing: exit 2, at once
    await requireRedis(config);
    const sink = await openWorkerSink(options, env);
    const connection = createRedis(config.redisUrl, { forWorker: true });
    const commands = createRedis(config.redisUrl, { forWorker: true });
    const hostIntervalMs =
      options.hostInterval ?? Number(env.NEWSGRAPH_HOST_INTERVAL_MS ?? DEFAULT_HOST_INTERVAL_MS);
    const worker = startArticleWorker(
      config,
      connection,
      {
        sink,
        ...pagesFor(options, env),
        redis: commands,
        prefix: config.prefix,
        fetchOptions: fetchOptionsFrom(options, env),
        hostIntervalMs,
        obeyRobots: options.robots,
        minConfidence: options.minConfidence,
      },
      {
        concurrency: options.concurrency,
        ...(options.lockDuration ? { lockDurationMs: options.lockDuration } : {}),
        ...(options.stalledInterval ? { stalledIntervalMs: options.stalledInterval } : {}),
      },
    );
    worker.on('completed', (job, result) =>
      log.info(
        { jobId: job.id, url: job.data.url, ...(result as object) },
        (result as { unchanged?: boolean } | undefined)?.unchanged ? 'unchanged' : 'article written',
      ),
    );
    worker.on('failed', (job, err) => {
      const final = job
        ? job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError'
        : true;
      log[final ? 'error' : 'warn'](
        { jobId: job?.id, url: job?.data.url, attempt: job?.attemptsMade, reason: err.message },
        final ? 'job failed' : 'job will retry',
      );
    });
    worker.on('error', (err) => log.warn({ reason: err.message }, 'worker error (Redis reconnecting?)'));
    const crawling = options.crawl ? startCrawling(config, options, env, log) : undefined;
    log.info(
      { queue: config.queueName, concurrency: options.concurrency, graph: sink.kind },
      'worker started',
    );
    const stopHeartbeat = startHeartbeat(env.NEWSGRAPH_HEARTBEAT_FILE, log);
    const { signalled, forced } = untilSignal(log);
    await signalled;
    stopHeartbeat();
    const { released } = await stopArticleWorker(worker, SHUTDOWN_GRACE_MS, forced);
    if (released.length) log.warn({ jobIds: released }, 'unfinished jobs handed back to the queue');
    if (crawling) await closeStep(log, 'crawl worker', () => crawling.close());
    await closeStep(log, 'graph', () => sink.close());
    await closeStep(log, 'fetch agents', () => closeFetchAgents());
    commands.disconnect();
    connection.disconnect();
    log.info('worker stopped');
    setTimeout(() => {
      log.warn('open handles after shutdown; exiting anyway');
      process.exit(process.exitCode ?? 0);
    }, EXIT_GUARD_MS).unref();
  });
}
