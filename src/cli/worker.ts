import { Command } from 'commander';
import { closeFetchAgents, type FetchOptions } from '../fetch/index.js';
import { createRedis, DEFAULT_HOST_INTERVAL_MS, startArticleWorker } from '../queue/index.js';
import { allowPrivateHosts } from './io.js';
import { createLogger, type Logger } from './log.js';
import {
  intOption,
  type QueueCliOptions,
  requireRedis,
  resolveQueueConfig,
  withQueueOptions,
} from './queue-options.js';
import { openWorkerSink, type SinkCliOptions } from './worker-sink.js';

interface WorkerCliOptions extends QueueCliOptions, SinkCliOptions {
  concurrency: number;
  allowPrivateHosts?: boolean;
  hostInterval?: number;
  robots: boolean;
  userAgent?: string;
  fetchTimeout?: number;
  lockDuration?: number;
  stalledInterval?: number;
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

/** Resolves on the first SIGINT/SIGTERM; a second one forces the exit. */
function untilSignal(log: Logger, onForce: () => void): Promise<string> {
  return new Promise((resolve) => {
    const first = (signal: string) => {
      log.info({ signal }, 'stopping: finishing active jobs (send again to force)');
      process.once('SIGINT', onForce);
      process.once('SIGTERM', onForce);
      resolve(signal);
    };
    process.once('SIGINT', first);
    process.once('SIGTERM', first);
  });
}

/** `newsgraph worker [--concurrency N] [--allow-private-hosts]` */
export function workerCommand(): Command {
  return withQueueOptions(
    new Command('worker')
      .description(
        'Process queued article URLs: fetch -> extract -> NLP -> graph write. Stops cleanly on SIGINT/SIGTERM.',
      )
      .option(
        '-c, --concurrency <n>',
        'jobs processed at once in this process',
        intOption('--concurrency'),
        4,
      )
      .option('--graph <kind>', 'kuzu (embedded, one process) or neo4j (env NEWSGRAPH_GRAPH; default kuzu)')
      .option('--db <path>', 'Kùzu database path (env NEWSGRAPH_DB; default ./newsgraph.kuzu)')
      .option(
        '--allow-private-hosts',
        'allow loopback/private addresses (tests only; env NEWSGRAPH_ALLOW_PRIVATE_HOSTS=1)',
      )
      .option(
        '--host-interval <ms>',
        'least time between two requests to one host, all workers together',
        intOption('--host-interval'),
      )
      .option('--no-robots', 'do not read robots.txt (only for your own sites)')
      .option('--user-agent <ua>', 'User-Agent header (env NEWSGRAPH_USER_AGENT)')
      .option(
        '--fetch-timeout <ms>',
        'total time allowed for one page fetch (env NEWSGRAPH_FETCH_TIMEOUT_MS; default 30000)',
        intOption('--fetch-timeout'),
      )
      .option(
        '--lock-duration <ms>',
        'job lock; a killed worker’s job is taken back after it expires',
        intOption('--lock-duration'),
      )
      .option(
        '--stalled-interval <ms>',
        'how often stalled jobs are looked for',
        intOption('--stalled-interval'),
      ),
  ).action(async (options: WorkerCliOptions) => {
    const env = process.env;
    const log = createLogger({ level: env.NEWSGRAPH_LOG_LEVEL });
    const config = resolveQueueConfig(options);
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
        redis: commands,
        prefix: config.prefix,
        fetchOptions: fetchOptionsFrom(options, env),
        hostIntervalMs,
        obeyRobots: options.robots,
      },
      {
        concurrency: Math.max(options.concurrency, 1),
        ...(options.lockDuration ? { lockDurationMs: options.lockDuration } : {}),
        ...(options.stalledInterval ? { stalledIntervalMs: options.stalledInterval } : {}),
      },
    );
    worker.on('completed', (job, result) =>
      log.info({ jobId: job.id, url: job.data.url, ...(result as object) }, 'article written'),
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
    log.info(
      { queue: config.queueName, concurrency: options.concurrency, graph: sink.kind, pid: process.pid },
      'worker started',
    );
    let forced = false;
    await untilSignal(log, () => {
      forced = true;
      void worker.close(true);
    });
    await worker.close(forced);
    await sink.close();
    await closeFetchAgents();
    commands.disconnect();
    connection.disconnect();
    log.info('worker stopped');
  });
}
