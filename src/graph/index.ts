/** The knowledge graph: pure `toGraphWrite()`, sinks behind `GraphSink` (Kùzu, Neo4j, memory), saved queries. */

export { DEFAULT_BULK_SIZE, WriteBatcher, writeAll } from './bulk.js';
export { DEFAULT_DB_PATH } from './embedded.js';
export { DEFAULT_KUZU_PATH } from './kuzu.js';
export { MemorySink } from './memory.js';
export {
  type GraphConfig,
  openReader,
  openServeReader,
  openSink,
  type SinkKind,
  sinkKindOf,
} from './open.js';
export { bindSavedParams, SAVED_QUERIES, type SavedQuery, savedQuery } from './queries/saved.js';
export { assertReadOnly, ReadOnlyQueryError } from './read-only.js';
export type { BatchMode } from './runner.js';
export { type GraphSnapshot, readSnapshot } from './snapshot.js';
export { articleId, EXTRACTOR_VERSION, type ToGraphWriteOptions, toGraphWrite } from './to-graph-write.js';
export type {
  ArticleRecord,
  Change,
  GraphReader,
  GraphSink,
  GraphWrite,
  QueryRow,
  WriteSummary,
} from './types.js';
