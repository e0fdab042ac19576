/**
 * Options every queue command shares (`--redis`, `--queue`, `--prefix`) and their env fallbacks
 * (`REDIS_URL`, `NEWSGRAPH_QUEUE`, `NEWSGRAPH_QUEUE_PREFIX`), plus the fail-fast Redis check.
 */
import type { Command } from 'commander';
import { assertRedisReachable, type QueueConfig, queueConfig, redactUrl } from '../queue/index.js';
import { CliError, EXIT } from './errors.js';

export interface QueueCliOptions {
  redis?: string;
  queue?: string;
  prefix?: string;
}

/** Add the shared options to a command. */
export function withQueueOptions(cmd: Command): Command {
  return cmd
    .option('--redis <url>', 'Redis URL; env REDIS_URL (default: redis://127.0.0.1:6379)')
    .option('--queue <name>', 'queue name; env NEWSGRAPH_QUEUE (default: articles)')
    .option('--prefix <prefix>', 'Redis key prefix; env NEWSGRAPH_QUEUE_PREFIX (default: newsgraph)');
}

/**
 * Refuse a Redis URL ioredis cannot use (bad usage, exit 2), rather than report it "unreachable" (3):
 * `redis://` or `rediss://` with a host, or a Unix socket path.
 */
export function assertRedisUrl(raw: string, source: string): void {
  if (raw.startsWith('/')) return;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '')
    throw new CliError(
      `${source} is not a Redis URL: "${redactUrl(raw).replace(/\/\/[^@/]*@/, '//***@')}" (expected redis://[:password@]host[:port][/db], rediss://… or a socket path)`,
      EXIT.usage,
    );
}

/** The queue config from options, then env, then defaults. */
export function resolveQueueConfig(
  options: QueueCliOptions,
  env: NodeJS.ProcessEnv = process.env,
): QueueConfig {
  if (options.redis !== undefined) assertRedisUrl(options.redis, '--redis');
  else if (env.REDIS_URL) assertRedisUrl(env.REDIS_URL, 'REDIS_URL');
  return queueConfig({
    redisUrl: options.redis ?? env.REDIS_URL,
    queueName: options.queue ?? env.NEWSGRAPH_QUEUE,
    prefix: options.prefix ?? env.NEWSGRAPH_QUEUE_PREFIX,
  });
}

/** Exit code 3 with a clear message when Redis does not answer, instead of hanging. */
export async function requireRedis(config: QueueConfig): Promise<void> {
  try {
    await assertRedisReachable(config.redisUrl);
  } catch {
    throw new CliError(
      `Redis is unreachable at ${redactUrl(config.redisUrl)} (set REDIS_URL or --redis; is redis-server running?)`,
      EXIT.unavailable,
    );
  }
}

/** Parse a non-negative integer option value. */
export function intOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new CliError(`${name} must be a non-negative integer, got ${value}`, EXIT.usage);
    return n;
  };
}

/** Parse a positive integer option value (a count that cannot be zero, such as `--concurrency`). */
export function positiveIntOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new CliError(`${name} must be a positive integer, got ${value}`, EXIT.usage);
    return n;
  };
}
