/**
 * Choose and open a sink or reader from a plain config (the CLI builds it from argv and env).
 */
import { InputError } from '../core/index.js';
import type { BatchMode } from './runner.js';
import type { GraphReader, GraphSink } from './types.js';

export type SinkKind = 'kuzu' | 'neo4j';

export interface GraphConfig {
  /** @defaultValue 'neo4j' when `neo4j.uri` is set, else 'kuzu' */
  kind?: SinkKind;
  /** Kùzu database file. @defaultValue ./newsgraph.kuzu */
  kuzuPath?: string;
  neo4j?: { uri?: string; user?: string; password?: string; database?: string };
  batchMode?: BatchMode;
}

/** Which store a config selects. */
export function sinkKindOf(config: GraphConfig): SinkKind {
  const kind = config.kind ?? (config.neo4j?.uri ? 'neo4j' : 'kuzu');
  if (kind !== 'kuzu' && kind !== 'neo4j')
    throw new InputError('bad-sink', `unknown sink "${kind}" (kuzu or neo4j)`);
  if (kind === 'neo4j' && !config.neo4j?.uri)
    throw new InputError('no-neo4j-uri', 'the neo4j sink needs NEO4J_URI');
  return kind;
}

function neo4jOptions(config: GraphConfig) {
  const n = config.neo4j ?? {};
  return {
    uri: n.uri ?? '',
    user: n.user,
    password: n.password,
    database: n.database,
    batchMode: config.batchMode,
  };
}

/** Open the configured sink for writing and make sure its schema exists. */
export async function openSink(config: GraphConfig): Promise<GraphSink> {
  const sink =
    sinkKindOf(config) === 'neo4j'
      ? await (await import('./neo4j.js')).openNeo4jSink(neo4jOptions(config))
      : await (await import('./kuzu.js')).openKuzuSink({
          path: config.kuzuPath,
          batchMode: config.batchMode,
        });
  try {
    await sink.ensureSchema();
  } catch (err) {
    await sink.close();
    throw err;
  }
  return sink;
}

/** Open the configured store for reading only (Kùzu read-only; Neo4j READ sessions). */
export async function openReader(config: GraphConfig): Promise<GraphReader> {
  return sinkKindOf(config) === 'neo4j'
    ? (await import('./neo4j.js')).openNeo4jSink(neo4jOptions(config))
    : (await import('./kuzu.js')).openKuzuReader({ path: config.kuzuPath });
}
