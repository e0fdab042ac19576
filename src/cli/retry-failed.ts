import { Command } from 'commander';
import { createRedis, openArticleQueue } from '../queue/index.js';
import { type QueueCliOptions, requireRedis, resolveQueueConfig, withQueueOptions } from './queue-options.js';

/** Failed jobs read per round trip. */
const PAGE = 500;

interface RetryCliOptions extends QueueCliOptions {
  reason?: string;
}

/** `newsgraph retry-failed [--reason <substring>]` */
export function retryFailedCommand(): Command {
  return withQueueOptions(
    new Command('retry-failed')
      .description('Move failed jobs back to waiting (all, or those whose reason contains a substring).')
      .option(
        '--reason <substring>',
        'only jobs whose failure reason contains this, case-insensitive (default: every failed job)',
      ),
  ).action(async (options: RetryCliOptions) => {
    const config = resolveQueueConfig(options);
    await requireRedis(config);
    const redis = createRedis(config.redisUrl, { forWorker: false });
    const queue = openArticleQueue(config, redis);
    const needle = options.reason?.toLowerCase();
    let retried = 0;
    let kept = 0;
    try {
      // Retried jobs leave the failed set, so always read from where the kept ones end.
      for (;;) {
        const jobs = (await queue.getFailed(kept, kept + PAGE - 1)).filter((j) => j !== undefined);
        if (jobs.length === 0) break;
        for (const job of jobs) {
          if (needle && !(job.failedReason ?? '').toLowerCase().includes(needle)) {
            kept++;
            continue;
          }
          await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          retried++;
        }
      }
      process.stdout.write(
        `${retried} failed job(s) moved back to waiting${needle ? `, ${kept} left` : ''}\n`,
      );
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
}
