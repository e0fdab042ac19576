/**
 * NewsFacts through its official scorer: `node score.mjs score DEV PRED.jsonl [--min-confidence X] [--errors F]`
 * is spawned on prediction files written to a temporary folder, and its JSON line parsed. score.mjs does not
 * export its scoring function, so the process is the interface; nothing of its matching is re-implemented here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Entity, Relation } from '../../src/core/index.js';

const run = promisify(execFile);

/** One article's prediction, as `newsgraph extract --jsonl` writes it (without the article). */
export interface Prediction {
  id: string;
  entities: Entity[];
  relations: Relation[];
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  pred: number;
  gold: number;
}

/** The scorer's output line. */
export interface NewsfactsScore {
  articles: number;
  missingArticles: number;
  minConfidence: number;
  entities: Prf;
  facts: Prf;
  factsRelaxed: Prf;
  byType: Record<string, Prf>;
  factsPerArticle: { predicted: number; gold: number };
}

/** One line of the scorer's `--errors` file. */
export interface ScorerError {
  id: string;
  kind: string;
  name?: string;
  type?: string;
  rule?: string;
}

/** Runs the scorer; scratch files live in one temporary folder, removed by `close()`. */
export class NewsfactsScorer {
  private readonly dir = mkdtempSync(join(tmpdir(), 'newsgraph-eval-'));
  private n = 0;

  constructor(
    private readonly script: string,
    private readonly goldDir: string,
  ) {}

  /** Score `preds` at `minConfidence` (0 keeps every fact); with `withErrors`, also return the error list. */
  async score(
    preds: readonly Prediction[],
    minConfidence = 0,
    withErrors = false,
  ): Promise<{ score: NewsfactsScore; errors: ScorerError[] }> {
    const file = join(this.dir, `pred-${this.n++}.jsonl`);
    writeFileSync(file, `${preds.map((p) => JSON.stringify(p)).join('\n')}\n`);
    const errorsFile = `${file}.errors`;
    const args = [this.script, 'score', this.goldDir, file, '--min-confidence', String(minConfidence)];
    if (withErrors) args.push('--errors', errorsFile);
    const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
    const score = JSON.parse(stdout.trim().split('\n').pop()!) as NewsfactsScore;
    const errors = withErrors
      ? readFileSync(errorsFile, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as ScorerError)
      : [];
    rmSync(file, { force: true });
    rmSync(errorsFile, { force: true });
    return { score, errors };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Run `task` over `items`, `limit` at a time, results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (x: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
