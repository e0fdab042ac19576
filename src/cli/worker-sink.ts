/**
 * Which graph store the worker writes to: `--graph kuzu` (default; embedded, ONE writing process) or
 * `--graph neo4j` (any number of worker processes). Reads NEWSGRAPH_GRAPH, NEWSGRAPH_DB and NEO4J_*.
 */
import { NewsgraphError } from '../core/index.js';
import { DEFAULT_KUZU_PATH, openKuzuSink } from '../graph/kuzu.js';
import { openNeo4jSink } from '../graph/neo4j.js';
import type { GraphSink } from '../graph/types.js';
import { lazySink } from '../queue/lazy-sink.js';
import { CliError, EXIT } from './errors.js';

export interface SinkCliOptions {
  graph?: string;
  db?: string;
}

/** Open the sink the options and env ask for; a locked Kùzu file fails here, at start-up. */
export async function openWorkerSink(
  options: SinkCliOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GraphSink> {
  const kind = options.graph ?? env.NEWSGRAPH_GRAPH ?? 'kuzu';
  if (kind === 'kuzu') {
    const path = options.db ?? env.NEWSGRAPH_DB ?? DEFAULT_KUZU_PATH;
    try {
      const sink = await openKuzuSink({ path });
      await sink.ensureSchema();
      return sink;
    } catch (err) {
      if (err instanceof NewsgraphError && err.code === 'kuzu-locked') {
        throw new CliError(
          `${err.message}. Kùzu admits one writing process: run ONE worker with --concurrency N, or use Neo4j (--graph neo4j) for several`,
          EXIT.unavailable,
        );
      }
      throw err;
    }
  }
  if (kind === 'neo4j') {
    const uri = env.NEO4J_URI;
    if (!uri)
      throw new CliError('--graph neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)', EXIT.usage);
    // Neo4j may come up after the worker: open lazily, jobs retry until it answers.
    return lazySink('neo4j', async () => {
      const sink = await openNeo4jSink({
        uri,
        user: env.NEO4J_USER ?? 'neo4j',
        password: env.NEO4J_PASSWORD ?? '',
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
  throw new CliError(`unknown --graph ${kind} (kuzu or neo4j)`, EXIT.usage);
}
