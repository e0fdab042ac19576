/**
 * Starts the real services the integration tests need, once per run, on free local ports.
 * Each service module returns the env its tests read, or a `skipped: <why>` reason.
 */
import { setupRedis } from './support/redis.js';

export default async function setup(): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  const redis = await setupRedis();
  if (redis) stops.push(redis.stop);
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
