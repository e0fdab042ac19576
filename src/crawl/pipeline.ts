/**
 * Scheduled crawl definitions: one YAML file per pipeline in `pipelines/`, the file name is its id.
 * Validated with zod at the border; everything after trusts the types.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../core/index.js';

/** Pipeline ids become BullMQ scheduler ids: keep them to a safe alphabet. */
const PIPELINE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A duration like `90s`, `15m`, `2h`, `1d`. */
const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Crawling a source more often than this is impolite to the publisher. */
export const MIN_EVERY_MS = 60_000;

const sourceSchema = z.object({
  /** `feed`: RSS or Atom; `sitemap`: sitemap or sitemap index (incl. Google News sitemaps); `section`: an HTML page listing articles. */
  type: z.enum(['feed', 'sitemap', 'section']),
  url: z.url({ protocol: /^https?$/ }),
  /** Only links whose URL matches this regular expression. */
  include: z.string().optional(),
  /** Drop links whose URL matches this regular expression. */
  exclude: z.string().optional(),
});

export const pipelineSchema = z
  .object({
    description: z.string().optional(),
    /** How often the crawl runs: `every: 15m`, or a cron pattern. */
    schedule: z.union([
      z.object({ every: z.string().regex(DURATION) }),
      z.object({ cron: z.string().min(9) }),
    ]),
    sources: z.array(sourceSchema).min(1),
    /** At most this many article URLs are enqueued per run. @defaultValue 200 */
    limit: z.number().int().positive().max(10_000).default(200),
    /** Only articles published within this window (when the source gives a date). @defaultValue 2d */
    maxAge: z.string().regex(DURATION).default('2d'),
    /** BullMQ priority of the article jobs (1 = highest). */
    priority: z.number().int().min(1).max(2_097_152).optional(),
    /** @defaultValue true */
    enabled: z.boolean().default(true),
  })
  .strict();

export type PipelineSource = z.infer<typeof sourceSchema>;
export interface Pipeline extends z.infer<typeof pipelineSchema> {
  id: string;
}

/** Milliseconds of a duration string such as `15m`. */
export function durationMs(text: string): number {
  const m = DURATION.exec(text.trim());
  if (!m)
    throw new InputError(
      'bad-duration',
      `not a duration: ${JSON.stringify(text)} (use e.g. 90s, 15m, 2h, 1d)`,
    );
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** Parse and validate one pipeline definition. */
export function parsePipeline(id: string, yamlText: string): Pipeline {
  if (!PIPELINE_ID.test(id)) throw new InputError('bad-pipeline-id', `bad pipeline id ${JSON.stringify(id)}`);
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (cause) {
    throw new InputError('bad-yaml', `pipeline ${id}: ${(cause as Error).message}`, { cause });
  }
  const result = pipelineSchema.safeParse(raw);
  if (!result.success) {
    const why = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new InputError('bad-pipeline', `pipeline ${id}: ${why}`);
  }
  const pipeline = { id, ...result.data };
  if ('every' in pipeline.schedule && durationMs(pipeline.schedule.every) < MIN_EVERY_MS) {
    throw new InputError('bad-pipeline', `pipeline ${id}: schedule.every must be at least 1m`);
  }
  for (const source of pipeline.sources) {
    for (const pattern of [source.include, source.exclude]) {
      if (pattern === undefined) continue;
      try {
        new RegExp(pattern);
      } catch {
        throw new InputError(
          'bad-pipeline',
          `pipeline ${id}: bad regular expression ${JSON.stringify(pattern)}`,
        );
      }
    }
  }
  return pipeline;
}

/** Load every `*.yaml` / `*.yml` in a folder; the file name (without extension) is the id. */
export async function loadPipelines(dir: string): Promise<Pipeline[]> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) =>
      parsePipeline(basename(name, extname(name)), await readFile(join(dir, name), 'utf8')),
    ),
  );
}
