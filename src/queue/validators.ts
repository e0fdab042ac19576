/**
 * Conditional GET for articles already in the graph. After a successful write the page's `ETag` and
 * `Last-Modified` are kept in Redis (shared by all workers); the next fetch of that URL sends them, and a
 * `304 Not Modified` ends the job without re-extracting. Validators are tied to the extractor version, so a
 * new version re-processes every page once.
 */
import type { Redis } from 'ioredis';
import { EXTRACTOR_VERSION } from '../core/extractor-version.js';
import type { RawPage } from '../core/index.js';
import { jobIdFor } from './job-data.js';

/** Kept as long as completed jobs, and a bit more: a month. */
export const VALIDATORS_TTL_SECONDS = 30 * 24 * 3600;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

const keyFor = (prefix: string, url: string) => `${prefix}:validators:${jobIdFor(url)}`;

/** The validators stored for `url` by this extractor version, if any. */
export async function loadValidators(redis: Redis, prefix: string, url: string): Promise<Validators> {
  const stored = await redis.hgetall(keyFor(prefix, url));
  if (stored.version !== EXTRACTOR_VERSION) return {};
  return {
    ...(stored.etag ? { etag: stored.etag } : {}),
    ...(stored.lastModified ? { lastModified: stored.lastModified } : {}),
  };
}

/** Remember the validators of a page whose article was written. */
export async function saveValidators(
  redis: Redis,
  prefix: string,
  url: string,
  page: RawPage,
): Promise<void> {
  if (!page.etag && !page.lastModified) return;
  const key = keyFor(prefix, url);
  await redis
    .multi()
    .del(key)
    .hset(key, {
      version: EXTRACTOR_VERSION,
      ...(page.etag ? { etag: page.etag } : {}),
      ...(page.lastModified ? { lastModified: page.lastModified } : {}),
    })
    .expire(key, VALIDATORS_TTL_SECONDS)
    .exec();
}
