/** The payload of an article job, validated at the border with zod, and its id. */
import { z } from 'zod';
import { shortHash } from '../core/index.js';

export const ArticleJobData = z.object({
  /** The normalised URL. */
  url: z.string().url(),
  /** ISO 8601 time of enqueueing. */
  enqueuedAt: z.string(),
  /** Who enqueued it (`cli`, a pipeline id, …). */
  source: z.string().optional(),
});
export type ArticleJobData = z.infer<typeof ArticleJobData>;

/** The job name every article job carries. */
export const ARTICLE_JOB_NAME = 'article';

/**
 * The job id of a normalised URL: `a` + a hash. The prefix keeps it from ever being all digits
 * (BullMQ reserves integer ids for its own counter) and it contains no `:`.
 */
export function jobIdFor(normalizedUrl: string): string {
  return `a${shortHash(normalizedUrl)}`;
}
