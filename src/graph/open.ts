/**
 * Choose and open a sink or reader from a plain config (the CLI builds it from argv and env, the same
 * way for every command: see `src/cli/graph-options.ts`).
 */
import { InputError } from '../core/index.js';
import type { BatchMode } from './runner.js';
import type { GraphReader, GraphSink } from './types.js';

/** `embedded` (LadybugDB, one file) or `neo4j` (a server). */
export type SinkKind = 'embedded' | 'neo4j';

/** Old names still accepted for a kind: `kuzu` was the embedded store before LadybugDB. */
const KIND_ALIASES: Record<string, SinkKind> = { embedded: 'embedded', kuzu: 'embedded', neo4j: 'neo4j' };

export interface GraphConfig {
  /** @defaultValue 'neo4j' when `neo4j.uri` is set, else 'embedded' */
  kind?: SinkKind | 'kuzu';
  /** Embedded database file. @defaultValue ./newsgraph.lbug */
  dbPath?: string;
  /** @deprecated @see dbPath */
  kuzuPath?: string;
  neo4j?: { uri?: string; user?: string; password?: string; database?: string };
  batchMode?: BatchMode;
  /** Embedded buffer pool in bytes. @defaultValue see `DEFAULT_BUFFER_POOL_BYTES` in embedded.ts */
  bufferPoolBytes?: number;
}

/** Which store a config selects: the one rule every command follows. */
export function sinkKindOf(config: GraphConfig): SinkKind {
  const asked = config.kind ?? (config.neo4j?.uri ? 'neo4j' : 'embedded');
  const kind = KIND_ALIASES[asked];
  if (!kind) throw new InputError('bad-graph', `unknown graph "${asked}" (embedded or neo4j)`);
  if (kind === 'neo4j' && !config.neo4j?.uri)
    throw new InputError('no-neo4j-uri', 'the neo4j graph needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)');
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

function embeddedOptions(config: GraphConfig) {
  return {
    path: config.dbPath ?? config.kuzuPath,
    batchMode: config.batchMode,
    bufferPoolBytes: config.bufferPoolBytes,
  };
}

/**
 * Open the configured sink for writing and make sure its schema exists. The embedded file is held,
 * or, when `newsgraph serve` holds it, written through serve (shared.ts).
 */
export async function openSink(config: GraphConfig): Promise<GraphSink> {
  const sink =
    sinkKindOf(config) === 'neo4j'
      ? await (await import('./neo4j.js')).openNeo4jSink(neo4jOptions(config))
      : await (await import('./shared.js')).openShared('write', embeddedOptions(config));
  try {
    await sink.ensureSchema();
  } catch (err) {
    await sink.close();
    throw err;
  }
  return sink;
}

/**
 * Open the configured store for reading only: Neo4j in READ sessions; the embedded file through the
 * query endpoint of the process that holds it (a worker, a long ingest; see query-server.ts) when one
 * announces itself, else read-only. Asking the holder first matters: LadybugDB 0.19 lets a read-only
 * open race a live writer (LadybugDB/ladybug#766: crashes, wrong results). `newsgraph query` and
 * `newsgraph serve` both open their reader here.
 */
export async function openReader(config: GraphConfig): Promise<GraphReader> {
  if (sinkKindOf(config) === 'neo4j') return (await import('./neo4j.js')).openNeo4jSink(neo4jOptions(config));
  const { DEFAULT_DB_PATH, openEmbeddedReader } = await import('./embedded.js');
  const options = embeddedOptions(config);
  const remote = (await import('./query-server.js')).openRemoteReader(options.path ?? DEFAULT_DB_PATH);
  return remote ?? openEmbeddedReader(options);
}

/**
 * The reader of `newsgraph serve`, a long-running process: Neo4j in READ sessions; the embedded file
 * held by serve itself when it is free (so a worker started later writes through serve), else read
 * through its holder, and handed over when the holder stops (shared.ts). Never a read-only open.
 */
export async function openServeReader(config: GraphConfig): Promise<GraphReader> {
  if (sinkKindOf(config) === 'neo4j') return (await import('./neo4j.js')).openNeo4jSink(neo4jOptions(config));
  return (await import('./shared.js')).openShared('serve', embeddedOptions(config));
}
