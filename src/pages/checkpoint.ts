/**
 * The checkpoint of a reprocessing run: one line per finished article, appended as each one is written,
 * so a run that crashed or was stopped resumes where it was. The file is named after what the run
 * selects (extractor version and selection), so another selection starts its own; a run that ends
 * deletes it.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface Checkpoint {
  readonly path: string;
  /** Article ids already done by an earlier, unfinished run of the same selection. */
  readonly done: ReadonlySet<string>;
  mark(articleId: string): Promise<void>;
  /** The run is complete: forget it. */
  finish(): Promise<void>;
}

/** Open (or start) the checkpoint of the run identified by `selection` inside `dir`. */
export async function openCheckpoint(dir: string, selection: string): Promise<Checkpoint> {
  const name = createHash('sha256').update(selection).digest('hex').slice(0, 16);
  const path = join(dir, 'reprocess', `${name}.done`);
  await mkdir(join(dir, 'reprocess'), { recursive: true });
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  // A crash mid-append leaves at most one partial last line: only complete lines count.
  const lines = text.split('\n');
  const done = new Set(lines.slice(0, -1).filter((l) => l.length > 0));
  return {
    path,
    done,
    mark: (articleId) => appendFile(path, `${articleId}\n`),
    finish: () => rm(path, { force: true }),
  };
}
