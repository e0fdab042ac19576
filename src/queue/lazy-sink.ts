/**
 * A sink that opens its database on first use and again after a failed open, so a worker can start
 * before the graph database is up: writes fail with a transient error (the job retries) until it is.
 */
import { describeError, NewsgraphError, TransientError } from '../core/index.js';
import type { GraphSink, GraphWrite, WriteSummary } from '../graph/types.js';

/** Wrap `open` (which should also ensure the schema) in a sink that retries opening on each write. */
export function lazySink(kind: string, open: () => Promise<GraphSink>): GraphSink {
  let opening: Promise<GraphSink> | undefined;
  const get = (): Promise<GraphSink> => {
    opening ??= open().catch((err: unknown) => {
      opening = undefined;
      if (err instanceof NewsgraphError && !err.retriable) throw err;
      throw new TransientError(
        'graph-unavailable',
        `the ${kind} graph database is unavailable: ${describeError(err)}`,
        {
          cause: err,
        },
      );
    });
    return opening;
  };
  return {
    kind,
    ensureSchema: async () => {
      await get();
    },
    write: async (write: GraphWrite): Promise<WriteSummary> => (await get()).write(write),
    close: async () => {
      const current = opening;
      opening = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
  };
}
