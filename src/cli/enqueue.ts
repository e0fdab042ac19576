import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { createRedis, type EnqueueLine, enqueueUrls, openArticleQueue } from '../queue/index.js';
import { CliError, EXIT } from './errors.js';
import { readStdin } from './io.js';
import {
  intOption,
  type QueueCliOptions,
  requireRedis,
  resolveQueueConfig,
  withQueueOptions,
} from './queue-options.js';

interface EnqueueCliOptions extends QueueCliOptions {
  file?: string;
  force?: boolean;
  priority?: number;
  delay?: number;
  json?: boolean;
}

function formatLine(line: EnqueueLine): string {
  if (line.status === 'added') return `added      ${line.url}`;
  if (line.status === 'duplicate') return `duplicate  ${line.url} (${line.state})`;
  return `rejected   ${line.input}: ${line.reason}`;
}

async function collectInputs(urls: string[], file: string | undefined): Promise<string[]> {
  const lines: string[] = [];
  for (const arg of urls) {
    if (arg === '-') lines.push(...(await readStdin()).toString('utf8').split(/\r?\n/));
    else lines.push(arg);
  }
  if (file) lines.push(...(await readFile(file, 'utf8')).split(/\r?\n/));
  return lines;
}

/** `newsgraph enqueue <url…> | --file urls.txt | -` */
export function enqueueCommand(): Command {
  return withQueueOptions(
    new Command('enqueue')
      .description('Add article URLs to the queue (normalised; one job per URL; duplicates are skipped).')
      .argument('[urls...]', 'URLs, or - to read one per line from stdin')
      .option('-f, --file <path>', 'read URLs from a file, one per line (# comments allowed)')
      .option('--force', 're-queue URLs that are already queued or done')
      .option('--priority <n>', 'priority, 1 = highest (default: normal FIFO)', intOption('--priority'))
      .option('--delay <ms>', 'wait this long before the jobs may run', intOption('--delay'))
      .option('--json', 'print the report as JSON'),
  ).action(async (urls: string[], options: EnqueueCliOptions) => {
    const inputs = await collectInputs(urls, options.file);
    if (inputs.every((l) => l.trim() === ''))
      throw new CliError('no URLs given (arguments, --file or -)', EXIT.usage);
    const config = resolveQueueConfig(options);
    await requireRedis(config);
    const redis = createRedis(config.redisUrl, { forWorker: false });
    const queue = openArticleQueue(config, redis);
    try {
      const report = await enqueueUrls(queue, inputs, {
        ...(options.force ? { force: true } : {}),
        ...(options.priority !== undefined ? { priority: options.priority } : {}),
        ...(options.delay !== undefined ? { delay: options.delay } : {}),
      });
      if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        for (const line of report.lines) process.stdout.write(`${formatLine(line)}\n`);
        process.stdout.write(
          `${report.added} added, ${report.duplicates} duplicate, ${report.rejected} rejected\n`,
        );
      }
      if (report.rejected > 0) process.exitCode = EXIT.failed;
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
}
