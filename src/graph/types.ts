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

export interface WriteSummary {
  articleId: string;
  entities: number;
  facts: number;
  ms: number;
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
  /** Replace this article's whole contribution, all or nothing. */
  write(write: GraphWrite): Promise<WriteSummary>;
  close(): Promise<void>;
}
