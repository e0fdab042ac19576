/**
 * Per-host politeness shared by every worker: at most one request per host per interval, coordinated in
 * Redis (not an in-process timer). A job that comes too early is told how long to wait and is moved to
 * the delayed set by the worker.
 */
import type { Redis } from 'ioredis';

/** One second between two requests to the same host: gentle for a news site, fast enough for us. */
export const DEFAULT_HOST_INTERVAL_MS = 1_000;

/**
 * KEYS[1] = the host's "next free slot" key; ARGV[1] = interval ms.
 * Returns 0 and books the next slot when the host is free now, else the ms until it is.
 * Uses Redis' clock so that workers on different machines agree.
 */
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local interval = tonumber(ARGV[1])
if nextFree <= now then
  redis.call('SET', KEYS[1], now + interval, 'PX', interval + 1000)
  return 0
end
return nextFree - now
`;

/** Reserve the host for one request; returns 0 when we may go now, else the ms to wait. */
export async function reserveHost(
  redis: Redis,
  prefix: string,
  host: string,
  intervalMs: number,
): Promise<number> {
  if (intervalMs <= 0) return 0;
  const wait = await redis.eval(
    RESERVE_SCRIPT,
    1,
    `${prefix}:host:${host.toLowerCase()}`,
    String(intervalMs),
  );
  return Number(wait);
}
