/** Redis connections for queues and workers, and a fail-fast reachability check. */
import { Redis, type RedisOptions } from 'ioredis';
import { TransientError } from '../core/index.js';

/** @defaultValue used when `REDIS_URL` is unset */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** How long a command may wait for Redis to answer the first ping before we call it unreachable. */
export const REDIS_CHECK_TIMEOUT_MS = 3_000;

/** Where the queue lives. */
export interface QueueConfig {
  /** @defaultValue {@link DEFAULT_REDIS_URL} */
  redisUrl: string;
  /** @defaultValue `articles` */
  queueName: string;
  /** Redis key prefix. @defaultValue `newsgraph` */
  prefix: string;
}

export const DEFAULT_QUEUE_NAME = 'articles';
export const DEFAULT_PREFIX = 'newsgraph';

/** A config with defaults filled in. */
export function queueConfig(partial: Partial<QueueConfig> = {}): QueueConfig {
  return {
    redisUrl: partial.redisUrl || DEFAULT_REDIS_URL,
    queueName: partial.queueName || DEFAULT_QUEUE_NAME,
    prefix: partial.prefix || DEFAULT_PREFIX,
  };
}

/**
 * An ioredis connection. Workers need `maxRetriesPerRequest: null` (BullMQ's blocking commands must
 * wait through a Redis restart instead of failing); short-lived commands get a bounded retry.
 */
export function createRedis(redisUrl: string, { forWorker }: { forWorker: boolean }): Redis {
  const options: RedisOptions = forWorker
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : { maxRetriesPerRequest: 1, enableOfflineQueue: true };
  return new Redis(redisUrl, options);
}

/** Ping Redis once; throws `TransientError('redis-unavailable')` quickly instead of hanging. */
export async function assertRedisReachable(
  redisUrl: string,
  timeoutMs = REDIS_CHECK_TIMEOUT_MS,
): Promise<void> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (cause) {
    throw new TransientError('redis-unavailable', `cannot reach Redis at ${redactUrl(redisUrl)}`, { cause });
  } finally {
    probe.disconnect();
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return url;
  }
}
