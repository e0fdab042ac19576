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

/** Named entities: every one becomes a graph node. Dates and amounts of money are `Value`s, not entities. */
export const ENTITY_TYPES = ['Person', 'Organization', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Entity types that become graph nodes (all of them). */
export const NODE_ENTITY_TYPES = ENTITY_TYPES;
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

/** A date in the text, normalised: `iso` is a day, month or year (`2019-11-19`, `2019-11`, `2019`) or a range. */
export interface DateValue extends Mention {
  type: 'Date';
  /** ISO 8601: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or an interval `YYYY-MM-DD/YYYY-MM-DD`. */
  iso: string;
  /** Id of the rule that found it. */
  rule: string;
}

/** An amount of money in the text: "$2.5 billion" is `{ amount: 2500000000, currency: 'USD' }`. */
export interface MoneyValue extends Mention {
  type: 'Money';
  amount: number;
  /** ISO 4217 code. */
  currency: string;
  /** Id of the rule that found it. */
  rule: string;
}

/** A normalised value found in the text (offsets as for mentions). Values are not graph nodes. */
export type Value = DateValue | MoneyValue;

/** What the NLP finds in one text. */
export interface Document {
  entities: Entity[];
  relations: Relation[];
  /** Dates and amounts of money, in text order (always set by `analyze()`). */
  values?: Value[];
}

/** The output of `newsgraph extract` for one input. */
export interface ExtractResult extends Document {
  article?: Article;
}
