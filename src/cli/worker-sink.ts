/**
 * The worker's graph store, chosen by the same rule as every command (see graph-options.ts): embedded
 * (ONE writing process; it opens at start-up, so a held file fails at once) or Neo4j (any number of
 * worker processes; opened lazily, so the worker may start before the server).
 */
import { NewsgraphError } from '../core/index.js';
import { openNeo4jSink } from '../graph/neo4j.js';
import { sinkKindOf } from '../graph/open.js';
import { openShared, type SharedEmbedded } from '../graph/shared.js';
import type { GraphSink } from '../graph/types.js';
import { lazySink } from '../queue/lazy-sink.js';
import { CliError, EXIT } from './errors.js';
import { type GraphCliOptions, graphConfig } from './graph-options.js';

/** @deprecated @see GraphCliOptions */
export type SinkCliOptions = GraphCliOptions;

/** Open the sink the options and env ask for; a held embedded file fails here, at start-up. */
export async function openWorkerSink(
  options: GraphCliOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GraphSink> {
  const config = graphConfig(options, env);
  let kind: ReturnType<typeof sinkKindOf>;
  try {
    kind = sinkKindOf(config);
  } catch (err) {
    throw new CliError((err as Error).message, EXIT.usage);
  }
  if (kind === 'embedded') {
    let sink: SharedEmbedded | undefined;
    try {
      // Held by this worker, or written through `newsgraph serve` when serve holds it (shared.ts).
      sink = await openShared('write', { path: config.dbPath, bufferPoolBytes: config.bufferPoolBytes });
      await sink.ensureSchema();
      return sink;
    } catch (err) {
      await sink?.close().catch(() => undefined);
      if (err instanceof NewsgraphError && err.code === 'graph-locked') {
        throw new CliError(
          `${err.message}. The embedded store admits one writing process: run ONE worker with --concurrency N, or use Neo4j (--graph neo4j) for several`,
          EXIT.unavailable,
        );
      }
      throw err;
    }
  }
  const n = config.neo4j ?? {};
  // Neo4j may come up after the worker: open lazily, jobs retry until it answers.
  return lazySink('neo4j', async () => {
    const sink = await openNeo4jSink({
      uri: n.uri ?? '',
      user: n.user ?? 'neo4j',
      password: n.password ?? '',
      database: n.database,
    });
    try {
      await sink.ensureSchema();
    } catch (err) {
      // The next write opens a new driver: close this one, or its pooled sockets outlive the worker.
      await sink.close().catch(() => undefined);
      throw err;
    }
    return sink;
  });
}
