/**
 * The data contracts every stage shares:
 * `URL -> fetch -> RawPage -> extractArticle -> Article -> analyze -> Document -> toGraphWrite -> GraphSink`.
 * This module imports nothing.
 */

/** A fetched page, before any parsing. */
export interface RawPage {
  /** The URL that was asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  /** The raw bytes of the body (already decompressed). */
  body: Uint8Array;
  /** Charset from the HTTP `Content-Type`, when the server gave one. */
  charset?: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/** One news article, as extracted from a page or a plain text. */
export interface Article {
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  /** ISO 8601. */
  publishedAt: string | null;
  /** ISO 8601. */
  modifiedAt: string | null;
  siteName: string | null;
  /** BCP 47 tag, e.g. `en`, `pt-BR`. */
  language: string | null;
  description: string | null;
  /** Clean body: paragraphs and in-body subheads separated by a blank line (`\n\n`). */
  text: string;
  paragraphs: string[];
  /** In-body subheadings, in order (each also appears in `text`). */
  headings: string[];
}

export const ENTITY_TYPES = ['Person', 'Organization', 'Place', 'Product', 'Date', 'Money'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Entity types that become graph nodes (Date and Money are values used by relations). */
export const NODE_ENTITY_TYPES = ['Person', 'Organization', 'Place', 'Product'] as const;
export type NodeEntityType = (typeof NODE_ENTITY_TYPES)[number];

/** A half-open UTF-16 range `[start, end)` into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  text: string;
  /** Id of the entity rule that typed this mention (`org-head`, `titled-person+alias`, …). */
  rule?: string;
}

export interface Entity {
  /** Unique within one document; stable across runs (derived from `key`). */
  id: string;
  /** Type + normalised name; the same real-world name gives the same key across articles. */
  key: string;
  type: EntityType;
  /** The longest proper form. */
  name: string;
  /** The other forms the text uses for it ("Rodos" for "Alexey Rodos"). */
  aliases: string[];
  mentions: Mention[];
}

export const RELATION_TYPES = [
  'DIRECTS',
  'WORKS_FOR',
  'FOUNDED',
  'MEMBER_OF',
  'BASED_IN',
  'LOCATED_IN',
  'LIVES_IN',
  'BORN_IN',
  'CITIZEN_OF',
  'KILLED',
  'OWNS',
  'ACQUIRED',
  'INVESTS_IN',
  'LISTED_ON',
  'PARTNERS_WITH',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** The sentence that states a fact, and where its subject and object are. All offsets into the text. */
export interface Evidence extends Span {
  text: string;
  subject: Span;
  object: Span;
}

export interface Relation {
  type: RelationType;
  /** Entity id. */
  subject: string;
  /** Entity id. */
  object: string;
  /** What a PARTNERS_WITH is about ("R&D center"). */
  label?: string;
  /** The role in a DIRECTS / WORKS_FOR ("director"). */
  role?: string;
  /** 0..1 */
  confidence: number;
  /** Id of the rule that fired. */
  rule: string;
  evidence: Evidence;
}

/** What the NLP finds in one text. */
export interface Document {
  entities: Entity[];
  relations: Relation[];
}

/** The output of `newsgraph extract` for one input. */
export interface ExtractResult extends Document {
  article?: Article;
}
