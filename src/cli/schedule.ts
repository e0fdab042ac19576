import { Command } from 'commander';
import { NewsgraphError } from '../core/index.js';
import { readPipelines } from '../crawl/pipeline.js';
import type { CrawlReport } from '../crawl/run-pipeline.js';
import { closeFetchAgents } from '../fetch/index.js';
import {
  crawlDeps,
  createRedis,
  openArticleQueue,
  openCrawlQueue,
  runAndRecord,
  syncSchedulers,
} from '../queue/index.js';
import { formatSource, formatTotals } from './crawl-report.js';
import { CliError, EXIT } from './errors.js';
import { allowPrivateHosts } from './io.js';
import { type QueueCliOptions, requireRedis, resolveQueueConfig, withQueueOptions } from './queue-options.js';

interface PipelineCliOptions extends QueueCliOptions {
  pipelines: string;
  json?: boolean;
  allowPrivateHosts?: boolean;
}

const PIPELINES_OPTION = [
  '--pipelines <dir>',
  'folder of pipeline YAML files; env NEWSGRAPH_PIPELINES (default: pipelines)',
] as const;
const pipelinesDir = (options: PipelineCliOptions) =>
  options.pipelines ?? process.env.NEWSGRAPH_PIPELINES ?? 'pipelines';

/** Open the article and crawl queues for one command, and close them after. */
async function withQueues<T>(
  options: PipelineCliOptions,
  run: (q: ReturnType<typeof openQueues>) => Promise<T>,
): Promise<T> {
  const config = resolveQueueConfig(options);
  await requireRedis(config);
  const queues = openQueues(config);
  try {
    return await run(queues);
  } finally {
    await queues.articles.close();
    await queues.crawls.close();
    queues.redis.disconnect();
  }
}

function openQueues(config: ReturnType<typeof resolveQueueConfig>) {
  const redis = createRedis(config.redisUrl, { forWorker: false });
  return { redis, articles: openArticleQueue(config, redis), crawls: openCrawlQueue(config, redis) };
}

/** `newsgraph schedule` — make the crawl schedulers match `pipelines/` (idempotent). */
export function scheduleCommand(): Command {
  return withQueueOptions(
    new Command('schedule')
      .description(
        'Sync scheduled crawls with the pipeline files: one scheduler per enabled pipeline; removed when its file goes.',
      )
      .option(...PIPELINES_OPTION)
      .option('--json', 'print the report as JSON'),
  ).action(async (options: PipelineCliOptions) => {
    const { pipelines, problems } = await readPipelines(pipelinesDir(options));
    // A broken file is reported and skipped; its scheduler (if any) is kept, not removed.
    const keep = problems.map((p) => p.id);
    const report = await withQueues(options, (q) => syncSchedulers(q.crawls, pipelines, keep));
    const skipped = problems.map((p) => ({ id: p.id, file: p.file, error: p.error }));
    if (options.json) process.stdout.write(`${JSON.stringify({ ...report, skipped })}\n`);
    else {
      for (const id of report.upserted) process.stdout.write(`scheduled  ${id}\n`);
      for (const id of report.removed) process.stdout.write(`removed    ${id}\n`);
      const disabled = pipelines.filter((p) => !p.enabled).map((p) => p.id);
      for (const id of disabled) process.stdout.write(`disabled   ${id}\n`);
      for (const p of problems) process.stdout.write(`skipped    ${p.error}\n`);
      if (report.strayJobs > 0) process.stdout.write(`removed ${report.strayJobs} stray crawl job(s)\n`);
      process.stdout.write(
        `${report.upserted.length} scheduled, ${report.removed.length} removed${problems.length ? `, ${problems.length} skipped (broken)` : ''}\n`,
      );
    }
    if (problems.length > 0) process.exitCode = EXIT.failed;
  });
}

/** `newsgraph crawl <pipeline>` — run one pipeline now and enqueue what it finds. */
export function crawlCommand(): Command {
  return withQueueOptions(
    new Command('crawl')
      .description(
        'Run one pipeline now: read its feeds, sitemaps and section pages and enqueue new articles; prints per source what it found or why it failed.',
      )
      .argument('<pipeline>', 'pipeline id (its file name without .yaml)')
      .option(...PIPELINES_OPTION)
      .option('--allow-private-hosts', 'allow loopback/private addresses (tests only)')
      .option('--verbose', 'also list every URL added to the queue')
      .option('--json', 'print the report as JSON'),
  ).action(async (id: string, options: PipelineCliOptions & { verbose?: boolean }) => {
    const dir = pipelinesDir(options);
    const { pipelines, problems } = await readPipelines(dir);
    const broken = problems.find((p) => p.id === id);
    if (broken) throw new CliError(broken.error, EXIT.usage);
    const pipeline = pipelines.find((p) => p.id === id);
    if (!pipeline) throw new CliError(`no pipeline "${id}" in ${dir}`, EXIT.usage);
    const fetchOptions = { allowPrivateHosts: allowPrivateHosts(options.allowPrivateHosts) };
    const config = resolveQueueConfig(options);
    try {
      const report = await withQueues(options, (q) =>
        runAndRecord(pipeline, crawlDeps(q.articles, fetchOptions), {
          redis: q.redis,
          config,
          trigger: 'cli',
        }),
      ).catch((err: unknown) => {
        // Every source failed: say why each did before the one-line error.
        const failed =
          err instanceof NewsgraphError ? (err.details.report as CrawlReport | undefined) : undefined;
        if (failed && !options.json)
          for (const s of failed.sources) process.stdout.write(`${formatSource(s).join('\n')}\n`);
        throw err;
      });
      if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        for (const s of report.sources) process.stdout.write(`${formatSource(s).join('\n')}\n`);
        if (options.verbose) for (const url of report.addedUrls) process.stdout.write(`added    ${url}\n`);
        process.stdout.write(`${id}: ${formatTotals(report)}\n`);
      }
      if (report.errors.length > 0) process.exitCode = EXIT.failed;
    } finally {
      await closeFetchAgents();
    }
  });
}
