/**
 * The page store: the bytes of every page (or text) an article was extracted from, so `newsgraph
 * reprocess` can run a new extractor over them without fetching again. Bytes are kept compressed and
 * content-addressed (one blob per distinct content, whatever the number of articles or re-fetches); a
 * small record per article names its blob and how to read it.
 */

/** How the stored bytes are read back: an HTML page, or plain text (first line = title). */
export type PageKind = 'html' | 'text';

/** What is stored for one article: enough to run the extraction again exactly as the first time. */
export interface PageRecord {
  /** The graph's article id (`articleId()`), the record's key. */
  articleId: string;
  kind: PageKind;
  /** The URL the page was fetched from (after redirects), or the one given with a file. */
  url: string | null;
  /** Charset from the HTTP `Content-Type`, when there was one. */
  charset: string | null;
  /** SHA-256 (hex) of the uncompressed bytes: the blob's address. */
  sha256: string;
  /** Uncompressed size in bytes. */
  bytes: number;
  /** ISO 8601: when these bytes were stored. */
  storedAt: string;
}

/** The part of a record a writer gives; the store fills in the address, size and time. */
export interface PageInput {
  articleId: string;
  kind: PageKind;
  url: string | null;
  charset?: string | null;
  body: Uint8Array;
}

export interface PageStore {
  /** Keep `input.body` (once per content) and point the article's record at it. Idempotent. */
  put(input: PageInput): Promise<PageRecord>;
  /** The record of an article, if its page was stored. */
  record(articleId: string): Promise<PageRecord | undefined>;
  /** The uncompressed bytes a record points at. */
  read(record: PageRecord): Promise<Uint8Array>;
  /** Every record, in a stable order (by article id). */
  records(): AsyncIterable<PageRecord>;
}
