/**
 * Scheduled crawl definitions: one YAML file per pipeline in `pipelines/`, the file name is its id.
 * Validated with zod at the border (cron patterns by cron-parser, the parser BullMQ schedules with;
 * regular expressions by compiling them); every error names the file, the line and the field path.
 * Everything after trusts the types.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { InputError } from '../core/index.js';

/** Pipeline ids become BullMQ scheduler ids: keep them to a safe alphabet. */
const PIPELINE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A duration like `90s`, `15m`, `2h`, `1d`. */
const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Crawling a source more often than this is impolite to the publisher. */
export const MIN_EVERY_MS = 60_000;

/** Cron fields, as cron-parser reads five (minute first) or six (second first). */
const CRON_FIELDS_5 = ['minute', 'hour', 'day of month', 'month', 'day of week'];
const CRON_FIELDS_6 = ['second', ...CRON_FIELDS_5];

/** Why a cron pattern will not schedule, naming the cron field; `undefined` when it is fine. */
export function cronProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/);
  const names = fields.length === 6 ? CRON_FIELDS_6 : fields.length === 5 ? CRON_FIELDS_5 : undefined;
  if (!names) {
    return `${fields.length} fields; a cron pattern has 5 (${CRON_FIELDS_5.join(', ')}) or 6 (second first)`;
  }
  const parses = (expression: string): string | undefined => {
    try {
      CronExpressionParser.parse(expression);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  };
  // One field at a time (the others `*`), so the message can say which field is wrong.
  for (const [i, name] of names.entries()) {
    const why = parses(names.map((_, j) => (j === i ? fields[i] : '*')).join(' '));
    if (why) return `${name} field "${fields[i]}": ${why}`;
  }
  return parses(pattern);
}

/** Why a regular expression does not compile; `undefined` when it does. */
function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (err) {
    return `bad regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`;
  }
}

/** A string check that reports `problem(value)` as its message. */
const checked = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const why = problem(value);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

const everyProblem = (text: string) =>
  !DURATION.test(text.trim())
    ? `not a duration: ${JSON.stringify(text)} (use e.g. 90s, 15m, 2h, 1d)`
    : durationMs(text) < MIN_EVERY_MS
      ? 'must be at least 1m'
      : undefined;

const sourceSchema = z
  .object({
    /** `feed`: RSS or Atom; `sitemap`: sitemap, sitemap index (incl. Google News, `.xml.gz`) or a robots.txt listing sitemaps; `section`: an HTML page listing articles. */
    type: z.enum(['feed', 'sitemap', 'section']),
    url: z.url({ protocol: /^https?$/ }),
    /** Only links whose URL matches this regular expression. */
    include: checked(regexProblem).optional(),
    /** Drop links whose URL matches this regular expression. */
    exclude: checked(regexProblem).optional(),
  })
  .strict();

export const pipelineSchema = z
  .object({
    description: z.string().optional(),
    /** How often the crawl runs: `every: 15m`, or a cron pattern. */
    schedule: z
      .object({ every: checked(everyProblem).optional(), cron: checked(cronProblem).optional() })
      .strict()
      .refine((s) => (s.every === undefined) !== (s.cron === undefined), {
        message: 'give either every (e.g. 15m) or cron (e.g. "*/30 * * * *"), not both',
      })
      .transform((s): { every: string } | { cron: string } =>
        s.every !== undefined ? { every: s.every } : { cron: s.cron ?? '' },
      ),
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

/** `sources[0].include` */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/** The 1-based line of the YAML node at `path`, or of its nearest parent that exists. */
function lineOf(doc: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** A pipeline file that does not validate: `file:line: field: why`. */
export class PipelineError extends InputError {}

function pipelineError(file: string, line: number | undefined, field: string, why: string): PipelineError {
  const where = line === undefined ? file : `${file}:${line}`;
  return new PipelineError('bad-pipeline', `${where}: ${field ? `${field}: ` : ''}${why}`, {
    details: { file, line, field },
  });
}

/**
 * Parse and validate one pipeline definition.
 * @param file the name errors cite. @defaultValue `<id>.yaml`
 */
export function parsePipeline(id: string, yamlText: string, file = `${id}.yaml`): Pipeline {
  if (!PIPELINE_ID.test(id))
    throw new InputError('bad-pipeline-id', `${file}: bad pipeline id ${JSON.stringify(id)} (the file name)`);
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    throw pipelineError(file, line, '', `YAML: ${syntax.message.split('\n')[0]}`);
  }
  const result = pipelineSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // An unknown key: point at the key itself.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)];
    const why = issue.code === 'unrecognized_keys' ? `unknown field (${keys.join(', ')})` : issue.message;
    throw pipelineError(file, lineOf(doc, lines, path), pathText(path) || '(root)', why);
  }
  return { id, ...result.data };
}

/** A pipeline file that could not be used, and why. */
export interface PipelineProblem {
  id: string;
  file: string;
  error: string;
}

/**
 * Read every `*.yaml` / `*.yml` in a folder (the file name without extension is the id): the valid
 * pipelines, and the broken files with their reasons (one broken file does not stop the others).
 */
export async function readPipelines(
  dir: string,
): Promise<{ pipelines: Pipeline[]; problems: PipelineProblem[] }> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const pipelines: Pipeline[] = [];
  const problems: PipelineProblem[] = [];
  for (const name of names) {
    const id = basename(name, extname(name));
    const file = join(dir, name);
    try {
      pipelines.push(parsePipeline(id, await readFile(file, 'utf8'), file));
    } catch (err) {
      problems.push({ id, file, error: (err as Error).message });
    }
  }
  return { pipelines, problems };
}

/** Load every pipeline of a folder, failing on the first broken file (see {@link readPipelines}). */
export async function loadPipelines(dir: string): Promise<Pipeline[]> {
  const { pipelines, problems } = await readPipelines(dir);
  const first = problems[0];
  if (first) throw new PipelineError('bad-pipeline', first.error, { details: { file: first.file } });
  return pipelines;
}
