/**
 * The bulk path: many articles per transaction (`ingest` of a directory, JSON Lines or stdin). The
 * result is exactly that of writing each article by `write`, one after another: the embedded store
 * plans the whole batch at once (`replaceArticles` in replace-batch.ts), Neo4j replaces each article
 * in turn (`replaceArticle`) inside the transaction. A batch that fails is rolled back and its
 * articles are written one by one, so one bad article fails alone. The worker keeps one article per
 * transaction (`write`).
 */
import type { GraphSink, GraphWrite, WriteSummary } from './types.js';

/**
 * Articles per transaction: each batch costs a fixed set of statements on the embedded store
 * (replace-batch.ts), so larger batches amortise them; the engine holds a transaction's changes in
 * memory.
 */
export const DEFAULT_BULK_SIZE = 250;

/** Write every article, many per transaction where the sink can; one summary or error per write. */
export async function writeAll(sink: GraphSink, writes: GraphWrite[]): Promise<Array<WriteSummary | Error>> {
  if (writes.length === 0) return [];
  if (sink.writeMany) return sink.writeMany(writes);
  return writeOneByOne(sink, writes);
}

/** The fallback: one transaction per article, failures in their place. */
export async function writeOneByOne(
  sink: GraphSink,
  writes: GraphWrite[],
): Promise<Array<WriteSummary | Error>> {
  const out: Array<WriteSummary | Error> = [];
  for (const w of writes) out.push(await sink.write(w).catch((err: unknown) => asError(err)));
  return out;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

interface Pending {
  write: GraphWrite;
  resolve(summary: WriteSummary): void;
  reject(err: Error): void;
}

/**
 * A {@link GraphSink} in front of another that gathers writes and sends them `size` at a time through
 * {@link writeAll}. `write` resolves once its batch is committed, so callers must not await one write
 * before making the next: they await {@link WriteBatcher.enqueued} instead, then {@link flush} at the end.
 */
export class WriteBatcher implements GraphSink {
  readonly kind: string;
  private batch: Pending[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private onEnqueue: (() => void) | undefined;
  /** Writes received so far. */
  received = 0;

  /**
   * @param beforeBatch called just before each batch is sent (`ingest` collects garbage there, so the
   *   store's commit does not stack on the heap the batch's analysis left reserved).
   */
  constructor(
    private readonly sink: GraphSink,
    private readonly size: number = DEFAULT_BULK_SIZE,
    private readonly beforeBatch?: () => void,
  ) {
    this.kind = sink.kind;
  }

  ensureSchema(): Promise<void> {
    return this.sink.ensureSchema();
  }

  write(write: GraphWrite): Promise<WriteSummary> {
    return new Promise<WriteSummary>((resolve, reject) => {
      this.batch.push({ write, resolve, reject });
      this.received += 1;
      const notify = this.onEnqueue;
      this.onEnqueue = undefined;
      notify?.();
      if (this.batch.length >= this.size) void this.flush();
    });
  }

  /**
   * Resolves once more than `after` writes were received (race it with the work that should make
   * one: `const n = b.received; const w = work(); await Promise.race([w, b.enqueued(n)])`).
   */
  enqueued(after: number): Promise<void> {
    if (this.received > after) return Promise.resolve();
    return new Promise((resolve) => {
      this.onEnqueue = resolve;
    });
  }

  /** Send what is gathered; resolves when every batch sent so far is committed (or failed). */
  flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      this.beforeBatch?.();
      let results: Array<WriteSummary | Error>;
      try {
        results = await writeAll(
          this.sink,
          batch.map((p) => p.write),
        );
      } catch (err) {
        results = batch.map(() => asError(err));
      }
      results.forEach((r, i) => {
        if (r instanceof Error) batch[i]!.reject(r);
        else batch[i]!.resolve(r);
      });
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
