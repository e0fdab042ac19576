import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { Command } from 'commander';
import { isPublicAddress } from '../fetch/ssrf.js';
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

/**
 * Whether a URL names a loopback/private host by itself (an IP literal in any spelling the URL parser
 * normalises, or `localhost`): the worker's SSRF guard will refuse it. Names are not resolved here.
 */
export function isPrivateHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && !isPublicAddress(host);
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
      .option('-f, --file <path>', 'read URLs from a file, one per line (# comments allowed) (default: none)')
      .option('--force', 're-queue URLs that are already queued or done')
      .option('--priority <n>', 'priority, 1 = highest (default: none, FIFO)', intOption('--priority'))
      .option('--delay <ms>', 'wait this long before the jobs may run (default: 0)', intOption('--delay'))
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
      for (const line of report.lines)
        if (line.status !== 'rejected' && isPrivateHost(line.url))
          process.stderr.write(
            `newsgraph enqueue: warning: ${line.url} is a loopback/private address; the worker refuses it unless started with --allow-private-hosts (or NEWSGRAPH_ALLOW_PRIVATE_HOSTS=1)\n`,
          );
      if (report.rejected > 0) process.exitCode = EXIT.failed;
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
}
