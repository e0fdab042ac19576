import { Command } from 'commander';
import { loadPipelines } from '../crawl/pipeline.js';
import { runPipeline } from '../crawl/run-pipeline.js';
import { closeFetchAgents } from '../fetch/index.js';
import { crawlDeps, createRedis, openArticleQueue, openCrawlQueue, syncSchedulers } from '../queue/index.js';
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
    const pipelines = await loadPipelines(pipelinesDir(options));
    const report = await withQueues(options, (q) => syncSchedulers(q.crawls, pipelines));
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      for (const id of report.upserted) process.stdout.write(`scheduled  ${id}\n`);
      for (const id of report.removed) process.stdout.write(`removed    ${id}\n`);
      const disabled = pipelines.filter((p) => !p.enabled).map((p) => p.id);
      for (const id of disabled) process.stdout.write(`disabled   ${id}\n`);
      process.stdout.write(`${report.upserted.length} scheduled, ${report.removed.length} removed\n`);
    }
  });
}

/** `newsgraph crawl <pipeline>` — run one pipeline now and enqueue what it finds. */
export function crawlCommand(): Command {
  return withQueueOptions(
    new Command('crawl')
      .description(
        'Run one pipeline now: read its feeds, sitemaps and section pages and enqueue new articles.',
      )
      .argument('<pipeline>', 'pipeline id (its file name without .yaml)')
      .option(...PIPELINES_OPTION)
      .option('--allow-private-hosts', 'allow loopback/private addresses (tests only)')
      .option('--json', 'print the report as JSON'),
  ).action(async (id: string, options: PipelineCliOptions) => {
    const dir = pipelinesDir(options);
    const pipeline = (await loadPipelines(dir)).find((p) => p.id === id);
    if (!pipeline) throw new CliError(`no pipeline "${id}" in ${dir}`, EXIT.usage);
    const fetchOptions = { allowPrivateHosts: allowPrivateHosts(options.allowPrivateHosts) };
    try {
      const report = await withQueues(options, (q) =>
        runPipeline(pipeline, crawlDeps(q.articles, fetchOptions)),
      );
      if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        for (const e of report.errors) process.stdout.write(`error      ${e.source}: ${e.error}\n`);
        process.stdout.write(
          `${id}: ${report.discovered} links found, ${report.kept} kept, ${report.added} added, ${report.duplicates} duplicate\n`,
        );
      }
      if (report.errors.length > 0) process.exitCode = EXIT.failed;
    } finally {
      await closeFetchAgents();
    }
  });
}
