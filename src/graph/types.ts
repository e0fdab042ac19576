import type { Article, Entity, Relation } from '../core/index.js';

/** An article as stored in the graph. */
export interface ArticleRecord extends Article {
  /** Stable id: hash of the canonical (or fetched) URL, or of the text when there is no URL. */
  id: string;
  /** Hash of `text`: tells whether a re-ingest changed anything. */
  contentHash: string;
  /** ISO 8601. */
  extractedAt: string;
  extractorVersion: string;
}

/** Everything one article contributes to the graph; written in one transaction. */
export interface GraphWrite {
  article: ArticleRecord;
  entities: Entity[];
  relations: Relation[];
}

/** What a write did to one entity or fact of the article: created it, changed it, or left it as it was. */
export type Change = 'new' | 'updated' | 'unchanged';

export interface WriteSummary {
  articleId: string;
  /** Entities the article mentions and facts it states (whatever the write changed). */
  entities: number;
  facts: number;
  ms: number;
  /** True when the stored article had the same `writeHash`: nothing was written. */
  unchanged?: boolean;
  /** Per entity key and per fact key of the article: what the write did to it in the graph. */
  changes?: { entities: Record<string, Change>; facts: Record<string, Change> };
}

/** A result row: column name -> plain JSON value (nodes and relationships as plain objects). */
export type QueryRow = Record<string, unknown>;

/** Read access for `newsgraph query`: the Kùzu database opened read-only, or a Neo4j READ session. */
export interface GraphReader {
  readonly kind: string;
  /** Run one read-only Cypher text with parameters. Check it with `assertReadOnly` first. */
  query(text: string, params?: Record<string, unknown>): Promise<QueryRow[]>;
  close(): Promise<void>;
}

/** The narrow interface every graph store implements (Kùzu, Neo4j, memory). */
export interface GraphSink {
  readonly kind: string;
  /** Create constraints / tables once (idempotent). */
  ensureSchema(): Promise<void>;
  /**
   * Replace this article's whole contribution, all or nothing. An article stored with the same
   * `writeHash` is left as it is (nothing is written).
   */
  write(write: GraphWrite): Promise<WriteSummary>;
  /**
   * Bulk path: write several articles, many per transaction, in order; one summary per write. A write
   * that fails is reported in its place (the others are still written). Optional: callers fall back to
   * {@link write} one by one. @see writeAll in bulk.ts
   */
  writeMany?(writes: GraphWrite[]): Promise<Array<WriteSummary | Error>>;
  close(): Promise<void>;
}
