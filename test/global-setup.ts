/**
 * Starts the real services the integration tests need, once per run, on free local ports.
 * Each service module returns the env its tests read, or a `skipped: <why>` reason.
 */
import { setupNeo4j } from './support/neo4j.js';
import { setupRedis } from './support/redis.js';

export default async function setup(): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  const redis = await setupRedis();
  if (redis) stops.push(redis.stop);
  const neo4j = await setupNeo4j();
  if (neo4j) stops.push(neo4j.stop);
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
